/**
 * The measure catalogues a committee decides from, and the small pure rules
 * around them. The browser form and the server use the same functions, so the
 * live "differs from the recommendation" hint and the server's refusal agree.
 * Imports only the rubric (no calendar), so it stays light in the browser.
 */
import { KR_RUBRIC } from '@/lib/rules/rulebook';
import type { SchoolLevel } from '@/lib/rules/types';

/** Act 17①: measures on an alleged perpetrator, 1 (written apology) to 9 (expulsion). */
export const PERPETRATOR_MEASURES = [1, 2, 3, 4, 5, 6, 7, 8, 9] as const;
export type PerpetratorMeasure = (typeof PERPETRATOR_MEASURES)[number];

/** Decided with a period: 2 (no contact or retaliation), 5 (special education), 6 (suspension). */
export const PERIOD_MEASURES = [2, 5, 6] as const;

/** Act 16①: protective measures for a victim. Number 5 was deleted in 2012 and is not offered. */
export const VICTIM_MEASURES = [1, 2, 3, 4, 6] as const;
export type VictimMeasure = (typeof VICTIM_MEASURES)[number];

/** The five rubric factors of the MOE notice (가해학생 조치별 적용 세부기준), each scored 0–4. */
export const RUBRIC_FACTORS = ['severity', 'persistence', 'intent', 'remorse', 'reconciliation'] as const;
export type RubricFactor = (typeof RUBRIC_FACTORS)[number];

/** The committee's majority adjustment for likelihood of reform or a disabled victim; 'none' is the form's blank. */
export const ADJUSTMENTS = ['none', 'aggravate', 'mitigate'] as const;
export type Adjustment = (typeof ADJUSTMENTS)[number];

/** How the written disposition reached the parties (Act 17: written notice). */
export const DELIVERY_METHODS = ['in_person', 'registered_mail', 'electronic', 'other'] as const;

export const EXPULSION_MEASURE = 9;

/** Expulsion is barred in compulsory education (초·중등교육법 18① proviso): elementary and middle schools. */
export function expulsionBarred(level: SchoolLevel): boolean {
  return KR_RUBRIC.compulsoryLevels.includes(level);
}

export function isPeriodMeasure(measure: number): boolean {
  return (PERIOD_MEASURES as readonly number[]).includes(measure);
}

/** The same measures, whatever the order or repetition: what "differs from the recommendation" compares. */
export function sameMeasures(a: readonly number[], b: readonly number[]): boolean {
  const x = new Set(a);
  const y = new Set(b);
  return x.size === y.size && [...x].every((m) => y.has(m));
}

/** Every measure named in any of the lists, ascending, once: the shape `decision_made` carries. */
export function measureUnion(lists: Iterable<readonly number[]>): number[] {
  const all = new Set<number>();
  for (const list of lists) for (const m of list) all.add(m);
  return [...all].sort((a, b) => a - b);
}
