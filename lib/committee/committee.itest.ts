import { randomUUID } from 'node:crypto';
import { and, asc, count, eq, like } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { addActorForTest, advanceCaseForTest, demoActors, intake } from '@/db/test/fixtures';
import { auditLog, caseDocuments, caseEvents, caseParties, cases, committeeMembers, hearings, offices } from '@/db/schema';
import { seed } from '@/db/seed';
import type { Actor } from '@/lib/auth/roles';
import { fileCaseInput } from '@/lib/cases/schemas';
import { fileCase, viewCase } from '@/lib/cases/service';
import { decrypt } from '@/lib/crypto/keys';
import { extendCommittee } from './extend-committee';
import { buildHearingInvite } from './hearing-invite';
import { addMember, listMembers, setMemberActive } from './members';
import { recordHearing } from './record-hearing';
import { recordMemberConflict } from './record-member-conflict';
import { parentShareOk } from './rules';
import { scheduleHearing } from './schedule-hearing';
import {
  addMemberInput,
  extendCommitteeInput,
  recordHearingInput,
  recordMemberConflictInput,
  scheduleHearingInput,
  sendHearingNoticeInput,
  type RecordHearingInput,
} from './schemas';
import { sendHearingNotice } from './send-hearing-notice';

let secretary: Actor;
let member: Actor;
let teacher: Actor;
let otherTeacher: Actor;
let admin: Actor;
let otherSecretary: Actor;
let officeId: string;
let otherOfficeId: string;
let schoolId: string;
/** Five active members of 강남서초: 2 parents, a teacher, a lawyer, a police officer. */
let pool: string[];

const at = (kst: string) => new Date(`${kst}+09:00`);
const ctx = (actor: Actor, now: string) => ({ actor, ip: null, now: at(now) });
/** The committee was asked for on 2026-04-01 09:00: day 21 is Wednesday 04-22, so the meeting is due 04-23 00:00 KST. */
const REQUESTED = '2026-04-01T09:00:00';
const DUE = '2026-04-23T00:00:00+09:00';
const TEXT = { summary: (n: string) => `심의 ${n}`, description: (n: string) => `사건번호 ${n}` };

beforeAll(async () => {
  await seed();
  [secretary, member, teacher, otherTeacher, admin] = await demoActors('secretary', 'member', 'teacher', 'teacher2', 'admin');
  officeId = secretary.grants[0]!.officeId!;
  schoolId = teacher.grants[0]!.schoolId!;
  const [suwon] = await db.select({ id: offices.id }).from(offices).where(eq(offices.shortName, '수원'));
  otherOfficeId = suwon!.id;
  otherSecretary = await addActorForTest(
    { email: 'secretary-suwon@test', name: '수원간사', passwordHash: 'x' },
    { role: 'committee_secretary', officeId: otherOfficeId, schoolId: null },
  );

  pool = [];
  for (const [name, category] of [
    ['위원가', 'parent'],
    ['위원나', 'parent'],
    ['위원다', 'teacher'],
    ['위원라', 'lawyer'],
    ['위원마', 'police'],
  ] as const) {
    pool.push((await addMember(addMemberInput.parse({ officeId, name, category }), ctx(secretary, '2026-03-01T09:00:00'))).id);
  }
});

/** A case of 대치중학교 (2 parties) the school head sent to the committee on 2026-04-01. */
async function committeeCase(): Promise<{ id: string; caseNumber: string; victim: string; perpetrator: string }> {
  const filed = await fileCase(
    fileCaseInput.parse(intake(schoolId, { occurredAt: '2026-03-30T09:30', reportedAt: '2026-03-30T10:00' })),
    ctx(teacher, '2026-03-30T12:00:00'),
  );
  await advanceCaseForTest(filed.id, 'committee_requested', [{ type: 'committee_requested', occurredAt: at(REQUESTED) }]);
  const parties = await db
    .select({ id: caseParties.id, role: caseParties.role })
    .from(caseParties)
    .where(eq(caseParties.caseId, filed.id))
    .orderBy(asc(caseParties.position));
  return { id: filed.id, caseNumber: filed.caseNumber, victim: parties[0]!.id, perpetrator: parties[1]!.id };
}

