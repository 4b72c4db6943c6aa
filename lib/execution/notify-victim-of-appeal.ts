import 'server-only';
import { eq } from 'drizzle-orm';
import { db } from '@/db/client';
import { appeals } from '@/db/schema';
import { withNow, type Ctx } from '@/lib/cases/ctx';
import { applyStep } from '@/lib/cases/step-engine';
import { appealOfCase } from './queries';
import { needsVictimNotice } from './rules';
import type { AppealStepData } from './schemas';
import { refuse } from './refuse';

/** Row 20: the victim's side is told of the perpetrator's appeal, and may join it and state its opinion. */
export async function notifyVictimOfAppeal(input: AppealStepData, context: Ctx): Promise<{ status: string }> {
  const ctx = withNow(context);
  return db.transaction(async (tx) => {
    const { status } = await applyStep(
      tx,
      input.caseId,
      { type: 'notify_victim_of_appeal', occurredAt: input.occurredAt, appealId: input.appealId, note: input.note },
      ctx,
      async () => {
        const appeal = await appealOfCase(tx, input.caseId, input.appealId);
        if (appeal.side !== 'perpetrator') refuse('invalid_input', '_form', 'notPerpetratorAppeal');
        if (!needsVictimNotice(appeal)) refuse('invalid_transition', '_form', 'victimAlreadyNotified');
      },
    );
    await tx
      .update(appeals)
      .set({ victimNotifiedAt: new Date(input.occurredAt) })
      .where(eq(appeals.id, input.appealId));
    return { status };
  });
}
