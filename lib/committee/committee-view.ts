import 'server-only';
import { and, asc, eq, inArray } from 'drizzle-orm';
import { db } from '@/db/client';
import { getCaseRow, loadExtraHolidays } from '@/db/queries/cases';
import { caseDocuments, committeeMembers } from '@/db/schema';
import type { Actor } from '@/lib/auth/roles';
import { canSeeIdentities, canViewCase } from '@/lib/cases/access';
import { decrypt } from '@/lib/crypto/keys';
import { DomainError } from '@/lib/errors';
import { canDownloadHearingInvite, canManageMembers, canReadHearingRecord } from './access';
import { CONFLICT_NOTE_KIND, HEARING_DOCUMENT_KINDS, type MemberCategory } from './constants';
import { conflictExcludes } from './rules';
import { conflictsOf, currentHearing } from './hearing-state';
import type { HearingAttendance } from './record-hearing';

const RECORD_KINDS = Object.values(HEARING_DOCUMENT_KINDS) as string[];

/**
 * What the case page's committee section shows beyond the case view: the
 * hearing, its panel and conflicts, the texts for the committee, and the
 * office's active members for the scheduling form. The case view has
 * already audited the opening of the case.
 */
export async function loadCommitteeView(caseId: string, actor: Actor) {
  const row = await getCaseRow(db, caseId);
  if (!row || !canViewCase(actor, row)) throw new DomainError('not_found');
  const identities = canSeeIdentities(actor, row);
  const readsRecord = canReadHearingRecord(actor, row);
  const [hearing, active, extraHolidays] = await Promise.all([
    currentHearing(db, row.id),
    db
      .select({ id: committeeMembers.id, name: committeeMembers.name, category: committeeMembers.category })
      .from(committeeMembers)
      .where(and(eq(committeeMembers.officeId, row.officeId), eq(committeeMembers.active, true)))
      .orderBy(asc(committeeMembers.name)),
    loadExtraHolidays(db),
  ]);
  const conflicts = hearing ? await conflictsOf(db, hearing.id) : [];
  const panelMembers = hearing?.panel.length
    ? await db
        .select({ id: committeeMembers.id, name: committeeMembers.name, category: committeeMembers.category, active: committeeMembers.active })
        .from(committeeMembers)
        .where(inArray(committeeMembers.id, hearing.panel))
    : [];
  const memberById = new Map(panelMembers.map((m) => [m.id, m]));
  const docs =
    hearing && readsRecord
      ? await db
          .select()
          .from(caseDocuments)
          .where(and(eq(caseDocuments.caseId, row.id), inArray(caseDocuments.kind, [...RECORD_KINDS, CONFLICT_NOTE_KIND])))
      : [];
  const noteOf = new Map(docs.filter((d) => d.kind === CONFLICT_NOTE_KIND && d.refId).map((d) => [d.refId!, d.bodyEnc]));
  // Members are named to people who see the parties' names; others see the category only.
  const memberLabel = (id: string) => (identities ? (memberById.get(id)?.name ?? '—') : null);

  return {
    officeId: row.officeId,
    canManagePool: canManageMembers(actor, row.officeId),
    identities,
    readsRecord,
    canDownloadInvite: canDownloadHearingInvite(actor, row),
    extraHolidays,
    activeMembers: active as { id: string; name: string; category: MemberCategory }[],
    hearing: hearing
      ? {
          id: hearing.id,
          status: hearing.status,
          scheduledAt: hearing.scheduledAt,
          location: hearing.location,
          heldAt: hearing.heldAt,
          panel: hearing.panel.map((id) => ({
            id,
            name: memberLabel(id),
            category: (memberById.get(id)?.category ?? 'other') as MemberCategory,
            excluded: conflicts.some((c) => c.memberId === id && conflictExcludes(c)),
          })),
          conflicts: conflicts.map((c) => ({
            id: c.id,
            memberId: c.memberId,
            memberName: memberLabel(c.memberId),
            kind: c.kind,
            outcome: c.outcome,
            raisedByPartyId: c.raisedByPartyId,
            recordedAt: c.recordedAt,
            note: readsRecord && noteOf.has(c.id) ? decrypt(noteOf.get(c.id)!) : null,
          })),
          attendance: hearing.status === 'held' ? (hearing.attendance as HearingAttendance) : null,
          documents: docs.filter((d) => d.refId === hearing.id && RECORD_KINDS.includes(d.kind)).map((d) => ({ kind: d.kind, body: decrypt(d.bodyEnc) })),
        }
      : null,
  };
}

export type CommitteeView = Awaited<ReturnType<typeof loadCommitteeView>>;
