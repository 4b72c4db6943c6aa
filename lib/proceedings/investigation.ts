import 'server-only';
import { randomUUID } from 'node:crypto';
import { and, asc, eq, inArray } from 'drizzle-orm';
import { db, type Tx } from '@/db/client';
import { getCaseRow, loadExtraHolidays } from '@/db/queries/cases';
import { caseAssignments, caseDocuments, caseParties, caseStatements, roleGrants, users } from '@/db/schema';
import { can } from '@/lib/auth/permissions';
import type { Actor } from '@/lib/auth/roles';
import { canSeeIdentities, canViewCase } from '@/lib/cases/access';
import { caseDeadlines } from '@/lib/cases/deadlines';
import { withNow, type Ctx } from '@/lib/cases/ctx';
import { applyStep } from '@/lib/cases/step-engine';
import { caseResource } from '@/lib/cases/workflow';
import { decrypt, encrypt } from '@/lib/crypto/keys';
import { DomainError } from '@/lib/errors';
import type { AssignInvestigatorData, ExtendInvestigationData, RecordStatementData, SubmitInvestigationReportData } from './investigation-schemas';

/**
 * The office's dedicated investigator (전담조사관, docs/domain-process.md §1 and §3 row 8):
 * assignment, statements, the one extension and the written report. Each
 * use-case takes its step through the engine (`applyStep`), so the row lock, the event,
 * the status, the clocks and the audit row share one transaction with the
 * rows written here. Free text that can name a student (summaries, reasons,
 * the report, speakers, attachment names) is stored encrypted; events carry
 * only ids, counts and enum values.
 */

/** Kinds of `case_documents` rows this area writes. */
export const INVESTIGATION_DOCUMENT_KINDS = {
  report: 'investigation_report',
  extensionReason: 'investigation_extension_reason',
  selfResolutionNote: 'self_resolution_note',
  committeeRequestReason: 'committee_request_reason',
  reopenNote: 'reopen_note',
  closingReason: 'closing_reason',
} as const;
type DocumentKind = (typeof INVESTIGATION_DOCUMENT_KINDS)[keyof typeof INVESTIGATION_DOCUMENT_KINDS];

/** Stores a long text encrypted under the id the step's event already refers to. */
export async function storeCaseText(
  tx: Tx,
  doc: { id: string; caseId: string; kind: DocumentKind; text: string; refId?: string | null },
  by: { actorId: string; now: Date },
): Promise<void> {
  await tx
    .insert(caseDocuments)
    .values({ id: doc.id, caseId: doc.caseId, kind: doc.kind, refId: doc.refId ?? null, bodyEnc: encrypt(doc.text), createdBy: by.actorId, createdAt: by.now });
}

/** The step's time as an ISO instant: what the form gave, or now. */
export const stepTime = (occurredAt: string | undefined, now: Date) => occurredAt ?? now.toISOString();

async function currentInvestigator(tx: Tx, caseId: string): Promise<string | null> {
  const [a] = await tx
    .select({ userId: caseAssignments.userId })
    .from(caseAssignments)
    .where(and(eq(caseAssignments.caseId, caseId), eq(caseAssignments.role, 'investigator')));
  return a?.userId ?? null;
}

/** Statements, the extension and the report belong to the one investigator the office assigned (the table only knows the role). */
async function requireAssignedInvestigator(tx: Tx, caseId: string, actor: Actor): Promise<void> {
  const assigned = await currentInvestigator(tx, caseId);
  if (!assigned) throw new DomainError('invalid_transition', 'no investigator assigned', { _form: ['noInvestigator'] });
  if (assigned !== actor.userId) throw new DomainError('forbidden', 'not the assigned investigator', { _form: ['notAssignedInvestigator'] });
}

/**
 * The secretary assigns (or reassigns) any investigator of the case's office;
 * an investigator may take an unassigned case for themselves, never someone
 * else's.
 */
