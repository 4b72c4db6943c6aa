import 'server-only';
import { db } from '@/db/client';
import { recordDeletionReviews } from '@/db/schema';
import { withNow, type Ctx } from '@/lib/cases/ctx';
import { applyStep } from '@/lib/cases/step-engine';
import { DomainError } from '@/lib/errors';
import { isDate, recordRetention, type MeasureNumber } from '@/lib/rules';
import { caseDecisions, caseDeletionReviews, caseExecutions } from './queries';
import { deletionReviewErrors } from './rules';
import type { ReviewRecordDeletionData } from './schemas';
import { refuse } from './refuse';

/**
 * docs/domain-process.md §5.3, docs/rules-contract.md §3: the school's pre-graduation review of one measure's
 * student-record entry. Only where `recordRetention` allows it, only with the
 * victim's consent and no litigation pending; the review and its outcome are
 * kept, and audited as a case step.
 */
export async function reviewRecordDeletion(input: ReviewRecordDeletionData, context: Ctx): Promise<{ deleteAt: string }> {
  const ctx = withNow(context);
  if (!isDate(input.graduationDate)) refuse('invalid_input', 'graduationDate', 'invalidDate');
  return db.transaction(async (tx) => {
    const { value: deleteAt } = await applyStep(
      tx,
      input.caseId,
      {
        type: 'review_record_deletion',
        occurredAt: input.occurredAt,
        decisionId: input.decisionId,
        measure: input.measure,
        graduationDate: input.graduationDate,
        victimConsent: input.victimConsent,
        litigationPending: input.litigationPending,
        outcome: input.outcome,
        note: input.note,
      },
      ctx,
      async (row) => {
        const decision = (await caseDecisions(tx, input.caseId)).find((d) => d.id === input.decisionId);
        if (!decision) throw new DomainError('not_found', 'decision not on case');
        if (!decision.measures.some((m) => m.measure === input.measure)) refuse('invalid_input', 'measure', 'notDecided');
        const execution = (await caseExecutions(tx, input.caseId)).find((e) => e.decisionId === decision.id && e.measure === input.measure);
        const retention = recordRetention({
          measure: input.measure as MeasureNumber,
          reportedAt: row.reportedAt.toISOString(),
          graduationDate: input.graduationDate,
        });
        const errors = deletionReviewErrors({
          preGraduationReview: retention.preGraduationReview,
          victimConsent: input.victimConsent,
          litigationPending: input.litigationPending,
          annulled: execution?.progress.annulled === true,
        });
        if (Object.keys(errors).length) throw new DomainError('invalid_input', 'deletion review refused', errors);
        const reviews = await caseDeletionReviews(tx, input.caseId);
        if (reviews.some((r) => r.decisionId === decision.id && r.measure === input.measure && r.outcome === 'deleted'))
          refuse('conflict', 'measure', 'alreadyDeleted');
        return { value: retention.deleteAt };
      },
    );
    await tx.insert(recordDeletionReviews).values({
      caseId: input.caseId,
      decisionId: input.decisionId,
      measure: input.measure,
      victimConsent: input.victimConsent,
      litigationPending: input.litigationPending,
      outcome: input.outcome,
      note: input.note ?? null,
      reviewedBy: ctx.actor.userId,
      reviewedAt: new Date(input.occurredAt),
    });
    return { deleteAt };
  });
}
