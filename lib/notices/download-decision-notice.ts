import 'server-only';
import { eq } from 'drizzle-orm';
import { db } from '@/db/client';
import { getCaseEvents, getCaseHeader, getCaseParties, loadExtraHolidays } from '@/db/queries/cases';
import { decisions, offices, schools, victimMeasures } from '@/db/schema';
import { canSeeIdentities, canViewCase } from '@/lib/cases/access';
import type { Ctx } from '@/lib/cases/ctx';
import { decrypt, decryptOptional } from '@/lib/crypto/keys';
import { appendDecisionAudit } from '@/lib/decisions/audit';
import { finalisedMeasures, isNoticeRecipient } from '@/lib/decisions/case-facts';
import type { NoticeLang } from '@/lib/i18n/config';
import { DomainError } from '@/lib/errors';
import { buildCalendar } from '@/lib/rules/calendar';
import { kstDateOf } from '@/lib/rules/time';
import { buildDecisionNotice, type NoticeSource } from './decision-notice';
import { renderNoticePdf } from './render-pdf';

/**
 * One party's decision notice as a PDF. It carries names, so only people who
 * may see identities get it, and each download is audited like opening the
 * case, in the same transaction (the audit row is written last, after the
 * PDF exists, so the log's lock is held only for the append).
 */
export async function downloadDecisionNotice(
  caseId: string,
  partyId: string,
  lang: NoticeLang,
  { actor, ip, now = new Date() }: Ctx,
): Promise<{ pdf: Buffer; fileName: string; utf8FileName: string }> {
  return db.transaction(async (tx) => {
    const header = await getCaseHeader(tx, caseId);
    if (!header || !canViewCase(actor, header.c)) throw new DomainError('not_found');
    if (!canSeeIdentities(actor, header.c)) throw new DomainError('forbidden');
    const c = header.c;

    const [partyRows, events, decided, victims, [place], extraHolidays] = await Promise.all([
      getCaseParties(tx, caseId),
      getCaseEvents(tx, caseId),
      tx
        .select({ perpetratorPartyId: decisions.perpetratorPartyId, notSchoolViolence: decisions.notSchoolViolence, measures: decisions.measures })
        .from(decisions)
        .where(eq(decisions.caseId, caseId)),
      tx
        .select({ victimPartyId: victimMeasures.victimPartyId, measures: victimMeasures.measures })
        .from(victimMeasures)
        .where(eq(victimMeasures.caseId, caseId)),
      tx
        .select({ schoolPhone: schools.phone, officePhone: offices.phone })
        .from(schools)
        .innerJoin(offices, eq(offices.id, schools.officeId))
        .where(eq(schools.id, c.schoolId)),
      loadExtraHolidays(tx),
    ]);
    const finalised = finalisedMeasures(events);
    if (!finalised) throw new DomainError('invalid_transition', 'no decision yet');
    const recipient = partyRows.find((r) => r.party.id === partyId);
    if (!recipient || !isNoticeRecipient(recipient.party.role)) throw new DomainError('not_found');

    // The notice of this decision is the first delivery recorded after it (as the transfer clock reads it).
    const delivery = events.find((e) => e.type === 'disposition_notified' && e.occurredAt.getTime() >= new Date(finalised.at).getTime());
    const receivedOn = delivery ? kstDateOf(delivery.occurredAt.toISOString()) : null;
    const today = kstDateOf(now.toISOString());
    const dispositionDate = receivedOn ?? today;
    const year = Number(dispositionDate.slice(0, 4));

    const source: NoticeSource = {
      caseNumber: c.caseNumber,
      reportedAt: c.reportedAt.toISOString(),
      categories: c.categories,
      school: { name: header.schoolName, phone: place?.schoolPhone ?? null },
      office: { name: header.officeName, phone: place?.officePhone ?? null },
      parties: partyRows.map(({ party: p, schoolName }) => ({
        id: p.id,
        role: p.role,
        name: decrypt(p.nameEnc),
        pseudonym: p.pseudonym,
        school: schoolName ?? p.otherSchoolName ?? null,
        grade: p.grade,
        classNo: p.classNo,
        birthDate: decryptOptional(p.birthDateEnc),
        guardianName: decryptOptional(p.guardianNameEnc),
        guardianContact: decryptOptional(p.guardianContactEnc),
      })),
      decisions: decided,
      victimMeasures: victims,
      dispositionDate,
      receivedOn,
      today,
      // Appeal periods can end a year after the disposition, so the calendar reaches past it.
      calendar: buildCalendar(extraHolidays, { from: year, to: year + 1 }),
    };
    const model = buildDecisionNotice(source, partyId, lang);
    const pdf = await renderNoticePdf(model);
    await appendDecisionAudit(
      tx,
      { action: 'case.notice_downloaded', actorId: actor.userId, targetType: 'case', targetId: caseId, ip, detail: { partyId, lang } },
      now,
    );
    return { pdf, fileName: model.fileName, utf8FileName: `${c.caseNumber}-decision-notice-${lang}.pdf` };
  });
}
