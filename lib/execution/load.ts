import 'server-only';
import { db } from '@/db/client';
import { getCaseRow } from '@/db/queries/cases';
import { canViewCase } from '@/lib/cases/access';
import type { Actor } from '@/lib/auth/roles';
import { DomainError } from '@/lib/errors';
import { caseAppeals, caseDecisions, caseDeletionReviews, caseExecutions } from './queries';
import { blockedByTransfer, closeBlockers, missingRequirements, needsVictimNotice, stayInForce, TRANSFER_MEASURE } from './rules';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/**
 * What the execution section shows: each decided measure with what it still
 * needs, the appeals with their stays and tasks, the deletion reviews, and
 * what stands between the case and closing. Plain JSON, ready for the browser.
 */
export async function loadExecutionPanel(caseId: string, actor: Actor) {
  const row = await getCaseRow(db, caseId);
  if (!row || !canViewCase(actor, row)) throw new DomainError('not_found');
  const [decisions, executions, appeals, reviews] = await Promise.all([
    caseDecisions(db, caseId),
    caseExecutions(db, caseId),
    caseAppeals(db, caseId),
    caseDeletionReviews(db, caseId),
  ]);
  return {
    decisions: decisions.map((d) => ({ id: d.id, perpetratorPartyId: d.perpetratorPartyId, measures: d.measures })),
    executions: executions.map((e) => {
      const siblings = executions.filter((s) => s.decisionId === e.decisionId);
      return {
        id: e.id,
        decisionId: e.decisionId,
        measure: e.measure,
        status: e.status,
        progress: e.progress,
        periodDays: decisions.find((d) => d.id === e.decisionId)?.measures.find((m) => m.measure === e.measure)?.periodDays ?? null,
        missing: missingRequirements(e.measure, e.progress),
        waitingForTransfer: e.measure !== TRANSFER_MEASURE && e.status !== 'completed' && blockedByTransfer(siblings),
        completedAt: iso(e.completedAt),
      };
    }),
    appeals: appeals.map((a) => ({
      id: a.id,
      side: a.side,
      kind: a.kind,
      body: a.body,
      decisionId: a.decisionId,
      filedAt: a.filedAt.toISOString(),
      stayGrantedAt: iso(a.stayGrantedAt),
      stayLiftedAt: iso(a.stayLiftedAt),
      stayInForce: stayInForce(a),
      outcome: a.outcome,
      outcomeAt: iso(a.outcomeAt),
      victimNotifiedAt: iso(a.victimNotifiedAt),
      needsVictimNotice: needsVictimNotice(a),
    })),
    reviews: reviews.map((r) => ({
      id: r.id,
      decisionId: r.decisionId,
      measure: r.measure,
      victimConsent: r.victimConsent,
      litigationPending: r.litigationPending,
      outcome: r.outcome,
      reviewedAt: r.reviewedAt.toISOString(),
    })),
    closeBlockers: closeBlockers({ decisions, executions, appeals }),
  };
}
export type ExecutionPanel = Awaited<ReturnType<typeof loadExecutionPanel>>;