export async function assignInvestigator(input: AssignInvestigatorData, context: Ctx): Promise<{ status: string }> {
  const ctx = withNow(context);
  const { now } = ctx;
  const occurredAt = stepTime(input.occurredAt, now);
  return db.transaction(async (tx) => {
    const { status } = await applyStep(
      tx,
      input.caseId,
      { type: 'assign_investigator', occurredAt, investigatorId: input.investigatorId },
      ctx,
      async (row) => {
        const [grant] = await tx
          .select({ userId: roleGrants.userId })
          .from(roleGrants)
          .innerJoin(users, eq(users.id, roleGrants.userId))
          .where(
            and(
              eq(roleGrants.userId, input.investigatorId),
              eq(roleGrants.role, 'investigator'),
              eq(roleGrants.officeId, row.officeId),
              eq(users.active, true),
            ),
          );
        if (!grant) throw new DomainError('invalid_input', 'not an investigator of this office', { investigatorId: ['notInvestigator'] });
        const assigned = await currentInvestigator(tx, row.id);
        if (!can(ctx.actor, 'investigation.assign_others', caseResource(row))) {
          if (input.investigatorId !== ctx.actor.userId)
            throw new DomainError('forbidden', 'an investigator may only assign themselves', { investigatorId: ['selfOnly'] });
          if (assigned && assigned !== ctx.actor.userId)
            throw new DomainError('invalid_transition', 'another investigator is assigned', { investigatorId: ['assignedToOther'] });
        }
        if (assigned === input.investigatorId) throw new DomainError('invalid_input', 'already assigned', { investigatorId: ['alreadyAssigned'] });
      },
    );
    await tx
      .insert(caseAssignments)
      .values({ caseId: input.caseId, userId: input.investigatorId, role: 'investigator', assignedBy: ctx.actor.userId, assignedAt: new Date(occurredAt) })
      .onConflictDoUpdate({
        target: [caseAssignments.caseId, caseAssignments.role],
        set: { userId: input.investigatorId, assignedBy: ctx.actor.userId, assignedAt: new Date(occurredAt) },
      });
    return { status };
  });
}

/** `applyStep` names the step's time `occurredAt`; the statement form calls it `takenAt`. */
function asTakenAt(e: unknown): never {
  if (e instanceof DomainError && e.fieldErrors?.occurredAt) {
    const { occurredAt, ...rest } = e.fieldErrors;
    throw new DomainError(e.code, e.message, { ...rest, takenAt: occurredAt });
  }
  throw e;
}

export async function recordStatement(input: RecordStatementData, context: Ctx): Promise<{ statementId: string }> {
  const ctx = withNow(context);
  const { now } = ctx;
  return db.transaction(async (tx) => {
    const statementId = randomUUID();
    await applyStep(
      tx,
      input.caseId,
      { type: 'record_statement', occurredAt: input.takenAt, statementId, partyId: input.partyId ?? null, attachments: input.attachments.length },
      ctx,
      async (row) => {
        await requireAssignedInvestigator(tx, row.id, ctx.actor);
        if (input.partyId) {
          const [party] = await tx
            .select({ id: caseParties.id })
            .from(caseParties)
            .where(and(eq(caseParties.id, input.partyId), eq(caseParties.caseId, row.id)));
          if (!party) throw new DomainError('invalid_input', 'party not on case', { partyId: ['required'] });
        }
      },
    ).catch(asTakenAt);
    await tx.insert(caseStatements).values({
      id: statementId,
      caseId: input.caseId,
      partyId: input.partyId ?? null,
      speakerEnc: input.speaker ? encrypt(input.speaker) : null,
      takenAt: new Date(input.takenAt),
      summaryEnc: encrypt(input.summary),
      // Descriptions and file names ("김OO 진술서.pdf") name students as often as summaries do.
      attachments: input.attachments.map((a) => ({ description: encrypt(a.description), fileName: encrypt(a.fileName) })),
      recordedBy: ctx.actor.userId,
      recordedAt: now,
    });
    return { statementId };
  });
}

/** The investigation period (14 days, docs/domain-process.md §3 row 8, configurable) may be extended by 7 days, once, with a reason. */
export async function extendInvestigation(input: ExtendInvestigationData, context: Ctx): Promise<{ status: string }> {
  const ctx = withNow(context);
  const { now } = ctx;
  const occurredAt = stepTime(input.occurredAt, now);
  return db.transaction(async (tx) => {
    const reasonDocumentId = randomUUID();
    const { status } = await applyStep(tx, input.caseId, { type: 'extend_investigation', occurredAt, days: 7, reasonDocumentId }, ctx, async (row, events) => {
      // A second extension is refused by the workflow table, with the form's `alreadyExtended`.
      await requireAssignedInvestigator(tx, row.id, ctx.actor);
      // An extension decided after the period ran out would turn a breach into a met deadline after the fact.
      const clocks = caseDeadlines({ reportedAt: row.reportedAt, categories: row.categories, events, extraHolidays: await loadExtraHolidays(tx) }, now);
      const due = clocks.find((d) => d.key === 'investigation')?.dueAt;
      if (due && new Date(occurredAt).getTime() > new Date(due).getTime()) {
        throw new DomainError('deadline_passed', 'the investigation period has already ended', { occurredAt: ['afterDeadline'] });
      }
    });
    await storeCaseText(
      tx,
      { id: reasonDocumentId, caseId: input.caseId, kind: INVESTIGATION_DOCUMENT_KINDS.extensionReason, text: input.reason },
      { actorId: ctx.actor.userId, now },
    );
    return { status };
  });
}

