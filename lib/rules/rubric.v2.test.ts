import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EXPULSION_BARRED_COMPULSORY, inCompulsoryEducation, recommendMeasures } from './rubric';
import { rubricInputSchema } from './schemas';
import type { RubricInput, Score, SchoolCourse } from './types';
import { SCHOOL_COURSES, SCHOOL_LEVELS } from './types';

/** Version 2: a special school's course decides compulsory education (Act 17① proviso; 초·중등교육법 18①). */

const scores = (total: number): RubricInput['scores'] => {
  const s: Score[] = [0, 1, 2, 3, 4].map((i) => Math.max(0, Math.min(4, total - 4 * i)) as Score);
  const [severity = 0, persistence = 0, intent = 0, remorse = 0, reconciliation = 0] = s;
  return { severity, persistence, intent, remorse, reconciliation };
};

describe('expulsion barred for a special school’s student in the elementary or middle course', () => {
  it.each(['elementary', 'middle'] as const)('16–20 gives [8] with expulsion_barred_compulsory in the %s course', (course) => {
    expect(recommendMeasures({ scores: scores(18), schoolLevel: 'special', course })).toEqual({
      total: 18,
      bandMeasures: [8],
      measures: [8],
      studentEducationRequired: true,
      notes: [EXPULSION_BARRED_COMPULSORY],
    });
  });

  it.each(['elementary', 'middle'] as const)('aggravation from 8 stays 8 in the %s course', (course) => {
    const r = recommendMeasures({ scores: scores(16), schoolLevel: 'special', course, adjustment: 'aggravate' });
    expect(r.measures).toEqual([8]);
    expect(r.notes).toEqual([EXPULSION_BARRED_COMPULSORY]);
    expect(recommendMeasures({ scores: scores(14), schoolLevel: 'special', course, adjustment: 'aggravate' }).measures).toEqual([8]);
  });

  it('the high course, or no course given, keeps [8, 9] and aggravates to 9', () => {
    for (const course of ['high', undefined] as const) {
      const r = recommendMeasures({ scores: scores(16), schoolLevel: 'special', ...(course ? { course } : {}) });
      expect(r.measures).toEqual([8, 9]);
      expect(r.notes).toEqual([]);
      expect(recommendMeasures({ scores: scores(16), schoolLevel: 'special', ...(course ? { course } : {}), adjustment: 'aggravate' }).measures).toEqual([9]);
    }
  });

  it('the course is ignored outside special schools: the school level decides', () => {
    expect(recommendMeasures({ scores: scores(16), schoolLevel: 'high', course: 'middle' }).measures).toEqual([8, 9]);
    expect(recommendMeasures({ scores: scores(16), schoolLevel: 'middle', course: 'high' }).measures).toEqual([8]);
  });

  it('inCompulsoryEducation: elementary and middle levels, and those courses of a special school', () => {
    expect(inCompulsoryEducation({ schoolLevel: 'elementary' })).toBe(true);
    expect(inCompulsoryEducation({ schoolLevel: 'high' })).toBe(false);
    expect(inCompulsoryEducation({ schoolLevel: 'special' })).toBe(false);
    expect(inCompulsoryEducation({ schoolLevel: 'special', course: 'middle' })).toBe(true);
    expect(inCompulsoryEducation({ schoolLevel: 'special', course: 'high' })).toBe(false);
  });

  it('the input schema accepts a course and rejects an unknown one', () => {
    const base = { scores: scores(3), schoolLevel: 'special' };
    expect(rubricInputSchema.safeParse({ ...base, course: 'middle' }).success).toBe(true);
    expect(rubricInputSchema.safeParse({ ...base, course: 'kindergarten' }).success).toBe(false);
  });

  it('measure 9 is never recommended in compulsory education, whatever the scores, adjustment and flags', () => {
    const score = fc.constantFrom<Score>(0, 1, 2, 3, 4);
    fc.assert(
      fc.property(
        fc.record({ severity: score, persistence: score, intent: score, remorse: score, reconciliation: score }),
        fc.constantFrom(...SCHOOL_LEVELS),
        fc.option(fc.constantFrom<SchoolCourse>(...SCHOOL_COURSES), { nil: undefined }),
        fc.constantFrom('aggravate' as const, 'mitigate' as const, null),
        fc.boolean(),
        fc.boolean(),
        (s, schoolLevel, course, adjustment, protectionNeeded, guidanceNeeded) => {
          const input: RubricInput = { scores: s, schoolLevel, adjustment, protectionNeeded, guidanceNeeded, ...(course ? { course } : {}) };
          const r = recommendMeasures(input);
          if (inCompulsoryEducation(input)) {
            expect(r.measures).not.toContain(9);
            expect(r.bandMeasures).not.toContain(9);
          }
          // The only band holding 9 is 16–20, and aggravating from 7 reaches 8 only.
          expect(r.notes.includes(EXPULSION_BARRED_COMPULSORY)).toBe(inCompulsoryEducation(input) && r.total >= 16);
        },
      ),
      { numRuns: 500 },
    );
  });
});
