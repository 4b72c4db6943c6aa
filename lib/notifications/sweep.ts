import 'server-only';
import { and, asc, eq, gt, isNull, lt, ne, notInArray, sql } from 'drizzle-orm';
import { createTransport } from 'nodemailer';
import { db, type Tx } from '@/db/client';
import { loadExtraHolidays } from '@/db/queries/cases';
import { cases, emailOutbox, notifications } from '@/db/schema';
import { caseDeadlines } from '@/lib/cases/deadlines';
import { env } from '@/lib/env';
import { eventsByCase, notifiablePeople } from './queries';
import { noticeEmail } from './render';
import { planNotifications, type PlannedNotification } from './rules';

export type SweepResult = { cases: number; notifications: number; emails: number };
export type DeliveryResult = { sent: number; failed: number };

/** A failing address is retried on later runs, this many times in all, then left with its last error. */
export const MAX_SEND_ATTEMPTS = 8;

/**
 * Recomputes every open case's clocks at `now` and notifies what is due soon,
 * breached or at risk. Safe to run from several instances at once: each batch
 * locks its cases with SKIP LOCKED, so instances share the work instead of
 * waiting for each other, and the unique dedupe key makes a notice that two
 * runs both decide on exist once. Mail is queued only for notices this run
 * created, in the same transaction, so a notice and its mail stand or fall together.
 *
 * The stored `deadlines` snapshot on the case is left alone: its statuses are
 * as of the last event, and this only reads.
 */
export async function runSweep(now: Date, opts: { batchSize?: number } = {}): Promise<SweepResult> {
  const ctx: BatchContext = {
    now,
    batchSize: opts.batchSize ?? 50,
    extraHolidays: await loadExtraHolidays(db),
    appUrl: appBaseUrl(),
  };
  const totals: SweepResult = { cases: 0, notifications: 0, emails: 0 };
  let cursor: string | null = null;
  for (;;) {
    const batch = await sweepBatch(ctx, cursor);
    if (!batch) return totals;
    cursor = batch.last;
    totals.cases += batch.cases;
    totals.notifications += batch.notifications;
    totals.emails += batch.emails;
  }
}

type BatchContext = { now: Date; batchSize: number; extraHolidays: string[]; appUrl: string | null };

/**
 * The next open cases after `after` that no other sweep holds. Cases locked by
 * another instance (or by someone recording a step) are skipped, not waited
 * for; they are swept by that instance or on the next run.
 */
async function sweepBatch(ctx: BatchContext, after: string | null): Promise<(SweepResult & { last: string }) | null> {
  return db.transaction(async (tx) => {
    const rows = await tx
      .select({
        id: cases.id,
        caseNumber: cases.caseNumber,
        schoolId: cases.schoolId,
        officeId: cases.officeId,
        restricted: cases.restricted,
        teamUserIds: cases.teamUserIds,
        reportedAt: cases.reportedAt,
        categories: cases.categories,
      })
      .from(cases)
      .where(and(ne(cases.status, 'closed'), after ? gt(cases.id, after) : undefined))
      .orderBy(asc(cases.id))
      .limit(ctx.batchSize)
      .for('update', { skipLocked: true });
    const last = rows.at(-1);
    if (!last) return null;

    const [events, people] = await Promise.all([
      eventsByCase(
        tx,
        rows.map((r) => r.id),
      ),
      notifiablePeople(tx, { schoolIds: [...new Set(rows.map((r) => r.schoolId))], officeIds: [...new Set(rows.map((r) => r.officeId))] }),
    ]);
    const planned = rows.flatMap((c) => {
      const caseEvents = events.get(c.id) ?? [];
      const deadlines = caseDeadlines({ reportedAt: c.reportedAt, categories: c.categories, events: caseEvents, extraHolidays: ctx.extraHolidays }, ctx.now);
      return planNotifications({ case: c, deadlines, events: caseEvents, people }, ctx.now);
    });
    const created = await insertNotifications(tx, planned, ctx.now);
    const emails = await queueEmails(tx, created, ctx.appUrl, ctx.now);
    return { last: last.id, cases: rows.length, notifications: created.length, emails };
  });
}

/** The app's address for links in mail, when known. */
export function appBaseUrl(): string | null {
  return env().NEXTAUTH_URL?.replace(/\/$/, '') ?? null;
}

