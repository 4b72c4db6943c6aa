/**
 * The decision notice as words, before any PDF: which decisions a recipient
 * sees, how every other student is named, and the appeal routes with their
 * dates. Pure (no I/O, no clock), so masking is tested on this model.
 */
import { createFormatter, createTranslator } from 'use-intl/core';
import { disclosedCategories } from '@/lib/cases/categories';
import type { PartyRole } from '@/lib/cases/constants';
import { isPerpetrator, isVictim } from '@/lib/decisions/case-facts';
import type { NoticeLang } from '@/lib/i18n/config';
import { TIME_ZONE } from '@/lib/i18n/config';
import { messages } from '@/lib/i18n/messages';
import { addCalendarDays, rollForward } from '@/lib/rules/calendar';
import { rulebookFor } from '@/lib/rules/rulebook';
import type { Calendar } from '@/lib/rules/types';

/** Administrative Appeals Act 27③: no appeal after 180 days from the disposition itself. */
export const ADMIN_APPEAL_OUTER_DAYS = 180;
/** Administrative Litigation Act 20①: 90 days from knowledge of the disposition. */
export const LAWSUIT_DAYS = 90;

export type NoticeParty = {
  id: string;
  role: PartyRole;
  name: string;
  pseudonym: string;
  school: string | null;
  grade: number | null;
  classNo: string | null;
  /** Held so the model can be shown to leave them out; a notice never prints them. */
  birthDate: string | null;
  guardianName: string | null;
  guardianContact: string | null;
};

export type NoticeSource = {
  caseNumber: string;
  reportedAt: string;
  /** As recorded; the notice prints them only as `disclosedCategories` allows. */
  categories: readonly string[];
  school: { name: string; phone: string | null };
  office: { name: string; phone: string | null };
  parties: NoticeParty[];
  decisions: { perpetratorPartyId: string; notSchoolViolence: boolean; measures: { measure: number; periodDays?: number }[] }[];
  victimMeasures: { victimPartyId: string; measures: number[] }[];
  /** The disposition's date (YYYY-MM-DD, KST): the recorded delivery, or the day the notice is issued. */
  dispositionDate: string;
  /** The recorded day of delivery, from which the 90 days run; null until delivery is recorded. */
  receivedOn: string | null;
  /** Today (YYYY-MM-DD, KST), for the issue line. */
  today: string;
  calendar: Calendar;
};

export type NoticeModel = {
  lang: NoticeLang;
  title: string;
  meta: { label: string; value: string }[];
  intro: string;
  sections: { heading: string; lines: string[] }[];
  footer: string[];
  /** ASCII, for Content-Disposition's fallback name. */
  fileName: string;
};