const schedule = (
  caseId: string,
  scheduledAt: string,
  extra: { panel?: string[]; acknowledgeLate?: boolean } = {},
  actor = secretary,
  now = '2026-04-10T10:00:00',
) => scheduleHearing(scheduleHearingInput.parse({ caseId, scheduledAt, location: '교육지원청 3층 회의실', panel: pool, ...extra }), ctx(actor, now));

function hearingInput(c: { id: string; victim: string; perpetrator: string }, overrides: Partial<RecordHearingInput> = {}): RecordHearingInput {
  return {
    caseId: c.id,
    occurredAt: '2026-04-21T16:00',
    presentMemberIds: pool.slice(0, 3),
    parties: [
      { partyId: c.victim, mode: 'in_person' },
      { partyId: c.perpetrator, mode: 'video' },
    ],
    victimRequestedExpert: false,
    victimStatement: '피해 측 진술',
    perpetratorStatement: '가해 측 진술',
    minutes: '회의록 본문',
    ...overrides,
  };
}
const record = (c: { id: string; victim: string; perpetrator: string }, overrides: Partial<RecordHearingInput> = {}) =>
  recordHearing(recordHearingInput.parse(hearingInput(c, overrides)), ctx(secretary, '2026-04-21T18:00:00'));

async function snapshot(caseId: string) {
  const [[e], [a], [d], h, [c]] = await Promise.all([
    db.select({ n: count() }).from(caseEvents).where(eq(caseEvents.caseId, caseId)),
    db.select({ n: count() }).from(auditLog),
    db.select({ n: count() }).from(caseDocuments).where(eq(caseDocuments.caseId, caseId)),
    db.select().from(hearings).where(eq(hearings.caseId, caseId)),
    db.select({ status: cases.status, version: cases.version }).from(cases).where(eq(cases.id, caseId)),
  ]);
  return { events: e!.n, audit: a!.n, documents: d!.n, hearings: h, case: c };
}

async function eventsOf(caseId: string, type: string) {
  return db
    .select()
    .from(caseEvents)
    .where(and(eq(caseEvents.caseId, caseId), eq(caseEvents.type, type)));
}

async function committeeDue(caseId: string, now = '2026-04-10T10:00:00') {
  const view = await viewCase(caseId, ctx(secretary, now));
  return view.deadlines.find((d) => d.key === 'committee_meeting')!;
}

