import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import { db } from '@/db/client';
import { decisions } from '@/db/schema';
import type { Ctx } from '@/lib/cases/ctx';
import { lockCase, refreshDeadlines } from '@/lib/cases/step-engine';
import { DomainError } from '@/lib/errors';
import { appendDecisionAudit } from './audit';
import { emergenciesAwaiting, isPerpetrator } from './case-facts';
import { decisionStage, guardFinalised, partyOnCase } from './context';
import { issuesAsFieldErrors, reviewDecision } from './review';
import type { SaveDecisionData } from './schemas';

/**
 * Saves the committee's decision on one alleged perpetrator. The first save
 * inserts version 1; every later save must name the version it was loaded
 * from, and is refused as a conflict if anyone saved in between, so two
 * people editing the same decision can never overwrite each other unseen.
 */
export async function saveDecision(input: SaveDecisionData, { actor, ip, now = new Date() }: Ctx): Promise<{ decisionId: string; version: number }> {
  return db.transaction(async (tx) => {
    const { row, events } = await lockCase(tx, input.caseId, actor, 'record_decision');
    const stage = decisionStage(row, events);
    const party = await partyOnCase(tx, row, input.perpetratorPartyId);
    if (!party || !isPerpetrator(party.role)) throw new DomainError('invalid_input', 'not a perpetrator', { perpetratorPartyId: ['notPerpetrator'] });

    const review = reviewDecision(input, party.schoolLevel);
    if (review.issues.length) throw new DomainError('invalid_input', 'decision refused', issuesAsFieldErrors(review.issues));

    // Only this student's own emergency measures can be ratified on their decision (Act 17④).
    const own = new Set(
      emergenciesAwaiting(events)
        .filter((e) => e.perpetratorPartyId === party.id)
        .map((e) => e.eventId),
    );
    if (input.ratifications.some((r) => !own.has(r.eventId)))
      throw new DomainError('invalid_input', 'unknown emergency measure', { ratifications: ['ratificationUnknown'] });

    const measures = input.measures.map((m) => m.measure);
    if (stage === 'finalised') await guardFinalised(tx, row, events, { perpetrator: { partyId: party.id, measures } });

    const values = {
      notSchoolViolence: input.notSchoolViolence,
      rubric: { ...input.rubric, schoolLevel: party.schoolLevel },
      recommendation: review.recommendation,
      measures: input.measures,
      differsFromRecommendation: review.differs,
      overrideReason: review.differs ? (input.overrideReason ?? null) : null,
      emergencyRatification: input.ratifications.length ? Object.fromEntries(input.ratifications.map(({ eventId, ...answer }) => [eventId, answer])) : null,
      updatedAt: now,
    };
    const [saved] =
      input.version === 0
        ? await tx
            .insert(decisions)
            .values({ ...values, caseId: row.id, perpetratorPartyId: party.id, version: 1, decidedBy: actor.userId, decidedAt: now })
            .onConflictDoNothing({ target: [decisions.caseId, decisions.perpetratorPartyId] })
            .returning({ id: decisions.id, version: decisions.version })
        : await tx
            .update(decisions)
            .set({ ...values, version: sql`${decisions.version} + 1` })
            .where(and(eq(decisions.caseId, row.id), eq(decisions.perpetratorPartyId, party.id), eq(decisions.version, input.version)))
            .returning({ id: decisions.id, version: decisions.version });
    // Nothing written: someone saved first (or the form was loaded before the first save). The caller keeps its input.
    if (!saved) throw new DomainError('conflict', `decision for ${party.id} is not at version ${input.version}`);
    // The dashboard counts decided measures and ratifications: a correction after finalising must reach it.
    if (stage === 'finalised') await refreshDeadlines(tx, row.id, now);

    await appendDecisionAudit(
      tx,
      {
        action: 'case.decision_revised',
        actorId: actor.userId,
        targetType: 'case',
        targetId: row.id,
        ip,
        detail: { decisionId: saved.id, perpetratorPartyId: party.id, version: saved.version, differsFromRecommendation: review.differs },
      },
      now,
    );
    return { decisionId: saved.id, version: saved.version };
  });
}
