import 'server-only';
import { and, asc, eq, gt, lte } from 'drizzle-orm';
import { db } from '@/db/client';
import { cases, takedownRequests } from '@/db/schema';
import { notifiablePeople } from '@/lib/notifications/queries';
import { appBaseUrl, insertNotifications, queueEmails } from '@/lib/notifications/sweep';
import { planReminders } from './notice';
import { followingReminder, reminderIntervalDays } from './status';

export type ReminderSweepResult = { requests: number; notifications: number; emails: number };

/**
 * Sends the follow-up reminder of every takedown request due at `now` and
 * moves its next reminder N days on. Safe to run from several instances at
 * once, like the deadline sweep: due requests are claimed with FOR UPDATE
 * SKIP LOCKED (the request rows only, so the deadline sweep never finds a
 * case locked by this one), the unique dedupe key (request, due instant,
 * person) makes a reminder two runs both decide on exist once, and the mail
 * is queued in the same transaction as its notice.
 */
export async function sweepTakedownReminders(now: Date, opts: { batchSize?: number } = {}): Promise<ReminderSweepResult> {
  const batchSize = opts.batchSize ?? 50;
  const appUrl = appBaseUrl();
  const totals: ReminderSweepResult = { requests: 0, notifications: 0, emails: 0 };
  let cursor: string | null = null;
  for (;;) {
    const batch: (ReminderSweepResult & { last: string }) | null = await db.transaction(async (tx) => {
      const due = await tx
        .select({
          id: takedownRequests.id,
          target: takedownRequests.target,
          status: takedownRequests.status,
          statusAt: takedownRequests.statusAt,
          nextReminderAt: takedownRequests.nextReminderAt,
          case: {
            id: cases.id,
            caseNumber: cases.caseNumber,
            schoolId: cases.schoolId,
            officeId: cases.officeId,
            restricted: cases.restricted,
            teamUserIds: cases.teamUserIds,
            reportedAt: cases.reportedAt,
          },
        })
        .from(takedownRequests)
        .innerJoin(cases, eq(cases.id, takedownRequests.caseId))
        .where(and(lte(takedownRequests.nextReminderAt, now), cursor ? gt(takedownRequests.id, cursor) : undefined))
        .orderBy(asc(takedownRequests.id))
        .limit(batchSize)
        .for('update', { of: takedownRequests, skipLocked: true });
      const last = due.at(-1);
      if (!last) return null;

      const people = await notifiablePeople(tx, {
        schoolIds: [...new Set(due.map((r) => r.case.schoolId))],
        officeIds: [...new Set(due.map((r) => r.case.officeId))],
      });
      const planned = due.flatMap((r) => planReminders({ ...r, nextReminderAt: r.nextReminderAt! }, r.case, people));
      const created = await insertNotifications(tx, planned, now);
      const emails = await queueEmails(tx, created, appUrl, now);
      for (const r of due) {
        const next = followingReminder(r.nextReminderAt!, now, reminderIntervalDays(r.case.reportedAt));
        await tx.update(takedownRequests).set({ nextReminderAt: next }).where(eq(takedownRequests.id, r.id));
      }
      return { last: last.id, requests: due.length, notifications: created.length, emails };
    });
    if (!batch) return totals;
    cursor = batch.last;
    totals.requests += batch.requests;
    totals.notifications += batch.notifications;
    totals.emails += batch.emails;
  }
}
