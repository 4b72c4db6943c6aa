/** Case statuses in the order a case moves through them (docs/domain-process.md §2). */
export const CASE_STATUSES = [
  'reported',
  'initial_response',
  'investigating',
  'school_review',
  'self_resolved',
  'committee_requested',
  'hearing_scheduled',
  'decided',
  'disposition_issued',
  'in_execution',
  'appeal_pending',
  'closed',
] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

export const OPEN_STATUSES = CASE_STATUSES.filter((s) => s !== 'closed');

export const PARTY_ROLES = ['victim', 'alleged_perpetrator', 'both', 'witness', 'reporter'] as const;
export type PartyRole = (typeof PARTY_ROLES)[number];

export const REPORTER_TYPES = ['student', 'guardian', 'teacher', 'anonymous', 'police', 'other'] as const;
export type ReporterType = (typeof REPORTER_TYPES)[number];

/** How the school learned of the incident. */
export const LEARNED_VIA = ['direct_report', 'teacher_observation', 'guardian_contact', 'survey', 'police_notice', 'hotline_117', 'other'] as const;
export type LearnedVia = (typeof LEARNED_VIA)[number];

export const GUARDIAN_NOTICE_METHODS = ['phone', 'in_person', 'text_message', 'letter', 'other'] as const;
export const SEPARATION_METHODS = ['separate_classroom', 'home_study', 'different_schedule', 'other'] as const;
export const EMERGENCY_MEASURES = ['suspension', 'class_change'] as const;
export const SCHOOL_BODY_DECISIONS = ['approved', 'rejected'] as const;
