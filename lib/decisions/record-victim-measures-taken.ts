import 'server-only';
import { db } from '@/db/client';
import type { Ctx } from '@/lib/cases/ctx';
import { applyStep } from '@/lib/cases/step-engine';
import { DomainError } from '@/lib/errors';
import { finalisedMeasures } from './case-facts';
import type { RecordVictimMeasuresTakenData } from './schemas';

/** The office carried out the victim measures, with the guardian's consent (Act 16③): meets the 7-day clock. */
export async function recordVictimMeasuresTaken(input: RecordVictimMeasuresTakenData, ctx: Ctx): Promise<{ status: string }> {
  return db.transaction(async (tx) => {
    const { status } = await applyStep(
      tx,
      input.caseId,
      { type: 'record_victim_measures_taken', occurredAt: input.occurredAt, guardianConsent: input.guardianConsent, note: input.note },
      ctx,
      (_row, events) => {
        if (!finalisedMeasures(events)?.victimMeasures.length)
          throw new DomainError('invalid_input', 'no victim measures decided', { _form: ['noVictimMeasures'] });
      },
    );
    return { status };
  });
}
