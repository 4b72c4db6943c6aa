import 'server-only';
import { and, eq, inArray } from 'drizzle-orm';
import { db } from '@/db/client';
import { caseParties } from '@/db/schema';
import { applyStep, type Ctx } from '@/lib/cases/service';
import { invalid, lockCaseForStep, scheduledHearing } from './hearing-state';
import type { SendHearingNoticeData } from './schemas';

/** The hearing notice to the parties and their guardians: who was told, how and when (Act 13⑤: they are heard). */
export async function sendHearingNotice(input: SendHearingNoticeData, ctx: Ctx): Promise<void> {
  const now = ctx.now ?? new Date();
  const partyIds = [...new Set(input.partyIds)];
  await db.transaction(async (tx) => {
    const { row } = await lockCaseForStep(tx, input.caseId, ctx.actor, 'send_hearing_notice');
    const hearing = await scheduledHearing(tx, row.id, 'send_hearing_notice');
    const found = await tx.select({ id: caseParties.id }).from(caseParties).where(and(eq(caseParties.caseId, row.id), inArray(caseParties.id, partyIds)));
    if (found.length !== partyIds.length) invalid('partyIds', 'notOnCase');
    // The notice is for one date; after a reschedule the page shows it as a notice for an older date.
    const action = { type: 'send_hearing_notice' as const, occurredAt: input.occurredAt, partyIds, method: input.method, hearingAt: hearing.scheduledAt.toISOString(), ...(input.note ? { note: input.note } : {}) };
    await applyStep(tx, row.id, action, { ...ctx, now });
  });
}
