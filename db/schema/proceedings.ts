import { sql } from 'drizzle-orm';
import { boolean, date, index, integer, jsonb, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { MEMBER_CATEGORIES } from '@/lib/committee/constants';
import { APPEAL_KINDS, APPEAL_SIDES, EXECUTION_STATUSES } from '@/lib/execution/rules';
import { caseParties, cases } from './cases';
import { offices } from './orgs';
import { users } from './users';

/**
 * Everything after the school's first steps: investigation, the school
 * body's review, the committee and its hearing, decisions per alleged
 * perpetrator, execution, appeals and the student record. `_enc` columns
 * hold AES-256-GCM ciphertext (lib/crypto).
 */

/** The office's dedicated investigator (전담조사관) and, later, other named case roles. */
export const caseAssignments = pgTable(
  'case_assignments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    role: text('role').notNull(),
    assignedBy: uuid('assigned_by').references(() => users.id),
    assignedAt: timestamp('assigned_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('case_assignments_case_role_unique').on(t.caseId, t.role), index('case_assignments_user_idx').on(t.userId)],
);

/** A statement taken by the investigator: who, when, a summary, attachments described by name only. */
export const caseStatements = pgTable(
  'case_statements',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    partyId: uuid('party_id').references(() => caseParties.id),
    speakerEnc: text('speaker_enc'),
    takenAt: timestamp('taken_at', { withTimezone: true }).notNull(),
    summaryEnc: text('summary_enc').notNull(),
    attachments: jsonb('attachments')
      .$type<{ description: string; fileName: string }[]>()
      .notNull()
      .default(sql`'[]'::jsonb`),
    recordedBy: uuid('recorded_by')
      .notNull()
      .references(() => users.id),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('case_statements_case_idx').on(t.caseId)],
);

/** Long texts of a case: the investigation report, hearing minutes, statements of each side. */
export const caseDocuments = pgTable(
  'case_documents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    kind: text('kind').notNull(),
    refId: uuid('ref_id'),
    bodyEnc: text('body_enc').notNull(),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('case_documents_case_idx').on(t.caseId, t.kind)],
);

/** The school body's (전담기구) review: the four conditions, consents per perpetrator, and the verdict. */
export const schoolReviews = pgTable(
  'school_reviews',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    answers: jsonb('answers').$type<Record<string, unknown>>().notNull(),
    eligible: boolean('eligible').notNull(),
    failures: jsonb('failures').$type<unknown[]>().notNull(),
    reviewedBy: uuid('reviewed_by')
      .notNull()
      .references(() => users.id),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('school_reviews_case_idx').on(t.caseId)],
);

export const memberCategory = pgEnum('committee_member_category', MEMBER_CATEGORIES);

/** The office committee's member pool (학교폭력대책심의위원회). */
export const committeeMembers = pgTable(
  'committee_members',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    officeId: uuid('office_id')
      .notNull()
      .references(() => offices.id),
    name: text('name').notNull(),
    category: memberCategory('category').notNull(),
    active: boolean('active').notNull().default(true),
    userId: uuid('user_id').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('committee_members_office_idx').on(t.officeId)],
);

export const hearingStatus = pgEnum('hearing_status', ['scheduled', 'held', 'cancelled']);

export const hearings = pgTable(
  'hearings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    scheduledAt: timestamp('scheduled_at', { withTimezone: true }).notNull(),
    location: text('location').notNull(),
    /** Member ids on the panel for this hearing. */
    panel: uuid('panel').array().notNull(),
    status: hearingStatus('status').notNull().default('scheduled'),
    /** Members present, and parties/guardians present in person, by video, or in writing. */
    attendance: jsonb('attendance')
      .$type<Record<string, unknown>>()
      .notNull()
      .default(sql`'{}'::jsonb`),
    heldAt: timestamp('held_at', { withTimezone: true }),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('hearings_case_idx').on(t.caseId)],
);

/** 제척·기피·회피: a member related to a party, a recusal, or a party's challenge, with its outcome. */
export const hearingConflicts = pgTable('hearing_conflicts', {
  id: uuid('id').primaryKey().defaultRandom(),
  hearingId: uuid('hearing_id')
    .notNull()
    .references(() => hearings.id),
  memberId: uuid('member_id')
    .notNull()
    .references(() => committeeMembers.id),
  kind: text('kind').notNull(),
  raisedByPartyId: uuid('raised_by_party_id').references(() => caseParties.id),
  outcome: text('outcome').notNull(),
  note: text('note'),
  recordedBy: uuid('recorded_by')
    .notNull()
    .references(() => users.id),
  recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull(),
});

