import 'server-only';
import { randomUUID } from 'node:crypto';
import { and, asc, eq, inArray } from 'drizzle-orm';
import { db, type Tx } from '@/db/client';
import { caseEvents, caseParties, schoolReviews } from '@/db/schema';
import type { Actor } from '@/lib/auth/roles';
import type { CaseSnapshot } from '@/lib/cases/workflow';
import { withNow, type Ctx } from '@/lib/cases/ctx';
import { applyStep } from '@/lib/cases/step-engine';
import { SELF_RESOLUTION_CONDITIONS, selfResolutionEligibility, type SelfResolutionCondition, type SelfResolutionFailure } from '@/lib/cases/self-resolution';
import { decrypt, encrypt } from '@/lib/crypto/keys';
import { DomainError } from '@/lib/errors';
import type { CloseNotViolenceData, RecordSchoolReviewData, ReopenCaseData, RequestCommitteeData, SelfResolveData } from './investigation-schemas';
import { INVESTIGATION_DOCUMENT_KINDS as KINDS, openCaseForRead, stepTime, storeCaseText } from './investigation';

/**
 * The school's dedicated body (전담기구) reviews the investigation report
 * against the four self-resolution conditions (docs/domain-process.md §4) and the
 * written consents; the head then self-resolves, requests the committee,
 * reopens a self-resolved case, or closes a case that is not school
 * violence (docs/domain-process.md §2, §3 rows 9–11).
 */

const PERPETRATOR_ROLES = ['alleged_perpetrator', 'both'] as const;

/**
 * What a review stores: the yes/no answers in the clear (they decide the
 * verdict), the notes and the consent scans' file names encrypted (they
 * name students).
 */
type StoredAnswers = {
  conditions: Record<SelfResolutionCondition, { holds: boolean; noteEnc: string | null }>;
  consents: { perpetratorPartyId: string; victimConsentFileEnc: string | null; guardianConsentFileEnc: string | null }[];
};

export type ReviewView = {
  id: string;
  reviewedAt: Date;
  eligible: boolean;
  failures: SelfResolutionFailure[];
  /** Notes and file names are null for viewers who see pseudonyms. */
  conditions: Record<SelfResolutionCondition, { holds: boolean; note: string | null }>;
  consents: {
    perpetratorPartyId: string;
    victimConsent: boolean;
    guardianConsent: boolean;
    victimConsentFile: string | null;
    guardianConsentFile: string | null;
  }[];
};

async function perpetratorIds(tx: Tx, caseId: string): Promise<string[]> {
  const rows = await tx
    .select({ id: caseParties.id })
    .from(caseParties)
    .where(and(eq(caseParties.caseId, caseId), inArray(caseParties.role, [...PERPETRATOR_ROLES])))
    .orderBy(caseParties.position);
  return rows.map((r) => r.id);
}

/** The review the chronology shows last: a later review (say, once consents are in) supersedes earlier ones. */
function latestReviewId(events: CaseSnapshot['events']): string | null {
  const last = events.filter((e) => e.type === 'school_body_reviewed').at(-1);
  return typeof last?.data?.reviewId === 'string' ? last.data.reviewId : null;
}