describe('scheduling the hearing', () => {
  it('a hearing inside the committee_meeting deadline is scheduled with its panel', async () => {
    const c = await committeeCase();
    expect((await committeeDue(c.id)).dueAt).toBe(DUE);
    const r = await schedule(c.id, '2026-04-21T14:00');
    expect(r).toMatchObject({ afterDeadline: false, rescheduled: false });
    const [h] = await db.select().from(hearings).where(eq(hearings.caseId, c.id));
    expect(h).toMatchObject({ status: 'scheduled', location: '교육지원청 3층 회의실', panel: pool });
    expect(h!.scheduledAt.toISOString()).toBe('2026-04-21T05:00:00.000Z');
    const [c2] = await db.select({ status: cases.status }).from(cases).where(eq(cases.id, c.id));
    expect(c2!.status).toBe('hearing_scheduled');
    const [e] = await eventsOf(c.id, 'hearing_scheduled');
    expect(e!.data).toEqual({
      scheduledAt: '2026-04-21T05:00:00.000Z',
      location: '교육지원청 3층 회의실',
      panelSize: 5,
      rescheduled: false,
      afterDeadline: false,
    });
  });

  it('a date after the deadline is refused without acknowledgement, and nothing is written', async () => {
    const c = await committeeCase();
    const before = await snapshot(c.id);
    await expect(schedule(c.id, '2026-04-23T14:00')).rejects.toMatchObject({ code: 'invalid_input', fieldErrors: { scheduledAt: ['afterDeadline'] } });
    expect(await snapshot(c.id)).toEqual(before);

    const r = await schedule(c.id, '2026-04-23T14:00', { acknowledgeLate: true });
    expect(r.afterDeadline).toBe(true);
    const [e] = await eventsOf(c.id, 'hearing_scheduled');
    expect(e!.data.afterDeadline).toBe(true);
  });

  it('rescheduling moves the same hearing and records a new event', async () => {
    const c = await committeeCase();
    const first = await schedule(c.id, '2026-04-20T14:00');
    const second = await schedule(c.id, '2026-04-21T10:00', { panel: pool.slice(0, 3) });
    expect(second).toMatchObject({ hearingId: first.hearingId, rescheduled: true });
    const rows = await db.select().from(hearings).where(eq(hearings.caseId, c.id));
    expect(rows).toHaveLength(1);
    expect(rows[0]!.panel).toEqual(pool.slice(0, 3));
    expect(await eventsOf(c.id, 'hearing_scheduled')).toHaveLength(2);
  });

  it('the panel is drawn from the active members of the case’s office', async () => {
    const c = await committeeCase();
    const stranger = await addMember(
      addMemberInput.parse({ officeId: otherOfficeId, name: '수원위원', category: 'parent' }),
      ctx(admin, '2026-03-01T09:00:00'),
    );
    await expect(schedule(c.id, '2026-04-21T14:00', { panel: [...pool, stranger.id] })).rejects.toMatchObject({ fieldErrors: { panel: ['unknownMember'] } });
    const retired = await addMember(addMemberInput.parse({ officeId, name: '퇴임위원', category: 'doctor' }), ctx(secretary, '2026-03-01T09:00:00'));
    await setMemberActive({ memberId: retired.id, active: false }, ctx(secretary, '2026-03-02T09:00:00'));
    await expect(schedule(c.id, '2026-04-21T14:00', { panel: [...pool, retired.id] })).rejects.toMatchObject({ fieldErrors: { panel: ['inactiveMember'] } });
  });

  it('only the office’s committee secretary schedules', async () => {
    const c = await committeeCase();
    await expect(schedule(c.id, '2026-04-21T14:00', {}, member)).rejects.toMatchObject({ code: 'forbidden' });
    await expect(schedule(c.id, '2026-04-21T14:00', {}, teacher)).rejects.toMatchObject({ code: 'forbidden' });
    await expect(schedule(c.id, '2026-04-21T14:00', {}, otherSecretary)).rejects.toMatchObject({ code: 'not_found' });
  });
});

describe('extending the committee clock', () => {
  it('an extension with a reason moves committee_meeting by 7 days, once', async () => {
    const c = await committeeCase();
    const r = await extendCommittee(extendCommitteeInput.parse({ caseId: c.id, reason: 'member_shortage' }), ctx(secretary, '2026-04-15T10:00:00'));
    expect(r.dueAt).toBe('2026-04-30T00:00:00+09:00');
    expect(new Date(r.dueAt!).getTime() - new Date(DUE).getTime()).toBe(7 * 86_400_000);
    expect((await committeeDue(c.id, '2026-04-15T10:00:00')).dueAt).toBe('2026-04-30T00:00:00+09:00');
    const [e] = await eventsOf(c.id, 'committee_extended');
    expect(e!.data).toEqual({ reason: 'member_shortage' });

    const before = await snapshot(c.id);
    await expect(
      extendCommittee(extendCommitteeInput.parse({ caseId: c.id, reason: 'party_request' }), ctx(secretary, '2026-04-16T10:00:00')),
    ).rejects.toMatchObject({
      code: 'invalid_transition',
    });
    expect(await snapshot(c.id)).toEqual(before);
  });

  it('an extension after the 21 days ran out is refused, writes nothing, and the late meeting stays breached', async () => {
    const c = await committeeCase();
    const before = await snapshot(c.id);
    await expect(
      extendCommittee(extendCommitteeInput.parse({ caseId: c.id, reason: 'member_shortage' }), ctx(secretary, '2026-04-24T10:00:00')),
    ).rejects.toMatchObject({ code: 'deadline_passed', fieldErrors: { _form: ['extensionAfterDeadline'] } });
    expect(await snapshot(c.id)).toEqual(before);
    expect(await eventsOf(c.id, 'committee_extended')).toHaveLength(0);
    expect((await committeeDue(c.id, '2026-04-24T10:00:00')).status).toBe('breached');
  });

  it('after the extension, a date in the extra week needs no acknowledgement', async () => {
    const c = await committeeCase();
    await extendCommittee(extendCommitteeInput.parse({ caseId: c.id, reason: 'other', note: '위원 다수 출장' }), ctx(secretary, '2026-04-15T10:00:00'));
    await expect(schedule(c.id, '2026-04-28T14:00', {}, secretary, '2026-04-15T11:00:00')).resolves.toMatchObject({ afterDeadline: false });
  });
});

