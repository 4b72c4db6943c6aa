import 'server-only';
import { randomUUID } from 'node:crypto';
import { db } from '@/db/client';
import { appeals } from '@/db/schema';
import { withNow, type Ctx } from '@/lib/cases/ctx';
import { applyStep } from '@/lib/cases/step-engine';
import { caseDecisions } from './queries';
import type { FileAppealData } from './schemas';
import { refuse } from './refuse';

/**
 * Act 17-2: an administrative appeal (행정심판) or a lawsuit (행정소송)
 * against one student's disposition, by either side, with the body that
 * hears it. The case waits in `appeal_pending`; a perpetrator-side appeal
 * opens the task of telling the victim's side (row 20).
 */
export async function fileAppeal(input: FileAppealData, context: Ctx): Promise<{ id: string; status: string }> {
  const ctx = withNow(context);
  const id = randomUUID();
  return db.transaction(async (tx) => {
    const { status } = await applyStep(
      tx,
      input.caseId,
      {
        type: 'file_appeal',
        occurredAt: input.occurredAt,
        appealId: id,
        side: input.side,
        kind: input.kind,
        body: input.body,
        decisionId: input.decisionId,
        note: input.note,
      },
      ctx,
      async () => {
        const decision = (await caseDecisions(tx, input.caseId)).find((d) => d.id === input.decisionId);
        if (!decision) refuse('invalid_input', 'decisionId', 'required');
      },
    );
    await tx.insert(appeals).values({
      id,
      caseId: input.caseId,
      side: input.side,
      kind: input.kind,
      body: input.body,
      decisionId: input.decisionId,
      filedAt: new Date(input.occurredAt),
      recordedBy: ctx.actor.userId,
    });
    return { id, status };
  });
}