export async function recordSchoolReview(
  input: RecordSchoolReviewData,
  context: Ctx,
): Promise<{ reviewId: string; eligible: boolean; failures: SelfResolutionFailure[] }> {
  const ctx = withNow(context);
  const { now } = ctx;
  return db.transaction(async (tx) => {
    const reviewId = randomUUID();
    // Parties are fixed at filing; the verdict is computed here, on the server, never taken from the form.
    const perpetrators = await perpetratorIds(tx, input.caseId);
    const seen = new Set<string>();
    for (const c of input.consents) {
      if (!perpetrators.includes(c.perpetratorPartyId) || seen.has(c.perpetratorPartyId))
        throw new DomainError('invalid_input', 'consent for a party who is not an alleged perpetrator', { consents: ['notPerpetrator'] });
      seen.add(c.perpetratorPartyId);
    }
    const verdict = selfResolutionEligibility(
      {
        conditions: input.conditions,
        consents: input.consents.map((c) => ({
          perpetratorPartyId: c.perpetratorPartyId,
          victimConsentFile: c.victimConsentFile ?? null,
          guardianConsentFile: c.guardianConsentFile ?? null,
        })),
      },
      perpetrators,
    );
    await applyStep(
      tx,
      input.caseId,
      { type: 'record_school_review', occurredAt: stepTime(input.occurredAt, now), reviewId, eligible: verdict.eligible, failures: verdict.failures },
      ctx,
    );
    const answers: StoredAnswers = {
      conditions: Object.fromEntries(
        SELF_RESOLUTION_CONDITIONS.map((c) => [
          c,
          { holds: input.conditions[c].holds, noteEnc: input.conditions[c].note ? encrypt(input.conditions[c].note) : null },
        ]),
      ) as StoredAnswers['conditions'],
      consents: input.consents.map((c) => ({
        perpetratorPartyId: c.perpetratorPartyId,
        victimConsentFileEnc: c.victimConsentFile ? encrypt(c.victimConsentFile) : null,
        guardianConsentFileEnc: c.guardianConsentFile ? encrypt(c.guardianConsentFile) : null,
      })),
    };
    await tx.insert(schoolReviews).values({
      id: reviewId,
      caseId: input.caseId,
      answers,
      eligible: verdict.eligible,
      failures: verdict.failures,
      reviewedBy: ctx.actor.userId,
      reviewedAt: new Date(stepTime(input.occurredAt, now)),
    });
    return { reviewId, ...verdict };
  });
}

/** Act 13-2: only when the latest review found all four conditions and every consent. */
export async function selfResolve(input: SelfResolveData, context: Ctx): Promise<{ status: string }> {
  const ctx = withNow(context);
  const { now } = ctx;
  return db.transaction(async (tx) => {
    const noteDocumentId = input.note ? randomUUID() : null;
    const { status, value: reviewId } = await applyStep(
      tx,
      input.caseId,
      { type: 'self_resolve', occurredAt: stepTime(input.occurredAt, now), noteDocumentId },
      ctx,
      async (row, events) => {
        const reviewId = latestReviewId(events);
        if (!reviewId) throw new DomainError('invalid_input', 'no school body review yet', { _form: ['noReview'] });
        const [review] = await tx
          .select({ answers: schoolReviews.answers })
          .from(schoolReviews)
          .where(and(eq(schoolReviews.id, reviewId), eq(schoolReviews.caseId, row.id)));
        if (!review) throw new DomainError('invalid_input', 'review not found', { _form: ['noReview'] });
        // Re-derived from the stored answers rather than trusting a stored flag.
        const verdict = selfResolutionEligibility(eligibilityInput(review.answers as StoredAnswers), await perpetratorIds(tx, row.id));
        if (!verdict.eligible) {
          throw new DomainError('invalid_input', `not eligible: ${verdict.failures.map(failureKey).join(', ')}`, { _form: ['notEligible'] });
        }
        return { value: reviewId };
      },
    );
    if (noteDocumentId && input.note)
      await storeCaseText(
        tx,
        { id: noteDocumentId, caseId: input.caseId, kind: KINDS.selfResolutionNote, text: input.note, refId: reviewId },
        { actorId: ctx.actor.userId, now },
      );
    return { status };
  });
}

/** The head asks the office's committee to deliberate (Act 13②). The reason is optional: the request itself is the legal act. */
export async function requestCommittee(input: RequestCommitteeData, context: Ctx): Promise<{ status: string }> {
  const ctx = withNow(context);
  const { now } = ctx;
  return db.transaction(async (tx) => {
    const reasonDocumentId = input.reason ? randomUUID() : null;
    const { status } = await applyStep(
      tx,
      input.caseId,
      { type: 'request_committee', occurredAt: stepTime(input.occurredAt, now), route: 'school_review', reasonDocumentId },
      ctx,
    );
    if (reasonDocumentId && input.reason)
      await storeCaseText(
        tx,
        { id: reasonDocumentId, caseId: input.caseId, kind: KINDS.committeeRequestReason, text: input.reason },
        { actorId: ctx.actor.userId, now },
      );
    return { status };
  });
}

