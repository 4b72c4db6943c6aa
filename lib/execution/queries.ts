import 'server-only';
import { and, asc, eq } from 'drizzle-orm';
import type { Db, Tx } from '@/db/client';
import { appeals, decisions, measureExecutions, recordDeletionReviews } from '@/db/schema';
import { DomainError } from '@/lib/errors';
import type { Progress } from './rules';

type Conn = Db | Tx;

export async function caseDecisions(db: Conn, caseId: string) {
  return db
    .select({
      id: decisions.id,
      perpetratorPartyId: decisions.perpetratorPartyId,
      measures: decisions.measures,
      notSchoolViolence: decisions.notSchoolViolence,
    })
    .from(decisions)
    .where(eq(decisions.caseId, caseId))
    .orderBy(asc(decisions.decidedAt), asc(decisions.id));
}

export async function caseExecutions(db: Conn, caseId: string) {
  const rows = await db
    .select()
    .from(measureExecutions)
    .where(eq(measureExecutions.caseId, caseId))
    .orderBy(asc(measureExecutions.decisionId), asc(measureExecutions.measure));
  return rows.map((r) => ({ ...r, progress: r.progress as Progress }));
}
export type ExecutionRow = Awaited<ReturnType<typeof caseExecutions>>[number];

export async function caseAppeals(db: Conn, caseId: string) {
  return db.select().from(appeals).where(eq(appeals.caseId, caseId)).orderBy(asc(appeals.filedAt), asc(appeals.id));
}
export type AppealRow = Awaited<ReturnType<typeof caseAppeals>>[number];

export async function caseDeletionReviews(db: Conn, caseId: string) {
  return db.select().from(recordDeletionReviews).where(eq(recordDeletionReviews.caseId, caseId)).orderBy(asc(recordDeletionReviews.reviewedAt));
}

/** An appeal of this case; one of another case is as good as missing. */
export async function appealOfCase(db: Conn, caseId: string, appealId: string): Promise<AppealRow> {
  const [row] = await db
    .select()
    .from(appeals)
    .where(and(eq(appeals.id, appealId), eq(appeals.caseId, caseId)));
  if (!row) throw new DomainError('not_found', 'appeal not on case', { appealId: ['notFound'] });
  return row;
}

export async function setExecution(
  tx: Tx,
  id: string,
  next: { status: ExecutionRow['status']; progress: Progress; startDate?: string | null; endDate?: string | null; completedAt?: Date | null },
  now: Date,
) {
  await tx
    .update(measureExecutions)
    .set({ ...next, progress: next.progress as Record<string, unknown>, updatedAt: now })
    .where(eq(measureExecutions.id, id));
}
