import { describe, expect, it } from 'vitest';
import { recordRetention } from './retention';
import type { MeasureNumber } from './types';

const GRAD = '2027-02-12';
const table = (reportedAt: string) =>
  Object.fromEntries(
    ([1, 2, 3, 4, 5, 6, 7, 8, 9] as MeasureNumber[]).map((measure) => {
      const r = recordRetention({ measure, reportedAt, graduationDate: GRAD });
      return [measure, [r.deleteAt, r.preGraduationReview]];
    }),
  );

describe('student-record retention by report date (docs/domain-process.md §5.3)', () => {
  it('cases reported from 2024-03-01: 1–3 at graduation, 4–5 +2 y reviewable, 6–7 +4 y reviewable, 8 +4 y, 9 never', () => {
    expect(table('2024-03-01T00:00:00+09:00')).toEqual({
      1: [GRAD, false],
      2: [GRAD, false],
      3: [GRAD, false],
      4: ['2029-02-12', true],
      5: ['2029-02-12', true],
      6: ['2031-02-12', true],
      7: ['2031-02-12', true],
      8: ['2031-02-12', false],
      9: ['never', false],
    });
  });

  it('cases reported 2023-03-01 to 2024-02-29: 6–7 +2 y reviewable, 8 +2 y without review', () => {
    const expected = {
      1: [GRAD, false],
      2: [GRAD, false],
      3: [GRAD, false],
      4: ['2029-02-12', true],
      5: ['2029-02-12', true],
      6: ['2029-02-12', true],
      7: ['2029-02-12', true],
      8: ['2029-02-12', false],
      9: ['never', false],
    };
    expect(table('2023-03-01T00:00:00+09:00')).toEqual(expected);
    expect(table('2024-02-29T23:59:59+09:00')).toEqual(expected);
  });

  it('cases reported before 2023-03-01: 4–6 +2 y reviewable, 7 at graduation, 8 +2 y reviewable', () => {
    expect(table('2023-02-28T23:59:59+09:00')).toEqual({
      1: [GRAD, false],
      2: [GRAD, false],
      3: [GRAD, false],
      4: ['2029-02-12', true],
      5: ['2029-02-12', true],
      6: ['2029-02-12', true],
      7: [GRAD, false],
      8: ['2029-02-12', true],
      9: ['never', false],
    });
  });

  it('judges the era on the KST day of the report', () => {
    expect(recordRetention({ measure: 6, reportedAt: '2024-02-29T15:00:00Z', graduationDate: GRAD }).deleteAt).toBe('2031-02-12');
    expect(recordRetention({ measure: 6, reportedAt: '2024-02-29T14:59:59Z', graduationDate: GRAD }).deleteAt).toBe('2029-02-12');
  });

  it('counts years from a Feb 29 graduation like date-fns addYears', () => {
    expect(recordRetention({ measure: 4, reportedAt: '2025-01-01T00:00:00+09:00', graduationDate: '2024-02-29' })).toEqual({
      deleteAt: '2026-02-28',
      preGraduationReview: true,
      deferred: false,
    });
    expect(recordRetention({ measure: 8, reportedAt: '2025-01-01T00:00:00+09:00', graduationDate: '2024-02-29' }).deleteAt).toBe('2028-02-29');
  });

  it('rejects an invalid measure or graduation date', () => {
    expect(() => recordRetention({ measure: 10 as MeasureNumber, reportedAt: '2025-01-01T00:00:00+09:00', graduationDate: GRAD })).toThrow(RangeError);
    expect(() => recordRetention({ measure: 1, reportedAt: '2025-01-01T00:00:00+09:00', graduationDate: '2027/02/12' })).toThrow(RangeError);
  });

  it('honours a retention override', () => {
    const r = recordRetention({
      measure: 7,
      reportedAt: '2025-01-01T00:00:00+09:00',
      graduationDate: GRAD,
      rulebook: { retention: { 7: { deleteAfter: 3 } } },
    });
    expect(r).toEqual({ deleteAt: '2030-02-12', preGraduationReview: true, deferred: false });
  });
});
