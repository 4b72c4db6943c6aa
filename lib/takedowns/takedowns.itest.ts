import { and, asc, count, eq, inArray, like, or } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { auditLog, emailOutbox, notifications, onlineLocations, roleGrants, takedownRequests, takedownUpdates, users } from '@/db/schema';
import { seed } from '@/db/seed';
import { addActorForTest, demoActors, intake, PARTIES_WITHOUT_GUARDIAN, refusal } from '@/db/test/fixtures';
import type { Actor } from '@/lib/auth/roles';
import { fileCaseInput, type FileCaseInput } from '@/lib/cases/schemas';
import { fileCase } from '@/lib/cases/service';
import { sweepTakedownReminders } from './reminders';
import {
  changeTakedownStatusInput,
  recordLocationInput,
  requestTakedownInput,
  type ChangeTakedownStatusInput,
  type RecordLocationInput,
  type RequestTakedownInput,
} from './schemas';
import { changeTakedownStatus, loadTakedownHistory, loadTakedownPanel, recordLocation, requestTakedown } from './service';

let teacher: Actor;
let colleague: Actor;
let head: Actor;
let investigator: Actor;
let secretary: Actor;
let member: Actor;
let auditor: Actor;
let elsewhere: Actor;
let schoolId: string;
let caseRunners: string[];

const kst = (local: string) => new Date(`${local}:00+09:00`);
const ctx = (actor: Actor, at: string) => ({ actor, ip: '10.0.0.9', now: kst(at) });
const URL_SEEN = 'https://t.me/some_channel/4821';

beforeAll(async () => {
  await seed();
  [teacher, head, investigator, secretary, member, auditor, elsewhere] = await demoActors(
    'teacher',
    'head',
    'investigator',
    'secretary',
    'member',
    'auditor',
    'teacher2',
  );
  schoolId = teacher.grants[0]!.schoolId!;
  // Another teacher of the same school: on an ordinary case they are told, on a restricted one they are not.
  colleague = await addActorForTest({ email: 'colleague@dolbom.test', name: '옆반담임' }, { role: 'school_staff', schoolId });
  caseRunners = await schoolAndOffice(schoolId, investigator.grants[0]!.officeId!);
  // The rule under test, spelled out: the school's staff and head and the office's investigator and secretary; never the committee, auditors or admins.
  expect(caseRunners).toEqual(
    expect.arrayContaining(['colleague@dolbom.test', 'head@dolbom.demo', 'investigator@dolbom.demo', 'secretary@dolbom.demo', 'teacher@dolbom.demo']),
  );
  for (const outside of ['member@dolbom.demo', 'auditor@dolbom.demo', 'admin@dolbom.demo', 'teacher2@dolbom.demo']) expect(caseRunners).not.toContain(outside);
});

/**
 * Everyone who runs cases at this school and its office, as the seed has them
 * (other areas add demo staff), sorted like `remindersOf`.
 */
async function schoolAndOffice(school: string, office: string): Promise<string[]> {
  const rows = await db
    .selectDistinct({ email: users.email })
    .from(roleGrants)
    .innerJoin(users, eq(users.id, roleGrants.userId))
    .where(
      and(
        eq(users.active, true),
        or(
          and(inArray(roleGrants.role, ['school_staff', 'school_head']), eq(roleGrants.schoolId, school)),
          and(inArray(roleGrants.role, ['investigator', 'committee_secretary']), eq(roleGrants.officeId, office)),
        ),
      ),
    );
  return rows.map((r) => r.email).sort();
}

/** A guardian's report of pictures posted in a group chat: the kind of case online locations and takedowns belong to. */
const ONLINE_INCIDENT = {
  occurredAt: '2026-03-02T09:00',
  location: '메신저 단체방',
  learnedVia: 'guardian_contact',
  reporterType: 'guardian',
  summary: '단체방에 피해학생 사진을 올리고 조롱함',
  parties: PARTIES_WITHOUT_GUARDIAN,
} satisfies Partial<FileCaseInput>;

async function fileAt(categories: FileCaseInput['categories'] = ['cyberbullying']) {
  return fileCase(fileCaseInput.parse(intake(schoolId, { ...ONLINE_INCIDENT, categories })), ctx(teacher, '2026-03-02T10:05'));
}

