/**
 * Public types and enumerations of the rules module.
 * Shapes follow /work/shared/domain/rules-contract.md; fields marked "extension"
 * are additions the contract allows (it may be extended, never renamed).
 */

export const CATEGORIES = [
  'physical',
  'verbal',
  'extortion',
  'coercion',
  'exclusion',
  'cyberbullying',
  'sexual_violence',
  'digital_sex_offence',
  'other',
] as const;
export type Category = (typeof CATEGORIES)[number];

/** Categories that trigger the mandatory police report (아청법 34) and the sexual-case flag. */
export const SEXUAL_CATEGORIES = ['sexual_violence', 'digital_sex_offence'] as const satisfies readonly Category[];
export type SexualCategory = (typeof SEXUAL_CATEGORIES)[number];

export const EVENT_TYPES = [
  'guardians_notified',
  'office_reported',
  'separation_started',
  'separation_exempted',
  'separation_ended',
  'police_reported',
  'investigation_reported',
  'investigation_extended',
  'self_resolved',
  'committee_requested',
  'committee_extended',
  'hearing_held',
  'decision_made',
  'victim_measures_taken',
  'disposition_notified',
  'transfer_requested',
  'closed',
  // Version 2 of the contract.
  'categories_changed',
  'committee_request_withdrawn',
  'appeal_filed',
  'stay_granted',
  'stay_lifted',
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

/** Exceptions to mandatory separation (Decree 17-2; article number unconfirmed, docs/domain-process.md §3 row 2a). */
export const SEPARATION_EXEMPTION_REASONS = ['victim_declined', 'outside_education_activity', 'already_separated'] as const;
export type SeparationExemptionReason = (typeof SEPARATION_EXEMPTION_REASONS)[number];

/** Deadline keys in contract table order; results are always returned in this order. */
export const DEADLINE_KEYS = [
  'guardian_notice',
  'office_report',
  'police_report',
  'separation_start',
  'separation_limit',
  'investigation',
  'committee_meeting',
  'victim_measures',
  'disposition_notice',
  'transfer_request',
  'appeal_window',
] as const;
export type DeadlineKey = (typeof DEADLINE_KEYS)[number];

export const DEADLINE_STATUSES = [
  'not_applicable',
  'pending',
  'due_soon',
  'met',
  'met_late',
  'breached',
  'open',
  'closed',
  // Version 2: a stay of execution holds the clock (dueAt null).
  'suspended',
] as const;
export type DeadlineStatus = (typeof DEADLINE_STATUSES)[number];

export const SCHOOL_LEVELS = ['elementary', 'middle', 'high', 'special'] as const;
export type SchoolLevel = (typeof SCHOOL_LEVELS)[number];

/** The course a special-school student follows (특수학교 초등·중학·고등학교 과정). */
export const SCHOOL_COURSES = ['elementary', 'middle', 'high'] as const;
export type SchoolCourse = (typeof SCHOOL_COURSES)[number];

/** Student-record fields a perpetrator measure is written in (docs/domain-process.md §5.3). */
export const RECORD_FIELDS = ['behaviour_opinion', 'attendance', 'personal_academic', 'violence_record'] as const;
export type RecordField = (typeof RECORD_FIELDS)[number];

export type CaseEvent = { type: EventType; at: string; data?: Record<string, unknown> };

/** `{ holidays }`: 'YYYY-MM-DD' non-working days besides Saturdays and Sundays. */
export type Calendar = { holidays: string[] };

export type PeriodUnit = 'hours' | 'days';

/** Configuration of one deadline key inside a rulebook. */
export type DeadlineRule = {
  /**
   * task: met by an event; cap: a limit on something running (met when it ends);
   * window: a period that is open and then closed, with nothing to meet.
   */
  kind: 'task' | 'cap' | 'window';
  /** false → the key is always not_applicable under this rulebook (e.g. separation before 2021-06-23). */
  enabled: boolean;
  unit: PeriodUnit;
  period: number;
  /** Move the last day forward past Sat/Sun and calendar holidays (day rules only). */
  rollForward: boolean;
  /** true → the trigger day is day 1 (separation cap); false → counting starts the next day. */
  countTriggerDay: boolean;
  /** Days added once when the key's extension event exists; 0 → the key has no extension. */
  extensionDays: number;
  /** Overrides the rulebook's unit-based due-soon threshold for this key, in hours. */
  dueSoonHours?: number;
  basis: string;
  /** Spec evidence tag [U]: the number is not confirmed by a primary source. */
  unconfirmed: boolean;
};

export type RetentionRule = {
  /** 'graduation' → deleted at graduation; number → years after graduation; 'never' → permanent. */
  deleteAfter: 'graduation' | 'never' | number;
  preGraduationReview: boolean;
  unconfirmed: boolean;
};

export type MeasureNumber = 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9;

/** Where the record holds a measure, and when a light measure is withheld from it. */
export type RecordRules = {
  /** First school year whose entrants have the single 「학교폭력 조치상황 관리」 field (`violence_record`). */
  unifiedFieldFromEntryYear: number;
  /** The field of each measure for students who entered their school level before that year. */
  legacyFields: Record<MeasureNumber, Exclude<RecordField, 'violence_record'>>;
  /**
   * Conditional deferral (조건부 기재유보): a fulfilled measure among `measures`
   * that is the student's first in the school level is not entered, for cases
   * reported on or after `from` (KST). The detail is [U] in the spec.
   */
  deferral: { from: string; measures: number[]; unconfirmed: boolean };
};

export type RubricBand = { min: number; max: number; measures: number[] };

export type RubricConfig = {
  bands: RubricBand[];
  ladder: number[];
  compulsoryLevels: SchoolLevel[];
  expulsionMeasure: number;
  protectionMeasure: number;
  guidanceMeasure: number;
  studentEducationMeasures: number[];
};

export type Rulebook = {
  jurisdiction: 'KR';
  /** Id of the newest amendment applied, e.g. 'KR-2024-03-01'. */
  version: string;
  /** KST date from which this rulebook governs cases (by reportedAt). */
  validFrom: string;
  /** KST date from which the next rulebook governs, or null for the current one. */
  validUntil: string | null;
  /** Measure 2 (no contact/retaliation) is recorded at the incident without a committee (Act 17, 2023 amendment). */
  contactBanAutomatic: boolean;
  /** Time left below which a pending deadline becomes due_soon. */
  dueSoon: { hoursRule: { hours: number }; daysRule: { days: number } };
  deadlines: Record<DeadlineKey, DeadlineRule>;
  retention: Record<MeasureNumber, RetentionRule>;
  rubric: RubricConfig;
  /** Extension: the evidence vault and takedown follow-up. */
  evidence: EvidenceRules;
  /** Version 2: record field by entry year and the deferral of measures 1–3. */
  record: RecordRules;
  /** Human-readable history of the amendments folded into this rulebook. */
  amendments: { validFrom: string; summary: string }[];
};

/** The evidence vault and takedown follow-up; neither number is set by statute, so both are [U] configuration. */
export type EvidenceRules = {
  /** Days after a case closes before its evidence is purged, unless a legal hold stands. */
  retentionDaysAfterClose: number;
  /** Days between follow-up reminders on a takedown request until it is removed or closed. */
  takedownReminderDays: number;
  unconfirmed: boolean;
};

/** Partial rulebook used to reconfigure [U] items per call without changing the shipped defaults. */
export type RulebookOverride = {
  contactBanAutomatic?: boolean;
  dueSoon?: { hoursRule?: { hours: number }; daysRule?: { days: number } };
  deadlines?: { [K in DeadlineKey]?: Partial<DeadlineRule> };
  retention?: { [M in MeasureNumber]?: Partial<RetentionRule> };
  rubric?: Partial<RubricConfig>;
  evidence?: Partial<EvidenceRules>;
  record?: Partial<RecordRules>;
};

// ── docs/rules-contract.md §1 computeDeadlines ──────────────────────────────────────────────────────

export type DeadlineInput = {
  jurisdiction: 'KR';
  reportedAt: string;
  categories: Category[];
  events: CaseEvent[];
  now: string;
  calendar?: Calendar;
  /** Extension: per-call override of the rulebook chosen by reportedAt. */
  rulebook?: RulebookOverride;
};

export type Deadline = {
  key: DeadlineKey;
  status: DeadlineStatus;
  dueAt: string | null;
  metAt?: string;
  basis: string;
  /** Extension: the unit the period is counted in. */
  unit: PeriodUnit;
  /** Extension: the instant the clock started (absent when not_applicable). */
  triggerAt?: string;
  /** Extension: days added by an extension event (absent when none applied). */
  extendedBy?: number;
  /** Extension: while `suspended`, the instant the stay holding the clock was granted. */
  suspendedSince?: string;
};

// ── docs/rules-contract.md §2 recommendMeasures ─────────────────────────────────────────────────────

export type Score = 0 | 1 | 2 | 3 | 4;

export type RubricInput = {
  scores: { severity: Score; persistence: Score; intent: Score; remorse: Score; reconciliation: Score };
  schoolLevel: SchoolLevel;
  /** Version 2: the course a `special` school's student is in; ignored for the other levels. */
  course?: SchoolCourse;
  adjustment?: 'aggravate' | 'mitigate' | null;
  protectionNeeded?: boolean;
  guidanceNeeded?: boolean;
  /** Extension: rubric override (e.g. a re-issued MOE notice). */
  rubric?: Partial<RubricConfig>;
};

export type Recommendation = {
  total: number;
  bandMeasures: number[];
  measures: number[];
  studentEducationRequired: boolean;
  notes: string[];
};

// ── docs/rules-contract.md §3 recordRetention ───────────────────────────────────────────────────────

export type RetentionInput = {
  measure: MeasureNumber;
  reportedAt: string;
  graduationDate: string;
  /** Version 2: the school year the student entered this school level (e.g. 2023). */
  entryYear?: number;
  /** Version 2: an earlier case in the same school level already gave the student a measure (default false). */
  priorMeasureInLevel?: boolean;
  /** Version 2: the measure was carried out (default true). */
  fulfilled?: boolean;
  /** Extension: per-call override of the rulebook chosen by reportedAt. */
  rulebook?: RulebookOverride;
};

export type Retention = {
  deleteAt: string | 'never';
  preGraduationReview: boolean;
  /** Version 2: the record field, present when `entryYear` is given. */
  field?: RecordField;
  /** Version 2: the entry is withheld (conditional deferral of measures 1–3). */
  deferred: boolean;
};
