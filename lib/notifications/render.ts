// The React-free core of next-intl: this module also runs in the worker, outside Next's bundler,
// where next-intl's react-server entry cannot load its client provider.
import { createFormatter, createTranslator } from 'use-intl/core';
import { z } from 'zod';
import { TIME_ZONE, type Locale } from '@/lib/i18n/config';
import { messages } from '@/lib/i18n/messages';
import { DEADLINE_KEYS } from '@/lib/rules';
import { TAKEDOWN_REMINDER_KIND } from '@/lib/takedowns/notice';
import { TAKEDOWN_STATUSES, TAKEDOWN_TARGETS } from '@/lib/takedowns/status';
import { NOTICE_KINDS } from './rules';

/**
 * The words of a notice, for the inbox and for e-mail alike, from the
 * `notifications` messages. A notice carries only a case number and a clock
 * with its due time, or a takedown request's body and status: never a
 * student's name nor the material's address, so it is safe in a mail box.
 */

const storedNotice = z.discriminatedUnion('kind', [
  z.object({
    kind: z.enum(NOTICE_KINDS),
    params: z.object({ caseNumber: z.string(), key: z.enum(DEADLINE_KEYS), dueAt: z.string() }),
  }),
  z.object({
    kind: z.literal(TAKEDOWN_REMINDER_KIND),
    params: z.object({ caseNumber: z.string(), target: z.enum(TAKEDOWN_TARGETS), status: z.enum(TAKEDOWN_STATUSES), since: z.string(), dueAt: z.string() }),
  }),
]);
type StoredNotice = { kind: string; params: Record<string, string> };
type ParsedNotice = z.output<typeof storedNotice>;

/** "3월 4일 10:00" / "March 4 at 10:00", in Korean time. */
export const NOTICE_TIME_FORMAT = { month: 'long', day: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' } as const;

function translators(locale: Locale) {
  return {
    t: createTranslator({ locale, messages: messages[locale] }),
    format: createFormatter({ locale, timeZone: TIME_ZONE }),
  };
}

/** e.g. "강남서초-2026-0003: 교육지원청 보고 기한이 지났습니다 (3월 4일 10:00)". */
export function noticeSentence(locale: Locale, notice: StoredNotice): string {
  const parsed = storedNotice.safeParse(notice);
  const { t, format } = translators(locale);
  if (!parsed.success) return t('notifications.kind.unknown');
  const n = parsed.data;
  const at = (iso: string) => format.dateTime(new Date(iso), NOTICE_TIME_FORMAT);
  if (n.kind === TAKEDOWN_REMINDER_KIND) {
    const { caseNumber, target, status, since } = n.params;
    return t('notifications.kind.takedown_reminder', {
      caseNumber,
      target: t(`takedowns.target.${target}`),
      status: t(`takedowns.status.${status}`),
      since: at(since),
    });
  }
  return t(`notifications.kind.${n.kind}`, { caseNumber: n.params.caseNumber, deadline: t(`vocab.deadline.${n.params.key}`), dueAt: at(n.params.dueAt) });
}

function subjectOf(t: ReturnType<typeof translators>['t'], n: ParsedNotice): string {
  if (n.kind === TAKEDOWN_REMINDER_KIND)
    return t('notifications.email.subject.takedown_reminder', { caseNumber: n.params.caseNumber, target: t(`takedowns.target.${n.params.target}`) });
  return t(`notifications.email.subject.${n.kind}`, { caseNumber: n.params.caseNumber, deadline: t(`vocab.deadline.${n.params.key}`) });
}

/** The plain-text Korean mail for a notice; `link` is the case's address when the app's URL is known. */
export function noticeEmail(notice: StoredNotice, link: string | null): { subject: string; body: string } {
  const locale: Locale = 'ko';
  const { t } = translators(locale);
  const parsed = storedNotice.safeParse(notice);
  const sentence = noticeSentence(locale, notice);
  const subject = parsed.success ? subjectOf(t, parsed.data) : t('notifications.email.subject.unknown');
  const body = link ? t('notifications.email.bodyWithLink', { sentence, link }) : t('notifications.email.body', { sentence });
  return { subject, body };
}
