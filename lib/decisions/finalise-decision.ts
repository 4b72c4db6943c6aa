import 'server-only';
import { eq } from 'drizzle-orm';
import { db } from '@/db/client';
import { caseParties, decisions, victimMeasures } from '@/db/schema';
import { applyStep, type Ctx } from '@/lib/cases/service';
import { DomainError } from '@/lib/errors';
import { emergenciesAwaiting, hearingHeld, isPerpetrator } from './case-facts';
import { lockCaseForDecision } from './context';
import { measureUnion } from './measures';
import type { FinaliseDecisionData } from './schemas';

const refuse = (key: string) => new DomainError('invalid_input', key, { _form: [key] });

/**
 * The committee's decision as a whole (`record_decision` → decided): every
 * alleged perpetrator decided and every emergency measure answered. The
 * event carries the measures the clocks start from (contract §1):
 * `{ perpetratorMeasures, victimMeasures }`, each the union over students.
 */
export async function finaliseDecision(input: FinaliseDecisionData, ctx: Ctx): Promise<{ status: string }> {
  return db.transaction(async (tx) => {
    // The lock's read of the chronology carries event ids, which ratifications are keyed by.
    const { events } = await lockCaseForDecision(tx, input.caseId, ctx.actor);
    const [decided, victims, parties] = await Promise.all([
      tx.select({ partyId: decisions.perpetratorPartyId, measures: decisions.measures, ratification: decisions.emergencyRatification }).from(decisions).where(eq(decisions.caseId, input.caseId)),
      tx.select({ measures: victimMeasures.measures }).from(victimMeasures).where(eq(victimMeasures.caseId, input.caseId)),
      tx.select({ id: caseParties.id, role: caseParties.role }).from(caseParties).where(eq(caseParties.caseId, input.caseId)),
    ]);
    const data = {
      perpetratorMeasures: measureUnion(decided.map((d) => d.measures.map((m) => m.measure))),
      victimMeasures: measureUnion(victims.map((v) => v.measures)),
    };

    const { status } = await applyStep(tx, input.caseId, { type: 'record_decision', occurredAt: input.occurredAt, ...data }, ctx, () => {
      if (!hearingHeld(events)) throw new DomainError('invalid_transition', 'no hearing held', { _form: ['hearingNotHeld'] });
      const decidedIds = new Set(decided.map((d) => d.partyId));
      if (parties.some((p) => isPerpetrator(p.role) && !decidedIds.has(p.id))) throw refuse('decisionsMissing');
      const answered = new Set(decided.flatMap((d) => Object.keys(d.ratification ?? {})));
      if (emergenciesAwaiting(events).some((e) => !answered.has(e.eventId))) throw refuse('ratificationMissing');
      const hearing = events.filter((e) => e.type === 'hearing_held').at(-1);
      if (hearing && new Date(input.occurredAt) < new Date(hearing.occurredAt)) throw new DomainError('invalid_input', 'before hearing', { occurredAt: ['beforeHearing'] });
    });
    return { status };
  });
}
