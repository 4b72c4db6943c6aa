import 'server-only';
import { eq } from 'drizzle-orm';
import { db } from '@/db/client';
import { appeals, cases } from '@/db/schema';
import { withNow, type Ctx } from '@/lib/cases/ctx';
import { applyStep } from '@/lib/cases/step-engine';
import { appealOfCase, caseAppeals, caseExecutions, setExecution } from './queries';
import { annul, isPending, needsVictimNotice } from './rules';
import type { RecordAppealOutcomeData } from './schemas';
import { refuse } from './refuse';

/**
 * The appeal's result. Annulled: the decision's measures leave tracking
 * (completed, marked annulled). Upheld, varied or withdrawn: the measures
 * stay as they are; a stay still in force holds them until it is lifted.
 *
 * The workflow table moves the case back to `in_execution`. While another
 * appeal on the case is still open that would strand it (its notice, stay
 * and outcome steps need `appeal_pending`), so the case is kept there until
 * the last open appeal is decided. The victim's side must have been told of
 * a perpetrator's appeal before its outcome is recorded, so the notice task
 * is never stranded either.
 */
export async function recordAppealOutcome(input: RecordAppealOutcomeData, context: Ctx): Promise<{ status: string }> {
  const ctx = withNow(context);
  return db.transaction(async (tx) => {
    const {
      status,
      value: { appeal, othersOpen },
    } = await applyStep(
      tx,
      input.caseId,
      { type: 'record_appeal_outcome', occurredAt: input.occurredAt, appealId: input.appealId, outcome: input.outcome, note: input.note },
      ctx,
      async () => {
        const appeal = await appealOfCase(tx, input.caseId, input.appealId);
        if (!isPending(appeal)) refuse('invalid_transition', '_form', 'appealDecided');
        if (needsVictimNotice(appeal)) refuse('invalid_transition', '_form', 'victimNotNotified');
        const othersOpen = (await caseAppeals(tx, input.caseId)).some((a) => a.id !== appeal.id && isPending(a));
        return { value: { appeal, othersOpen } };
      },
    );
    await tx
      .update(appeals)
      .set({ outcome: input.outcome, outcomeAt: new Date(input.occurredAt) })
      .where(eq(appeals.id, appeal.id));
    if (othersOpen) await tx.update(cases).set({ status: 'appeal_pending' }).where(eq(cases.id, input.caseId));
    if (input.outcome === 'annulled' && appeal.decisionId) {
      for (const row of (await caseExecutions(tx, input.caseId)).filter((r) => r.decisionId === appeal.decisionId)) {
        await setExecution(tx, row.id, { ...annul(row), completedAt: row.completedAt ?? new Date(input.occurredAt) }, ctx.now);
      }
    }
    return { status: othersOpen ? 'appeal_pending' : status };
  });
}
