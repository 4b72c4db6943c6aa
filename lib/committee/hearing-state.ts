import 'server-only';
import { and, desc, eq, ne } from 'drizzle-orm';
import type { Db, Tx } from '@/db/client';
import { loadExtraHolidays } from '@/db/queries/cases';
import { hearingConflicts, hearings } from '@/db/schema';
import { caseDeadlines } from '@/lib/cases/deadlines';
import type { CaseRow, StepEvent } from '@/lib/cases/step-engine';
import type { CaseActionName } from '@/lib/cases/workflow';
import { DomainError } from '@/lib/errors';

/**
 * What the committee's steps read under the case lock the engine
 * (lib/cases/step-engine.ts) holds: the case's current hearing, its
 * conflicts and the meeting clock. Every function runs inside the caller's
 * transaction; facts found here that the step's event records (the hearing
 * moved, the date was late, who could sit) go back to the engine as the
 * check's `data`.
 */

export type Hearing = typeof hearings.$inferSelect;
type Conn = Db | Tx;

export function invalid(field: string, key: string): never {
  throw new DomainError('invalid_input', `${field}: ${key}`, { [field]: [key] });
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

/** The committee_meeting due time from the case's events as they stand (21 days, +7 once). */
export async function committeeDueAt(tx: Tx, row: CaseRow, events: StepEvent[], now: Date): Promise<string | null> {
  const deadlines = caseDeadlines({ reportedAt: row.reportedAt, categories: row.categories, events, extraHolidays: await loadExtraHolidays(tx) }, now);
  return deadlines.find((d) => d.key === 'committee_meeting')?.dueAt ?? null;
}
