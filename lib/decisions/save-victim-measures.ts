import 'server-only';
import { db } from '@/db/client';
import { victimMeasures } from '@/db/schema';
import type { Ctx } from '@/lib/cases/ctx';
import { lockCase, refreshDeadlines } from '@/lib/cases/step-engine';
import { DomainError } from '@/lib/errors';
import { appendDecisionAudit } from './audit';
import { isVictim } from './case-facts';
import { decisionStage, guardFinalised, partyOnCase } from './context';
import type { SaveVictimMeasuresData } from './schemas';

/** Records the committee's protective measures for one victim (Act 16①); an empty list records "none". */
export async function saveVictimMeasures(input: SaveVictimMeasuresData, { actor, ip, now = new Date() }: Ctx): Promise<{ measures: number[] }> {
  return db.transaction(async (tx) => {
    const { row, events } = await lockCase(tx, input.caseId, actor, 'record_decision');
    const stage = decisionStage(row, events);
    const party = await partyOnCase(tx, row, input.victimPartyId);
    if (!party || !isVictim(party.role)) throw new DomainError('invalid_input', 'not a victim', { victimPartyId: ['notVictim'] });

    const measures = [...new Set(input.measures)].sort((a, b) => a - b);
    if (stage === 'finalised') await guardFinalised(tx, row, events, { victim: { partyId: party.id, measures } });

    await tx
      .insert(victimMeasures)
      .values({ caseId: row.id, victimPartyId: party.id, measures, note: input.note ?? null, decidedAt: now })
      .onConflictDoUpdate({ target: [victimMeasures.caseId, victimMeasures.victimPartyId], set: { measures, note: input.note ?? null, decidedAt: now } });
    // The dashboard counts victim measures per victim: a correction after finalising must reach it.
    if (stage === 'finalised') await refreshDeadlines(tx, row.id, now);
    await appendDecisionAudit(
      tx,
      {
        action: 'case.victim_measures_recorded',
        actorId: actor.userId,
        targetType: 'case',
        targetId: row.id,
        ip,
        detail: { victimPartyId: party.id, measures },
      },
      now,
    );
    return { measures };
  });
}
