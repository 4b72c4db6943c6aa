import { randomUUID } from 'node:crypto';
import { and, count, eq, inArray, isNull, sql } from 'drizzle-orm';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { db } from '@/db/client';
import { caseParties, cases, emailOutbox, notifications, users } from '@/db/schema';
import { seed } from '@/db/seed';
import { demoActors, intake, PARTIES_WITHOUT_GUARDIAN, rowCounts } from '@/db/test/fixtures';
import type { Actor } from '@/lib/auth/roles';
import { caseStepInput, fileCaseInput } from '@/lib/cases/schemas';
import { fileCase, recordStep } from '@/lib/cases/service';
import { countUnread, listNotifications } from './queries';
import { markAllNotificationsRead, markNotificationRead } from './service';
import { deliverOutbox, MAX_SEND_ATTEMPTS, runSweep, type Mail, type MailSender } from './sweep';

let teacher: Actor;
let head: Actor;
let schoolId: string;

const CASE_TEAM = ['head@dolbom.demo', 'homeroom@dolbom.demo', 'investigator@dolbom.demo', 'secretary@dolbom.demo', 'teacher@dolbom.demo'];

beforeAll(async () => {
  await seed();
  [teacher, head] = await demoActors('teacher', 'head');
  schoolId = teacher.grants[0]!.schoolId!;
});

afterEach(() => {
  vi.restoreAllMocks();
});

async function file(reportedAt: string, now: Date) {
  return fileCase(
    fileCaseInput.parse(
      intake(schoolId, { occurredAt: reportedAt, reportedAt, location: '운동장', summary: '점심시간에 밀침', parties: PARTIES_WITHOUT_GUARDIAN }),
    ),
    { actor: teacher, ip: null, now },
  );
}

async function noticesOf(caseId: string) {
  return db
    .select({ kind: notifications.kind, params: notifications.params, dedupeKey: notifications.dedupeKey, email: users.email })
    .from(notifications)
    .innerJoin(users, eq(users.id, notifications.userId))
    .where(eq(notifications.caseId, caseId));
}

async function outboxFor(dedupeKeys: string[]) {
  return dedupeKeys.length ? db.select().from(emailOutbox).where(inArray(emailOutbox.dedupeKey, dedupeKeys)) : [];
}

const totals = () => rowCounts({ notifications, emails: emailOutbox });

