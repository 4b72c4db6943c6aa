import type { Sql } from './db';

/**
 * Read-backs of what the case pages stored, for assertions only
 * (db/schema/cases.ts, audit.ts, notifications.ts).
 */

export type StoredCase = {
  id: string;
  case_number: string;
  status: string;
  created_by: string;
  categories: string[];
  deadlines: { key: string; status: string }[];
};

export async function countCases(sql: Sql): Promise<number> {
  const [row] = await sql<{ n: number }[]>`select count(*)::int as n from cases`;
  return row?.n ?? 0;
}

export async function caseById(sql: Sql, id: string): Promise<StoredCase | undefined> {
  const [row] = await sql<StoredCase[]>`
    select id, case_number, status::text as status, created_by, categories::text[] as categories, deadlines from cases where id = ${id}`;
  return row;
}

export async function casePartiesOf(sql: Sql, caseId: string) {
  return sql<{ role: string; name_enc: string; guardian_name_enc: string | null; guardian_contact_enc: string | null }[]>`
    select role::text as role, name_enc, guardian_name_enc, guardian_contact_enc from case_parties where case_id = ${caseId} order by position`;
}

export async function caseEventsOf(sql: Sql, caseId: string) {
  return sql<{ type: string; actor_id: string | null }[]>`
    select type, actor_id from case_events where case_id = ${caseId} order by occurred_at, recorded_at, id`;
}

/** The case's audit rows, oldest first; `case.viewed` (one per page load) is left out unless asked for. */
export async function caseAudit(sql: Sql, caseId: string, opts: { includeViews?: boolean } = {}) {
  return sql<{ action: string; actor_id: string | null }[]>`
    select action, actor_id from audit_log
    where target_type = 'case' and target_id = ${caseId} ${opts.includeViews ? sql`` : sql`and action <> 'case.viewed'`}
    order by id`;
}

export async function countCaseViews(sql: Sql, caseId: string, actorId: string): Promise<number> {
  const [row] = await sql<{ n: number }[]>`
    select count(*)::int as n from audit_log where action = 'case.viewed' and target_id = ${caseId} and actor_id = ${actorId}`;
  return row?.n ?? 0;
}

export async function caseNotifications(sql: Sql, caseId: string) {
  return sql<{ user_id: string; kind: string; key: string; read_at: Date | null }[]>`
    select user_id, kind, params->>'key' as key, read_at from notifications where case_id = ${caseId} order by created_at, id`;
}