const location = (caseId: string, over: Partial<RecordLocationInput> = {}): RecordLocationInput => ({
  caseId,
  platform: 'telegram',
  url: URL_SEEN,
  firstSeenAt: '2026-03-02T08:00',
  firstSeenBy: '피해학생 보호자',
  ...over,
});
const request = (caseId: string, locationId: string, over: Partial<RequestTakedownInput> = {}): RequestTakedownInput => ({
  caseId,
  locationId,
  target: 'dsc',
  requestedAt: '2026-03-02T11:00',
  referenceNo: 'DSC-2026-0042',
  ...over,
});
const change = (caseId: string, requestId: string, version: number, over: Partial<ChangeTakedownStatusInput> = {}): ChangeTakedownStatusInput => ({
  caseId,
  requestId,
  version,
  status: 'in_progress',
  ...over,
});

async function newRequest(caseId: string, actor: Actor = teacher, target: RequestTakedownInput['target'] = 'dsc') {
  const { locationId } = await recordLocation(recordLocationInput.parse(location(caseId)), ctx(actor, '2026-03-02T10:30'));
  const { requestId } = await requestTakedown(requestTakedownInput.parse(request(caseId, locationId, { target })), ctx(actor, '2026-03-02T11:05'));
  return { locationId, requestId };
}

async function auditOf(caseId: string) {
  return db
    .select({ action: auditLog.action, actorId: auditLog.actorId, detail: auditLog.detail, ip: auditLog.ip })
    .from(auditLog)
    .where(and(eq(auditLog.targetId, caseId), like(auditLog.action, 'takedown.%')))
    .orderBy(asc(auditLog.id));
}

async function counts(caseId: string) {
  const [[l], [r], [a]] = await Promise.all([
    db.select({ n: count() }).from(onlineLocations).where(eq(onlineLocations.caseId, caseId)),
    db.select({ n: count() }).from(takedownRequests).where(eq(takedownRequests.caseId, caseId)),
    db
      .select({ n: count() })
      .from(auditLog)
      .where(and(eq(auditLog.targetId, caseId), like(auditLog.action, 'takedown.%'))),
  ]);
  const [u] = await db
    .select({ n: count() })
    .from(takedownUpdates)
    .innerJoin(takedownRequests, eq(takedownRequests.id, takedownUpdates.requestId))
    .where(eq(takedownRequests.caseId, caseId));
  return { locations: l!.n, requests: r!.n, updates: u!.n, audit: a!.n };
}

async function requestRow(requestId: string) {
  const [row] = await db.select().from(takedownRequests).where(eq(takedownRequests.id, requestId));
  return row!;
}

/** The reminders of one request, as (person, due instant) pairs. */
async function remindersOf(requestId: string) {
  const rows = await db
    .select({ email: users.email, dedupeKey: notifications.dedupeKey, kind: notifications.kind, params: notifications.params })
    .from(notifications)
    .innerJoin(users, eq(users.id, notifications.userId))
    .where(like(notifications.dedupeKey, `takedown:${requestId}:%`));
  const order = (r: { dueAt: string | undefined; email: string }) => `${r.dueAt} ${r.email}`;
  return rows.map((r) => ({ ...r, dueAt: r.params.dueAt })).sort((a, b) => (order(a) < order(b) ? -1 : order(a) > order(b) ? 1 : 0));
}