describe('the notification sweep', () => {
  it("a breached office report reaches the school's staff and head and the office's investigator and secretary, with one mail each", async () => {
    const now = new Date('2026-03-05T11:00:00+09:00');
    const c = await file('2026-03-02T11:00', now);
    const [before] = await db.select().from(cases).where(eq(cases.id, c.id));

    await runSweep(now);

    const notices = await noticesOf(c.id);
    const officeReport = notices.filter((n) => n.kind === 'deadline_breached' && n.params.key === 'office_report');
    expect(officeReport.map((n) => n.email).sort()).toEqual(CASE_TEAM);
    expect(officeReport[0]!.params).toEqual({ caseNumber: c.caseNumber, key: 'office_report', dueAt: '2026-03-04T11:00:00+09:00' });
    // Other schools, committee members, auditors and admins are not told.
    expect(new Set(notices.map((n) => n.email))).toEqual(new Set(CASE_TEAM));

    const mails = await outboxFor(notices.map((n) => n.dedupeKey));
    expect(mails).toHaveLength(notices.length);
    const mail = mails.find((m) => m.dedupeKey === officeReport.find((n) => n.email === 'head@dolbom.demo')!.dedupeKey)!;
    expect(mail.toAddress).toBe('head@dolbom.demo');
    expect(mail.subject).toBe(`[돌봄] ${c.caseNumber} 교육지원청 보고 기한 초과`);
    expect(mail.body).toContain(`${c.caseNumber}: 교육지원청 보고 기한이 지났습니다 (3월 4일 11:00)`);
    for (const m of mails) for (const name of ['김피해', '박가해']) expect(`${m.subject}\n${m.body}`).not.toContain(name);

    // The sweep only reads the case: the stored snapshot is the last event's.
    const [after] = await db.select().from(cases).where(eq(cases.id, c.id));
    expect(after).toEqual(before);
  });

  it('two sweeps at once send each notice once, and a third run adds nothing', async () => {
    const now = new Date('2026-04-10T11:00:00+09:00');
    const filed = await Promise.all(
      ['2026-04-06T09:00', '2026-04-06T10:00', '2026-04-07T09:00', '2026-04-07T10:00', '2026-04-07T11:00'].map((at) => file(at, now)),
    );
    const before = await totals();

    const [a, b] = await Promise.all([runSweep(now, { batchSize: 1 }), runSweep(now, { batchSize: 1 })]);

    const after = await totals();
    expect(a.notifications + b.notifications).toBe(after.notifications - before.notifications);
    expect(a.emails + b.emails).toBe(after.emails - before.emails);
    for (const c of filed) {
      const notices = await noticesOf(c.id);
      // guardian notice, office report and separation start, each to every person of the case team.
      expect(notices).toHaveLength(3 * CASE_TEAM.length);
      expect(await outboxFor(notices.map((n) => n.dedupeKey))).toHaveLength(notices.length);
    }

    const again = await runSweep(now);
    expect(again).toMatchObject({ notifications: 0, emails: 0 });
    expect(await totals()).toEqual(after);
  });

  it('a separation ending tomorrow with no follow-up protection is flagged to the school head only', async () => {
    const filedAt = new Date('2026-05-04T11:00:00+09:00');
    const gap = await file('2026-05-04T10:00', filedAt);
    const covered = await file('2026-05-04T10:00', filedAt);
    for (const c of [gap, covered]) {
      await recordStep(
        caseStepInput.parse({ type: 'start_separation', caseId: c.id, occurredAt: '2026-05-04T10:30', method: 'separate_classroom', plannedEnd: '2026-05-10' }),
        { actor: teacher, ip: null, now: filedAt },
      );
    }
    const [perpetrator] = await db
      .select({ id: caseParties.id })
      .from(caseParties)
      .where(and(eq(caseParties.caseId, covered.id), eq(caseParties.role, 'alleged_perpetrator')));
    await recordStep(
      caseStepInput.parse({
        type: 'take_emergency_measure',
        caseId: covered.id,
        occurredAt: '2026-05-06T09:00',
        measure: 'class_change',
        perpetratorPartyId: perpetrator!.id,
      }),
      { actor: head, ip: null, now: new Date('2026-05-06T09:30:00+09:00') },
    );

    // The cap's last day is Sunday 05-10 (7 days counting the start day); on Saturday it ends tomorrow.
    await runSweep(new Date('2026-05-09T12:00:00+09:00'));

    const flagged = (await noticesOf(gap.id)).filter((n) => n.kind === 'separation_gap');
    expect(flagged.map((n) => n.email)).toEqual(['head@dolbom.demo']);
    expect(flagged[0]!.params).toEqual({ caseNumber: gap.caseNumber, key: 'separation_limit', dueAt: '2026-05-11T00:00:00+09:00' });
    const [mail] = await outboxFor([flagged[0]!.dedupeKey]);
    expect(mail).toMatchObject({ toAddress: 'head@dolbom.demo', subject: `[돌봄] ${gap.caseNumber} 분리 종료 임박: 후속 보호조치 필요` });
    expect((await noticesOf(covered.id)).filter((n) => n.kind === 'separation_gap')).toEqual([]);
  });
});

