import 'server-only';
import { eq } from 'drizzle-orm';
import { db } from '@/db/client';
import { caseParties, decisions, measureExecutions } from '@/db/schema';
import { applyStep, type Ctx } from '@/lib/cases/service';
import { DomainError } from '@/lib/errors';
import { finalisedMeasures, isNoticeRecipient } from './case-facts';
import type { RecordDispositionNoticeData } from './schemas';

/**
 * The written disposition reached the parties (Act 17): the case moves into
 * execution, the appeal window opens (contract §1 `appeal_window`), and each
 * decided measure gets an execution row, waiting, for the school to track.
 */
export async function recordDispositionNotice(input: RecordDispositionNoticeData, ctx: Ctx): Promise<{ status: string; executions: number }> {
  const now = ctx.now ?? new Date();
  return db.transaction(async (tx) => {
    const { recipientPartyIds, method, note } = input;
    const { status, row } = await applyStep(tx, input.caseId, { type: 'record_disposition_notice', occurredAt: input.occurredAt, recipientPartyIds, method, note }, { ...ctx, now }, async (row, events) => {
      const parties = await tx.select({ id: caseParties.id, role: caseParties.role }).from(caseParties).where(eq(caseParties.caseId, row.id));
      const roles = new Map(parties.map((p) => [p.id, p.role]));
      if (recipientPartyIds.some((id) => !isNoticeRecipient(roles.get(id) ?? ''))) throw new DomainError('invalid_input', 'not a recipient', { recipientPartyIds: ['notRecipient'] });
      const decided = finalisedMeasures(events);
      if (decided && new Date(input.occurredAt) < new Date(decided.at)) throw new DomainError('invalid_input', 'before decision', { occurredAt: ['beforeDecision'] });
    });

    const decided = await tx.select({ id: decisions.id, measures: decisions.measures }).from(decisions).where(eq(decisions.caseId, row.id));
    const rows = decided.flatMap((d) => d.measures.map((m) => ({ caseId: row.id, decisionId: d.id, measure: m.measure, status: 'waiting' as const, updatedAt: now })));
    if (rows.length) await tx.insert(measureExecutions).values(rows).onConflictDoNothing({ target: [measureExecutions.decisionId, measureExecutions.measure] });
    return { status, executions: rows.length };
  });
}
