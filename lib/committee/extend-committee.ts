import 'server-only';
import { eq } from 'drizzle-orm';
import { db } from '@/db/client';
import { cases } from '@/db/schema';
import { applyStep, type Ctx } from '@/lib/cases/service';
import { DomainError } from '@/lib/errors';
import { hasEvent } from './hearing-state';
import type { ExtendCommitteeData } from './schemas';

/**
 * MOE guidebook: the meeting is due 21 days after the request, extendable by
 * 7 days once for an unavoidable reason. A second extension, or one after the
 * hearing was held, is refused. Returns the new due time.
 */
export async function extendCommittee(input: ExtendCommitteeData, ctx: Ctx): Promise<{ dueAt: string | null }> {
  const now = ctx.now ?? new Date();
  return db.transaction(async (tx) => {
    const action = { type: 'extend_committee' as const, occurredAt: now.toISOString(), reason: input.reason, ...(input.note ? { note: input.note } : {}) };
    await applyStep(tx, input.caseId, action, { ...ctx, now }, (_row, events) => {
      if (hasEvent(events, 'committee_extended')) throw new DomainError('invalid_transition', 'committee already extended');
      if (hasEvent(events, 'hearing_held')) throw new DomainError('invalid_transition', 'hearing already held');
    });
    // applyStep has just recomputed the clocks with the extension in them.
    const [c] = await tx.select({ deadlines: cases.deadlines }).from(cases).where(eq(cases.id, input.caseId));
    return { dueAt: c?.deadlines.find((d) => d.key === 'committee_meeting')?.dueAt ?? null };
  });
}
