import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { cases, offices, schools } from '@/db/schema';
import { seed } from '@/db/seed';
import { actorByEmail, addActorForTest, demoActors, intake } from '@/db/test/fixtures';
import { PERMISSIONS, queryScope } from '@/lib/auth/permissions';
import { SCHOOL_ROLES, type Actor, type Role } from '@/lib/auth/roles';
import { canViewCase } from '@/lib/cases/access';
import { clockSummary } from '@/lib/cases/list';
import { caseListQuery, fileCaseInput, type CaseListQuery } from '@/lib/cases/schemas';
import { fileCase } from '@/lib/cases/service';
import type { Category } from '@/lib/rules';
import { CASE_LIST_PAGE_SIZE, listCases } from './case-list';

const HOUR = 3_600_000;
const now = new Date();
const query = (q: Partial<Record<keyof CaseListQuery, string>> = {}) => caseListQuery.parse(q);
const SCHOOL_HOME = SCHOOL_ROLES;
const OFFICE_HOME = PERMISSIONS['office.view_home'];

/** A fresh office of its own, so the demo cases never land in these lists. */
let officeId: string;
let schoolA: string;
let schoolB: string;
const people = {} as Record<'staffA' | 'staffA2' | 'headA' | 'staffB' | 'investigator' | 'member', Actor>;

const person = (key: string, role: Role, place: { schoolId?: string; officeId?: string }): Promise<Actor> =>
  addActorForTest({ email: `${key}-${randomUUID()}@list.test`, name: key }, { role, schoolId: place.schoolId ?? null, officeId: place.officeId ?? null });

async function file(actor: Actor, schoolId: string, { hoursAgo, categories = ['physical'] }: { hoursAgo: number; categories?: Category[] }) {
  const reportedAt = new Date(now.getTime() - hoursAgo * HOUR).toISOString();
  return fileCase(
    fileCaseInput.parse(
      intake(schoolId, {
        occurredAt: reportedAt,
        reportedAt,
        location: '교실',
        categories,
        summary: '목록 시험용 사안',
        parties: [{ name: '시험피해', role: 'victim', schoolMode: 'own' }],
      }),
    ),
    { actor, ip: null, now: new Date(Date.parse(reportedAt) + 60_000) },
  );
}

const list = (actor: Actor, roles: readonly Role[], q: CaseListQuery = query(), pageSize?: number) =>
  listCases(db, q, { actor, scope: queryScope(actor, roles), now, ...(pageSize ? { pageSize } : {}) });

let fresh: { id: string; caseNumber: string };
let longOverdue: { id: string; caseNumber: string };
let overdue: { id: string; caseNumber: string };
let verbal: { id: string; caseNumber: string };
let closed: { id: string; caseNumber: string };
let sexual: { id: string; caseNumber: string };
const schoolBCases: string[] = [];

beforeAll(async () => {
  await seed();
  const [office] = await db.insert(offices).values({ name: '목록시험교육지원청', shortName: '목록', region: '시험' }).returning({ id: offices.id });
  officeId = office!.id;
  const [a, b] = await db
    .insert(schools)
    .values([
      { officeId, name: '목록중학교', level: 'middle' },
      { officeId, name: '목록초등학교', level: 'elementary' },
    ])
    .returning({ id: schools.id });
  schoolA = a!.id;
  schoolB = b!.id;
  people.staffA = await person('staffA', 'school_staff', { schoolId: schoolA });
  people.staffA2 = await person('staffA2', 'school_staff', { schoolId: schoolA });
  people.headA = await person('headA', 'school_head', { schoolId: schoolA });
  people.staffB = await person('staffB', 'school_staff', { schoolId: schoolB });
  people.investigator = await person('investigator', 'investigator', { officeId });
  people.member = await person('member', 'committee_member', { officeId });

  fresh = await file(people.staffA, schoolA, { hoursAgo: 1 });
  longOverdue = await file(people.staffA, schoolA, { hoursAgo: 72 });
  overdue = await file(people.staffA, schoolA, { hoursAgo: 30 });
  verbal = await file(people.staffA, schoolA, { hoursAgo: 5, categories: ['verbal', 'cyberbullying'] });
  closed = await file(people.staffA, schoolA, { hoursAgo: 200 });
  // No step closes a case yet; closing leaves nothing due, as refreshDeadlines does for a closed case.
  await db.update(cases).set({ status: 'closed', closedAt: now, nextDueAt: null, nextDueKey: null }).where(eq(cases.id, closed.id));
  sexual = await file(people.staffA, schoolA, { hoursAgo: 2, categories: ['sexual_violence'] });
  for (let i = 0; i < CASE_LIST_PAGE_SIZE + 3; i++) schoolBCases.push((await file(people.staffB, schoolB, { hoursAgo: 2 + i })).id);
});

