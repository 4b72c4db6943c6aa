import 'server-only';
import { db } from '@/db/client';
import { withNow, type Ctx } from '@/lib/cases/ctx';
import { applyStep } from '@/lib/cases/step-engine';
import { DomainError } from '@/lib/errors';
import { caseExecutions, setExecution } from './queries';
import { TRANSFER_MEASURE, statusAfterProgress } from './rules';
import type { RequestTransferData } from './schemas';
import { refuse } from './refuse';

/**
 * Decree 20: the school head asks the office to assign a new school within
 * 7 days of the disposition notice (the `transfer_request` clock). Only a
 * decision with a transfer (8) has one, and it is asked for once.
 */
export async function requestTransfer(input: RequestTransferData, context: Ctx): Promise<{ status: string }> {
  const ctx = withNow(context);
  return db.transaction(async (tx) => {
    const { value: row } = await applyStep(
      tx,
      input.caseId,
      { type: 'request_transfer', occurredAt: input.occurredAt, executionId: input.executionId, note: input.note },
      ctx,
      async () => {
        const row = (await caseExecutions(tx, input.caseId)).find((r) => r.id === input.executionId);
        if (!row) throw new DomainError('not_found', 'execution not on case');
        if (row.measure !== TRANSFER_MEASURE) refuse('invalid_input', '_form', 'notTransfer');
        if (row.progress.transferRequestedAt) refuse('invalid_transition', '_form', 'transferAlreadyRequested');
        if (row.status === 'paused') refuse('invalid_transition', '_form', 'executionPaused');
        if (row.status === 'completed') refuse('invalid_transition', '_form', 'executionCompleted');
        return { value: row };
      },
    );
    const progress = { ...row.progress, transferRequestedAt: input.occurredAt };
    const status = statusAfterProgress(row.measure, progress);
    await setExecution(tx, row.id, { status, progress }, ctx.now);
    return { status };
  });
}