describe('recording online locations', () => {
  it('stores the address and who saw it encrypted, never the clear text, with its audit row', async () => {
    const c = await fileAt();
    const { locationId } = await recordLocation(recordLocationInput.parse(location(c.id)), ctx(teacher, '2026-03-02T10:30'));

    const [row] = await db.select().from(onlineLocations).where(eq(onlineLocations.id, locationId));
    expect(row).toMatchObject({
      caseId: c.id,
      platform: 'telegram',
      firstSeenAt: kst('2026-03-02T08:00'),
      recordedBy: teacher.userId,
      recordedAt: kst('2026-03-02T10:30'),
    });
    expect(row!.urlEnc).not.toContain('t.me');
    expect(row!.firstSeenByEnc).not.toContain('보호자');
    expect(await auditOf(c.id)).toEqual([
      { action: 'takedown.location_recorded', actorId: teacher.userId, detail: { locationId, platform: 'telegram' }, ip: '10.0.0.9' },
    ]);

    const [history] = await loadTakedownHistory(db, c.id);
    expect(history).toMatchObject({ id: locationId, url: URL_SEEN, firstSeenBy: '피해학생 보호자', recordedByName: '김담임', requests: [] });
  });

  it('a location first seen in the future, an auditor, a committee member or another school writes nothing', async () => {
    const c = await fileAt();
    const before = await counts(c.id);
    expect(
      await refusal(recordLocation(recordLocationInput.parse(location(c.id, { firstSeenAt: '2026-03-02T12:00' })), ctx(teacher, '2026-03-02T10:30'))),
    ).toMatchObject({ code: 'invalid_input', fieldErrors: { firstSeenAt: ['futureDate'] } });
    expect(await refusal(recordLocation(recordLocationInput.parse(location(c.id)), ctx(auditor, '2026-03-02T10:30')))).toMatchObject({ code: 'forbidden' });
    expect(await refusal(recordLocation(recordLocationInput.parse(location(c.id)), ctx(member, '2026-03-02T10:30')))).toMatchObject({ code: 'forbidden' });
    expect(await refusal(recordLocation(recordLocationInput.parse(location(c.id)), ctx(elsewhere, '2026-03-02T10:30')))).toMatchObject({ code: 'not_found' });
    expect(recordLocationInput.safeParse(location(c.id, { url: 'javascript:alert(1)' })).success).toBe(false);
    expect(await counts(c.id)).toEqual(before);
  });

  it('on a restricted case a teacher outside the team gets not found, and the team records', async () => {
    const c = await fileAt(['digital_sex_offence']);
    expect(await refusal(recordLocation(recordLocationInput.parse(location(c.id)), ctx(colleague, '2026-03-02T10:30')))).toMatchObject({ code: 'not_found' });
    expect(await refusal(recordLocation(recordLocationInput.parse(location(c.id)), ctx(secretary, '2026-03-02T10:30')))).toMatchObject({ code: 'not_found' });
    expect((await counts(c.id)).locations).toBe(0);
    await recordLocation(recordLocationInput.parse(location(c.id)), ctx(investigator, '2026-03-02T10:30'));
    expect((await counts(c.id)).locations).toBe(1);
  });
});