describe('scope', () => {
  it("a school's staff never sees another school's case", async () => {
    const a = await list(people.staffA, SCHOOL_HOME, query({ status: 'all' }), 1000);
    expect(new Set(a.rows.map((r) => r.schoolId))).toEqual(new Set([schoolA]));
    const b = await list(people.staffB, SCHOOL_HOME, query({ status: 'all' }), 1000);
    expect(new Set(b.rows.map((r) => r.schoolId))).toEqual(new Set([schoolB]));
    expect(b.total).toBe(schoolBCases.length);

    const demoTeacher = await actorByEmail('teacher@dolbom.demo');
    const demo = await list(demoTeacher, SCHOOL_HOME, query({ status: 'all' }), 1000);
    expect(demo.total).toBeGreaterThan(0);
    expect(new Set(demo.rows.map((r) => r.schoolId))).toEqual(new Set([demoTeacher.grants[0]!.schoolId]));
  });

  it("office people see their own office's schools and no other office's", async () => {
    const mine = await list(people.investigator, OFFICE_HOME, query({ status: 'all' }), 1000);
    expect(new Set(mine.rows.map((r) => r.schoolId))).toEqual(new Set([schoolA, schoolB]));
    expect(mine.rows.every((r) => r.officeId === officeId)).toBe(true);

    const demoInvestigator = await actorByEmail('investigator@dolbom.demo');
    const theirs = await list(demoInvestigator, OFFICE_HOME, query({ status: 'all' }), 1000);
    expect(theirs.total).toBeGreaterThan(0);
    expect(theirs.rows.every((r) => r.officeId === demoInvestigator.grants[0]!.officeId)).toBe(true);
    expect(theirs.rows.some((r) => r.schoolName === '매탄중학교')).toBe(false);
  });

  it('a list holds exactly the cases canViewCase lets the actor open', async () => {
    const all = await db
      .select({ id: cases.id, schoolId: cases.schoolId, officeId: cases.officeId, restricted: cases.restricted, teamUserIds: cases.teamUserIds })
      .from(cases);
    const demo = await demoActors('teacher', 'head', 'teacher2', 'teacher3', 'investigator', 'secretary', 'member', 'auditor', 'admin');
    for (const actor of [...Object.values(people), ...demo]) {
      const listed = await listCases(db, query({ status: 'all' }), { actor, scope: queryScope(actor), now, pageSize: 10_000 });
      const expected = all.filter((c) => canViewCase(actor, c)).map((c) => c.id);
      expect(listed.rows.map((r) => r.id).sort(), actor.name).toEqual(expected.sort());
    }
  });
});

describe('restricted cases', () => {
  it('a sexual case is listed for the staff member who filed it, the head and the investigator, and hidden from other staff and committee members', async () => {
    const sees = async (actor: Actor, roles: readonly Role[]) =>
      (await list(actor, roles, query({ status: 'all' }), 1000)).rows.some((r) => r.id === sexual.id);
    expect(await sees(people.staffA, SCHOOL_HOME)).toBe(true);
    expect(await sees(people.headA, SCHOOL_HOME)).toBe(true);
    expect(await sees(people.investigator, OFFICE_HOME)).toBe(true);
    expect(await sees(people.staffA2, SCHOOL_HOME)).toBe(false);
    expect(await sees(people.member, OFFICE_HOME)).toBe(false);
    const other = await list(people.staffA2, SCHOOL_HOME, query({ status: 'all' }), 1000);
    expect(other.total).toBe((await list(people.staffA, SCHOOL_HOME, query({ status: 'all' }), 1000)).total - 1);
  });
});

