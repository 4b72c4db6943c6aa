import 'server-only';
import { and, asc, desc, eq, ne } from 'drizzle-orm';
import type { Db, Tx } from '@/db/client';
import { getCaseRow, loadExtraHolidays } from '@/db/queries/cases';
import { caseEvents, hearingConflicts, hearings } from '@/db/schema';
import { canAs } from '@/lib/auth/permissions';
import type { Actor } from '@/lib/auth/roles';
import { canViewCase } from '@/lib/cases/access';
import { caseDeadlines } from '@/lib/cases/deadlines';
import type { CaseStatus } from '@/lib/cases/constants';
import { caseResource, TRANSITIONS, type CaseActionName, type CaseSnapshot } from '@/lib/cases/workflow';
import { DomainError } from '@/lib/errors';

/**
 * What the committee's use-cases share: the case lock with the table's role
 * and status check, the case's current hearing, its conflicts and the
 * meeting clock. Every function runs inside the caller's transaction.
 *
 * A step whose event records facts found under the lock (the hearing moved,
 * the date was late, who could sit) locks the case here first, reads and
 * checks, and only then hands the finished action to `applyStep`, which
 * takes the same lock again (a no-op in the same transaction) and applies
 * the table.
 */

export type Hearing = typeof hearings.$inferSelect;
type Conn = Db | Tx;
type CaseRow = { id: string; status: CaseStatus; schoolId: string; officeId: string; reportedAt: Date; categories: string[] };

export function invalid(field: string, key: string): never {
  throw new DomainError('invalid_input', `${field}: ${key}`, { [field]: [key] });
}

/**
 * The workflow table's role and status check, run before the step's own
 * checks, so someone who may not take the step learns nothing from them.
 */
export function assertStepAllowed(actor: Actor, action: CaseActionName, row: CaseRow): void {
  const t = TRANSITIONS[action];
  if (!canAs(actor, t.roles, caseResource(row))) throw new DomainError('forbidden');
  if (!(t.from as readonly CaseStatus[]).includes(row.status)) throw new DomainError('invalid_transition', `${action} from ${row.status}`);
}

type LockedCase = NonNullable<Awaited<ReturnType<typeof getCaseRow>>>;

/** Locks the case for `action`: unknown or unseen is `not_found`, then the table's role and status checks. */
export async function lockCaseForStep(tx: Tx, caseId: string, actor: Actor, action: CaseActionName): Promise<{ row: LockedCase; events: CaseSnapshot['events'] }> {
  const row = await getCaseRow(tx, caseId, { forUpdate: true });
  if (!row || !canViewCase(actor, row)) throw new DomainError('not_found');
  assertStepAllowed(actor, action, row);
  const events = await tx
    .select({ type: caseEvents.type, occurredAt: caseEvents.occurredAt, data: caseEvents.data })
    .from(caseEvents)
    .where(eq(caseEvents.caseId, row.id))
    .orderBy(asc(caseEvents.occurredAt), asc(caseEvents.id));
  return { row, events: events.map((e) => ({ ...e, occurredAt: e.occurredAt.toISOString() })) };
}

/** The case's hearing: the one scheduled or held (rescheduling moves the same row). */
export async function currentHearing(tx: Conn, caseId: string, opts: { forUpdate?: boolean } = {}): Promise<Hearing | null> {
  const q = tx
    .select()
    .from(hearings)
    .where(and(eq(hearings.caseId, caseId), ne(hearings.status, 'cancelled')))
    .orderBy(desc(hearings.createdAt))
    .limit(1);
  const [row] = opts.forUpdate ? await q.for('update') : await q;
  return row ?? null;
}

/** A step that needs a hearing still to come: scheduled, not yet held. */
export async function scheduledHearing(tx: Tx, caseId: string, action: CaseActionName): Promise<Hearing> {
  const hearing = await currentHearing(tx, caseId, { forUpdate: true });
  if (!hearing || hearing.status !== 'scheduled') throw new DomainError('invalid_transition', `${action}: no scheduled hearing`);
  return hearing;
}

export async function conflictsOf(tx: Conn, hearingId: string) {
  return tx.select().from(hearingConflicts).where(eq(hearingConflicts.hearingId, hearingId)).orderBy(hearingConflicts.recordedAt);
}

export function hasEvent(events: CaseSnapshot['events'], type: string): boolean {
  return events.some((e) => e.type === type);
}

export function lastEvent(events: CaseSnapshot['events'], type: string): CaseSnapshot['events'][number] | undefined {
  return [...events].reverse().find((e) => e.type === type);
}

/** The committee_meeting due time from the case's events as they stand (21 days, +7 once). */
export async function committeeDueAt(tx: Tx, row: CaseRow, events: CaseSnapshot['events'], now: Date): Promise<string | null> {
  const deadlines = caseDeadlines({ reportedAt: row.reportedAt, categories: row.categories, events, extraHolidays: await loadExtraHolidays(tx) }, now);
  return deadlines.find((d) => d.key === 'committee_meeting')?.dueAt ?? null;
}
