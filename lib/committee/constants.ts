/** The committee's vocabularies (docs/domain-process.md §1, §3 rows 12–13). Pure: shared by the browser, the server and the tests. */

/** Member categories of the office committee (Act 13①: parents, teachers, lawyers, police, doctors, others). */
export const MEMBER_CATEGORIES = ['parent', 'teacher', 'lawyer', 'police', 'doctor', 'other'] as const;
export type MemberCategory = (typeof MEMBER_CATEGORIES)[number];

/** Act 13①: 10 to 50 members. */
export const COMMITTEE_SIZE = { min: 10, max: 50 } as const;

/** Why the 21-day meeting clock was extended by 7 days (MOE guidebook: "unavoidable reasons"). */
export const EXTENSION_REASONS = ['member_shortage', 'party_request', 'supplementary_investigation', 'other'] as const;
export type ExtensionReason = (typeof EXTENSION_REASONS)[number];

/** 제척 (related to a party), 회피 (the member steps aside), 기피 (a party challenges the member). */
export const CONFLICT_KINDS = ['related', 'recusal', 'challenge'] as const;
export type ConflictKind = (typeof CONFLICT_KINDS)[number];

export const CHALLENGE_OUTCOMES = ['upheld', 'rejected'] as const;
export type ChallengeOutcome = (typeof CHALLENGE_OUTCOMES)[number];
/** What is stored as the outcome: a challenge's ruling, or `excluded` for a related member or a recusal. */
export type ConflictOutcome = ChallengeOutcome | 'excluded';

/** How a party or guardian took part in the hearing (Act 13⑤: in person; phone, video or written on request). */
export const ATTENDANCE_MODES = ['in_person', 'video', 'written', 'absent'] as const;
export type AttendanceMode = (typeof ATTENDANCE_MODES)[number];

export const NOTICE_METHODS = ['post', 'email', 'text_message', 'in_person'] as const;
export type NoticeMethod = (typeof NOTICE_METHODS)[number];

/** The hearing texts, stored encrypted in case_documents under these kinds. */
export const HEARING_DOCUMENT_KINDS = {
  victimStatement: 'statement_victim_side',
  perpetratorStatement: 'statement_perpetrator_side',
  expertOpinion: 'expert_opinion',
  minutes: 'hearing_minutes',
} as const;
/** A conflict's free-text note can name a student, so it is stored encrypted beside the conflict row. */
export const CONFLICT_NOTE_KIND = 'member_conflict_note';

/** Party roles on each side of the hearing; `both` speaks on both sides. */
export const VICTIM_SIDE = ['victim', 'both'] as const;
export const PERPETRATOR_SIDE = ['alleged_perpetrator', 'both'] as const;
export const HEARING_PARTY_ROLES = ['victim', 'alleged_perpetrator', 'both'] as const;

/** Length of the calendar invite; a hearing's real length is not known ahead. */
export const HEARING_INVITE_MINUTES = 120;
/** How many working days the scheduling form proposes. */
export const HEARING_PROPOSAL_COUNT = 8;