describe('conflicts of members (제척·기피·회피)', () => {
  it('a related member cannot sit, and quorum counts the members who may', async () => {
    const c = await committeeCase();
    await schedule(c.id, '2026-04-21T14:00');
    const r = await recordMemberConflict(
      recordMemberConflictInput.parse({ caseId: c.id, occurredAt: '2026-04-15T10:00', memberId: pool[0], kind: 'related', note: '피해학생 김피해의 삼촌' }),
      ctx(secretary, '2026-04-15T10:00:00'),
    );
    expect(r.excluded).toBe(true);

    // The related member's presence is refused outright.
    await expect(record(c, { presentMemberIds: pool.slice(0, 3) })).rejects.toMatchObject({ fieldErrors: { presentMemberIds: ['memberExcluded'] } });
    // 2 of the 4 who may sit is no majority; 3 is.
    await expect(record(c, { presentMemberIds: pool.slice(1, 3) })).rejects.toMatchObject({ fieldErrors: { presentMemberIds: ['quorumNotMet'] } });
    await record(c, { presentMemberIds: pool.slice(1, 4) });
    const [h] = await db.select().from(hearings).where(eq(hearings.caseId, c.id));
    expect(h!.attendance).toMatchObject({ members: { present: pool.slice(1, 4), absent: [pool[4]], excluded: [pool[0]] } });

    // The note names a student: it is stored encrypted, not in the event.
    const [e] = await eventsOf(c.id, 'member_conflict_recorded');
    expect(e!.data).toEqual({ memberId: pool[0], kind: 'related', outcome: 'excluded', excluded: true });
    const [note] = await db
      .select()
      .from(caseDocuments)
      .where(and(eq(caseDocuments.caseId, c.id), eq(caseDocuments.kind, 'member_conflict_note')));
    expect(note!.bodyEnc).not.toContain('김피해');
    expect(decrypt(note!.bodyEnc)).toBe('피해학생 김피해의 삼촌');
  });

  it('a party’s challenge is recorded with its outcome: upheld excludes, rejected does not', async () => {
    const c = await committeeCase();
    await schedule(c.id, '2026-04-21T14:00');
    const challenge = (memberId: string, outcome: 'upheld' | 'rejected', raisedByPartyId = c.perpetrator) =>
      recordMemberConflict(
        recordMemberConflictInput.parse({ caseId: c.id, occurredAt: '2026-04-15T10:00', memberId, kind: 'challenge', raisedByPartyId, outcome }),
        ctx(secretary, '2026-04-15T10:00:00'),
      );
    expect((await challenge(pool[3]!, 'rejected')).excluded).toBe(false);
    expect((await challenge(pool[4]!, 'upheld')).excluded).toBe(true);
    const [e] = (await eventsOf(c.id, 'member_conflict_recorded')).filter((x) => x.data.memberId === pool[4]);
    expect(e!.data).toMatchObject({ kind: 'challenge', outcome: 'upheld', raisedByPartyId: c.perpetrator });

    const other = await committeeCase();
    await expect(challenge(pool[2]!, 'upheld', other.victim)).rejects.toMatchObject({ fieldErrors: { raisedByPartyId: ['notOnCase'] } });
    // The member challenged and rejected may sit: 3 of the 4 sitting (pool 0–3) opens.
    await expect(record(c, { presentMemberIds: [pool[0]!, pool[1]!, pool[3]!] })).resolves.toBeTruthy();
  });

  it('a conflict needs a scheduled hearing and a member on its panel', async () => {
    const c = await committeeCase();
    const conflict = (memberId: string) =>
      recordMemberConflict(
        recordMemberConflictInput.parse({ caseId: c.id, occurredAt: '2026-04-15T10:00', memberId, kind: 'recusal' }),
        ctx(secretary, '2026-04-15T10:00:00'),
      );
    await expect(conflict(pool[0]!)).rejects.toMatchObject({ code: 'invalid_transition' });
    await schedule(c.id, '2026-04-21T14:00', { panel: pool.slice(0, 3) });
    await expect(conflict(pool[4]!)).rejects.toMatchObject({ fieldErrors: { memberId: ['notOnPanel'] } });
  });
});

