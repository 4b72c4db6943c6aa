import 'server-only';
import { eq } from 'drizzle-orm';
import { db } from '@/db/client';
import { caseDocuments, caseParties, hearings } from '@/db/schema';
import { withNow, type Ctx } from '@/lib/cases/ctx';
import { applyStep } from '@/lib/cases/step-engine';
import { encrypt } from '@/lib/crypto/keys';
import { DomainError } from '@/lib/errors';
import { HEARING_DOCUMENT_KINDS, HEARING_PARTY_ROLES, type AttendanceMode } from './constants';
import { eligiblePanel, heldBeforeScheduledDay, quorumMet, requiredStatements } from './rules';
import { conflictsOf, scheduledHearing } from './hearing-state';
import type { RecordHearingData } from './schemas';

/** What `hearings.attendance` holds once the hearing is held. */
export type HearingAttendance = {
  members: { present: string[]; absent: string[]; excluded: string[] };
  parties: { partyId: string; mode: AttendanceMode }[];
  expertRequested: boolean;
};

/**
 * Records the hearing (docs/domain-process.md §3 row 13) and meets the committee_meeting
 * clock: who of the sitting panel was present (a strict majority opens it),
 * how each party took part, each side's statement, the expert opinion the
 * victim side asked for (Act 16②), and the minutes. The texts are encrypted.
 */
export async function recordHearing(input: RecordHearingData, context: Ctx): Promise<{ hearingId: string }> {
  const ctx = withNow(context);
  const { now } = ctx;
  const present = [...new Set(input.presentMemberIds)];
  return db.transaction(async (tx) => {
    const action = {
      type: 'record_hearing' as const,
      occurredAt: input.occurredAt,
      presentCount: present.length,
      expertRequested: input.victimRequestedExpert,
      partyAttendance: Object.fromEntries(input.parties.map((p) => [p.partyId, p.mode])),
    };
    // The table refuses a hearing dated before the committee request (`beforeRequest`).
    const {
      value: { hearing, attendance },
    } = await applyStep(tx, input.caseId, action, ctx, async (row) => {
      const hearing = await scheduledHearing(tx, row.id, 'record_hearing');
      const errors: Record<string, string[]> = {};
      const fail = (field: string, key: string) => {
        (errors[field] ??= []).push(key);
      };

      if (heldBeforeScheduledDay(input.occurredAt, hearing.scheduledAt)) fail('occurredAt', 'beforeScheduledDay');

      const sitting = eligiblePanel(hearing.panel, await conflictsOf(tx, hearing.id));
      const excluded = hearing.panel.filter((id) => !sitting.includes(id));
      if (present.some((id) => !hearing.panel.includes(id))) fail('presentMemberIds', 'notOnPanel');
      else if (present.some((id) => excluded.includes(id))) fail('presentMemberIds', 'memberExcluded');
      else if (!quorumMet(sitting, present)) fail('presentMemberIds', 'quorumNotMet');

      const parties = await tx.select({ id: caseParties.id, role: caseParties.role }).from(caseParties).where(eq(caseParties.caseId, row.id));
      const roleOf = new Map(parties.map((p) => [p.id, p.role]));
      const modes = new Map(input.parties.map((p) => [p.partyId, p.mode]));
      if ([...modes.keys()].some((id) => !roleOf.has(id))) fail('parties', 'notOnCase');
      const hearingParties = parties.filter((p) => (HEARING_PARTY_ROLES as readonly string[]).includes(p.role));
      if (hearingParties.some((p) => !modes.has(p.id))) fail('parties', 'attendanceRequired');

      const needs = requiredStatements(hearingParties.map((p) => ({ role: p.role, mode: modes.get(p.id) ?? 'absent' })));
      if (needs.victim && !input.victimStatement) fail('victimStatement', 'statementRequired');
      if (needs.perpetrator && !input.perpetratorStatement) fail('perpetratorStatement', 'statementRequired');
      if (Object.keys(errors).length) throw new DomainError('invalid_input', `record_hearing: ${Object.keys(errors).join(', ')}`, errors);

      const attendance: HearingAttendance = {
        members: { present, absent: sitting.filter((id) => !present.includes(id)), excluded },
        parties: input.parties,
        expertRequested: input.victimRequestedExpert,
      };
      return { value: { hearing, attendance }, data: { hearingId: hearing.id, panelSize: hearing.panel.length, sittingCount: sitting.length } };
    });

    const hearingId = hearing.id;
    await tx
      .update(hearings)
      .set({ status: 'held', heldAt: new Date(input.occurredAt), attendance })
      .where(eq(hearings.id, hearingId));
    const texts: [string, string | undefined][] = [
      [HEARING_DOCUMENT_KINDS.victimStatement, input.victimStatement],
      [HEARING_DOCUMENT_KINDS.perpetratorStatement, input.perpetratorStatement],
      [HEARING_DOCUMENT_KINDS.expertOpinion, input.expertOpinion],
      [HEARING_DOCUMENT_KINDS.minutes, input.minutes],
    ];
    const docs = texts.flatMap(([kind, body]) =>
      body ? [{ caseId: input.caseId, kind, refId: hearingId, bodyEnc: encrypt(body), createdBy: ctx.actor.userId, createdAt: now }] : [],
    );
    if (docs.length) await tx.insert(caseDocuments).values(docs);
    return { hearingId };
  });
}
