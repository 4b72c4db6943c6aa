/**
 * Retention of perpetrator measures in the student record (학교생활기록부),
 * contract §3 and spec §5.3, by the rulebook in force on the report date.
 */
import { resolveRulebook } from './rulebook';
import { addYearsToDate, parseDate, parseInstant } from './time';
import type { MeasureNumber, Retention, RetentionInput } from './types';

function isMeasure(m: unknown): m is MeasureNumber {
  return typeof m === 'number' && Number.isInteger(m) && m >= 1 && m <= 9;
}

export function recordRetention(input: RetentionInput): Retention {
  if (!isMeasure(input.measure)) throw new RangeError(`Measure must be an integer 1–9, got ${String(input.measure)}`);
  parseInstant(input.reportedAt);
  parseDate(input.graduationDate);
  const rule = resolveRulebook(input.reportedAt, input.rulebook).retention[input.measure];
  let deleteAt: string;
  if (rule.deleteAfter === 'never') deleteAt = 'never';
  else if (rule.deleteAfter === 'graduation') deleteAt = input.graduationDate;
  // Years are counted from graduation like date-fns addYears: a Feb 29 graduation
  // ends on Feb 28 of a common year, never spilling into March.
  else deleteAt = addYearsToDate(input.graduationDate, rule.deleteAfter);
  return { deleteAt, preGraduationReview: rule.preGraduationReview };
}