/** A notice for `recipientPartyId` in `lang`. Throws RangeError for a party who is not a recipient. */
export function buildDecisionNotice(source: NoticeSource, recipientPartyId: string, lang: NoticeLang): NoticeModel {
  const recipient = source.parties.find((p) => p.id === recipientPartyId);
  if (!recipient || !(isPerpetrator(recipient.role) || isVictim(recipient.role))) throw new RangeError('not a notice recipient');

  const t = createTranslator({ locale: lang, messages: messages[lang] });
  const format = createFormatter({ locale: lang, timeZone: TIME_ZONE });
  const day = (date: string) => format.dateTime(new Date(`${date}T12:00:00+09:00`), { year: 'numeric', month: 'long', day: 'numeric' });
  const n = (key: string, values?: Record<string, string | number>) => t(`decision.notice.${key}` as never, values as never);
  const role = (r: PartyRole) => t(`vocab.partyRole.${r}`);

  // The recipient by name; everyone else by pseudonym and role, never name, birth date or contact (Act 21).
  const label = (partyId: string) => {
    if (partyId === recipient.id) return recipient.name;
    const other = source.parties.find((p) => p.id === partyId);
    return other ? n('otherStudent', { role: role(other.role), pseudonym: other.pseudonym }) : '';
  };
  const measureText = (kind: 'perpetrator' | 'victim', m: { measure: number; periodDays?: number }) => {
    const values = { number: m.measure, label: t(`decision.measures.${kind}.${m.measure}` as never) };
    return m.periodDays ? t('decision.measures.withPeriod', { ...values, days: m.periodDays }) : t('decision.measures.numbered', values);
  };
  const list = (items: string[]) => (items.length ? items.join(lang === 'ko' ? ', ' : '; ') : n('noMeasures'));

  // A victim's side may appeal every perpetrator's measures (Act 17-2), so sees them all; a perpetrator's side sees its own.
  const decisions = source.decisions.filter((d) => d.perpetratorPartyId === recipient.id || isVictim(recipient.role));
  const ownVictimMeasures = source.victimMeasures.filter((v) => v.victimPartyId === recipient.id);

  const sections: NoticeModel['sections'] = [];
  if (decisions.length) {
    sections.push({
      heading: n('perpetratorSection'),
      lines: decisions.map((d) =>
        n('studentLine', {
          student: label(d.perpetratorPartyId),
          measures: d.notSchoolViolence ? n('notViolence') : list(d.measures.map((m) => measureText('perpetrator', m))),
        }),
      ),
    });
  }
  if (isVictim(recipient.role)) {
    const measures = ownVictimMeasures.flatMap((v) => v.measures.map((measure) => measureText('victim', { measure })));
    sections.push({ heading: n('victimSection'), lines: [n('studentLine', { student: recipient.name, measures: list(measures) })] });
  }
  sections.push({ heading: n('basisSection'), lines: (['act16', 'act17', 'act17_2', 'appealsAct', 'litigationAct'] as const).map((k) => n(`basis.${k}`)) });

  const receiptDays = rulebookFor(source.reportedAt).deadlines.appeal_window.period;
  // Civil Act 157, 161: the first day is not counted, and a last day on a holiday moves to the next working day.
  const lastDay = (from: string, days: number) => day(rollForward(addCalendarDays(from, days), source.calendar));
  const appeal = [
    isVictim(recipient.role) ? n('standingVictim') : n('standingPerpetrator'),
    n('adminAppeal', {
      receiptDays,
      outerDays: ADMIN_APPEAL_OUTER_DAYS,
      dispositionDate: day(source.dispositionDate),
      outerLimit: lastDay(source.dispositionDate, ADMIN_APPEAL_OUTER_DAYS),
    }),
  ];
  if (source.receivedOn) appeal.push(n('adminAppealReceived', { receivedOn: day(source.receivedOn), until: lastDay(source.receivedOn, receiptDays) }));
  appeal.push(n('lawsuit', { days: LAWSUIT_DAYS }));
  if (source.receivedOn) appeal.push(n('lawsuitReceived', { receivedOn: day(source.receivedOn), until: lastDay(source.receivedOn, LAWSUIT_DAYS) }));
  sections.push({ heading: n('appealSection'), lines: appeal });

  const phone = (p: string | null) => p ?? n('noPhone');
  sections.push({
    heading: n('contactsSection'),
    lines: [
      n('contactSchool', { name: source.school.name, phone: phone(source.school.phone) }),
      n('contactOffice', { name: source.office.name, phone: phone(source.office.phone) }),
    ],
  });

  const schoolValue = recipient.school
    ? recipient.grade !== null && recipient.classNo
      ? n('schoolValue', { school: recipient.school, grade: recipient.grade, classNo: recipient.classNo })
      : n('schoolOnly', { school: recipient.school })
    : null;
  return {
    lang,
    title: n('title'),
    meta: [
      { label: n('caseNumber'), value: source.caseNumber },
      // A notice leaves the case team: a digital sex offence reads as sexual violence here, never as what the material is.
      {
        label: t('cases.page.categories'),
        value: disclosedCategories(source.categories)
          .map((c) => t(`vocab.category.${c}`))
          .join(', '),
      },
      { label: n('issuedOn'), value: day(source.dispositionDate) },
      { label: n('recipient'), value: n('recipientValue', { name: recipient.name, role: role(recipient.role) }) },
      ...(schoolValue ? [{ label: n('school'), value: schoolValue }] : []),
      { label: n('office'), value: n('officeValue', { office: source.office.name }) },
    ],
    intro: n('intro'),
    sections,
    footer: [n('privacy'), n('generated', { date: day(source.today) })],
    fileName: `decision-notice-${source.caseNumber.replace(/[^A-Za-z0-9-]/g, '')}-${lang}.pdf`.replace(/-+/g, '-'),
  };
}
