import { describe, expect, it } from 'vitest';
import { clockFigures, interpolate, sortRows } from './figures';

describe('clock figures', () => {
  it('late is met late plus past due; the late share leaves out what is not yet due', () => {
    const f = clockFigures({ clocks: 10, met: 5, metLate: 2, unmet: 3, pastDue: 2, breachedOpen: 1 });
    expect(f).toMatchObject({ late: 4, pending: 1, breachedClosed: 1, lateShare: 4 / 9 });
  });

  it('has no late share before anything is decided', () => {
    expect(clockFigures({ clocks: 2, met: 0, metLate: 0, unmet: 2, pastDue: 0, breachedOpen: 0 }).lateShare).toBeNull();
  });

  it('interpolates a percentile between its neighbours', () => {
    expect(interpolate(10, 20, 0.25)).toBe(12.5);
    expect(interpolate(null, null, null)).toBeNull();
  });

  it('sorts by a figure, missing values last, ties by name', () => {
    const row = (label: string, lateShare: number | null) => ({
      label,
      figures: { ...clockFigures({ clocks: 1, met: 1, metLate: 0, unmet: 0, pastDue: 0, breachedOpen: 0 }), lateShare },
    });
    const sorted = sortRows([row('나', 0.5), row('가', 0.5), row('다', null), row('라', 0.9)], 'late_share', 'desc');
    expect(sorted.map((r) => r.label)).toEqual(['라', '가', '나', '다']);
    expect(sortRows(sorted, 'name', 'asc').map((r) => r.label)).toEqual(['가', '나', '다', '라']);
  });
});