/** The written report ends the investigation: the clock is met and the school body reviews next. */
export async function submitInvestigationReport(input: SubmitInvestigationReportData, context: Ctx): Promise<{ status: string; documentId: string }> {
  const ctx = withNow(context);
  const { now } = ctx;
  return db.transaction(async (tx) => {
    const documentId = randomUUID();
    const { status } = await applyStep(
      tx,
      input.caseId,
      { type: 'submit_investigation_report', occurredAt: stepTime(input.occurredAt, now), documentId },
      ctx,
      (row) => requireAssignedInvestigator(tx, row.id, ctx.actor),
    );
    await storeCaseText(
      tx,
      { id: documentId, caseId: input.caseId, kind: INVESTIGATION_DOCUMENT_KINDS.report, text: input.report },
      { actorId: ctx.actor.userId, now },
    );
    return { status, documentId };
  });
}

export type StatementView = {
  id: string;
  takenAt: Date;
  partyId: string | null;
  speaker: string | null;
  summary: string;
  attachments: { description: string; fileName: string }[];
  recordedByName: string | null;
};

export type InvestigationView = {
  identities: boolean;
  /** The committee secretary assigns anyone; an investigator only takes an unassigned case for themselves. */
  mayAssignOthers: boolean;
  investigator: { userId: string; name: string; assignedAt: Date } | null;
  /** Investigators of the case's office, for the assignment form. */
  investigatorOptions: { id: string; name: string }[];
  /** Null for viewers who see pseudonyms: they get the count only. */
  statements: StatementView[] | null;
  statementCount: number;
  /** Decrypted texts of this area by document id (the events refer to them), for viewers who may see identities. */
  texts: Record<string, string>;
};

/** The case row for a read, if the actor may open it, and whether they may see names. */
export async function openCaseForRead(caseId: string, actor: Actor) {
  const row = await getCaseRow(db, caseId);
  if (!row || !canViewCase(actor, row)) throw new DomainError('not_found');
  return { row, identities: canSeeIdentities(actor, row) };
}

/**
 * What the case page's investigation section shows. The caller has opened
 * the case through `viewCase` (which audits the opening); this re-checks the
 * actor's reach and decrypts only for viewers who may see identities.
 */
export async function loadInvestigation(caseId: string, actor: Actor, opts: { investigatorOptions?: boolean } = {}): Promise<InvestigationView> {
  const { row, identities } = await openCaseForRead(caseId, actor);
  const kinds = Object.values(INVESTIGATION_DOCUMENT_KINDS);

  const [assigned, statementRows, documents, options] = await Promise.all([
    db
      .select({ userId: caseAssignments.userId, name: users.name, assignedAt: caseAssignments.assignedAt })
      .from(caseAssignments)
      .innerJoin(users, eq(users.id, caseAssignments.userId))
      .where(and(eq(caseAssignments.caseId, caseId), eq(caseAssignments.role, 'investigator'))),
    db
      .select({ s: caseStatements, recordedByName: users.name })
      .from(caseStatements)
      .leftJoin(users, eq(users.id, caseStatements.recordedBy))
      .where(eq(caseStatements.caseId, caseId))
      .orderBy(asc(caseStatements.takenAt), asc(caseStatements.recordedAt)),
    identities
      ? db
          .select({ id: caseDocuments.id, bodyEnc: caseDocuments.bodyEnc })
          .from(caseDocuments)
          .where(and(eq(caseDocuments.caseId, caseId), inArray(caseDocuments.kind, kinds)))
      : Promise.resolve([]),
    opts.investigatorOptions
      ? db
          .selectDistinct({ id: users.id, name: users.name })
          .from(roleGrants)
          .innerJoin(users, eq(users.id, roleGrants.userId))
          .where(and(eq(roleGrants.role, 'investigator'), eq(roleGrants.officeId, row.officeId), eq(users.active, true)))
          .orderBy(asc(users.name))
      : Promise.resolve([]),
  ]);

  return {
    identities,
    mayAssignOthers: can(actor, 'investigation.assign_others', caseResource(row)),
    investigator: assigned[0] ?? null,
    investigatorOptions: options,
    statementCount: statementRows.length,
    statements: identities
      ? statementRows.map(({ s, recordedByName }) => ({
          id: s.id,
          takenAt: s.takenAt,
          partyId: s.partyId,
          speaker: s.speakerEnc ? decrypt(s.speakerEnc) : null,
          summary: decrypt(s.summaryEnc),
          attachments: s.attachments.map((a) => ({ description: decrypt(a.description), fileName: decrypt(a.fileName) })),
          recordedByName,
        }))
      : null,
    texts: Object.fromEntries(documents.map((d) => [d.id, decrypt(d.bodyEnc)])),
  };
}
