import 'server-only';
import { db } from '@/db/client';
import { withNow, type Ctx } from '@/lib/cases/ctx';
import { applyStep } from '@/lib/cases/step-engine';
import { DomainError } from '@/lib/errors';
import { caseAppeals, caseDecisions, caseExecutions } from './queries';
import { closeBlockers } from './rules';
import type { CloseCaseData } from './schemas';

/** Closes a case once every decided measure is carried out (or annulled) and no appeal is open. */
export async function closeCase(input: CloseCaseData, context: Ctx): Promise<{ status: string }> {
  const ctx = withNow(context);
  return db.transaction(async (tx) => {
    const { status } = await applyStep(tx, input.caseId, { type: 'close_case', occurredAt: input.occurredAt, note: input.note }, ctx, async () => {
      const [decisions, executions, appeals] = await Promise.all([
        caseDecisions(tx, input.caseId),
        caseExecutions(tx, input.caseId),
        caseAppeals(tx, input.caseId),
      ]);
      const blockers = closeBlockers({ decisions, executions, appeals });
      if (blockers.length === 0) return;
      const key = blockers.some((b) => b.kind === 'appealPending') ? 'appealPending' : 'measuresIncomplete';
      throw new DomainError('invalid_transition', `close refused: ${blockers.map((b) => b.kind).join(',')}`, { _form: [key] });
    });
    return { status };
  });
}
