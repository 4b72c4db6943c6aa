import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { recordRetention } from './retention';
import { retentionInputSchema } from './schemas';
import type { MeasureNumber, RetentionInput } from './types';

/** Version 2: the record field by entry year, and the conditional deferral of measures 1–3 (docs/domain-process.md §5.3). */

const GRAD = '2027-02-12';
const MEASURES: MeasureNumber[] = [1, 2, 3, 4, 5, 6, 7, 8, 9];
const at =
  (reportedAt: string, over: Partial<RetentionInput> = {}) =>
  (measure: MeasureNumber) =>
    recordRetention({ measure, reportedAt, graduationDate: GRAD, ...over });

describe('record field by entry year, not by report date', () => {
  it('students who entered the level in 2024 or later: every measure in violence_record (학교폭력 조치상황 관리)', () => {
    expect(MEASURES.map((m) => at('2026-03-02T10:00:00+09:00', { entryYear: 2024 })(m).field)).toEqual(MEASURES.map(() => 'violence_record'));
    expect(at('2026-03-02T10:00:00+09:00', { entryYear: 2026 })(9).field).toBe('violence_record');
  });

  it('students who entered earlier keep the old fields even for a case reported after 2024-03-01: 1–3 and 7 behaviour_opinion, 4–6 attendance, 8–9 personal_academic', () => {
    expect(MEASURES.map((m) => at('2024-05-10T10:00:00+09:00', { entryYear: 2023 })(m).field)).toEqual([
      'behaviour_opinion',
      'behaviour_opinion',
      'behaviour_opinion',
      'attendance',
      'attendance',
      'attendance',
      'behaviour_opinion',
      'personal_academic',
      'personal_academic',
    ]);
  });

  it('without entryYear there is no field', () => {
    expect('field' in at('2026-03-02T10:00:00+09:00')(6)).toBe(false);
  });

  it('on the 2024-03-01 boundary (00:00 KST) retention switches with the report date while the field stays with the entry year', () => {
    const after = at('2024-02-29T15:00:00Z', { entryYear: 2023 })(6);
    const before = at('2024-02-29T14:59:59Z', { entryYear: 2023 })(6);
    expect(after).toMatchObject({ deleteAt: '2031-02-12', field: 'attendance' });
    expect(before).toMatchObject({ deleteAt: '2029-02-12', field: 'attendance' });
    expect(at('2024-03-01T00:00:00+09:00', { entryYear: 2024 })(6)).toMatchObject({ deleteAt: '2031-02-12', field: 'violence_record' });
  });

  it('takes the first unified entry year from the rulebook', () => {
    const r = recordRetention({
      measure: 4,
      reportedAt: '2026-03-02T10:00:00+09:00',
      graduationDate: GRAD,
      entryYear: 2024,
      rulebook: { record: { unifiedFieldFromEntryYear: 2025 } },
    });
    expect(r.field).toBe('attendance');
  });

  it('rejects an entry year that is not a whole four-digit year', () => {
    expect(() => at('2026-03-02T10:00:00+09:00', { entryYear: 2024.5 })(1)).toThrow(RangeError);
    expect(() => at('2026-03-02T10:00:00+09:00', { entryYear: 24 })(1)).toThrow(RangeError);
  });
});

describe('conditional deferral of measures 1–3 (since 2020-03-01)', () => {
  const R = '2026-03-02T10:00:00+09:00';

  it('a fulfilled measure 1–3 that is the student’s first in the level is deferred (the defaults)', () => {
    for (const m of [1, 2, 3] as const) {
      expect(at(R)(m).deferred).toBe(true);
      expect(at(R, { fulfilled: true, priorMeasureInLevel: false })(m).deferred).toBe(true);
    }
  });

  it('is entered when the measure was not fulfilled or an earlier case in the level had a measure', () => {
    for (const m of [1, 2, 3] as const) {
      expect(at(R, { fulfilled: false })(m).deferred).toBe(false);
      expect(at(R, { priorMeasureInLevel: true })(m).deferred).toBe(false);
    }
  });

  it('never defers measures 4–9', () => {
    for (const m of [4, 5, 6, 7, 8, 9] as const) expect(at(R, { fulfilled: true, priorMeasureInLevel: false })(m).deferred).toBe(false);
  });

  it('applies to cases reported from 00:00 KST on 2020-03-01, not before', () => {
    expect(at('2020-02-29T15:00:00Z')(1).deferred).toBe(true);
    expect(at('2020-02-29T14:59:59Z')(1).deferred).toBe(false);
  });

  it('does not change retention: deleteAt stays by report date', () => {
    expect(at(R)(1)).toEqual({ deleteAt: GRAD, preGraduationReview: false, deferred: true });
    expect(at(R, { entryYear: 2023 })(2)).toEqual({ deleteAt: GRAD, preGraduationReview: false, field: 'behaviour_opinion', deferred: true });
  });

  it('rejects non-boolean flags', () => {
    expect(() => recordRetention({ measure: 1, reportedAt: R, graduationDate: GRAD, fulfilled: 'yes' as unknown as boolean })).toThrow(RangeError);
  });

  it('the input schema accepts the version-2 fields', () => {
    expect(
      retentionInputSchema.safeParse({ measure: 1, reportedAt: R, graduationDate: GRAD, entryYear: 2024, priorMeasureInLevel: true, fulfilled: false }).success,
    ).toBe(true);
    expect(retentionInputSchema.safeParse({ measure: 1, reportedAt: R, graduationDate: GRAD, entryYear: 2024.5 }).success).toBe(false);
  });

  it('deleteAt and preGraduationReview never depend on entryYear, priorMeasureInLevel or fulfilled; field is present exactly with entryYear; only 1–3 defer', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...MEASURES),
        fc.integer({ min: Date.UTC(2018, 0, 1), max: Date.UTC(2028, 0, 1) }),
        fc.option(fc.integer({ min: 2010, max: 2030 }), { nil: undefined }),
        fc.option(fc.boolean(), { nil: undefined }),
        fc.option(fc.boolean(), { nil: undefined }),
        (measure, ms, entryYear, priorMeasureInLevel, fulfilled) => {
          const reportedAt = new Date(ms).toISOString();
          const plain = recordRetention({ measure, reportedAt, graduationDate: GRAD });
          const v2 = recordRetention({
            measure,
            reportedAt,
            graduationDate: GRAD,
            ...(entryYear !== undefined ? { entryYear } : {}),
            ...(priorMeasureInLevel !== undefined ? { priorMeasureInLevel } : {}),
            ...(fulfilled !== undefined ? { fulfilled } : {}),
          });
          expect(v2.deleteAt).toBe(plain.deleteAt);
          expect(v2.preGraduationReview).toBe(plain.preGraduationReview);
          expect(v2.field !== undefined).toBe(entryYear !== undefined);
          if (v2.deferred) expect([1, 2, 3]).toContain(measure);
          if (v2.deferred) expect(fulfilled !== false && priorMeasureInLevel !== true).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });
});
