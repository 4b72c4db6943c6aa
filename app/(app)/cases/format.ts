import type { createFormatter } from 'next-intl';

type Formatter = ReturnType<typeof createFormatter>;

const KST_OFFSET_MS = 9 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

/** 24-hour clock: official Korean documents write 14:00, and "오전/오후" invites misreading a deadline. */
export function formatDateTime(format: Formatter, at: Date | string): string {
  return format.dateTime(new Date(at), { dateStyle: 'medium', timeStyle: 'short', hourCycle: 'h23' });
}

/**
 * A due instant as a reader of the law expects it: calendar-day periods end at
 * 24:00 KST of their last day (docs/rules-contract.md §1), which is shown as
 * "<last day> 24:00" rather than as 00:00 of the following day.
 */
export function formatDue(format: Formatter, endOfDay: (date: string) => string, at: string): string {
  const ms = new Date(at).getTime();
  if ((ms + KST_OFFSET_MS) % DAY_MS === 0) return endOfDay(format.dateTime(new Date(ms - 1), { dateStyle: 'medium' }));
  return formatDateTime(format, at);
}
