import 'server-only';
import { randomUUID } from 'node:crypto';
import { db } from '@/db/client';
import { appeals } from '@/db/schema';
import type { Ctx } from '@/lib/cases/service';
import { caseDecisions } from './queries';
import type { FileAppealData } from './schemas';
import { refuse, takeStep, withNow } from './step';

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
    const { status } = await takeStep(
      tx,
      input.caseId,
      { type: 'file_appeal', occurredAt: input.occurredAt, appealId: id, side: input.side, kind: input.kind, body: input.body, decisionId: input.decisionId, note: input.note },
      ctx,
      async (_row, events) => {
        const decision = (await caseDecisions(tx, input.caseId)).find((d) => d.id === input.decisionId);
        if (!decision) refuse('invalid_input', 'decisionId', 'required');
        // An appeal lies against a disposition, so it cannot predate the notice of it.
        const notified = events.find((e) => e.type === 'disposition_notified');
        if (notified && new Date(input.occurredAt).getTime() < new Date(notified.occurredAt).getTime()) refuse('invalid_input', 'occurredAt', 'beforeDisposition');
      },
    );
    await tx.insert(appeals).values({ id, caseId: input.caseId, side: input.side, kind: input.kind, body: input.body, decisionId: input.decisionId, filedAt: new Date(input.occurredAt), recordedBy: ctx.actor.userId });
    return { id, status };
  });
}
