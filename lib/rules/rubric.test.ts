import { describe, expect, it } from 'vitest';
import { recommendMeasures } from './rubric';
import type { RubricInput, Score } from './types';

/** Scores adding up to `total`, spread over the five factors. */
function scoresFor(total: number): RubricInput['scores'] {
  const s: Score[] = [0, 0, 0, 0, 0];
  let left = total;
  for (let i = 0; i < 5; i++) {
    const v = Math.min(4, left) as Score;
    s[i] = v;
    left -= v;
  }
  const [severity = 0, persistence = 0, intent = 0, remorse = 0, reconciliation = 0] = s;
  return { severity, persistence, intent, remorse, reconciliation };
}

const rec = (total: number, over: Partial<RubricInput> = {}) => recommendMeasures({ scores: scoresFor(total), schoolLevel: 'high', ...over });

describe('score table (MOE rubric notice)', () => {
  it.each([
    [0, []],
    [1, [1]],
    [3, [1]],
    [4, [3]],
    [6, [3]],
    [7, [4]],
    [9, [4]],
    [10, [6]],
    [12, [6]],
    [13, [7]],
    [15, [7]],
    [16, [8, 9]],
    [20, [8, 9]],
  ])('total %i gives band %j', (total, band) => {
    const r = rec(total);
    expect(r.total).toBe(total);
    expect(r.bandMeasures).toEqual(band);
    expect(r.measures).toEqual(band);
    expect(r.notes).toEqual([]);
  });

  it('sums the five factors, remorse and reconciliation counted as points', () => {
    const r = recommendMeasures({
      scores: { severity: 3, persistence: 2, intent: 1, remorse: 4, reconciliation: 0 },
      schoolLevel: 'high',
    });
    expect(r.total).toBe(10);
    expect(r.bandMeasures).toEqual([6]);
  });

  it('rejects scores outside 0–4', () => {
    expect(() => recommendMeasures({ scores: { ...scoresFor(0), severity: 5 as Score }, schoolLevel: 'high' })).toThrow(RangeError);
  });
});

describe('expulsion barred in compulsory education', () => {
  it.each(['elementary', 'middle'] as const)('16–20 gives [8] with a note in %s school', (schoolLevel) => {
    const r = rec(18, { schoolLevel });
    expect(r).toEqual({
      total: 18,
      bandMeasures: [8],
      measures: [8],
      studentEducationRequired: true,
      notes: ['expulsion_barred_compulsory'],
    });
  });

  it.each(['high', 'special'] as const)('16–20 keeps [8, 9] in %s school', (schoolLevel) => {
    expect(rec(16, { schoolLevel }).measures).toEqual([8, 9]);
  });

  it('aggravation from 8 stays 8 in compulsory education, with the note', () => {
    const r = rec(16, { schoolLevel: 'middle', adjustment: 'aggravate' });
    expect(r.measures).toEqual([8]);
    expect(r.notes).toEqual(['expulsion_barred_compulsory']);
  });

  it('aggravation from 7 gives 8 in compulsory education without a note', () => {
    const r = rec(14, { schoolLevel: 'elementary', adjustment: 'aggravate' });
    expect(r.measures).toEqual([8]);
    expect(r.notes).toEqual([]);
  });

  it('mitigation from the compulsory band [8] gives [7]', () => {
    expect(rec(20, { schoolLevel: 'middle', adjustment: 'mitigate' }).measures).toEqual([7]);
  });
});

describe('adjustment along the ladder 1 → 3 → 4 → 6 → 7 → 8 → 9', () => {
  it.each([
    [2, [3]],
    [5, [4]],
    [8, [6]],
    [11, [7]],
    [14, [8]],
  ])('aggravate from total %i gives %j', (total, measures) => {
    expect(rec(total, { adjustment: 'aggravate' }).measures).toEqual(measures);
  });

  it.each([
    [2, []],
    [5, [1]],
    [8, [3]],
    [11, [4]],
    [14, [6]],
  ])('mitigate from total %i gives %j', (total, measures) => {
    const r = rec(total, { adjustment: 'mitigate' });
    expect(r.measures).toEqual(measures);
    expect(r.bandMeasures).not.toEqual(measures);
  });

  it('band [8, 9] moves as a unit: mitigates to [7], aggravates to [9]', () => {
    expect(rec(17, { adjustment: 'mitigate' }).measures).toEqual([7]);
    expect(rec(17, { adjustment: 'aggravate' }).measures).toEqual([9]);
    expect(rec(17, { adjustment: 'aggravate' }).bandMeasures).toEqual([8, 9]);
  });

  it('total 0 gives none, adjusted or not', () => {
    expect(rec(0, { adjustment: 'aggravate' }).measures).toEqual([]);
    expect(rec(0, { adjustment: 'mitigate' }).measures).toEqual([]);
  });

  it('a null adjustment changes nothing', () => {
    expect(rec(8, { adjustment: null }).measures).toEqual([4]);
  });
});

describe('score-independent measures 2 and 5, and added student education (Act 17③)', () => {
  it('protectionNeeded adds 2 and guidanceNeeded adds 5, ascending without duplicates', () => {
    expect(rec(10, { protectionNeeded: true, guidanceNeeded: true }).measures).toEqual([2, 5, 6]);
    expect(rec(0, { guidanceNeeded: true }).measures).toEqual([5]);
    expect(rec(2, { protectionNeeded: true, adjustment: 'mitigate' }).measures).toEqual([2]);
  });

  it('requires student education for any of 2, 3, 4, 6, 7, 8', () => {
    expect(rec(0).studentEducationRequired).toBe(false);
    expect(rec(2).studentEducationRequired).toBe(false);
    expect(rec(0, { guidanceNeeded: true }).studentEducationRequired).toBe(false);
    expect(rec(17, { adjustment: 'aggravate' }).studentEducationRequired).toBe(false);
    expect(rec(0, { protectionNeeded: true }).studentEducationRequired).toBe(true);
    for (const total of [4, 7, 10, 13, 16]) expect(rec(total).studentEducationRequired).toBe(true);
  });
});