describe('recording the hearing', () => {
  it('quorum failure writes nothing', async () => {
    const c = await committeeCase();
    await schedule(c.id, '2026-04-21T14:00');
    const before = await snapshot(c.id);
    await expect(record(c, { presentMemberIds: pool.slice(0, 2) })).rejects.toMatchObject({
      code: 'invalid_input',
      fieldErrors: { presentMemberIds: ['quorumNotMet'] },
    });
    expect(await snapshot(c.id)).toEqual(before);
  });

  it('hearing_held meets committee_meeting, and the texts are stored encrypted', async () => {
    const c = await committeeCase();
    await schedule(c.id, '2026-04-21T14:00');
    await record(c, { victimRequestedExpert: true, expertOpinion: '정신건강의학과 전문의 의견' });
    const due = await committeeDue(c.id, '2026-04-22T10:00:00');
    expect(due).toMatchObject({ status: 'met', metAt: '2026-04-21T16:00:00+09:00' });
    const [h] = await db.select().from(hearings).where(eq(hearings.caseId, c.id));
    expect(h).toMatchObject({
      status: 'held',
      attendance: {
        expertRequested: true,
        parties: [
          { partyId: c.victim, mode: 'in_person' },
          { partyId: c.perpetrator, mode: 'video' },
        ],
      },
    });
    expect(h!.heldAt!.toISOString()).toBe('2026-04-21T07:00:00.000Z');
    const docs = await db
      .select()
      .from(caseDocuments)
      .where(and(eq(caseDocuments.caseId, c.id), eq(caseDocuments.refId, h!.id)));
    expect(Object.fromEntries(docs.map((d) => [d.kind, decrypt(d.bodyEnc)]))).toEqual({
      statement_victim_side: '피해 측 진술',
      statement_perpetrator_side: '가해 측 진술',
      expert_opinion: '정신건강의학과 전문의 의견',
      hearing_minutes: '회의록 본문',
    });
    expect(docs.map((d) => d.bodyEnc).join()).not.toContain('진술');
    const [e] = await eventsOf(c.id, 'hearing_held');
    expect(e!.data).toMatchObject({ hearingId: h!.id, panelSize: 5, sittingCount: 5, presentCount: 3, expertRequested: true });
    expect(JSON.stringify(e!.data)).not.toMatch(/김피해|박가해|진술|회의록/);
  });

  it('each side attending must have its statement; a side that stayed away need not', async () => {
    const c = await committeeCase();
    await schedule(c.id, '2026-04-21T14:00');
    await expect(record(c, { perpetratorStatement: '' })).rejects.toMatchObject({ fieldErrors: { perpetratorStatement: ['statementRequired'] } });
    await expect(record(c, { parties: [{ partyId: c.victim, mode: 'in_person' }] })).rejects.toMatchObject({
      fieldErrors: { parties: ['attendanceRequired'] },
    });
    await expect(
      record(c, {
        perpetratorStatement: '',
        parties: [
          { partyId: c.victim, mode: 'written' },
          { partyId: c.perpetrator, mode: 'absent' },
        ],
      }),
    ).resolves.toBeTruthy();
  });

  it('a hearing cannot be recorded as held before its scheduled day', async () => {
    const c = await committeeCase();
    await schedule(c.id, '2026-04-21T14:00');
    await expect(record(c, { occurredAt: '2026-04-20T16:00' })).rejects.toMatchObject({ fieldErrors: { occurredAt: ['beforeScheduledDay'] } });
  });

  it('after the hearing, it cannot be held again, moved or the clock extended', async () => {
    const c = await committeeCase();
    await schedule(c.id, '2026-04-21T14:00');
    await record(c);
    await expect(record(c)).rejects.toMatchObject({ code: 'invalid_transition' });
    await expect(schedule(c.id, '2026-04-22T14:00', {}, secretary, '2026-04-21T19:00:00')).rejects.toMatchObject({ code: 'invalid_transition' });
    await expect(
      extendCommittee(extendCommitteeInput.parse({ caseId: c.id, reason: 'party_request' }), ctx(secretary, '2026-04-21T19:00:00')),
    ).rejects.toMatchObject({ code: 'invalid_transition' });
  });
});

