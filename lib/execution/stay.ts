import 'server-only';
import { and, eq, isNotNull, isNull, ne } from 'drizzle-orm';
import { db, type Tx } from '@/db/client';
import { appeals } from '@/db/schema';
import { withNow, type Ctx } from '@/lib/cases/ctx';
import { applyStep } from '@/lib/cases/step-engine';
import { appealOfCase, caseExecutions, setExecution } from './queries';
import { isPending, pauseForStay, resumeAfterStay, stayInForce } from './rules';
import type { AppealStepData } from './schemas';
import { refuse } from './refuse';

/** The rows of the appealed decision, each moved by `change`. */
async function moveExecutions(tx: Tx, caseId: string, decisionId: string | null, change: typeof pauseForStay, now: Date) {
  if (!decisionId) return;
  for (const row of (await caseExecutions(tx, caseId)).filter((r) => r.decisionId === decisionId)) {
    const next = change(row);
    if (next.status !== row.status) await setExecution(tx, row.id, next, now);
  }
}

/**
 * A stay of execution (집행정지) granted by the appeal body: every unfinished
 * measure of the appealed decision is held where it stands.
 */
export async function grantStay(input: AppealStepData, context: Ctx): Promise<{ status: string }> {
  const ctx = withNow(context);
  return db.transaction(async (tx) => {
    const { status, value: appeal } = await applyStep(
      tx,
      input.caseId,
      { type: 'grant_stay', occurredAt: input.occurredAt, appealId: input.appealId, note: input.note },
      ctx,
      async () => {
        const appeal = await appealOfCase(tx, input.caseId, input.appealId);
        if (!isPending(appeal)) refuse('invalid_transition', '_form', 'appealDecided');
        if (stayInForce(appeal)) refuse('invalid_transition', '_form', 'stayAlreadyGranted');
        return { value: appeal };
      },
    );
    await tx
      .update(appeals)
      .set({ stayGrantedAt: new Date(input.occurredAt), stayLiftedAt: null })
      .where(eq(appeals.id, appeal.id));
    await moveExecutions(tx, input.caseId, appeal.decisionId, pauseForStay, ctx.now);
    return { status };
  });
}

/**
 * The stay ends (lifted, or run out after the judgment): the held measures
 * resume where they stood, unless another stay on the same decision still
 * holds them.
 */
export async function liftStay(input: AppealStepData, context: Ctx): Promise<{ status: string }> {
  const ctx = withNow(context);
  return db.transaction(async (tx) => {
    const { status, value: appeal } = await applyStep(
      tx,
      input.caseId,
      { type: 'lift_stay', occurredAt: input.occurredAt, appealId: input.appealId, note: input.note },
      ctx,
      async () => {
        const appeal = await appealOfCase(tx, input.caseId, input.appealId);
        if (!stayInForce(appeal)) refuse('invalid_transition', '_form', 'noStayInForce');
        return { value: appeal };
      },
    );
    await tx
      .update(appeals)
      .set({ stayLiftedAt: new Date(input.occurredAt) })
      .where(eq(appeals.id, appeal.id));
    if (appeal.decisionId) {
      const otherStays = await tx
        .select({ id: appeals.id })
        .from(appeals)
        .where(and(eq(appeals.decisionId, appeal.decisionId), ne(appeals.id, appeal.id), isNotNull(appeals.stayGrantedAt), isNull(appeals.stayLiftedAt)));
      if (otherStays.length === 0) await moveExecutions(tx, input.caseId, appeal.decisionId, resumeAfterStay, ctx.now);
    }
    return { status };
  });
}