/** A notice about to be written, whichever sweep planned it (deadline notices, takedown reminders). */
export type OutgoingNotice = Pick<PlannedNotification, 'userId' | 'email' | 'caseId' | 'dedupeKey'> & { kind: string; params: Record<string, string> };

/** Inserts the planned notices and returns only those that did not exist yet. */
export async function insertNotifications<T extends OutgoingNotice>(tx: Tx, planned: T[], now: Date): Promise<T[]> {
  if (planned.length === 0) return [];
  const inserted = await tx
    .insert(notifications)
    .values(planned.map((p) => ({ userId: p.userId, caseId: p.caseId, kind: p.kind, params: p.params, dedupeKey: p.dedupeKey, createdAt: now })))
    .onConflictDoNothing({ target: notifications.dedupeKey })
    .returning({ dedupeKey: notifications.dedupeKey });
  const fresh = new Set(inserted.map((r) => r.dedupeKey));
  return planned.filter((p) => fresh.has(p.dedupeKey));
}

/** Queues one mail per notice this run created, under the notice's own dedupe key. */
export async function queueEmails(tx: Tx, created: OutgoingNotice[], appUrl: string | null, now: Date): Promise<number> {
  if (created.length === 0) return 0;
  const rows = created.map((n) => {
    const { subject, body } = noticeEmail(n, appUrl ? `${appUrl}/cases/${n.caseId}` : null);
    return { toAddress: n.email, subject, body, dedupeKey: n.dedupeKey, createdAt: now };
  });
  const queued = await tx.insert(emailOutbox).values(rows).onConflictDoNothing({ target: emailOutbox.dedupeKey }).returning({ id: emailOutbox.id });
  return queued.length;
}

export type Mail = { to: string; subject: string; text: string };
export type MailSender = { send: (mail: Mail) => Promise<void>; close: () => void };

/** SMTP when SMTP_URL is set; otherwise the mail is only logged (development, demo). */
export function mailSender(): MailSender {
  const { SMTP_URL, MAIL_FROM } = env();
  if (!SMTP_URL) {
    return {
      send: async (m) => console.info(`[mail] to ${m.to} subject ${m.subject}`),
      close: () => {},
    };
  }
  const transport = createTransport(SMTP_URL);
  return {
    send: async (m) => {
      await transport.sendMail({ from: MAIL_FROM, to: m.to, subject: m.subject, text: m.text });
    },
    close: () => transport.close(),
  };
}

/**
 * Sends queued mail. Rows are claimed with SKIP LOCKED and stay locked until
 * marked, so two workers never send the same row. A crash between the SMTP
 * hand-off and the commit can repeat that one mail on the next run: delivery is
 * at least once, never twice by concurrency.
 */
export async function deliverOutbox(now: Date, opts: { batchSize?: number; sender?: MailSender } = {}): Promise<DeliveryResult> {
  const batchSize = opts.batchSize ?? 20;
  const sender = opts.sender ?? mailSender();
  const result: DeliveryResult = { sent: 0, failed: 0 };
  // Rows that failed in this run are not retried until the next run.
  const failed: string[] = [];
  try {
    for (;;) {
      const skip = [...failed];
      const claimed = await db.transaction(async (tx) => {
        const rows = await tx
          .select()
          .from(emailOutbox)
          .where(and(isNull(emailOutbox.sentAt), lt(emailOutbox.attempts, MAX_SEND_ATTEMPTS), skip.length ? notInArray(emailOutbox.id, skip) : undefined))
          .orderBy(asc(emailOutbox.createdAt), asc(emailOutbox.id))
          .limit(batchSize)
          .for('update', { skipLocked: true });
        for (const row of rows) {
          try {
            await sender.send({ to: row.toAddress, subject: row.subject, text: row.body });
            await tx
              .update(emailOutbox)
              .set({ sentAt: now, attempts: sql`${emailOutbox.attempts} + 1`, lastError: null })
              .where(eq(emailOutbox.id, row.id));
            result.sent++;
          } catch (e) {
            const message = e instanceof Error ? e.message : String(e);
            await tx
              .update(emailOutbox)
              .set({ attempts: sql`${emailOutbox.attempts} + 1`, lastError: message.slice(0, 1000) })
              .where(eq(emailOutbox.id, row.id));
            failed.push(row.id);
            result.failed++;
          }
        }
        return rows.length;
      });
      if (claimed === 0) return result;
    }
  } finally {
    sender.close();
  }
}
