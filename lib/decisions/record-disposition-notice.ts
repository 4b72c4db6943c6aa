import 'server-only';
import { eq } from 'drizzle-orm';
import { db } from '@/db/client';
import { caseParties, decisions, measureExecutions } from '@/db/schema';
import { withNow, type Ctx } from '@/lib/cases/ctx';
import { applyStep } from '@/lib/cases/step-engine';
import { DomainError } from '@/lib/errors';
import { isNoticeRecipient } from './case-facts';
import type { RecordDispositionNoticeData } from './schemas';

/**
 * The written disposition reached the parties (Act 17): the case moves into
 * execution, the appeal window opens (docs/rules-contract.md §1 `appeal_window`), and each
 * decided measure gets an execution row, waiting, for the school to track.
 */
export async function recordDispositionNotice(input: RecordDispositionNoticeData, context: Ctx): Promise<{ status: string; executions: number }> {
  const ctx = withNow(context);
  const { now } = ctx;
  return db.transaction(async (tx) => {
    const { recipientPartyIds, method, note } = input;
    const { status, row } = await applyStep(
      tx,
      input.caseId,
      { type: 'record_disposition_notice', occurredAt: input.occurredAt, recipientPartyIds, method, note },
      ctx,
      async (row) => {
        const parties = await tx.select({ id: caseParties.id, role: caseParties.role }).from(caseParties).where(eq(caseParties.caseId, row.id));
        const roles = new Map(parties.map((p) => [p.id, p.role]));
        if (recipientPartyIds.some((id) => !isNoticeRecipient(roles.get(id) ?? '')))
          throw new DomainError('invalid_input', 'not a recipient', { recipientPartyIds: ['notRecipient'] });
      },
    );

    const decided = await tx.select({ id: decisions.id, measures: decisions.measures }).from(decisions).where(eq(decisions.caseId, row.id));
    const rows = decided.flatMap((d) =>
      d.measures.map((m) => ({ caseId: row.id, decisionId: d.id, measure: m.measure, status: 'waiting' as const, updatedAt: now })),
    );
    if (rows.length)
      await tx
        .insert(measureExecutions)
        .values(rows)
        .onConflictDoNothing({ target: [measureExecutions.decisionId, measureExecutions.measure] });
    return { status, executions: rows.length };
  });
}
