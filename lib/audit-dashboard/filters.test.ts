import { describe, expect, it } from 'vitest';
import { addMonths, drillHref, monthsOf, parseDashboardQuery, parseDrillQuery } from './filters';

const now = new Date('2026-03-15T03:00:00Z');

describe('dashboard query', () => {
  it('defaults to the last twelve report months', () => {
    const q = parseDashboardQuery({}, now);
    expect([q.fromMonth, q.toMonth]).toEqual(['2025-04-01', '2026-03-01']);
    expect(monthsOf(q.fromMonth, q.toMonth)).toHaveLength(12);
  });

  it('ignores malformed values instead of failing', () => {
    const q = parseDashboardQuery({ from: 'yesterday', office: 'not-a-uuid', level: 'college', cat: ['physical', 'bogus'], page: '-3', tkey: 'appeal_window' }, now);
    expect(q).toMatchObject({ office: null, level: null, categories: ['physical'], page: 1, tableKey: 'all' });
  });

  it('swaps a reversed period, stops at the current month and caps it at ten years', () => {
    expect(parseDashboardQuery({ from: '2026-02', to: '2025-11' }, now)).toMatchObject({ fromMonth: '2025-11-01', toMonth: '2026-02-01' });
    expect(parseDashboardQuery({ to: '2030-01' }, now).toMonth).toBe('2026-03-01');
    expect(parseDashboardQuery({ from: '1990-01' }, now).fromMonth).toBe(addMonths('2026-03-01', -119));
  });

  it('a drill-down link carries the scope and the metric, and parses back to them', () => {
    const q = parseDashboardQuery({ from: '2026-01', to: '2026-02', cat: ['verbal'], level: 'middle' }, now);
    const href = drillHref(q, { metric: 'clock', key: 'committee_meeting', outcome: 'breached_open' }, { school: '7b0a3c3e-5f55-4c6a-9c59-8a0e7e0b8c11' });
    const back = parseDrillQuery(Object.fromEntries(new URL(href, 'http://x').searchParams), now);
    expect(back).toMatchObject({ metric: 'clock', key: 'committee_meeting', outcome: 'breached_open', fromMonth: '2026-01-01', toMonth: '2026-02-01', level: 'middle', categories: ['verbal'], school: '7b0a3c3e-5f55-4c6a-9c59-8a0e7e0b8c11' });
  });
});
