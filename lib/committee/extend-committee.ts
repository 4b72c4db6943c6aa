import 'server-only';
import { eq } from 'drizzle-orm';
import { db } from '@/db/client';
import { cases } from '@/db/schema';
import { withNow, type Ctx } from '@/lib/cases/ctx';
import { loadExtraHolidays } from '@/db/queries/cases';
import { caseExtensionRefusal } from '@/lib/cases/deadlines';
import { applyStep } from '@/lib/cases/step-engine';
import { DomainError } from '@/lib/errors';
import type { ExtendCommitteeData } from './schemas';

/**
 * MOE guidebook: the meeting is due 21 days after the request, extendable by
 * 7 days once for an unavoidable reason. A second extension, or one after the
 * hearing was held, is refused by the workflow table; one after the 21 days ran
 * out is refused here, because it would turn a late meeting into a met one
 * after the fact (docs/rules-contract.md §1). Returns the new due time.
 */
export async function extendCommittee(input: ExtendCommitteeData, context: Ctx): Promise<{ dueAt: string | null }> {
  const ctx = withNow(context);
  return db.transaction(async (tx) => {
    const action = { type: 'extend_committee' as const, occurredAt: ctx.now.toISOString(), reason: input.reason, ...(input.note ? { note: input.note } : {}) };
    await applyStep(tx, input.caseId, action, ctx, async (row, events) => {
      const refusal = caseExtensionRefusal(
        { reportedAt: row.reportedAt, categories: row.categories, events, extraHolidays: await loadExtraHolidays(tx) },
        'committee_meeting',
        ctx.now,
      );
      if (refusal === 'past_due') throw new DomainError('deadline_passed', 'the meeting period has already ended', { _form: ['extensionAfterDeadline'] });
    });
    // The engine has just recomputed the clocks with the extension in them.
    const [c] = await tx.select({ deadlines: cases.deadlines }).from(cases).where(eq(cases.id, input.caseId));
    return { dueAt: c?.deadlines.find((d) => d.key === 'committee_meeting')?.dueAt ?? null };
  });
}