/**
 * The committee's decision for one alleged perpetrator. Edits after the
 * first save bump `version`; a save from an older version is a conflict.
 */
export const decisions = pgTable(
  'decisions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    perpetratorPartyId: uuid('perpetrator_party_id')
      .notNull()
      .references(() => caseParties.id),
    notSchoolViolence: boolean('not_school_violence').notNull().default(false),
    rubric: jsonb('rubric').$type<Record<string, unknown>>().notNull(),
    recommendation: jsonb('recommendation').$type<Record<string, unknown>>().notNull(),
    measures: jsonb('measures').$type<{ measure: number; periodDays?: number }[]>().notNull(),
    differsFromRecommendation: boolean('differs_from_recommendation').notNull(),
    overrideReason: text('override_reason'),
    emergencyRatification: jsonb('emergency_ratification').$type<Record<string, unknown>>(),
    version: integer('version').notNull().default(1),
    decidedBy: uuid('decided_by')
      .notNull()
      .references(() => users.id),
    decidedAt: timestamp('decided_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('decisions_case_perpetrator_unique').on(t.caseId, t.perpetratorPartyId)],
);

/** Act 16 protective measures decided for one victim. */
export const victimMeasures = pgTable(
  'victim_measures',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    victimPartyId: uuid('victim_party_id')
      .notNull()
      .references(() => caseParties.id),
    measures: integer('measures').array().notNull(),
    note: text('note'),
    decidedAt: timestamp('decided_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('victim_measures_case_victim_unique').on(t.caseId, t.victimPartyId)],
);

export const executionStatus = pgEnum('execution_status', EXECUTION_STATUSES);

/** One measure of one decision, tracked to completion. */
export const measureExecutions = pgTable(
  'measure_executions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    decisionId: uuid('decision_id')
      .notNull()
      .references(() => decisions.id),
    measure: integer('measure').notNull(),
    status: executionStatus('status').notNull().default('waiting'),
    /** Hours done, dates served, class changed to, …: free shape per measure. */
    progress: jsonb('progress')
      .$type<Record<string, unknown>>()
      .notNull()
      .default(sql`'{}'::jsonb`),
    startDate: date('start_date', { mode: 'string' }),
    endDate: date('end_date', { mode: 'string' }),
    completedAt: timestamp('completed_at', { withTimezone: true }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('measure_executions_decision_measure_unique').on(t.decisionId, t.measure), index('measure_executions_case_idx').on(t.caseId)],
);

export const appealSide = pgEnum('appeal_side', APPEAL_SIDES);
export const appealKind = pgEnum('appeal_kind', APPEAL_KINDS);
export const appealOutcome = pgEnum('appeal_outcome', ['pending', 'upheld', 'varied', 'annulled', 'withdrawn']);

/** 행정심판 or 행정소송 against a disposition, with its stay (집행정지) and outcome. */
export const appeals = pgTable(
  'appeals',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    side: appealSide('side').notNull(),
    kind: appealKind('kind').notNull(),
    body: text('body').notNull(),
    decisionId: uuid('decision_id').references(() => decisions.id),
    filedAt: timestamp('filed_at', { withTimezone: true }).notNull(),
    stayGrantedAt: timestamp('stay_granted_at', { withTimezone: true }),
    stayLiftedAt: timestamp('stay_lifted_at', { withTimezone: true }),
    outcome: appealOutcome('outcome').notNull().default('pending'),
    outcomeAt: timestamp('outcome_at', { withTimezone: true }),
    victimNotifiedAt: timestamp('victim_notified_at', { withTimezone: true }),
    recordedBy: uuid('recorded_by')
      .notNull()
      .references(() => users.id),
  },
  (t) => [index('appeals_case_idx').on(t.caseId)],
);

/** The pre-graduation deletion review of one measure's student-record entry. */
export const recordDeletionReviews = pgTable('record_deletion_reviews', {
  id: uuid('id').primaryKey().defaultRandom(),
  caseId: uuid('case_id')
    .notNull()
    .references(() => cases.id),
  decisionId: uuid('decision_id')
    .notNull()
    .references(() => decisions.id),
  measure: integer('measure').notNull(),
  victimConsent: boolean('victim_consent').notNull(),
  litigationPending: boolean('litigation_pending').notNull(),
  outcome: text('outcome').notNull(),
  note: text('note'),
  reviewedBy: uuid('reviewed_by')
    .notNull()
    .references(() => users.id),
  reviewedAt: timestamp('reviewed_at', { withTimezone: true }).notNull(),
});
