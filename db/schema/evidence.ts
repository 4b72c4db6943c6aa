import { bigserial, boolean, index, integer, pgEnum, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { TAKEDOWN_STATUSES, TAKEDOWN_TARGETS } from '@/lib/takedowns/status';
import { cases } from './cases';
import { users } from './users';

/**
 * The case team of a restricted case, the evidence vault with its
 * chain of custody, legal holds, and online locations with their takedown
 * requests. `_enc` columns hold AES-256-GCM ciphertext (lib/crypto/field).
 */

export const caseTeamRole = pgEnum('case_team_role', ['assigned_staff', 'school_head', 'investigator', 'committee_secretary', 'added']);

/**
 * Who is on a case's team, with the history of every change. The active
 * members' ids are also kept in `cases.team_user_ids`, written in the same
 * transaction, so every access check reads them with the case row.
 */
export const caseTeamMembers = pgTable(
  'case_team_members',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    teamRole: caseTeamRole('team_role').notNull(),
    /** Null when the system added the member (intake, assignment, committee request). */
    addedBy: uuid('added_by').references(() => users.id),
    addedAt: timestamp('added_at', { withTimezone: true }).notNull(),
    removedBy: uuid('removed_by').references(() => users.id),
    removedAt: timestamp('removed_at', { withTimezone: true }),
    reason: text('reason'),
  },
  (t) => [index('case_team_members_case_idx').on(t.caseId, t.removedAt), index('case_team_members_user_idx').on(t.userId)],
);

/**
 * One uploaded file. The bytes live in the file store (lib/evidence/storage),
 * encrypted under a per-file data key; `wrapped_key` is that key encrypted
 * under the master key. A purge deletes the stored bytes and nulls the key
 * and storage columns but keeps the hash, so what existed can be proved.
 */
export const evidenceFiles = pgTable(
  'evidence_files',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    fileNameEnc: text('file_name_enc').notNull(),
    descriptionEnc: text('description_enc'),
    /** Detected from the content, never from the name. */
    contentType: text('content_type').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    /** SHA-256 of the original bytes, hex, recorded at upload. */
    sha256: text('sha256').notNull(),
    /** Marked sensitive at upload or later; every file of a restricted case is sensitive whatever this says. */
    sensitive: boolean('sensitive').notNull().default(false),
    storageKey: text('storage_key'),
    wrappedKey: text('wrapped_key'),
    uploadedBy: uuid('uploaded_by')
      .notNull()
      .references(() => users.id),
    uploadedAt: timestamp('uploaded_at', { withTimezone: true }).notNull(),
    purgedAt: timestamp('purged_at', { withTimezone: true }),
  },
  (t) => [index('evidence_files_case_idx').on(t.caseId)],
);

export const custodyAction = pgEnum('custody_action', [
  'uploaded',
  'marked_sensitive',
  'preview_viewed',
  'original_viewed',
  'downloaded',
  'purged',
  'custody_exported',
]);

/** The chain of custody: append-only (a trigger refuses UPDATE and DELETE), one row per access. */
export const evidenceCustody = pgTable(
  'evidence_custody',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    evidenceId: uuid('evidence_id').references(() => evidenceFiles.id),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    action: custodyAction('action').notNull(),
    /** Null for the system (the retention purge). */
    actorId: uuid('actor_id').references(() => users.id),
    at: timestamp('at', { withTimezone: true }).notNull(),
    reason: text('reason'),
    sha256: text('sha256'),
    ip: text('ip'),
  },
  (t) => [index('evidence_custody_evidence_idx').on(t.evidenceId, t.at), index('evidence_custody_case_idx').on(t.caseId, t.at)],
);

/** A manual legal hold. An open appeal or lawsuit (appeals.outcome = 'pending') holds a case without a row here. */
export const legalHolds = pgTable(
  'legal_holds',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    reason: text('reason').notNull(),
    setBy: uuid('set_by')
      .notNull()
      .references(() => users.id),
    setAt: timestamp('set_at', { withTimezone: true }).notNull(),
    releasedBy: uuid('released_by').references(() => users.id),
    releasedAt: timestamp('released_at', { withTimezone: true }),
  },
  (t) => [index('legal_holds_case_idx').on(t.caseId)],
);

/** Where material was seen online. Only the link is kept, never the imagery. */
export const onlineLocations = pgTable(
  'online_locations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    platform: text('platform').notNull(),
    urlEnc: text('url_enc').notNull(),
    firstSeenAt: timestamp('first_seen_at', { withTimezone: true }).notNull(),
    /** Who first saw it (a person's description, e.g. "victim's classmate"), encrypted. */
    firstSeenByEnc: text('first_seen_by_enc').notNull(),
    recordedBy: uuid('recorded_by')
      .notNull()
      .references(() => users.id),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('online_locations_case_idx').on(t.caseId)],
);

export const takedownTarget = pgEnum('takedown_target', TAKEDOWN_TARGETS);
export const takedownStatus = pgEnum('takedown_status', TAKEDOWN_STATUSES);

/** A takedown request to 디성센터 (dsc), the platform, or 방송통신심의위원회 (kcsc). */
export const takedownRequests = pgTable(
  'takedown_requests',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    locationId: uuid('location_id')
      .notNull()
      .references(() => onlineLocations.id),
    target: takedownTarget('target').notNull(),
    requestedAt: timestamp('requested_at', { withTimezone: true }).notNull(),
    referenceNo: text('reference_no'),
    status: takedownStatus('status').notNull().default('requested'),
    statusAt: timestamp('status_at', { withTimezone: true }).notNull(),
    /** When the next follow-up reminder is due; null once removed or closed. */
    nextReminderAt: timestamp('next_reminder_at', { withTimezone: true }),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    version: integer('version').notNull().default(1),
  },
  (t) => [index('takedown_requests_case_idx').on(t.caseId), index('takedown_requests_reminder_idx').on(t.nextReminderAt)],
);

/** Every status change of a takedown request. */
export const takedownUpdates = pgTable(
  'takedown_updates',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    requestId: uuid('request_id')
      .notNull()
      .references(() => takedownRequests.id),
    status: takedownStatus('status').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
    noteEnc: text('note_enc'),
    actorId: uuid('actor_id').references(() => users.id),
  },
  (t) => [index('takedown_updates_request_idx').on(t.requestId, t.at)],
);