describe('ordering', () => {
  it('breached cases come first, longest overdue first, then the earliest due; a case with nothing due goes last', async () => {
    const { rows } = await list(people.headA, SCHOOL_HOME, query({ status: 'all' }), 1000);
    const order = rows.map((r) => r.id);
    expect(order.slice(0, 2)).toEqual([longOverdue.id, overdue.id]);
    expect(order.indexOf(fresh.id)).toBeGreaterThan(order.indexOf(overdue.id));
    expect(order.at(-1)).toBe(closed.id);

    const summary = (id: string) =>
      clockSummary(
        rows.find((r) => r.id === id)!,
        now,
      );
    expect(summary(longOverdue.id)).toMatchObject({ next: { key: 'guardian_notice', status: 'breached' }, breached: 3 });
    expect(summary(overdue.id)).toMatchObject({ next: { key: 'guardian_notice', status: 'breached' }, breached: 2 });
    expect(summary(fresh.id)).toMatchObject({ next: { key: 'guardian_notice', status: 'pending' }, breached: 0 });
    expect(summary(closed.id)).toEqual({ next: null, breached: 0 });
  });
});

describe('filters and search', () => {
  it('open is the default and leaves closed cases out; closed shows only them', async () => {
    const open = await list(people.headA, SCHOOL_HOME, query(), 1000);
    expect(open.rows.map((r) => r.id)).not.toContain(closed.id);
    const onlyClosed = await list(people.headA, SCHOOL_HOME, query({ status: 'closed' }), 1000);
    expect(onlyClosed.rows.map((r) => r.id)).toEqual([closed.id]);
  });

  it('breached only keeps the cases with a clock past due now', async () => {
    const { rows } = await list(people.headA, SCHOOL_HOME, query({ breached: '1' }), 1000);
    expect(rows.map((r) => r.id).sort()).toEqual([longOverdue.id, overdue.id].sort());
    expect(rows.every((r) => clockSummary(r, now).breached > 0)).toBe(true);
  });

  it('a category keeps the cases that carry it among their categories', async () => {
    const { rows } = await list(people.headA, SCHOOL_HOME, query({ category: 'cyberbullying' }), 1000);
    expect(rows.map((r) => r.id)).toEqual([verbal.id]);
  });

  it('the case-number search matches any part of the number and treats % and _ literally', async () => {
    const hit = await list(people.headA, SCHOOL_HOME, query({ q: fresh.caseNumber.slice(-6), status: 'all' }), 1000);
    expect(hit.rows.map((r) => r.caseNumber)).toEqual([fresh.caseNumber]);
    const prefix = await list(people.headA, SCHOOL_HOME, query({ q: '목록-', status: 'all' }), 1000);
    expect(prefix.total).toBe(6);
    expect((await list(people.headA, SCHOOL_HOME, query({ q: '%', status: 'all' }), 1000)).total).toBe(0);
    expect((await list(people.headA, SCHOOL_HOME, query({ q: '목록-____-', status: 'all' }), 1000)).total).toBe(0);
  });
});

describe('pagination', () => {
  it('20 to a page, the last page holds the rest, and a page past the end shows the last page', async () => {
    const total = schoolBCases.length;
    const first = await list(people.staffB, SCHOOL_HOME, query());
    expect(first).toMatchObject({ total, page: 1, pageCount: 2, pageSize: 20 });
    expect(first.rows).toHaveLength(20);
    const second = await list(people.staffB, SCHOOL_HOME, query({ page: '2' }));
    expect(second.rows).toHaveLength(total - 20);
    expect(new Set([...first.rows, ...second.rows].map((r) => r.id))).toEqual(new Set(schoolBCases));
    const beyond = await list(people.staffB, SCHOOL_HOME, query({ page: '9' }));
    expect(beyond.page).toBe(2);
    expect(beyond.rows.map((r) => r.id)).toEqual(second.rows.map((r) => r.id));
  });

  it('filters narrow the count the pages are made of', async () => {
    const none = await list(people.staffB, SCHOOL_HOME, query({ category: 'extortion' }));
    expect(none).toMatchObject({ total: 0, page: 1, pageCount: 1, rows: [] });
  });
});
