import 'server-only';
import { and, eq } from 'drizzle-orm';
import { db } from '@/db/client';
import { caseDocuments, caseParties, hearingConflicts } from '@/db/schema';
import { withNow, type Ctx } from '@/lib/cases/ctx';
import { applyStep } from '@/lib/cases/step-engine';
import { encrypt } from '@/lib/crypto/keys';
import { CONFLICT_NOTE_KIND, type ConflictOutcome } from './constants';
import { conflictExcludes } from './rules';
import { invalid, scheduledHearing } from './hearing-state';
import type { RecordMemberConflictData } from './schemas';

/**
 * 제척·기피·회피 (Act 13; docs/domain-process.md §3 row 13): a member related to a party
 * (제척) or who steps aside (회피) cannot sit; a party's challenge (기피) is
 * recorded with its ruling and excludes the member only when upheld.
 */
export async function recordMemberConflict(input: RecordMemberConflictData, context: Ctx): Promise<{ conflictId: string; excluded: boolean }> {
  const ctx = withNow(context);
  const outcome: ConflictOutcome = input.kind === 'challenge' ? input.outcome! : 'excluded';
  const excluded = conflictExcludes({ kind: input.kind, outcome });
  return db.transaction(async (tx) => {
    const action = {
      type: 'record_member_conflict' as const,
      occurredAt: input.occurredAt,
      memberId: input.memberId,
      kind: input.kind,
      outcome,
      excluded,
      ...(input.raisedByPartyId ? { raisedByPartyId: input.raisedByPartyId } : {}),
    };
    const { value: hearing } = await applyStep(tx, input.caseId, action, ctx, async (row) => {
      const hearing = await scheduledHearing(tx, row.id, 'record_member_conflict');
      if (!hearing.panel.includes(input.memberId)) invalid('memberId', 'notOnPanel');
      if (input.raisedByPartyId) {
        const [party] = await tx
          .select({ id: caseParties.id })
          .from(caseParties)
          .where(and(eq(caseParties.id, input.raisedByPartyId), eq(caseParties.caseId, row.id)));
        if (!party) invalid('raisedByPartyId', 'notOnCase');
      }
      return { value: hearing };
    });

    const [conflict] = await tx
      .insert(hearingConflicts)
      .values({
        hearingId: hearing.id,
        memberId: input.memberId,
        kind: input.kind,
        raisedByPartyId: input.raisedByPartyId ?? null,
        outcome,
        note: null,
        recordedBy: ctx.actor.userId,
        recordedAt: new Date(input.occurredAt),
      })
      .returning({ id: hearingConflicts.id });
    const conflictId = conflict!.id;
    if (input.note) {
      await tx.insert(caseDocuments).values({
        caseId: input.caseId,
        kind: CONFLICT_NOTE_KIND,
        refId: conflictId,
        bodyEnc: encrypt(input.note),
        createdBy: ctx.actor.userId,
        createdAt: ctx.now,
      });
    }
    return { conflictId, excluded };
  });
}
