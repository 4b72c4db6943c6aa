import 'server-only';
import { asc, eq, sql } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { getCaseRow, loadExtraHolidays } from '@/db/queries/cases';
import { caseEvents, cases } from '@/db/schema';
import { appendAudit } from '@/lib/audit/append';
import { storeAuditStats } from '@/lib/audit-dashboard/store';
import { canAs } from '@/lib/auth/permissions';
import type { Actor } from '@/lib/auth/roles';
import { encrypt } from '@/lib/crypto/keys';
import { DomainError } from '@/lib/errors';
import type { Deadline } from '@/lib/rules';
import { canViewCase } from './access';
import type { CaseStatus } from './constants';
import type { Ctx } from './ctx';
import { caseDeadlines, earliestOpen } from './deadlines';
import { teamAfterStep } from './team';
import { applyAction, caseResource, TRANSITIONS, type AppliedAction, type CaseActionInput, type CaseActionName, type CaseSnapshot } from './workflow';

/**
 * The one engine every case step goes through (lib/cases/workflow.ts is its
 * table). `applyStep` locks the case row once, reads its chronology once,
 * lets the table decide (role and place → forbidden, status and order →
 * invalid_transition, the facts → invalid_input), runs the area's own check
 * on what it read, and writes the event, the status, the clocks, the audit
 * row and the team changes in the caller's transaction.
 */

export type CaseRow = NonNullable<Awaited<ReturnType<typeof getCaseRow>>>;

/** One event of the chronology as read under the lock; `id` is what ratifications and other references key on. */
export type StepEvent = { id: number; type: string; occurredAt: string; data: Record<string, unknown> };

export type LockedCase = { row: CaseRow; events: StepEvent[]; snapshot: CaseSnapshot };

/** What a step's table needs from the row and its chronology. */
export function caseSnapshot(row: CaseRow, events: readonly { type: string; occurredAt: Date | string; data: Record<string, unknown> }[]): CaseSnapshot {
  return {
    id: row.id,
    status: row.status,
    schoolId: row.schoolId,
    officeId: row.officeId,
    reportedAt: row.reportedAt.toISOString(),
    categories: row.categories,
    events: events.map((e) => ({ type: e.type, occurredAt: typeof e.occurredAt === 'string' ? e.occurredAt : e.occurredAt.toISOString(), data: e.data })),
  };
}

/**
 * Locks the case for `action` and reads its chronology once. An unknown case
 * and one the actor may not see are both `not_found`; someone without the
 * step's role on this case is `forbidden`. Decision saves that are not steps
 * of their own (drafts, corrections) take the same lock under the same role,
 * so they serialize with the steps and a finalised decision cannot change
 * under the clocks.
 */
export async function lockCase(tx: Tx, caseId: string, actor: Actor, action: CaseActionName): Promise<LockedCase> {
  const row = await getCaseRow(tx, caseId, { forUpdate: true });
  if (!row || !canViewCase(actor, row)) throw new DomainError('not_found');
  if (!canAs(actor, TRANSITIONS[action].roles, caseResource(row))) throw new DomainError('forbidden');
  const read = await tx
    .select({ id: caseEvents.id, type: caseEvents.type, occurredAt: caseEvents.occurredAt, data: caseEvents.data })
    .from(caseEvents)
    .where(eq(caseEvents.caseId, row.id))
    .orderBy(asc(caseEvents.occurredAt), asc(caseEvents.id));
  const events = read.map((e) => ({ ...e, occurredAt: e.occurredAt.toISOString() }));
  return { row, events, snapshot: caseSnapshot(row, events) };
}

/**
 * Recomputes the stored clock results and the audit dashboard's figures after
 * the case's events (or its decisions) changed, in the caller's transaction.
 */