describe('notices and the calendar invite', () => {
  it('a notice records which parties were told and how', async () => {
    const c = await committeeCase();
    await expect(
      sendHearingNotice(
        sendHearingNoticeInput.parse({ caseId: c.id, occurredAt: '2026-04-11T10:00', partyIds: [c.victim], method: 'post' }),
        ctx(secretary, '2026-04-11T10:00:00'),
      ),
    ).rejects.toMatchObject({
      code: 'invalid_transition',
    });
    await schedule(c.id, '2026-04-21T14:00');
    await sendHearingNotice(
      sendHearingNoticeInput.parse({ caseId: c.id, occurredAt: '2026-04-11T10:00', partyIds: [c.victim, c.perpetrator], method: 'post' }),
      ctx(secretary, '2026-04-11T10:00:00'),
    );
    const [e] = await eventsOf(c.id, 'hearing_notice_sent');
    expect(e!.data).toEqual({ partyIds: [c.victim, c.perpetrator], method: 'post', hearingAt: '2026-04-21T05:00:00.000Z' });
    const other = await committeeCase();
    await expect(
      sendHearingNotice(
        sendHearingNoticeInput.parse({ caseId: c.id, occurredAt: '2026-04-11T10:00', partyIds: [other.victim], method: 'email' }),
        ctx(secretary, '2026-04-11T10:00:00'),
      ),
    ).rejects.toMatchObject({
      fieldErrors: { partyIds: ['notOnCase'] },
    });
  });

  it('the invite names the case by number only, and only the case’s people get it', async () => {
    const c = await committeeCase();
    await expect(buildHearingInvite(c.id, TEXT, ctx(secretary, '2026-04-12T09:00:00'))).rejects.toMatchObject({ code: 'not_found' });
    await schedule(c.id, '2026-04-21T14:00');
    const invite = await buildHearingInvite(c.id, TEXT, ctx(secretary, '2026-04-12T09:00:00'));
    expect(invite.fileName).toBe(`hearing-${c.caseNumber}.ics`);
    expect(invite.body).toContain('DTSTART:20260421T050000Z');
    expect(invite.body).toContain('DTSTAMP:20260412T000000Z');
    expect(invite.body.replace(/\r\n /g, '')).toContain(`SUMMARY:심의 ${c.caseNumber}`);
    expect(invite.body).not.toMatch(/김피해|박가해|김보호|위원가/);
    const [audit] = await db
      .select({ action: auditLog.action, detail: auditLog.detail, actorId: auditLog.actorId })
      .from(auditLog)
      .where(and(eq(auditLog.targetId, c.id), eq(auditLog.action, 'case.hearing_ics_downloaded')));
    expect(audit).toMatchObject({ actorId: secretary.userId, detail: { hearingId: expect.any(String) } });

    await expect(buildHearingInvite(c.id, TEXT, ctx(teacher, '2026-04-12T09:00:00'))).resolves.toBeTruthy();
    await expect(buildHearingInvite(c.id, TEXT, ctx(member, '2026-04-12T09:00:00'))).resolves.toBeTruthy();
    await expect(buildHearingInvite(c.id, TEXT, ctx(otherTeacher, '2026-04-12T09:00:00'))).rejects.toMatchObject({ code: 'not_found' });
    await expect(buildHearingInvite(c.id, TEXT, ctx(otherSecretary, '2026-04-12T09:00:00'))).rejects.toMatchObject({ code: 'not_found' });
    await expect(buildHearingInvite(c.id, TEXT, ctx(admin, '2026-04-12T09:00:00'))).rejects.toMatchObject({ code: 'not_found' });
    await expect(buildHearingInvite(randomUUID(), TEXT, ctx(secretary, '2026-04-12T09:00:00'))).rejects.toMatchObject({ code: 'not_found' });
  });
});

