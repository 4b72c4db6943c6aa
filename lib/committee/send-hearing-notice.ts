import 'server-only';
import { and, eq, inArray } from 'drizzle-orm';
import { db } from '@/db/client';
import { caseParties } from '@/db/schema';
import { withNow, type Ctx } from '@/lib/cases/ctx';
import { applyStep } from '@/lib/cases/step-engine';
import { invalid, scheduledHearing } from './hearing-state';
import type { SendHearingNoticeData } from './schemas';

/** The hearing notice to the parties and their guardians: who was told, how and when (Act 13⑤: they are heard). */
export async function sendHearingNotice(input: SendHearingNoticeData, context: Ctx): Promise<void> {
  const ctx = withNow(context);
  const partyIds = [...new Set(input.partyIds)];
  await db.transaction(async (tx) => {
    const action = {
      type: 'send_hearing_notice' as const,
      occurredAt: input.occurredAt,
      partyIds,
      method: input.method,
      ...(input.note ? { note: input.note } : {}),
    };
    await applyStep(tx, input.caseId, action, ctx, async (row) => {
      const hearing = await scheduledHearing(tx, row.id, 'send_hearing_notice');
      const found = await tx
        .select({ id: caseParties.id })
        .from(caseParties)
        .where(and(eq(caseParties.caseId, row.id), inArray(caseParties.id, partyIds)));
      if (found.length !== partyIds.length) invalid('partyIds', 'notOnCase');
      // The notice is for one date; after a reschedule the page shows it as a notice for an older date.
      return { data: { hearingAt: hearing.scheduledAt.toISOString() } };
    });
  });
}
