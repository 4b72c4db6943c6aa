import { recipientsFor, type NoticeCase, type Person } from '@/lib/notifications/rules';
import type { TakedownStatus, TakedownTarget } from './status';

/**
 * The follow-up reminder of a takedown request, as an inbox notice. Pure: the
 * sweep (reminders.ts) passes the due request, its case and the people who
 * could be told. The notice names the case, the body asked and the status,
 * never the address or the platform, so it is safe in a mail box.
 */

export const TAKEDOWN_REMINDER_KIND = 'takedown_reminder';

export type TakedownReminderParams = { caseNumber: string; target: TakedownTarget; status: TakedownStatus; since: string; dueAt: string };

export type PlannedReminder = {
  userId: string;
  email: string;
  caseId: string;
  kind: typeof TAKEDOWN_REMINDER_KIND;
  params: TakedownReminderParams;
  dedupeKey: string;
};

export type DueRequest = { id: string; target: TakedownTarget; status: TakedownStatus; statusAt: Date; nextReminderAt: Date };

/** One reminder per request, due instant and person: a second sweep of the same period finds it already there. */
export function reminderDedupeKey(p: { requestId: string; dueAt: Date; userId: string }): string {
  return ['takedown', p.requestId, p.dueAt.toISOString(), p.userId].join(':');
}

/**
 * Who is reminded: the people who run the case and may open it (for a
 * restricted case, only its team), by the same rule as deadline notices.
 */
export function planReminders(request: DueRequest, c: NoticeCase, people: readonly Person[]): PlannedReminder[] {
  const params: TakedownReminderParams = {
    caseNumber: c.caseNumber,
    target: request.target,
    status: request.status,
    since: request.statusAt.toISOString(),
    dueAt: request.nextReminderAt.toISOString(),
  };
  return recipientsFor(c, people, 'case_team').map((p) => ({
    userId: p.userId,
    email: p.email,
    caseId: c.id,
    kind: TAKEDOWN_REMINDER_KIND,
    params,
    dedupeKey: reminderDedupeKey({ requestId: request.id, dueAt: request.nextReminderAt, userId: p.userId }),
  }));
}
