/**
 * Dolbom legal rules: statutory clocks, the measure rubric and student-record
 * retention for Korean school-violence cases. Pure: no I/O, no clock of its own;
 * everything, including `now` and the calendar, is an argument.
 *
 * Public contract (version 2): computeDeadlines, recommendMeasures and
 * recordRetention, with the shapes in /work/shared/domain/rules-contract.md.
 *
 * Helpers for services:
 * - `extensionRefusal(input, key, at)` → null | reason, and `extensionAllowed(input, key, at)` → boolean:
 *   may an extension of `key` ('investigation' or 'committee_meeting') dated `at`
 *   be recorded on the case as `input` describes it (same shape as computeDeadlines'
 *   input; `now` optional and unused)? The pure rules ignore an extension dated
 *   after the unextended dueAt (it cannot hide a late meeting or report), so a
 *   service refuses one up front: on 'past_due' with `deadline_passed`, on the
 *   other reasons ('no_extension', 'not_applicable', 'before_trigger',
 *   'already_met', 'already_extended') with `invalid_transition`.
 * - `rulebookFor(reportedAt)` returns the era's shared rulebook, deeply frozen:
 *   read it, never write it. `resolveRulebook(reportedAt, override)` gives a
 *   fresh copy with an override applied.
 */
export {
  computeDeadlines,
  nextDeadline,
  proposeHearingDates,
  isSexualCase,
  DEADLINE_DEPENDENCIES,
  EXTENSION_EVENTS,
  dueInstant,
  extensionAllowed,
  extensionRefusal,
} from './deadlines';
export type { HearingDateInput, ExtensionRefusal } from './deadlines';
export { recommendMeasures, inCompulsoryEducation, EXPULSION_BARRED_COMPULSORY } from './rubric';
export { recordRetention } from './retention';
export * from './schemas';
export { rulebookFor, resolveRulebook, applyRulebookPatch, KR_RULEBOOK_ERAS, KR_RUBRIC } from './rulebook';
export {
  koreanHolidays,
  koreanHolidayEntries,
  buildCalendar,
  isWorkingDay,
  isWeekend,
  rollForward,
  nextWorkingDay,
  holidayLookup,
  KR_SUPPLEMENTARY_HOLIDAYS,
} from './calendar';
export type { HolidayEntry, HolidayLookup } from './calendar';
export {
  parseInstant,
  formatKst,
  toKstIso,
  kstDate,
  kstDateOf,
  startOfKstDay,
  endOfKstDay,
  addCalendarDays,
  addYearsToDate,
  dayOfWeek,
  isInstant,
  isDate,
} from './time';
export {
  CATEGORIES,
  EVENT_TYPES,
  DEADLINE_KEYS,
  DEADLINE_STATUSES,
  SEPARATION_EXEMPTION_REASONS,
  SEXUAL_CATEGORIES,
  SCHOOL_LEVELS,
  SCHOOL_COURSES,
  RECORD_FIELDS,
} from './types';
export type {
  Category,
  SexualCategory,
  EventType,
  SeparationExemptionReason,
  DeadlineKey,
  DeadlineStatus,
  SchoolLevel,
  SchoolCourse,
  RecordField,
  RecordRules,
  CaseEvent,
  Calendar,
  PeriodUnit,
  DeadlineRule,
  RetentionRule,
  MeasureNumber,
  RubricBand,
  RubricConfig,
  EvidenceRules,
  Rulebook,
  RulebookOverride,
  DeadlineInput,
  Deadline,
  Score,
  RubricInput,
  Recommendation,
  RetentionInput,
  Retention,
} from './types';
