import { count, eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { demoActors, intake, rowCounts } from '@/db/test/fixtures';
import { auditLog, caseEvents, caseParties, cases } from '@/db/schema';
import { seed } from '@/db/seed';
import type { Actor } from '@/lib/auth/roles';
import { DomainError } from '@/lib/errors';
import { caseStepInput, fileCaseInput } from './schemas';
import { fileCase, recordStep, viewCase } from './service';

let teacher: Actor;
let otherTeacher: Actor;
let auditor: Actor;
let schoolId: string;

beforeAll(async () => {
  await seed();
  [teacher, otherTeacher, auditor] = await demoActors('teacher', 'teacher2', 'auditor');
  schoolId = teacher.grants[0]!.schoolId!;
});

const now = new Date('2026-03-02T02:00:00Z'); // 11:00 KST

const tableCounts = () => rowCounts({ cases, parties: caseParties, events: caseEvents, audit: auditLog });

describe('filing a case', () => {
  it('files a case with a per-office, per-year number and an audit row', async () => {
    const r = await fileCase(fileCaseInput.parse(intake(schoolId)), { actor: teacher, ip: null, now });
    expect(r.created).toBe(true);
    expect(r.caseNumber).toMatch(/^강남서초-2026-\d{4}$/);
    const [audit] = await db.select().from(auditLog).where(eq(auditLog.targetId, r.id));
    expect(audit!.action).toBe('case.filed');
    const events = await db.select().from(caseEvents).where(eq(caseEvents.caseId, r.id));
    expect(events.map((e) => e.type).sort()).toEqual(['case_filed', 'contact_ban_in_force']);
  });

  it('a double submit with the same key gives one case', async () => {
    const input = fileCaseInput.parse(intake(schoolId));
    const [a, b] = await Promise.all([fileCase(input, { actor: teacher, ip: null, now }), fileCase(input, { actor: teacher, ip: null, now })]);
    expect(a.id).toBe(b.id);
    expect([a.created, b.created].sort()).toEqual([false, true]);
    const [n] = await db.select({ n: count() }).from(cases).where(eq(cases.idempotencyKey, input.idempotencyKey));
    expect(n!.n).toBe(1);
  });

  it('names, guardians and the summary are ciphertext in the table', async () => {
    const r = await fileCase(fileCaseInput.parse(intake(schoolId)), { actor: teacher, ip: null, now });
    const dump = await db.execute(
      sql`select row_to_json(p)::text as j from case_parties p where case_id = ${r.id} union all select row_to_json(c)::text from cases c where id = ${r.id}`,
    );
    const text = dump.map((r) => String(r.j)).join('\n');
    for (const secret of ['김피해', '박가해', '김보호', '010-1111-2222', '밀치고']) expect(text).not.toContain(secret);
  });

  it('bad input is refused by the schema, and a forbidden school writes nothing', async () => {
    const before = await tableCounts();
    const bad = fileCaseInput.safeParse(intake(schoolId, { parties: [{ name: '증인', role: 'witness', schoolMode: 'own' }], categories: [] }));
    expect(bad.success).toBe(false);
    const paths = bad.success ? [] : bad.error.issues.map((i) => i.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['parties', 'categories']));
    await expect(fileCase(fileCaseInput.parse(intake(schoolId)), { actor: otherTeacher, ip: null, now })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(fileCase(fileCaseInput.parse(intake(schoolId, { reportedAt: '2026-03-05T10:00' })), { actor: teacher, ip: null, now })).rejects.toMatchObject({
      code: 'invalid_input',
    });
    expect(await tableCounts()).toEqual(before);
  });
});

describe('school steps', () => {
  it('recording guardian notice, office report and separation meets their clocks', async () => {
    const r = await fileCase(fileCaseInput.parse(intake(schoolId)), { actor: teacher, ip: null, now });
    const view = await viewCase(r.id, { actor: teacher, ip: null, now });
    const victim = view.parties.find((p) => p.role === 'victim')!;
    expect(victim.label).toBe('김피해');
    expect(view.actions).toEqual(expect.arrayContaining(['record_guardian_notice', 'record_office_report', 'start_separation']));
    await recordStep(
      caseStepInput.parse({ type: 'record_guardian_notice', caseId: r.id, occurredAt: '2026-03-02T10:30', guardianPartyId: victim.id, method: 'phone' }),
      { actor: teacher, ip: null, now },
    );
    await recordStep(caseStepInput.parse({ type: 'record_office_report', caseId: r.id, occurredAt: '2026-03-02T10:40' }), { actor: teacher, ip: null, now });
    await recordStep(
      caseStepInput.parse({ type: 'start_separation', caseId: r.id, occurredAt: '2026-03-02T10:50', method: 'separate_classroom', plannedEnd: '2026-03-08' }),
      { actor: teacher, ip: null, now },
    );
    const after = await viewCase(r.id, { actor: teacher, ip: null, now });
    const status = Object.fromEntries(after.deadlines.map((d) => [d.key, d.status]));
    expect(status).toMatchObject({ guardian_notice: 'met', office_report: 'met', separation_start: 'met', separation_limit: 'pending' });
    expect(after.case.status).toBe('investigating');
    const audits = await db.select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.targetId, r.id)).orderBy(auditLog.id);
    expect(audits.map((a) => a.action)).toEqual([
      'case.filed',
      'case.viewed',
      'case.guardians_notified',
      'case.office_reported',
      'case.separation_started',
      'case.viewed',
    ]);
  });

  it('a separation planned past the 7-day cap is refused with the field', async () => {
    const r = await fileCase(fileCaseInput.parse(intake(schoolId)), { actor: teacher, ip: null, now });
    const err = await recordStep(
      caseStepInput.parse({ type: 'start_separation', caseId: r.id, occurredAt: '2026-03-02T10:50', method: 'separate_classroom', plannedEnd: '2026-03-09' }),
      { actor: teacher, ip: null, now },
    ).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DomainError);
    expect(err).toMatchObject({ code: 'invalid_input', fieldErrors: { plannedEnd: ['separationCapExceeded'] } });
  });

  it('a step dated in the future is refused', async () => {
    const r = await fileCase(fileCaseInput.parse(intake(schoolId)), { actor: teacher, ip: null, now });
    await expect(
      recordStep(caseStepInput.parse({ type: 'record_office_report', caseId: r.id, occurredAt: '2026-03-03T10:00' }), { actor: teacher, ip: null, now }),
    ).rejects.toMatchObject({ fieldErrors: { occurredAt: ['futureDate'] } });
  });

  it("another school's staff cannot see or act on the case", async () => {
    const r = await fileCase(fileCaseInput.parse(intake(schoolId)), { actor: teacher, ip: null, now });
    await expect(viewCase(r.id, { actor: otherTeacher, ip: null, now })).rejects.toMatchObject({ code: 'not_found' });
    await expect(
      recordStep(caseStepInput.parse({ type: 'record_office_report', caseId: r.id, occurredAt: '2026-03-02T10:00' }), { actor: otherTeacher, ip: null, now }),
    ).rejects.toMatchObject({ code: 'not_found' });
  });

  it('an auditor sees pseudonyms, not names', async () => {
    const r = await fileCase(fileCaseInput.parse(intake(schoolId)), { actor: teacher, ip: null, now });
    await recordStep(caseStepInput.parse({ type: 'record_office_report', caseId: r.id, occurredAt: '2026-03-02T10:40', note: '김피해 학생 어머니와 통화' }), {
      actor: teacher,
      ip: null,
      now,
    });
    const view = await viewCase(r.id, { actor: auditor, ip: null, now });
    expect(view.identities).toBe(false);
    expect(JSON.stringify(view.events)).not.toContain('김피해');
    expect(view.events.find((e) => e.type === 'office_reported')!.data).not.toHaveProperty('note');
    const stored = await db.execute(sql`select data::text as d from case_events where case_id = ${r.id} and type = 'office_reported'`);
    expect(String(stored[0]!.d)).not.toContain('김피해');
    const teacherView = await viewCase(r.id, { actor: teacher, ip: null, now });
    expect(teacherView.events.find((e) => e.type === 'office_reported')!.data.note).toBe('김피해 학생 어머니와 통화');
    expect(view.parties.map((p) => p.label).join()).not.toContain('김피해');
    expect(view.parties[0]!.label).toMatch(/^학생-[0-9A-F]{6}$/);
    expect(view.case.summary).toBeNull();
    expect(view.actions).toEqual([]);
  });
});