describe('audit', () => {
  it('every committee step writes its audit row in the same transaction', async () => {
    const c = await committeeCase();
    await schedule(c.id, '2026-04-20T14:00');
    await extendCommittee(extendCommitteeInput.parse({ caseId: c.id, reason: 'supplementary_investigation' }), ctx(secretary, '2026-04-10T11:00:00'));
    await recordMemberConflict(
      recordMemberConflictInput.parse({ caseId: c.id, occurredAt: '2026-04-10T11:00', memberId: pool[4], kind: 'recusal' }),
      ctx(secretary, '2026-04-10T11:00:00'),
    );
    await sendHearingNotice(
      sendHearingNoticeInput.parse({ caseId: c.id, occurredAt: '2026-04-10T11:00', partyIds: [c.victim], method: 'email' }),
      ctx(secretary, '2026-04-10T11:00:00'),
    );
    await record(c);
    const rows = await db
      .select({ action: auditLog.action, detail: auditLog.detail, actorId: auditLog.actorId })
      .from(auditLog)
      .where(and(eq(auditLog.targetId, c.id), like(auditLog.action, 'case.%')))
      .orderBy(asc(auditLog.id));
    const steps = rows.filter((r) => r.action !== 'case.viewed' && r.action !== 'case.filed');
    expect(steps.map((r) => r.action)).toEqual([
      'case.hearing_scheduled',
      'case.committee_extended',
      'case.member_conflict_recorded',
      'case.hearing_notice_sent',
      'case.hearing_held',
    ]);
    expect(steps.every((r) => r.actorId === secretary.userId)).toBe(true);
    expect(steps[0]!.detail).toMatchObject({ step: 'schedule_hearing', fromStatus: 'committee_requested', toStatus: 'hearing_scheduled' });
  });
});

describe('the member pool', () => {
  it('the office secretary adds and deactivates members, each change audited', async () => {
    const { id } = await addMember(addMemberInput.parse({ officeId, name: '위원바', category: 'doctor' }), ctx(secretary, '2026-03-05T09:00:00'));
    await setMemberActive({ memberId: id, active: false }, ctx(secretary, '2026-03-06T09:00:00'));
    const [row] = await db.select().from(committeeMembers).where(eq(committeeMembers.id, id));
    expect(row!.active).toBe(false);
    const audit = await db
      .select({ action: auditLog.action, detail: auditLog.detail })
      .from(auditLog)
      .where(eq(auditLog.targetId, id))
      .orderBy(asc(auditLog.id));
    expect(audit).toEqual([
      { action: 'committee.member_added', detail: { officeId, category: 'doctor' } },
      { action: 'committee.member_updated', detail: { officeId, active: false } },
    ]);
  });

  it('another office’s secretary and committee members cannot touch the pool', async () => {
    await expect(
      addMember(addMemberInput.parse({ officeId, name: 'x', category: 'parent' }), ctx(otherSecretary, '2026-03-05T09:00:00')),
    ).rejects.toMatchObject({ code: 'forbidden' });
    await expect(addMember(addMemberInput.parse({ officeId, name: 'x', category: 'parent' }), ctx(member, '2026-03-05T09:00:00'))).rejects.toMatchObject({
      code: 'forbidden',
    });
    await expect(setMemberActive({ memberId: pool[0]!, active: false }, ctx(otherSecretary, '2026-03-05T09:00:00'))).rejects.toMatchObject({
      code: 'not_found',
    });
    await expect(listMembers(otherSecretary, officeId)).rejects.toMatchObject({ code: 'not_found' });
    await expect(listMembers(admin, officeId)).resolves.toBeTruthy();
  });

  it('the parent-share warning follows the active members', async () => {
    const [s] = await db.insert(offices).values({ name: '테스트교육지원청', shortName: '테스트', region: '서울' }).returning({ id: offices.id });
    const add = (category: 'parent' | 'teacher') =>
      addMember(addMemberInput.parse({ officeId: s!.id, name: `위원-${category}`, category }), ctx(admin, '2026-03-05T09:00:00'));
    const p = await add('parent');
    await add('teacher');
    await add('teacher');
    expect(parentShareOk(await listMembers(admin, s!.id))).toBe(true);
    await add('teacher');
    expect(parentShareOk(await listMembers(admin, s!.id))).toBe(false);
    await setMemberActive({ memberId: p.id, active: false }, ctx(admin, '2026-03-06T09:00:00'));
    const [{ n }] = (await db
      .select({ n: count() })
      .from(committeeMembers)
      .where(and(eq(committeeMembers.officeId, s!.id), eq(committeeMembers.active, true)))) as [{ n: number }];
    expect(n).toBe(3);
    expect(parentShareOk(await listMembers(admin, s!.id))).toBe(false);
  });
});