/** A self-resolved case goes to the committee when the restoration promise is broken or new facts emerge (Act 13-2, Decree). */
export async function reopenCase(input: ReopenCaseData, context: Ctx): Promise<{ status: string }> {
  const ctx = withNow(context);
  const { now } = ctx;
  const occurredAt = stepTime(input.occurredAt, now);
  return db.transaction(async (tx) => {
    const noteDocumentId = randomUUID();
    // Reopening before the self-resolution is refused by the workflow table (`beforeSelfResolution`).
    const { status } = await applyStep(
      tx,
      input.caseId,
      { type: 'reopen_case', occurredAt, route: 'reopened', reopenReason: input.reason, noteDocumentId },
      ctx,
    );
    await storeCaseText(tx, { id: noteDocumentId, caseId: input.caseId, kind: KINDS.reopenNote, text: input.note }, { actorId: ctx.actor.userId, now });
    return { status };
  });
}

/** 학교폭력 아님: the case closes with the head's written reason. */
export async function closeNotViolence(input: CloseNotViolenceData, context: Ctx): Promise<{ status: string }> {
  const ctx = withNow(context);
  const { now } = ctx;
  return db.transaction(async (tx) => {
    const reasonDocumentId = randomUUID();
    const { status } = await applyStep(
      tx,
      input.caseId,
      { type: 'close_not_violence', occurredAt: stepTime(input.occurredAt, now), closure: 'not_school_violence', reasonDocumentId },
      ctx,
    );
    await storeCaseText(tx, { id: reasonDocumentId, caseId: input.caseId, kind: KINDS.closingReason, text: input.reason }, { actorId: ctx.actor.userId, now });
    return { status };
  });
}

function eligibilityInput(a: StoredAnswers) {
  // Presence is what counts for consent; the file names themselves stay encrypted.
  return {
    conditions: a.conditions,
    consents: a.consents.map((c) => ({
      perpetratorPartyId: c.perpetratorPartyId,
      victimConsentFile: c.victimConsentFileEnc ? 'present' : null,
      guardianConsentFile: c.guardianConsentFileEnc ? 'present' : null,
    })),
  };
}

export function failureKey(f: SelfResolutionFailure): string {
  return f.kind === 'condition' ? `condition:${f.condition}` : f.kind === 'consent' ? `consent:${f.missing}` : f.kind;
}

/** The latest review for the case page; notes and file names decrypted only for viewers who may see identities. */
export async function loadSchoolReview(caseId: string, actor: Actor): Promise<ReviewView | null> {
  const { identities } = await openCaseForRead(caseId, actor);
  const events = await db
    .select({ type: caseEvents.type, occurredAt: caseEvents.occurredAt, data: caseEvents.data })
    .from(caseEvents)
    .where(and(eq(caseEvents.caseId, caseId), eq(caseEvents.type, 'school_body_reviewed')))
    .orderBy(asc(caseEvents.occurredAt), asc(caseEvents.id));
  const reviewId = latestReviewId(events.map((e) => ({ ...e, occurredAt: e.occurredAt.toISOString() })));
  if (!reviewId) return null;
  const [row] = await db
    .select()
    .from(schoolReviews)
    .where(and(eq(schoolReviews.id, reviewId), eq(schoolReviews.caseId, caseId)));
  if (!row) return null;
  const answers = row.answers as StoredAnswers;
  const open = (enc: string | null) => (identities && enc ? decrypt(enc) : null);
  return {
    id: row.id,
    reviewedAt: row.reviewedAt,
    eligible: row.eligible,
    failures: row.failures as SelfResolutionFailure[],
    conditions: Object.fromEntries(
      SELF_RESOLUTION_CONDITIONS.map((c) => [c, { holds: answers.conditions[c]?.holds ?? false, note: open(answers.conditions[c]?.noteEnc ?? null) }]),
    ) as ReviewView['conditions'],
    consents: answers.consents.map((c) => ({
      perpetratorPartyId: c.perpetratorPartyId,
      victimConsent: Boolean(c.victimConsentFileEnc),
      guardianConsent: Boolean(c.guardianConsentFileEnc),
      victimConsentFile: open(c.victimConsentFileEnc),
      guardianConsentFile: open(c.guardianConsentFileEnc),
    })),
  };
}
