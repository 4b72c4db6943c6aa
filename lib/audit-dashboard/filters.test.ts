import { describe, expect, it } from 'vitest';
import { addMonths, drillHref, monthsOf, parseDashboardQuery, parseDrillQuery, periodParts, type PeriodPart } from './filters';

const now = new Date('2026-03-15T03:00:00Z');

describe('dashboard query', () => {
  it('defaults to the last twelve report months', () => {
    const q = parseDashboardQuery({}, now);
    expect([q.fromMonth, q.toMonth]).toEqual(['2025-04-01', '2026-03-01']);
    expect(monthsOf(q.fromMonth, q.toMonth)).toHaveLength(12);
  });

  it('ignores malformed values instead of failing', () => {
    const q = parseDashboardQuery(
      { from: 'yesterday', office: 'not-a-uuid', level: 'college', cat: ['physical', 'bogus'], page: '-3', tkey: 'appeal_window' },
      now,
    );
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
    expect(back).toMatchObject({
      metric: 'clock',
      key: 'committee_meeting',
      outcome: 'breached_open',
      fromMonth: '2026-01-01',
      toMonth: '2026-02-01',
      level: 'middle',
      categories: ['verbal'],
      school: '7b0a3c3e-5f55-4c6a-9c59-8a0e7e0b8c11',
    });
  });
});

/** Each month from 2010 to 2030 of the parts with its sign summed: a period's months once each, and nothing else. */
function expand(parts: PeriodPart[]): Map<string, number> {
  const out = new Map<string, number>();
  const add = (m: string, n: number) => {
    out.set(m, (out.get(m) ?? 0) + n);
    if (out.get(m) === 0) out.delete(m);
  };
  for (const p of parts) {
    if (p.grain === 'total') for (let y = 2010; y <= 2030; y++) for (const m of monthsOf(`${y}-01-01`, `${y}-12-01`)) add(m, 1);
    else if (p.grain === 'year')
      for (let y = Math.max(p.from, 2010); y <= Math.min(p.to, 2030); y++) for (const m of monthsOf(`${y}-01-01`, `${y}-12-01`)) add(m, p.sign);
    else for (const m of monthsOf(p.from, p.to)) add(m, p.sign);
  }
  return out;
}

describe('a period as years and months', () => {
  it('ten years are whole years, plus and minus a month at the ends', () => {
    expect(periodParts('2016-12-01', '2026-11-01')).toEqual([
      { grain: 'year', from: 2017, to: 2026, sign: 1 },
      { grain: 'month', from: '2016-12-01', to: '2016-12-01', sign: 1 },
      { grain: 'month', from: '2026-12-01', to: '2026-12-01', sign: -1 },
    ]);
  });

  it('a few months stay months; most of a year is the year less the rest', () => {
    expect(periodParts('2026-02-01', '2026-04-01')).toEqual([{ grain: 'month', from: '2026-02-01', to: '2026-04-01', sign: 1 }]);
    expect(periodParts('2025-02-01', '2025-11-01')).toEqual([
      { grain: 'year', from: 2025, to: 2025, sign: 1 },
      { grain: 'month', from: '2025-01-01', to: '2025-01-01', sign: -1 },
      { grain: 'month', from: '2025-12-01', to: '2025-12-01', sign: -1 },
    ]);
    expect(periodParts('2025-01-01', '2025-12-01')).toEqual([{ grain: 'year', from: 2025, to: 2025, sign: 1 }]);
  });

  it('a period holding nearly all the data is the totals less what lies outside it, open-ended', () => {
    expect(periodParts('2016-12-01', '2026-11-01', { from: '2016-11-01', to: '2026-11-01' })).toEqual([
      { grain: 'total', sign: 1 },
      { grain: 'year', from: 1, to: 2015, sign: -1 },
      { grain: 'year', from: 2016, to: 2016, sign: -1 },
      { grain: 'month', from: '2016-12-01', to: '2016-12-01', sign: 1 },
      { grain: 'month', from: '2026-12-01', to: '2026-12-01', sign: -1 },
      { grain: 'year', from: 2027, to: 9999, sign: -1 },
    ]);
    // The last twelve months of ten years of data: years and months, not the totals.
    expect(periodParts('2025-12-01', '2026-11-01', { from: '2016-11-01', to: '2026-11-01' })[0]).toEqual({ grain: 'year', from: 2026, to: 2026, sign: 1 });
  });

  it('every period of up to ten years adds up to exactly its months, whatever the data span', () => {
    const spans = [null, { from: '2016-03-01', to: '2026-11-01' }, { from: '2012-01-01', to: '2029-06-01' }, { from: '2020-05-01', to: '2020-05-01' }];
    for (const span of spans) {
      for (let start = 0; start < 24; start++) {
        for (let length = 1; length <= 120; length += start % 5 === 0 ? 1 : 7) {
          const from = addMonths('2016-01-01', start);
          const to = addMonths(from, length - 1);
          const want = new Map(monthsOf(from, to).map((m) => [m, 1]));
          expect(expand(periodParts(from, to, span)), `${from}..${to} ${JSON.stringify(span)}`).toEqual(want);
        }
      }
    }
  });
});