describe('the outbox', () => {
  it('without SMTP, mail is logged and marked sent, and a second delivery sends nothing', async () => {
    await file('2026-06-01T10:00', new Date('2026-06-05T10:00:00+09:00'));
    await runSweep(new Date('2026-06-05T10:00:00+09:00'));
    const [pending] = await db.select({ n: count() }).from(emailOutbox).where(isNull(emailOutbox.sentAt));
    expect(pending!.n).toBeGreaterThan(0);
    const log = vi.spyOn(console, 'info').mockImplementation(() => {});

    const sentAt = new Date('2026-06-05T10:05:00+09:00');
    const first = await deliverOutbox(sentAt);

    expect(first).toEqual({ sent: pending!.n, failed: 0 });
    expect(log).toHaveBeenCalledWith(expect.stringMatching(/^\[mail\] to \S+@dolbom\.demo subject \[돌봄\] /));
    const rows = await db.select().from(emailOutbox);
    expect(rows.every((r) => r.sentAt !== null && r.lastError === null)).toBe(true);
    expect(rows.filter((r) => r.sentAt!.getTime() === sentAt.getTime())).toHaveLength(pending!.n);

    expect(await deliverOutbox(new Date())).toEqual({ sent: 0, failed: 0 });
  });

  it('two deliveries at once send every mail exactly once', async () => {
    await file('2026-07-01T10:00', new Date('2026-07-06T10:00:00+09:00'));
    await runSweep(new Date('2026-07-06T10:00:00+09:00'));
    const [pending] = await db.select({ n: count() }).from(emailOutbox).where(isNull(emailOutbox.sentAt));
    const seen: string[] = [];
    const sender: MailSender = {
      send: async (m: Mail) => {
        seen.push(`${m.to}|${m.subject}|${m.text}`);
        await new Promise((r) => setTimeout(r, 5));
      },
      close: () => {},
    };

    const [a, b] = await Promise.all([deliverOutbox(new Date(), { sender, batchSize: 3 }), deliverOutbox(new Date(), { sender, batchSize: 3 })]);

    expect(a.sent + b.sent).toBe(pending!.n);
    expect(seen).toHaveLength(pending!.n);
    expect(new Set(seen).size).toBe(seen.length);
  });

  it('a failed send counts the attempt and keeps the error, and is retried on the next run', async () => {
    const [row] = await db
      .insert(emailOutbox)
      .values({ toAddress: 'head@dolbom.demo', subject: 's', body: 'b', dedupeKey: `test:${randomUUID()}` })
      .returning();
    const failing: MailSender = { send: () => Promise.reject(new Error('550 mailbox unavailable')), close: () => {} };

    expect(await deliverOutbox(new Date(), { sender: failing })).toEqual({ sent: 0, failed: 1 });
    const [failed] = await db.select().from(emailOutbox).where(eq(emailOutbox.id, row!.id));
    expect(failed).toMatchObject({ sentAt: null, attempts: 1, lastError: '550 mailbox unavailable' });

    vi.spyOn(console, 'info').mockImplementation(() => {});
    expect(await deliverOutbox(new Date())).toEqual({ sent: 1, failed: 0 });
    const [sent] = await db.select().from(emailOutbox).where(eq(emailOutbox.id, row!.id));
    expect(sent).toMatchObject({ attempts: 2, lastError: null });
    expect(sent!.sentAt).not.toBeNull();
  });

  it(`a mail that failed ${MAX_SEND_ATTEMPTS} times is no longer tried`, async () => {
    const key = `test:${randomUUID()}`;
    await db
      .insert(emailOutbox)
      .values({ toAddress: 'head@dolbom.demo', subject: 's', body: 'b', dedupeKey: key, attempts: MAX_SEND_ATTEMPTS, lastError: 'x' });
    const send = vi.fn(() => Promise.resolve());
    expect(await deliverOutbox(new Date(), { sender: { send, close: () => {} } })).toEqual({ sent: 0, failed: 0 });
    expect(send).not.toHaveBeenCalled();
    const [row] = await db
      .select({ sentAt: emailOutbox.sentAt })
      .from(emailOutbox)
      .where(sql`${emailOutbox.dedupeKey} = ${key}`);
    expect(row!.sentAt).toBeNull();
  });
});

describe('the inbox', () => {
  it("a person marks only their own notices read; someone else's id is not found", async () => {
    const now = new Date('2026-08-06T10:00:00+09:00');
    const c = await file('2026-08-03T10:00', now);
    await runSweep(now);
    const [investigator] = await demoActors('investigator');
    const headUnread = await countUnread(db, head.userId);
    const mine = await db
      .select({ id: notifications.id })
      .from(notifications)
      .where(and(eq(notifications.caseId, c.id), eq(notifications.userId, head.userId)));
    const theirs = await db
      .select({ id: notifications.id })
      .from(notifications)
      .where(and(eq(notifications.caseId, c.id), eq(notifications.userId, investigator.userId)));
    expect(mine.length).toBeGreaterThan(0);

    await expect(markNotificationRead(theirs[0]!.id, { actor: head })).rejects.toMatchObject({ code: 'not_found' });
    await markNotificationRead(mine[0]!.id, { actor: head });
    await markNotificationRead(mine[0]!.id, { actor: head });
    expect(await countUnread(db, head.userId)).toBe(headUnread - 1);
    const [theirsAfter] = await db.select({ readAt: notifications.readAt }).from(notifications).where(eq(notifications.id, theirs[0]!.id));
    expect(theirsAfter!.readAt).toBeNull();

    const investigatorUnread = await countUnread(db, investigator.userId);
    expect(await markAllNotificationsRead({ actor: head })).toBe(headUnread - 1);
    expect(await countUnread(db, head.userId)).toBe(0);
    expect(await countUnread(db, investigator.userId)).toBe(investigatorUnread);
  });

  it('the inbox pages 30 at a time, newest first', async () => {
    const [investigator] = await demoActors('investigator');
    const total = (await listNotifications(db, investigator.userId, 1)).total;
    expect(total).toBeGreaterThan(30);
    const [first, second] = [await listNotifications(db, investigator.userId, 1), await listNotifications(db, investigator.userId, 2)];
    expect(first.rows).toHaveLength(30);
    expect(first.pageCount).toBe(Math.ceil(total / 30));
    expect(second.rows.length).toBe(Math.min(30, total - 30));
    const times = [...first.rows, ...second.rows].map((r) => r.createdAt.getTime());
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(new Set([...first.rows, ...second.rows].map((r) => r.id)).size).toBe(first.rows.length + second.rows.length);
  });
});
