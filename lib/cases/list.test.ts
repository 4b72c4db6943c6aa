import { describe, expect, it } from 'vitest';
import { computeDeadlines, type CaseEvent, type Category, type Deadline } from '@/lib/rules';
import { caseListParams, caseListQueryFrom, clockSummary, deadlineStatusAt, isFiltered } from './list';

const reportedAt = '2026-03-02T10:00:00+09:00';
const calendar = { holidays: [] };

function snapshot(at: string, events: CaseEvent[] = [], categories: Category[] = ['physical']): Deadline[] {
  return computeDeadlines({ jurisdiction: 'KR', reportedAt, categories, events, now: at, calendar });
}
const byKey = (ds: Deadline[], key: Deadline['key']) => ds.find((d) => d.key === key)!;
const at = (iso: string) => new Date(iso);

describe('deadlineStatusAt', () => {
  const fresh = snapshot(reportedAt);

  it('an unmet hour clock is pending, then due soon under 12 hours, then breached after its due time', () => {
    const office = byKey(fresh, 'office_report'); // due 03-04 10:00
    expect(office.status).toBe('pending');
    expect(deadlineStatusAt(office, at(reportedAt), at('2026-03-03T21:00:00+09:00'))).toBe('pending');
    expect(deadlineStatusAt(office, at(reportedAt), at('2026-03-03T23:00:00+09:00'))).toBe('due_soon');
    expect(deadlineStatusAt(office, at(reportedAt), at('2026-03-04T10:00:00+09:00'))).toBe('due_soon');
    expect(deadlineStatusAt(office, at(reportedAt), at('2026-03-04T10:00:01+09:00'))).toBe('breached');
  });

  it('an unmet day clock is due soon under 3 days', () => {
    const s = snapshot('2026-03-02T12:00:00+09:00', [{ type: 'office_reported', at: '2026-03-02T11:00:00+09:00' }]);
    const inv = byKey(s, 'investigation'); // 14 days, due 03-17 00:00
    expect(inv.dueAt).toBe('2026-03-17T00:00:00+09:00');
    expect(deadlineStatusAt(inv, at(reportedAt), at('2026-03-13T23:00:00+09:00'))).toBe('pending');
    expect(deadlineStatusAt(inv, at(reportedAt), at('2026-03-14T01:00:00+09:00'))).toBe('due_soon');
  });

  it('a met clock stays met however late it is read', () => {
    const s = snapshot('2026-03-02T12:00:00+09:00', [{ type: 'guardians_notified', at: '2026-03-02T11:00:00+09:00' }]);
    expect(deadlineStatusAt(byKey(s, 'guardian_notice'), at(reportedAt), at('2027-01-01T00:00:00+09:00'))).toBe('met');
    expect(deadlineStatusAt(byKey(s, 'police_report'), at(reportedAt), at('2027-01-01T00:00:00+09:00'))).toBe('not_applicable');
  });

  it('reading the snapshot later agrees with recomputing every clock later', () => {
    const events: CaseEvent[] = [
      { type: 'guardians_notified', at: '2026-03-02T11:00:00+09:00' },
      { type: 'separation_started', at: '2026-03-02T12:00:00+09:00' },
      { type: 'office_reported', at: '2026-03-03T09:00:00+09:00' },
    ];
    const categories: Category[] = ['sexual_violence'];
    const stored = snapshot('2026-03-03T09:05:00+09:00', events, categories);
    for (let h = 0; h < 24 * 40; h += 5) {
      const now = new Date(Date.parse('2026-03-03T09:05:00+09:00') + h * 3_600_000);
      const fresh = computeDeadlines({ jurisdiction: 'KR', reportedAt, categories, events, now: now.toISOString(), calendar });
      expect(
        stored.map((d) => deadlineStatusAt(d, at(reportedAt), now)),
        now.toISOString(),
      ).toEqual(fresh.map((d) => d.status));
    }
  });
});

describe('clockSummary', () => {
  const stored = snapshot(reportedAt);

  it('leads with the stored next clock and counts the breached ones now', () => {
    const s = clockSummary(
      { status: 'reported', reportedAt: at(reportedAt), deadlines: stored, nextDueKey: 'guardian_notice' },
      at('2026-03-05T00:00:00+09:00'),
    );
    expect(s.next).toEqual({ key: 'guardian_notice', dueAt: '2026-03-03T10:00:00+09:00', status: 'breached' });
    expect(s.breached).toBe(3); // guardian notice, office report, separation start
  });

  it('a closed case has nothing left to meet', () => {
    expect(clockSummary({ status: 'closed', reportedAt: at(reportedAt), deadlines: stored, nextDueKey: null }, at('2026-04-01T00:00:00+09:00'))).toEqual({
      next: null,
      breached: 0,
    });
  });
});

describe('list query from the URL', () => {
  it('takes the first of repeated values, drops empty ones and falls back on garbage', () => {
    expect(caseListQueryFrom({ status: ['closed', 'all'], category: '', breached: '1', q: '  0042 ', page: '3' })).toEqual({
      status: 'closed',
      breached: '1',
      q: '0042',
      page: 3,
    });
    expect(caseListQueryFrom({ status: 'nope', category: 'fire', breached: 'yes', page: '-2' })).toEqual({ status: 'open', page: 1 });
  });

  it('links leave defaults out and keep the filters', () => {
    const q = caseListQueryFrom({ category: 'verbal', q: '강남', page: '2' });
    expect(caseListParams(q)).toEqual({ category: 'verbal', q: '강남', page: '2' });
    expect(caseListParams(q, 1)).toEqual({ category: 'verbal', q: '강남' });
    expect(isFiltered(q)).toBe(true);
    expect(isFiltered(caseListQueryFrom({ page: '4' }))).toBe(false);
  });
});
