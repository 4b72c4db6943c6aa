import 'server-only';
import { db } from '@/db/client';
import { withNow, type Ctx } from '@/lib/cases/ctx';
import { applyStep } from '@/lib/cases/step-engine';
import { DomainError } from '@/lib/errors';
import { kstDateOf } from '@/lib/rules/time';
import { caseExecutions, setExecution } from './queries';
import { TRANSFER_MEASURE, blockedByTransfer, patchFor, progressErrors, statusAfterProgress, type Progress } from './rules';
import type { RecordProgressData } from './schemas';
import { refuse } from './refuse';

/**
 * Records progress on one measure (apology handed over, hours done, dates
 * served, class changed, transfer made) and moves its row to in progress or
 * completed. A row held by a stay, or waiting for a transfer, refuses.
 */
export async function recordProgress(input: RecordProgressData, context: Ctx): Promise<{ status: string }> {
  const ctx = withNow(context);
  const patch = patchFor(input.measure, input);
  // Class and school names stay on the row; the chronology gets the facts without them.
  const { newClass: _newClass, newSchool: _newSchool, ...facts } = patch;
  return db.transaction(async (tx) => {
    const { value: next } = await applyStep(
      tx,
      input.caseId,
      { type: 'record_execution', occurredAt: input.occurredAt, executionId: input.executionId, measure: input.measure, ...facts, note: input.note },
      ctx,
      async () => {
        const rows = await caseExecutions(tx, input.caseId);
        const row = rows.find((r) => r.id === input.executionId);
        if (!row) throw new DomainError('not_found', 'execution not on case');
        if (row.measure !== input.measure) refuse('conflict', '_form', 'staleForm');
        if (row.status === 'paused') refuse('invalid_transition', '_form', 'executionPaused');
        if (row.measure !== TRANSFER_MEASURE && blockedByTransfer(rows.filter((r) => r.decisionId === row.decisionId)))
          refuse('invalid_transition', '_form', 'waitingForTransfer');
        const progress: Progress = { ...row.progress, ...patch };
        const errors = progressErrors(row.measure, progress, { today: kstDateOf(ctx.now.toISOString()) });
        if (Object.keys(errors).length) throw new DomainError('invalid_input', 'progress', errors);
        const status = statusAfterProgress(row.measure, progress);
        return { value: { id: row.id, status, progress, completedAt: status === 'completed' ? (row.completedAt ?? new Date(input.occurredAt)) : null } };
      },
    );
    await setExecution(
      tx,
      next.id,
      {
        status: next.status,
        progress: next.progress,
        startDate: next.progress.startDate ?? null,
        endDate: next.progress.endDate ?? null,
        completedAt: next.completedAt,
      },
      ctx.now,
    );
    return { status: next.status };
  });
}