describe('takedown requests and their status', () => {
  it('a request writes the request, its first history entry and the audit row, and schedules the follow-up 7 days on', async () => {
    const c = await fileAt();
    const { locationId, requestId } = await newRequest(c.id);

    expect(await requestRow(requestId)).toMatchObject({
      caseId: c.id,
      locationId,
      target: 'dsc',
      requestedAt: kst('2026-03-02T11:00'),
      referenceNo: 'DSC-2026-0042',
      status: 'requested',
      statusAt: kst('2026-03-02T11:00'),
      nextReminderAt: kst('2026-03-09T11:00'),
      createdBy: teacher.userId,
      version: 1,
    });
    const updates = await db.select().from(takedownUpdates).where(eq(takedownUpdates.requestId, requestId));
    expect(updates).toMatchObject([{ status: 'requested', at: kst('2026-03-02T11:00'), noteEnc: null, actorId: teacher.userId }]);
    expect((await auditOf(c.id)).map((a) => [a.action, a.detail])).toEqual([
      ['takedown.location_recorded', { locationId, platform: 'telegram' }],
      ['takedown.requested', { requestId, locationId, target: 'dsc' }],
    ]);
  });

  it('bad requests write nothing: before first seen, in the future, a second open request to the same body, a location of another case', async () => {
    const c = await fileAt();
    const other = await fileAt();
    const { locationId } = await newRequest(c.id);
    const before = await counts(c.id);
    expect(
      await refusal(
        requestTakedown(
          requestTakedownInput.parse(request(c.id, locationId, { target: 'platform', requestedAt: '2026-03-02T07:00' })),
          ctx(teacher, '2026-03-02T11:05'),
        ),
      ),
    ).toMatchObject({ code: 'invalid_input', fieldErrors: { requestedAt: ['beforeFirstSeen'] } });
    expect(
      await refusal(
        requestTakedown(
          requestTakedownInput.parse(request(c.id, locationId, { target: 'platform', requestedAt: '2026-03-03T11:00' })),
          ctx(teacher, '2026-03-02T11:05'),
        ),
      ),
    ).toMatchObject({ code: 'invalid_input', fieldErrors: { requestedAt: ['futureDate'] } });
    expect(await refusal(requestTakedown(requestTakedownInput.parse(request(c.id, locationId)), ctx(teacher, '2026-03-02T11:05')))).toMatchObject({
      code: 'conflict',
      fieldErrors: { target: ['duplicateRequest'] },
    });
    expect(
      await refusal(requestTakedown(requestTakedownInput.parse(request(other.id, locationId, { target: 'kcsc' })), ctx(teacher, '2026-03-02T11:05'))),
    ).toMatchObject({ code: 'invalid_input', fieldErrors: { locationId: ['required'] } });
    expect(
      await refusal(requestTakedown(requestTakedownInput.parse(request(c.id, locationId, { target: 'kcsc' })), ctx(auditor, '2026-03-02T11:05'))),
    ).toMatchObject({ code: 'forbidden' });
    expect(await counts(c.id)).toEqual(before);
    expect((await counts(other.id)).requests).toBe(0);
  });

  it('a status change records its history with an encrypted note, bumps the version and restarts the follow-up', async () => {
    const c = await fileAt();
    const { requestId } = await newRequest(c.id);
    const result = await changeTakedownStatus(
      changeTakedownStatusInput.parse(change(c.id, requestId, 1, { at: '2026-03-04T14:00', note: '디성센터 담당자와 통화: 플랫폼에 요청 전달함' })),
      ctx(head, '2026-03-04T14:10'),
    );

    expect(result).toEqual({ status: 'in_progress', version: 2, nextReminderAt: kst('2026-03-11T14:00') });
    expect(await requestRow(requestId)).toMatchObject({
      status: 'in_progress',
      statusAt: kst('2026-03-04T14:00'),
      nextReminderAt: kst('2026-03-11T14:00'),
      version: 2,
    });
    const updates = await db.select().from(takedownUpdates).where(eq(takedownUpdates.requestId, requestId)).orderBy(asc(takedownUpdates.id));
    expect(updates.map((u) => u.status)).toEqual(['requested', 'in_progress']);
    expect(updates[1]!.noteEnc).not.toContain('디성센터');
    expect((await auditOf(c.id)).at(-1)).toEqual({
      action: 'takedown.status_changed',
      actorId: head.userId,
      detail: { requestId, from: 'requested', to: 'in_progress' },
      ip: '10.0.0.9',
    });

    const [loc] = await loadTakedownHistory(db, c.id);
    expect(loc!.requests[0]!.updates.map((u) => [u.status, u.note, u.actorName])).toEqual([
      ['requested', null, '김담임'],
      ['in_progress', '디성센터 담당자와 통화: 플랫폼에 요청 전달함', '박교장'],
    ]);
  });

  it('a stale version is refused and writes nothing', async () => {
    const c = await fileAt();
    const { requestId } = await newRequest(c.id);
    await changeTakedownStatus(changeTakedownStatusInput.parse(change(c.id, requestId, 1)), ctx(teacher, '2026-03-03T09:00'));
    const before = { row: await requestRow(requestId), counts: await counts(c.id) };
    // A colleague's form still shows version 1.
    expect(
      await refusal(
        changeTakedownStatus(changeTakedownStatusInput.parse(change(c.id, requestId, 1, { status: 'removed' })), ctx(investigator, '2026-03-03T09:05')),
      ),
    ).toMatchObject({ code: 'conflict' });
    expect(await requestRow(requestId)).toEqual(before.row);
    expect(await counts(c.id)).toEqual(before.counts);
  });

  it('a transition the machine does not allow, a time before the last change or a second reference number is refused and writes nothing', async () => {
    const c = await fileAt();
    const { requestId } = await newRequest(c.id);
    await changeTakedownStatus(
      changeTakedownStatusInput.parse(change(c.id, requestId, 1, { status: 'removed', at: '2026-03-05T09:00' })),
      ctx(teacher, '2026-03-05T09:10'),
    );
    const before = { row: await requestRow(requestId), counts: await counts(c.id) };
    expect(
      await refusal(changeTakedownStatus(changeTakedownStatusInput.parse(change(c.id, requestId, 2, { status: 'refused' })), ctx(teacher, '2026-03-05T10:00'))),
    ).toMatchObject({ code: 'invalid_transition', fieldErrors: { status: ['notAllowed'] } });
    expect(
      await refusal(
        changeTakedownStatus(
          changeTakedownStatusInput.parse(change(c.id, requestId, 2, { status: 'reuploaded', at: '2026-03-04T09:00' })),
          ctx(teacher, '2026-03-05T10:00'),
        ),
      ),
    ).toMatchObject({ code: 'invalid_input', fieldErrors: { at: ['beforeLastChange'] } });
    expect(
      await refusal(
        changeTakedownStatus(
          changeTakedownStatusInput.parse(change(c.id, requestId, 2, { status: 'reuploaded', referenceNo: 'DSC-2026-9999' })),
          ctx(teacher, '2026-03-05T10:00'),
        ),
      ),
    ).toMatchObject({ code: 'invalid_input', fieldErrors: { referenceNo: ['referenceFixed'] } });
    expect(
      await refusal(
        changeTakedownStatus(changeTakedownStatusInput.parse(change(c.id, requestId, 2, { status: 'reuploaded' })), ctx(member, '2026-03-05T10:00')),
      ),
    ).toMatchObject({ code: 'forbidden' });
    expect(
      await refusal(
        changeTakedownStatus(changeTakedownStatusInput.parse(change(c.id, requestId, 2, { status: 'reuploaded' })), ctx(elsewhere, '2026-03-05T10:00')),
      ),
    ).toMatchObject({ code: 'not_found' });
    expect(await requestRow(requestId)).toEqual(before.row);
    expect(await counts(c.id)).toEqual(before.counts);
  });

  it('a reference number missing at first is added with a later change', async () => {
    const c = await fileAt();
    const { locationId } = await recordLocation(recordLocationInput.parse(location(c.id)), ctx(teacher, '2026-03-02T10:30'));
    const { requestId } = await requestTakedown(requestTakedownInput.parse(request(c.id, locationId, { referenceNo: '' })), ctx(teacher, '2026-03-02T11:05'));
    expect((await requestRow(requestId)).referenceNo).toBeNull();
    await changeTakedownStatus(changeTakedownStatusInput.parse(change(c.id, requestId, 1, { referenceNo: '2026-접수-118' })), ctx(teacher, '2026-03-03T09:00'));
    expect((await requestRow(requestId)).referenceNo).toBe('2026-접수-118');
  });

  it('the case page shows the address only to those who act on it; auditors and committee members see statuses without it', async () => {
    const c = await fileAt();
    const { requestId } = await newRequest(c.id);
    await changeTakedownStatus(
      changeTakedownStatusInput.parse(change(c.id, requestId, 1, { status: 'removed', note: '삭제 확인' })),
      ctx(teacher, '2026-03-06T09:00'),
    );

    const mine = await loadTakedownPanel(c.id, teacher);
    expect(mine.summary).toEqual({ locations: 1, removed: 1, open: 0 });
    expect(mine.mayManage).toBe(true);
    expect(mine.locations[0]).toMatchObject({ url: URL_SEEN, firstSeenBy: '피해학생 보호자' });
    expect(mine.locations[0]!.requests[0]!.allowed).toEqual(['reuploaded']);

    for (const reader of [auditor, member]) {
      const panel = await loadTakedownPanel(c.id, reader);
      expect(panel.summary).toEqual(mine.summary);
      expect(panel.mayManage).toBe(false);
      expect(panel.locations[0]).toMatchObject({ url: null, firstSeenBy: null, platform: 'telegram' });
      expect(panel.locations[0]!.requests[0]).toMatchObject({ status: 'removed', allowed: [] });
      expect(panel.locations[0]!.requests[0]!.updates.map((u) => u.note)).toEqual([null, null]);
      expect(JSON.stringify(panel)).not.toContain('t.me');
    }
    expect(await refusal(loadTakedownPanel(c.id, elsewhere))).toMatchObject({ code: 'not_found' });
  });
});

