import 'server-only';
import { eq } from 'drizzle-orm';
import { db } from '@/db/client';
import { caseParties, decisions, victimMeasures } from '@/db/schema';
import type { Ctx } from '@/lib/cases/ctx';
import { applyStep } from '@/lib/cases/step-engine';
import { DomainError } from '@/lib/errors';
import { emergenciesAwaiting, isPerpetrator } from './case-facts';
import { measureUnion } from './measures';
import type { FinaliseDecisionData } from './schemas';

const refuse = (key: string) => new DomainError('invalid_input', key, { _form: [key] });

/**
 * The committee's decision as a whole (`record_decision` → decided): every
 * alleged perpetrator decided and every emergency measure answered. The
 * event carries the measures the clocks start from (docs/rules-contract.md §1):
 * `{ perpetratorMeasures, victimMeasures }`, each the union over students.
 */
export async function finaliseDecision(input: FinaliseDecisionData, ctx: Ctx): Promise<{ status: string }> {
  return db.transaction(async (tx) => {
    // The table refuses a decision before the hearing is held (`hearingNotHeld`) or dated before it (`beforeHearing`).
    const { status } = await applyStep(tx, input.caseId, { type: 'record_decision', occurredAt: input.occurredAt }, ctx, async (row, events) => {
      const [decided, victims, parties] = await Promise.all([
        tx
          .select({ partyId: decisions.perpetratorPartyId, measures: decisions.measures, ratification: decisions.emergencyRatification })
          .from(decisions)
          .where(eq(decisions.caseId, row.id)),
        tx.select({ measures: victimMeasures.measures }).from(victimMeasures).where(eq(victimMeasures.caseId, row.id)),
        tx.select({ id: caseParties.id, role: caseParties.role }).from(caseParties).where(eq(caseParties.caseId, row.id)),
      ]);
      const decidedIds = new Set(decided.map((d) => d.partyId));
      if (parties.some((p) => isPerpetrator(p.role) && !decidedIds.has(p.id))) throw refuse('decisionsMissing');
      // Ratifications are keyed by the emergency measure's event id, which the engine's read of the chronology carries.
      const answered = new Set(decided.flatMap((d) => Object.keys(d.ratification ?? {})));
      if (emergenciesAwaiting(events).some((e) => !answered.has(e.eventId))) throw refuse('ratificationMissing');
      return {
        data: {
          perpetratorMeasures: measureUnion(decided.map((d) => d.measures.map((m) => m.measure))),
          victimMeasures: measureUnion(victims.map((v) => v.measures)),
        },
      };
    });
    return { status };
  });
}
