import { sql } from 'drizzle-orm';
import { bigserial, boolean, date, index, integer, jsonb, pgEnum, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { CASE_STATUSES, PARTY_ROLES, REPORTER_TYPES, LEARNED_VIA } from '@/lib/cases/constants';
import { CATEGORIES, type Deadline } from '@/lib/rules';
import { offices, schools } from './orgs';
import { users } from './users';

export const caseStatus = pgEnum('case_status', CASE_STATUSES);
export const partyRole = pgEnum('party_role', PARTY_ROLES);
export const reporterType = pgEnum('reporter_type', REPORTER_TYPES);
export const learnedVia = pgEnum('learned_via', LEARNED_VIA);
export const category = pgEnum('category', CATEGORIES);

/**
 * One school-violence case. Columns ending in `_enc` hold AES-256-GCM
 * ciphertext (lib/crypto): a database dump shows no names or contacts.
 */
export const cases = pgTable(
  'cases',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseNumber: text('case_number').notNull().unique(),
    officeId: uuid('office_id')
      .notNull()
      .references(() => offices.id),
    schoolId: uuid('school_id')
      .notNull()
      .references(() => schools.id),
    year: integer('year').notNull(),
    seq: integer('seq').notNull(),
    status: caseStatus('status').notNull().default('reported'),
    /** When the school became aware: the instant every statutory clock starts from. */
    reportedAt: timestamp('reported_at', { withTimezone: true }).notNull(),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull(),
    location: text('location').notNull(),
    learnedVia: learnedVia('learned_via').notNull(),
    reporterType: reporterType('reporter_type').notNull(),
    categories: category('categories').array().notNull(),
    summaryEnc: text('summary_enc').notNull(),
    /** Sexual categories: only the case team may open it. */
    restricted: boolean('restricted').notNull().default(false),
    /** The active members of the case team (case_team_members), read with the row by every access check. */
    teamUserIds: uuid('team_user_ids')
      .array()
      .notNull()
      .default(sql`'{}'::uuid[]`),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    idempotencyKey: text('idempotency_key').notNull().unique(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
    /**
     * The deadline results as of the last event, with statuses as of that
     * moment; `next_due_at` is the earliest unmet due time, so lists sort and
     * filter without recomputing every case's clocks.
     */
    deadlines: jsonb('deadlines')
      .$type<Deadline[]>()
      .notNull()
      .default(sql`'[]'::jsonb`),
    nextDueAt: timestamp('next_due_at', { withTimezone: true }),
    nextDueKey: text('next_due_key'),
    closedAt: timestamp('closed_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('cases_office_year_seq_unique').on(t.officeId, t.year, t.seq),
    index('cases_school_status_idx').on(t.schoolId, t.status, t.nextDueAt),
    index('cases_office_status_idx').on(t.officeId, t.status, t.nextDueAt),
  ],
);

/** Case numbers run per office and year: 강남서초-2026-0042. */
export const caseCounters = pgTable(
  'case_counters',
  {
    officeId: uuid('office_id')
      .notNull()
      .references(() => offices.id),
    year: integer('year').notNull(),
    lastSeq: integer('last_seq').notNull(),
  },
  (t) => [primaryKey({ columns: [t.officeId, t.year] })],
);

export const caseParties = pgTable(
  'case_parties',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    role: partyRole('role').notNull(),
    nameEnc: text('name_enc').notNull(),
    /** Stable per student (keyed hash of name, birth date and school): what auditors see. */
    pseudonym: text('pseudonym').notNull(),
    /** The student's school when it is one of ours; otherwise its name in `other_school_name`. */
    schoolId: uuid('school_id').references(() => schools.id),
    otherSchoolName: text('other_school_name'),
    grade: integer('grade'),
    classNo: text('class_no'),
    birthDateEnc: text('birth_date_enc'),
    guardianNameEnc: text('guardian_name_enc'),
    guardianContactEnc: text('guardian_contact_enc'),
    position: integer('position').notNull(),
  },
  (t) => [index('case_parties_case_idx').on(t.caseId)],
);

/**
 * The chronology: every step as it happened (`occurred_at`, may be in the
 * past for late recording) and as it was recorded (`recorded_at`).
 */
export const caseEvents = pgTable(
  'case_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    type: text('type').notNull(),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull(),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull(),
    actorId: uuid('actor_id').references(() => users.id),
    data: jsonb('data')
      .$type<Record<string, unknown>>()
      .notNull()
      .default(sql`'{}'::jsonb`),
  },
  (t) => [index('case_events_case_idx').on(t.caseId, t.occurredAt)],
);

/** Extra non-working days an admin adds (election days, temporary holidays). */
export const extraHolidays = pgTable('extra_holidays', {
  date: date('date', { mode: 'string' }).primaryKey(),
  name: text('name').notNull(),
  createdBy: uuid('created_by').references(() => users.id),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});