export async function refreshDeadlines(tx: Tx, caseId: string, now: Date): Promise<Deadline[]> {
  const row = await getCaseRow(tx, caseId);
  if (!row) throw new DomainError('not_found');
  const events = await tx
    .select({ id: caseEvents.id, type: caseEvents.type, occurredAt: caseEvents.occurredAt, data: caseEvents.data })
    .from(caseEvents)
    .where(eq(caseEvents.caseId, caseId));
  const deadlines = caseDeadlines({ reportedAt: row.reportedAt, categories: row.categories, events, extraHolidays: await loadExtraHolidays(tx) }, now);
  const next = row.status === 'closed' ? null : earliestOpen(deadlines);
  await tx
    .update(cases)
    .set({ deadlines, nextDueAt: next?.dueAt ?? null, nextDueKey: next?.key ?? null })
    .where(eq(cases.id, caseId));
  // The audit dashboard's per-case results and monthly sums move with the clocks, in the same transaction.
  await storeAuditStats(tx, { caseRow: row, events, deadlines, now });
  return deadlines;
}

type Awaitable<T> = T | Promise<T>;

/**
 * What an area's check hands back: a value for the caller (a row it found
 * under the lock), and facts for the step's event that only the lock could
 * establish (the hearing's id, whether it was rescheduled, the measures).
 */
export type Checked<T> = { value: T; data?: Record<string, unknown> };
type StepCheck<R> = (row: CaseRow, events: StepEvent[]) => Awaitable<R>;

export type AppliedStep<T> = { row: CaseRow; status: CaseStatus; event: AppliedAction['event']; value: T };

/**
 * Takes one workflow step inside the caller's transaction. `check` runs after
 * the table has spoken, so a wrong-role or wrong-stage attempt hears that
 * first and learns nothing from the area's own preconditions; it sees the row
 * and the chronology the engine read under the lock. On a restricted case the
 * step's team changes (lib/cases/team `teamAfterStep`) join the transaction.
 */
export function applyStep<T>(tx: Tx, caseId: string, action: CaseActionInput, ctx: Ctx, check: StepCheck<Checked<T>>): Promise<AppliedStep<T>>;
export function applyStep(
  tx: Tx,
  caseId: string,
  action: CaseActionInput,
  ctx: Ctx,
  check?: StepCheck<void | { data: Record<string, unknown> }>,
): Promise<AppliedStep<undefined>>;
export async function applyStep(
  tx: Tx,
  caseId: string,
  action: CaseActionInput,
  { actor, ip, now = new Date() }: Ctx,
  check?: StepCheck<void | { value?: unknown; data?: Record<string, unknown> }>,
): Promise<AppliedStep<unknown>> {
  const { row, events, snapshot } = await lockCase(tx, caseId, actor, action.type);
  const applied = applyAction(snapshot, action, actor, now);
  const checked = (await check?.(row, events)) || undefined;
  const event = checked?.data ? { ...applied.event, data: { ...applied.event.data, ...checked.data } } : applied.event;

  await tx
    .insert(caseEvents)
    .values({ caseId: row.id, type: event.type, occurredAt: new Date(event.occurredAt), recordedAt: now, actorId: actor.userId, data: sealNote(event.data) });
  await tx
    .update(cases)
    .set({
      status: applied.status,
      version: sql`${cases.version} + 1`,
      updatedAt: now,
      ...(applied.status === 'closed' && row.status !== 'closed' ? { closedAt: now } : {}),
    })
    .where(eq(cases.id, row.id));
  await refreshDeadlines(tx, row.id, now);
  await appendAudit(
    tx,
    {
      action: `case.${event.type}`,
      actorId: actor.userId,
      targetType: 'case',
      targetId: row.id,
      ip,
      detail: { step: action.type, occurredAt: event.occurredAt, fromStatus: row.status, toStatus: applied.status },
    },
    now,
  );
  await teamAfterStep(tx, row, event, { actorId: actor.userId, now, ip });
  return { row, status: applied.status, event, value: checked?.value };
}

/** A step's free-text note can name students: it is stored encrypted, never in the clear. */
function sealNote(data: Record<string, unknown>): Record<string, unknown> {
  const { note, ...rest } = data;
  return typeof note === 'string' && note ? { ...rest, noteEnc: encrypt(note) } : rest;
}
