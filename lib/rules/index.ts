/**
 * Dolbom legal rules: statutory clocks, the measure rubric and student-record
 * retention for Korean school-violence cases. Pure: no I/O, no clock of its own;
 * everything, including `now` and the calendar, is an argument.
 */
export { computeDeadlines, nextDeadline, proposeHearingDates, isSexualCase, DEADLINE_DEPENDENCIES, dueInstant } from './deadlines';
export type { HearingDateInput } from './deadlines';
export { recommendMeasures, EXPULSION_BARRED_COMPULSORY } from './rubric';
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
} from './types';
export type {
  Category,
  SexualCategory,
  EventType,
  SeparationExemptionReason,
  DeadlineKey,
  DeadlineStatus,
  SchoolLevel,
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
