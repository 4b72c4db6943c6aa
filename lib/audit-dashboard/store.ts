import 'server-only';
import { eq, sql } from 'drizzle-orm';
import type { Db, Tx } from '@/db/client';
import { decisions, schools, victimMeasures } from '@/db/schema';
import type { Deadline } from '@/lib/rules';
import { caseFacts, deadlineRows, kstMonthOf, type FactsEvent } from './facts';
import {
  allDeadlineRows,
  allFacts,
  insertDeadlineRows,
  jsonDeadlineRows,
  jsonFacts,
  ROLLUP_TABLES,
  ROLLUPS,
  storedDeadlineRows,
  storedFacts,
  upsertAllRollups,
  upsertFacts,
  upsertRollup,
} from './rollup-sql';

type Conn = Db | Tx;

export type AuditCaseInput = {
  caseRow: { id: string; officeId: string; schoolId: string; reportedAt: Date; categories: readonly string[]; status: string };
  events: readonly FactsEvent[];
  deadlines: readonly Deadline[];
  now: Date;
};

/** The per-case rows the dashboard stores for one case, as JSON for `jsonb_to_recordset`. */
export async function auditRowsFor(tx: Conn, input: AuditCaseInput): Promise<{ deadlineJson: string; factsJson: string }> {
  const { caseRow: c } = input;
  const [[school], decided, victims] = await Promise.all([
    tx.select({ level: schools.level }).from(schools).where(eq(schools.id, c.schoolId)),
    tx
      .select({ measures: decisions.measures, notSchoolViolence: decisions.notSchoolViolence, ratification: decisions.emergencyRatification })
      .from(decisions)
      .where(eq(decisions.caseId, c.id)),
    tx.select({ measures: victimMeasures.measures }).from(victimMeasures).where(eq(victimMeasures.caseId, c.id)),
  ]);
  if (!school) throw new Error(`audit stats: school ${c.schoolId} missing`);
  const common = {
    case_id: c.id,
    office_id: c.officeId,
    school_id: c.schoolId,
    school_level: school.level,
    categories: c.categories,
    reported_at: c.reportedAt.toISOString(),
    reported_month: kstMonthOf(c.reportedAt),
    case_closed: c.status === 'closed',
  };
  const rows = deadlineRows(input.deadlines).map((r) => ({
    ...common,
    key: r.key,
    trigger_at: r.triggerAt,
    due_at: r.dueAt,
    met_at: r.metAt,
    status: r.status,
    extended_by: r.extendedBy,
    elapsed_hours: r.elapsedHours,
  }));
  const facts = caseFacts({
    reportedAt: c.reportedAt,
    categories: c.categories,
    events: input.events,
    deadlines: input.deadlines,
    decisions: decided.map((d) => ({
      measures: d.measures.map((m) => m.measure),
      notSchoolViolence: d.notSchoolViolence,
      ratification: d.ratification as Record<string, { ratified?: unknown }> | null,
    })),
    victimMeasures: victims.map((v) => v.measures),
    now: input.now,
  });
  const factRow = { ...common, gap_open: facts.gapOpen, gap_accrue_from: facts.gapAccrueFrom, ...facts.counts };
  return { deadlineJson: JSON.stringify(rows), factsJson: JSON.stringify([factRow]) };
}

/**
 * Replaces one case's dashboard rows and moves every rollup by the
 * difference, inside the caller's transaction (the case row is locked there,
 * so one case is never refreshed twice at once). Each rollup takes the old
 * rows (-1) and the new (+1) in a single statement that touches its cells in
 * key order, and the rollups are always visited in the same order, so two
 * cases refreshed at once cannot deadlock on shared cells.
 */
export async function storeAuditStats(tx: Tx, input: AuditCaseInput): Promise<void> {
  const id = input.caseRow.id;
  const { deadlineJson, factsJson } = await auditRowsFor(tx, input);
  const changed = {
    clocks: sql`${storedDeadlineRows(id, -1)} union all ${jsonDeadlineRows(deadlineJson, 1)}`,
    facts: sql`${storedFacts(id, -1)} union all ${jsonFacts(factsJson, 1)}`,
  };
  await tx.execute(upsertAllRollups(changed));
  await tx.execute(sql`delete from audit_deadline_results where case_id = ${id}`);
  await tx.execute(insertDeadlineRows(deadlineJson));
  await tx.execute(upsertFacts(factsJson));
}

/**
 * Recomputes every rollup from the per-case tables. Used by the backfill and
 * the benchmark seed; the live path only ever applies deltas.
 */
export async function rebuildAuditRollups(conn: Conn): Promise<void> {
  await conn.execute(sql.raw(`truncate ${ROLLUP_TABLES.join(', ')}`));
  const all = { clocks: allDeadlineRows, facts: allFacts };
  for (const r of ROLLUPS) await conn.execute(upsertRollup(r, all[r.of]));
}
