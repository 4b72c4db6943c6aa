// The React-free core of next-intl: this module also runs in the worker, outside Next's bundler,
// where next-intl's react-server entry cannot load its client provider.
import { createFormatter, createTranslator } from 'use-intl/core';
import { z } from 'zod';
import { TIME_ZONE, type Locale } from '@/lib/i18n/config';
import { messages } from '@/lib/i18n/messages';
import { DEADLINE_KEYS } from '@/lib/rules';
import { NOTICE_KINDS, type NoticeKind } from './rules';

/**
 * The words of a notice, for the inbox and for e-mail alike, from the
 * `notifications` messages. A notice carries only a case number, a clock and a
 * due time: never a student's name, so it is safe in a mail box.
 */

const storedNotice = z.object({
  kind: z.enum(NOTICE_KINDS),
  params: z.object({ caseNumber: z.string(), key: z.enum(DEADLINE_KEYS), dueAt: z.string() }),
});
type StoredNotice = { kind: string; params: Record<string, string> };

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
  const { kind, params } = parsed.data;
  const values = { caseNumber: params.caseNumber, deadline: t(`vocab.deadline.${params.key}`), dueAt: format.dateTime(new Date(params.dueAt), NOTICE_TIME_FORMAT) };
  return t(`notifications.kind.${kind}`, values);
}

/** The plain-text Korean mail for a notice; `link` is the case's address when the app's URL is known. */
export function noticeEmail(notice: { kind: NoticeKind; params: Record<string, string> }, link: string | null): { subject: string; body: string } {
  const locale: Locale = 'ko';
  const { t } = translators(locale);
  const parsed = storedNotice.safeParse(notice);
  const sentence = noticeSentence(locale, notice);
  const subject = parsed.success
    ? t(`notifications.email.subject.${parsed.data.kind}`, { caseNumber: parsed.data.params.caseNumber, deadline: t(`vocab.deadline.${parsed.data.params.key}`) })
    : t('notifications.email.subject.unknown');
  const body = link ? t('notifications.email.bodyWithLink', { sentence, link }) : t('notifications.email.body', { sentence });
  return { subject, body };
}
