/**
 * Measure recommendation from the MOE rubric (가해학생 조치별 적용 세부기준 고시;
 * Act 17①, Decree 19), docs/rules-contract.md §2. The committee may decide otherwise; the
 * product records this recommendation next to the decision.
 */
import { KR_RUBRIC } from './rulebook';
import type { Recommendation, RubricConfig, RubricInput } from './types';

export const EXPULSION_BARRED_COMPULSORY = 'expulsion_barred_compulsory';

const SCORE_FIELDS = ['severity', 'persistence', 'intent', 'remorse', 'reconciliation'] as const;

function ascendingUnique(values: Iterable<number>): number[] {
  return [...new Set(values)].sort((a, b) => a - b);
}

/**
 * One step along the ladder (1 → 3 → 4 → 6 → 7 → 8 → 9). A band of several
 * measures (8 or 9) moves as a unit: mitigation starts below its lowest rung,
 * aggravation above its highest, and the top rung cannot be exceeded.
 */
function step(measures: readonly number[], direction: 'aggravate' | 'mitigate', ladder: readonly number[]): number[] {
  // The ladder has no rung for "no measure": a total of 0 means the rubric found
  // nothing to sanction, so an adjustment has nothing to move.
  if (measures.length === 0) return [];
  const positions = measures.map((m) => ladder.indexOf(m));
  if (positions.some((p) => p < 0)) return [...measures];
  const low = Math.min(...positions);
  const high = Math.max(...positions);
  if (direction === 'mitigate') {
    const below = ladder[low - 1];
    return below === undefined ? [] : [below];
  }
  const above = ladder[Math.min(high + 1, ladder.length - 1)];
  return above === undefined ? [] : [above];
}

/**
 * Compulsory education is the elementary and middle course (초·중등교육법 12, 18①).
 * A special school (특수학교) teaches several courses, so for its students the
 * course decides; without a course it is not presumed compulsory.
 */
export function inCompulsoryEducation(input: Pick<RubricInput, 'schoolLevel' | 'course'>, cfg: Pick<RubricConfig, 'compulsoryLevels'> = KR_RUBRIC): boolean {
  if (cfg.compulsoryLevels.includes(input.schoolLevel)) return true;
  return input.schoolLevel === 'special' && input.course !== undefined && cfg.compulsoryLevels.includes(input.course);
}

export function recommendMeasures(input: RubricInput): Recommendation {
  const cfg: RubricConfig = { ...KR_RUBRIC, ...input.rubric };
  let total = 0;
  for (const field of SCORE_FIELDS) {
    const score: unknown = input.scores[field];
    if (typeof score !== 'number' || !Number.isInteger(score) || score < 0 || score > 4) {
      throw new RangeError(`Score ${field} must be an integer 0–4, got ${String(score)}`);
    }
    total += score;
  }
  const band = cfg.bands.find((b) => total >= b.min && total <= b.max);
  if (!band) throw new RangeError(`No rubric band covers total ${total}`);

  const notes: string[] = [];
  // Students in compulsory education cannot be expelled (Act 17① proviso; 초·중등교육법 18①),
  // so measure 9 is removed wherever it would appear, band or adjustment alike.
  const compulsory = inCompulsoryEducation(input, cfg);
  const bar = (measures: readonly number[]): number[] => {
    if (!compulsory || !measures.includes(cfg.expulsionMeasure)) return [...measures];
    if (!notes.includes(EXPULSION_BARRED_COMPULSORY)) notes.push(EXPULSION_BARRED_COMPULSORY);
    const kept = measures.filter((m) => m !== cfg.expulsionMeasure);
    if (kept.length > 0) return kept;
    const below = cfg.ladder[cfg.ladder.indexOf(cfg.expulsionMeasure) - 1];
    return below === undefined ? [] : [below];
  };

  const bandMeasures = bar(band.measures);
  const adjusted = input.adjustment ? bar(step(bandMeasures, input.adjustment, cfg.ladder)) : bandMeasures;

  const extra: number[] = [];
  if (input.protectionNeeded) extra.push(cfg.protectionMeasure);
  if (input.guidanceNeeded) extra.push(cfg.guidanceMeasure);
  const measures = ascendingUnique([...adjusted, ...extra]);

  return {
    total,
    bandMeasures: ascendingUnique(bandMeasures),
    measures,
    studentEducationRequired: measures.some((m) => cfg.studentEducationMeasures.includes(m)),
    notes,
  };
}
