import type { Sql } from './db';

/**
 * Read-backs of the later stages (db/schema/proceedings.ts), for assertions
 * and for the ids the forms key their controls by (parties, panel members,
 * execution rows). Nothing here writes.
 */

export async function partiesOf(sql: Sql, caseId: string) {
  return sql<{ id: string; role: string }[]>`select id, role::text as role from case_parties where case_id = ${caseId} order by position`;
}

/** The office's committee pool, name → member id. */
export async function committeePool(sql: Sql, officeShortName: string): Promise<Map<string, string>> {
  const rows = await sql<{ id: string; name: string }[]>`
    select m.id, m.name from committee_members m join offices o on o.id = m.office_id where o.short_name = ${officeShortName} and m.active order by m.name`;
  return new Map(rows.map((r) => [r.name, r.id]));
}

export async function hearingOf(sql: Sql, caseId: string) {
  const [row] = await sql<
    {
      id: string;
      status: string;
      scheduled_at: Date;
      held_at: Date | null;
      panel: string[];
      attendance: { members?: { present: string[]; absent: string[] } };
    }[]
  >`
    select id, status::text as status, scheduled_at, held_at, panel, attendance from hearings where case_id = ${caseId} order by created_at desc limit 1`;
  return row;
}

export async function decisionsOf(sql: Sql, caseId: string) {
  return sql<
    {
      id: string;
      perpetrator_party_id: string;
      measures: { measure: number; periodDays?: number }[];
      recommendation: { measures: number[] };
      differs_from_recommendation: boolean;
      override_reason: string | null;
    }[]
  >`
    select id, perpetrator_party_id, measures, recommendation, differs_from_recommendation, override_reason from decisions where case_id = ${caseId}`;
}

export async function executionsOf(sql: Sql, caseId: string) {
  return sql<{ id: string; measure: number; status: string; progress: Record<string, unknown>; completed_at: Date | null }[]>`
    select id, measure, status::text as status, progress, completed_at from measure_executions where case_id = ${caseId} order by measure`;
}

export async function appealsOf(sql: Sql, caseId: string) {
  return sql<{ id: string; side: string; kind: string; body: string; outcome: string; victim_notified_at: Date | null; outcome_at: Date | null }[]>`
    select id, side::text as side, kind::text as kind, body, outcome::text as outcome, victim_notified_at, outcome_at from appeals where case_id = ${caseId} order by filed_at`;
}

/** The audit actions written for the case, in order, without page views; with who took them. */
export async function caseAuditActions(sql: Sql, caseId: string) {
  return sql<{ action: string; actor_id: string | null; to_status: string | null }[]>`
    select action, actor_id, detail->>'toStatus' as to_status from audit_log
    where target_type = 'case' and target_id = ${caseId} and action <> 'case.viewed' order by id`;
}
