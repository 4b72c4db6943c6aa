/**
 * Perpetrator measures in the student record (학교생활기록부), docs/rules-contract.md §3 and
 * docs/domain-process.md §5.3: how long an entry is kept (by the rulebook in force on the report
 * date), which field holds it (by the student's entry year) and whether a
 * light measure is withheld altogether (conditional deferral).
 */
import { resolveRulebook } from './rulebook';
import { addYearsToDate, kstDateOf, parseDate } from './time';
import type { MeasureNumber, RecordField, RecordRules, Retention, RetentionInput } from './types';

function isMeasure(m: unknown): m is MeasureNumber {
  return typeof m === 'number' && Number.isInteger(m) && m >= 1 && m <= 9;
}

function optionalBoolean(value: unknown, name: string): boolean | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'boolean') throw new RangeError(`${name} must be a boolean, got ${String(value)}`);
  return value;
}

/**
 * The field is fixed by the cohort, not the case: the 2024 record rules gave
 * students entering their school level from the 2024 school year the single
 * 「학교폭력 조치상황 관리」 field, and left earlier entrants' measures in the
 * fields they always had, even for cases reported after 2024-03-01.
 */
function fieldFor(measure: MeasureNumber, entryYear: number, rules: RecordRules): RecordField {
  return entryYear >= rules.unifiedFieldFromEntryYear ? 'violence_record' : rules.legacyFields[measure];
}

/**
 * Conditional deferral (조건부 기재유보, since the 2020 reform): a measure 1–3
 * that was carried out and is the student's first in the school level is not
 * entered. It is entered when the student did not fulfil it, or when an
 * earlier case in the same level already gave a measure.
 */
function isDeferred(input: RetentionInput, rules: RecordRules): boolean {
  if (!rules.deferral.measures.includes(input.measure)) return false;
  if (kstDateOf(input.reportedAt) < rules.deferral.from) return false;
  const fulfilled = optionalBoolean(input.fulfilled, 'fulfilled') ?? true;
  const prior = optionalBoolean(input.priorMeasureInLevel, 'priorMeasureInLevel') ?? false;
  return fulfilled && !prior;
}

export function recordRetention(input: RetentionInput): Retention {
  if (!isMeasure(input.measure)) throw new RangeError(`Measure must be an integer 1–9, got ${String(input.measure)}`);
  parseDate(input.graduationDate);
  if (input.entryYear !== undefined && (!Number.isInteger(input.entryYear) || input.entryYear < 1900 || input.entryYear > 9999)) {
    throw new RangeError(`entryYear must be a four-digit school year, got ${String(input.entryYear)}`);
  }
  const book = resolveRulebook(input.reportedAt, input.rulebook);
  const rule = book.retention[input.measure];
  let deleteAt: string;
  if (rule.deleteAfter === 'never') deleteAt = 'never';
  else if (rule.deleteAfter === 'graduation') deleteAt = input.graduationDate;
  // Years are counted from graduation like date-fns addYears: a Feb 29 graduation
  // ends on Feb 28 of a common year, never spilling into March.
  else deleteAt = addYearsToDate(input.graduationDate, rule.deleteAfter);
  return {
    deleteAt,
    preGraduationReview: rule.preGraduationReview,
    ...(input.entryYear !== undefined ? { field: fieldFor(input.measure, input.entryYear, book.record) } : {}),
    deferred: isDeferred(input, book.record),
  };
}