describe('the takedown reminder sweep', () => {
  it('is idempotent: the same instant twice sends one reminder per person, with one mail each', async () => {
    const c = await fileAt();
    const { requestId } = await newRequest(c.id);
    const due = kst('2026-03-09T11:00');

    await sweepTakedownReminders(kst('2026-03-09T10:59'));
    expect(await remindersOf(requestId)).toEqual([]);

    const first = await sweepTakedownReminders(kst('2026-03-09T11:30'));
    const second = await sweepTakedownReminders(kst('2026-03-09T11:30'));
    const sent = await remindersOf(requestId);
    expect(sent.map((n) => n.email)).toEqual(caseRunners);
    expect(new Set(sent.map((n) => n.dueAt))).toEqual(new Set([due.toISOString()]));
    expect(sent[0]).toMatchObject({
      kind: 'takedown_reminder',
      params: { caseNumber: c.caseNumber, target: 'dsc', status: 'requested', since: kst('2026-03-02T11:00').toISOString() },
    });
    expect(first.notifications).toBeGreaterThanOrEqual(caseRunners.length);
    expect(second).toEqual({ requests: 0, notifications: 0, emails: 0 });
    expect((await requestRow(requestId)).nextReminderAt).toEqual(kst('2026-03-16T11:00'));

    const mails = await db
      .select()
      .from(emailOutbox)
      .where(
        inArray(
          emailOutbox.dedupeKey,
          sent.map((n) => n.dedupeKey),
        ),
      );
    expect(mails.map((m) => m.toAddress).sort()).toEqual(caseRunners);
    for (const m of mails) {
      expect(m.subject).toBe(`[돌봄] ${c.caseNumber} 디지털성범죄피해자지원센터(디성센터) 삭제 요청 확인 필요`);
      // The address of the material never leaves the database in the clear.
      expect(`${m.subject}\n${m.body}`).not.toContain('t.me');
    }
  });

  it('two sweeps at once still send each reminder once, and a third finds nothing', async () => {
    const c = await fileAt();
    const requests = await Promise.all([newRequest(c.id, teacher, 'dsc'), newRequest(c.id, teacher, 'kcsc'), newRequest(c.id, head, 'platform')]);
    const now = kst('2026-03-09T12:00');
    const [a, b] = await Promise.all([sweepTakedownReminders(now, { batchSize: 1 }), sweepTakedownReminders(now, { batchSize: 1 })]);

    let total = 0;
    for (const { requestId } of requests) {
      const sent = await remindersOf(requestId);
      expect(sent.map((n) => n.email)).toEqual(caseRunners);
      total += sent.length;
      expect((await requestRow(requestId)).nextReminderAt).toEqual(kst('2026-03-16T11:00'));
    }
    expect(a.notifications + b.notifications).toBe(total);
    expect(a.emails + b.emails).toBe(total);
    expect(await sweepTakedownReminders(now)).toEqual({ requests: 0, notifications: 0, emails: 0 });
  });

  it('seven days on the next reminder goes out; once removed they stop; a re-upload starts them again', async () => {
    const c = await fileAt();
    const { requestId } = await newRequest(c.id);
    await sweepTakedownReminders(kst('2026-03-09T11:00'));
    await sweepTakedownReminders(kst('2026-03-16T11:00'));
    const dues = async () => [...new Set((await remindersOf(requestId)).map((n) => n.dueAt))];
    expect(await dues()).toEqual([kst('2026-03-09T11:00').toISOString(), kst('2026-03-16T11:00').toISOString()]);

    const { version } = await requestRow(requestId);
    await changeTakedownStatus(
      changeTakedownStatusInput.parse(change(c.id, requestId, version, { status: 'removed', at: '2026-03-18T10:00' })),
      ctx(teacher, '2026-03-18T10:05'),
    );
    expect((await requestRow(requestId)).nextReminderAt).toBeNull();
    await sweepTakedownReminders(kst('2026-03-23T11:00'));
    await sweepTakedownReminders(kst('2026-04-30T11:00'));
    expect(await dues()).toHaveLength(2);

    await changeTakedownStatus(
      changeTakedownStatusInput.parse(change(c.id, requestId, version + 1, { status: 'reuploaded', at: '2026-05-01T09:00' })),
      ctx(investigator, '2026-05-01T09:30'),
    );
    expect((await requestRow(requestId)).nextReminderAt).toEqual(kst('2026-05-08T09:00'));
    await sweepTakedownReminders(kst('2026-05-08T09:00'));
    const reopened = (await remindersOf(requestId)).filter((n) => n.dueAt === kst('2026-05-08T09:00').toISOString());
    expect(reopened.map((n) => n.email)).toEqual(caseRunners);
    expect(reopened[0]!.params).toMatchObject({ status: 'reuploaded', since: kst('2026-05-01T09:00').toISOString() });
  });

  it('a closed request is not chased', async () => {
    const c = await fileAt();
    const { requestId } = await newRequest(c.id);
    await changeTakedownStatus(changeTakedownStatusInput.parse(change(c.id, requestId, 1, { status: 'closed' })), ctx(teacher, '2026-03-03T09:00'));
    await sweepTakedownReminders(kst('2026-04-01T09:00'));
    expect(await remindersOf(requestId)).toEqual([]);
  });

  it('on a restricted case only the team is reminded: not the other teacher of the school, not the secretary', async () => {
    const c = await fileAt(['digital_sex_offence']);
    const { requestId } = await newRequest(c.id, head);
    await sweepTakedownReminders(kst('2026-03-09T11:00'));
    expect((await remindersOf(requestId)).map((n) => n.email)).toEqual(['head@dolbom.demo', 'investigator@dolbom.demo', 'teacher@dolbom.demo']);
  });
});
