import { randomUUID } from 'node:crypto';
import { and, asc, count, eq, inArray } from 'drizzle-orm';
import { createTranslator } from 'use-intl/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { auditLog, caseEvents, caseParties, cases, caseTeamMembers } from '@/db/schema';
import { seedOrganisations } from '@/db/seed';
import { addActorForTest, advanceCaseForTest, demoActors, intake } from '@/db/test/fixtures';
import { pdfText } from '@/e2e/support/pdf-text';
import { exportAuditCsv, loadAuditDrilldown } from '@/lib/audit-dashboard/service';
import type { Actor } from '@/lib/auth/roles';
import { finaliseDecision } from '@/lib/decisions/finalise-decision';
import { decisionFormValues } from '@/lib/decisions/form-values';
import { saveDecision } from '@/lib/decisions/save-decision';
import { saveVictimMeasures } from '@/lib/decisions/save-victim-measures';
import { finaliseDecisionInput, saveDecisionInput, saveVictimMeasuresInput } from '@/lib/decisions/schemas';
import { messages } from '@/lib/i18n/messages';
import { downloadDecisionNotice } from '@/lib/notices/download-decision-notice';
import { assignInvestigator } from '@/lib/proceedings/investigation';
import { assignInvestigatorInput, reopenCaseInput, requestCommitteeInput } from '@/lib/proceedings/investigation-schemas';
import { reopenCase, requestCommittee } from '@/lib/proceedings/review';
import type { Category } from '@/lib/rules';
import { addTeamMemberInput, caseStepInput, fileCaseInput, removeTeamMemberInput } from './schemas';
import { fileCase, recordStep, viewCase } from './service';
import { addCaseTeamMember, loadCaseTeam, removeCaseTeamMember } from './team-admin';

let teacher: Actor;
let colleague: Actor;
let otherSchoolTeacher: Actor;
let otherOfficeTeacher: Actor;
let head: Actor;
let investigator: Actor;
let investigator2: Actor;
let secretary: Actor;
let member: Actor;
let auditor: Actor;
let admin: Actor;
let schoolId: string;

const kst = (local: string) => new Date(`${local}:00+09:00`);
const ctx = (actor: Actor, at = '2026-03-02T11:00') => ({ actor, ip: '10.0.0.9', now: kst(at) });

beforeAll(async () => {
  await seedOrganisations();
  [teacher, colleague, otherSchoolTeacher, otherOfficeTeacher, head, investigator, secretary, member, auditor, admin] = await demoActors(
    'teacher',
    'homeroom',
    'teacher2',
    'teacher3',
    'head',
    'investigator',
    'secretary',
    'member',
    'auditor',
    'admin',
  );
  schoolId = teacher.grants[0]!.schoolId!;
  // A second investigator of the same office: intake brings both, an assignment keeps one.
  investigator2 = await addActorForTest(
    { email: 'investigator2@team.test', name: '서조사' },
    { role: 'investigator', officeId: investigator.grants[0]!.officeId },
  );
});

async function fileSexualCase(categories: Category[] = ['digital_sex_offence'], by: Actor = teacher) {
  return fileCase(
    fileCaseInput.parse(
      intake(schoolId, {
        occurredAt: '2026-03-01T21:00',
        location: '메신저 단체 대화방',
        learnedVia: 'guardian_contact',
        reporterType: 'guardian',
        categories,
        summary: '같은 반 학생이 피해학생 얼굴로 딥페이크 합성 이미지를 만들어 단체방에 올림',
        parties: [
          { name: '한예린', role: 'victim', schoolMode: 'own', grade: 2, classNo: '3', guardianName: '한보호', guardianContact: '010-4321-8765' },
          { name: '문가해', role: 'alleged_perpetrator', schoolMode: 'own', grade: 2, classNo: '5' },
        ],
      }),
    ),
    ctx(by, '2026-03-02T10:10'),
  );
}

const teamRows = (caseId: string) =>
  db
    .select({
      userId: caseTeamMembers.userId,
      teamRole: caseTeamMembers.teamRole,
      addedBy: caseTeamMembers.addedBy,
      removedAt: caseTeamMembers.removedAt,
      removedBy: caseTeamMembers.removedBy,
      reason: caseTeamMembers.reason,
    })
    .from(caseTeamMembers)
    .where(eq(caseTeamMembers.caseId, caseId))
    .orderBy(asc(caseTeamMembers.addedAt), asc(caseTeamMembers.id));
const activeIds = async (caseId: string) =>
  (await teamRows(caseId))
    .filter((r) => r.removedAt === null)
    .map((r) => r.userId)
    .sort();
const teamUserIds = async (caseId: string) =>
  ((await db.select({ ids: cases.teamUserIds }).from(cases).where(eq(cases.id, caseId)))[0]!.ids ?? []).slice().sort();
const teamAudits = (caseId: string) =>
  db
    .select({ action: auditLog.action, actorId: auditLog.actorId, detail: auditLog.detail })
    .from(auditLog)
    .where(and(eq(auditLog.targetId, caseId), inArray(auditLog.action, ['case.team_member_added', 'case.team_member_removed'])))
    .orderBy(asc(auditLog.id));
const rowCounts = async (caseId: string) => {
  const [[t], [a]] = await Promise.all([
    db.select({ n: count() }).from(caseTeamMembers).where(eq(caseTeamMembers.caseId, caseId)),
    db.select({ n: count() }).from(auditLog),
  ]);
  return { team: t!.n, audit: a!.n, ids: await teamUserIds(caseId) };
};
const sorted = (...ids: string[]) => [...ids].sort();

/** A restricted case sent to the office, with an investigator assigned, as the real steps take it. */
async function caseUnderInvestigation() {
  const filed = await fileSexualCase();
  await recordStep(
    caseStepInput.parse({
      type: 'record_police_report',
      caseId: filed.id,
      occurredAt: '2026-03-02T10:30',
      station: '서울수서경찰서',
      reportNumber: '2026-0917',
      officer: '김경위',
    }),
    ctx(teacher, '2026-03-02T10:35'),
  );
  await recordStep(caseStepInput.parse({ type: 'record_office_report', caseId: filed.id, occurredAt: '2026-03-02T10:40' }), ctx(teacher, '2026-03-02T10:45'));
  return filed;
}

describe('the case team', () => {
  it('intake of a sexual case seeds the team with the filer, the head and the office investigators, audited with the filer as actor', async () => {
    const { id } = await fileSexualCase();
    const rows = await teamRows(id);
    expect(rows.map((r) => [r.userId, r.teamRole])).toEqual(
      expect.arrayContaining([
        [teacher.userId, 'assigned_staff'],
        [head.userId, 'school_head'],
        [investigator.userId, 'investigator'],
        [investigator2.userId, 'investigator'],
      ]),
    );
    expect(rows).toHaveLength(4);
    expect(rows.every((r) => r.addedBy === null && r.reason === 'intake')).toBe(true);
    expect(await teamUserIds(id)).toEqual(sorted(teacher.userId, head.userId, investigator.userId, investigator2.userId));
    const audits = await teamAudits(id);
    expect(audits).toHaveLength(4);
    expect(audits.every((a) => a.action === 'case.team_member_added' && a.actorId === teacher.userId)).toBe(true);
    expect(audits.map((a) => a.detail)).toContainEqual({ userId: head.userId, teamRole: 'school_head', reason: 'intake' });

    // Everyone else gets the case as if it did not exist: the colleague at the same school, the secretary before any request, admins, auditors, committee members.
    for (const outsider of [colleague, otherSchoolTeacher, secretary, member, auditor, admin]) {
      await expect(viewCase(id, ctx(outsider)), outsider.email).rejects.toMatchObject({ code: 'not_found' });
    }
    for (const insider of [teacher, head, investigator, investigator2])
      expect((await viewCase(id, ctx(insider))).team?.map((m) => m.userId).sort()).toEqual(await teamUserIds(id));
  });

  it('an ordinary case has no team and stays open to the whole school', async () => {
    const { id } = await fileSexualCase(['physical']);
    expect(await teamRows(id)).toEqual([]);
    expect((await viewCase(id, ctx(colleague))).team).toBeNull();
  });

  it('assigning an investigator keeps that one and removes the others intake brought, but not one an admin chose', async () => {
    const { id } = await caseUnderInvestigation();
    const investigator3 = await addActorForTest(
      { email: `investigator3-${randomUUID()}@team.test`, name: '류조사' },
      { role: 'investigator', officeId: investigator.grants[0]!.officeId },
    );
    await addCaseTeamMember(addTeamMemberInput.parse({ caseId: id, userId: investigator3.userId, reason: '성범죄 전담 지원' }), ctx(admin, '2026-03-02T11:00'));

    await assignInvestigator(assignInvestigatorInput.parse({ caseId: id, investigatorId: investigator.userId }), ctx(investigator, '2026-03-03T09:00'));

    expect(await activeIds(id)).toEqual(sorted(teacher.userId, head.userId, investigator.userId, investigator3.userId));
    expect(await teamUserIds(id)).toEqual(await activeIds(id));
    const removed = (await teamRows(id)).find((r) => r.userId === investigator2.userId)!;
    expect(removed).toMatchObject({ teamRole: 'investigator', removedBy: null, reason: 'another investigator assigned' });
    expect(removed.removedAt).toEqual(kst('2026-03-03T09:00'));
    const audits = await teamAudits(id);
    expect(audits.at(-1)).toEqual({
      action: 'case.team_member_removed',
      actorId: investigator.userId,
      detail: { userId: investigator2.userId, reason: 'another investigator assigned' },
    });
    await expect(viewCase(id, ctx(investigator2))).rejects.toMatchObject({ code: 'not_found' });
    expect((await viewCase(id, ctx(investigator))).case.id).toBe(id);
  });

  it('a committee request brings the office secretaries onto the team; committee members stay off it', async () => {
    const { id } = await caseUnderInvestigation();
    await advanceCaseForTest(id, 'school_review', [{ type: 'investigation_reported', occurredAt: kst('2026-03-09T15:00') }]);
    await expect(viewCase(id, ctx(secretary, '2026-03-10T09:00'))).rejects.toMatchObject({ code: 'not_found' });

    await requestCommittee(requestCommitteeInput.parse({ caseId: id, occurredAt: '2026-03-10T10:00' }), ctx(head, '2026-03-10T10:05'));

    const row = (await teamRows(id)).find((r) => r.userId === secretary.userId);
    expect(row).toMatchObject({ teamRole: 'committee_secretary', addedBy: null, removedAt: null, reason: 'committee requested' });
    expect(await teamUserIds(id)).toContain(secretary.userId);
    expect((await teamAudits(id)).at(-1)).toEqual({
      action: 'case.team_member_added',
      actorId: head.userId,
      detail: { userId: secretary.userId, teamRole: 'committee_secretary', reason: 'committee requested' },
    });
    expect((await viewCase(id, ctx(secretary, '2026-03-10T11:00'))).case.status).toBe('committee_requested');
    await expect(viewCase(id, ctx(member, '2026-03-10T11:00'))).rejects.toMatchObject({ code: 'not_found' });
  });

  it('reopening a self-resolved case is a committee request too', async () => {
    const { id } = await caseUnderInvestigation();
    await advanceCaseForTest(id, 'self_resolved', [{ type: 'self_resolved', occurredAt: kst('2026-03-10T10:00') }]);
    await reopenCase(
      reopenCaseInput.parse({ caseId: id, occurredAt: '2026-03-20T10:00', reason: 'promise_broken', note: '재유포 정황' }),
      ctx(head, '2026-03-20T10:05'),
    );
    expect(await activeIds(id)).toContain(secretary.userId);
  });
});

describe('an admin managing the team', () => {
  it('adds a colleague, who can then open the case, and removes them with a reason, after which it is a 404 again', async () => {
    const { id } = await fileSexualCase();
    await addCaseTeamMember(addTeamMemberInput.parse({ caseId: id, userId: colleague.userId, reason: '학년부장 지원' }), ctx(admin, '2026-03-02T12:00'));

    expect((await teamRows(id)).find((r) => r.userId === colleague.userId)).toMatchObject({
      teamRole: 'added',
      addedBy: admin.userId,
      removedAt: null,
      reason: '학년부장 지원',
    });
    expect(await teamUserIds(id)).toContain(colleague.userId);
    expect((await teamAudits(id)).at(-1)).toEqual({
      action: 'case.team_member_added',
      actorId: admin.userId,
      detail: { userId: colleague.userId, teamRole: 'added', reason: '학년부장 지원' },
    });
    expect((await viewCase(id, ctx(colleague, '2026-03-02T12:05'))).case.id).toBe(id);
    // Managing the team does not put the admin on it.
    await expect(viewCase(id, ctx(admin, '2026-03-02T12:05'))).rejects.toMatchObject({ code: 'not_found' });
    const page = await loadCaseTeam(admin, id);
    expect(JSON.stringify(page)).not.toContain('딥페이크');
    expect(JSON.stringify(page)).not.toContain('한예린');

    await removeCaseTeamMember(
      removeTeamMemberInput.parse({ caseId: id, userId: colleague.userId, reason: '지원 종료', confirmed: true }),
      ctx(admin, '2026-03-03T09:00'),
    );

    expect((await teamRows(id)).find((r) => r.userId === colleague.userId)).toMatchObject({
      removedBy: admin.userId,
      removedAt: kst('2026-03-03T09:00'),
      reason: '지원 종료',
    });
    expect(await teamUserIds(id)).not.toContain(colleague.userId);
    expect((await teamAudits(id)).at(-1)).toEqual({
      action: 'case.team_member_removed',
      actorId: admin.userId,
      detail: { userId: colleague.userId, reason: '지원 종료' },
    });
    await expect(viewCase(id, ctx(colleague, '2026-03-03T09:05'))).rejects.toMatchObject({ code: 'not_found' });
  });

  it('a non-admin is refused and nothing is written', async () => {
    const { id } = await fileSexualCase();
    const before = await rowCounts(id);
    for (const actor of [head, teacher, secretary, auditor]) {
      await expect(addCaseTeamMember(addTeamMemberInput.parse({ caseId: id, userId: colleague.userId }), ctx(actor))).rejects.toMatchObject({
        code: 'forbidden',
      });
      await expect(
        removeCaseTeamMember(removeTeamMemberInput.parse({ caseId: id, userId: investigator2.userId, reason: '불필요', confirmed: true }), ctx(actor)),
      ).rejects.toMatchObject({ code: 'forbidden' });
      await expect(loadCaseTeam(actor, id)).rejects.toMatchObject({ code: 'forbidden' });
    }
    expect(await rowCounts(id)).toEqual(before);
  });

  it('only someone who could view the case by role and place can be added, and bad requests write nothing', async () => {
    const { id } = await fileSexualCase();
    const ordinary = await fileSexualCase(['verbal']);
    const before = await rowCounts(id);
    for (const outsider of [otherSchoolTeacher, otherOfficeTeacher]) {
      await expect(addCaseTeamMember(addTeamMemberInput.parse({ caseId: id, userId: outsider.userId }), ctx(admin))).rejects.toMatchObject({
        code: 'invalid_input',
        fieldErrors: { userId: ['cannotViewCase'] },
      });
    }
    await expect(addCaseTeamMember(addTeamMemberInput.parse({ caseId: id, userId: teacher.userId }), ctx(admin))).rejects.toMatchObject({
      fieldErrors: { userId: ['alreadyOnTeam'] },
    });
    await expect(
      removeCaseTeamMember(removeTeamMemberInput.parse({ caseId: id, userId: colleague.userId, reason: '오류', confirmed: true }), ctx(admin)),
    ).rejects.toMatchObject({ fieldErrors: { userId: ['notOnTeam'] } });
    await expect(addCaseTeamMember(addTeamMemberInput.parse({ caseId: ordinary.id, userId: colleague.userId }), ctx(admin))).rejects.toMatchObject({
      code: 'invalid_transition',
    });
    expect(removeTeamMemberInput.safeParse({ caseId: id, userId: teacher.userId, reason: '오류' }).success).toBe(false);
    expect(removeTeamMemberInput.safeParse({ caseId: id, userId: teacher.userId, reason: ' ', confirmed: true }).success).toBe(false);
    expect(await rowCounts(id)).toEqual(before);

    // The candidates offered are exactly those who could be added.
    const candidates = (await loadCaseTeam(admin, id))!.candidates.map((c) => c.id);
    expect(candidates).toContain(colleague.userId);
    expect(candidates).toContain(secretary.userId);
    expect(candidates).not.toContain(teacher.userId);
    expect(candidates).not.toContain(otherSchoolTeacher.userId);
    expect(candidates).not.toContain(otherOfficeTeacher.userId);
  });

  it('the last member cannot be removed', async () => {
    const { id } = await fileSexualCase();
    const others = (await activeIds(id)).filter((u) => u !== teacher.userId);
    for (const userId of others) await removeCaseTeamMember(removeTeamMemberInput.parse({ caseId: id, userId, reason: '정리', confirmed: true }), ctx(admin));
    const before = await rowCounts(id);
    await expect(
      removeCaseTeamMember(removeTeamMemberInput.parse({ caseId: id, userId: teacher.userId, reason: '정리', confirmed: true }), ctx(admin)),
    ).rejects.toMatchObject({ code: 'invalid_transition', fieldErrors: { _form: ['lastTeamMember'] } });
    expect(await rowCounts(id)).toEqual(before);
  });
});

describe('the police report of a sexual case', () => {
  const report = (caseId: string, officer?: string) =>
    caseStepInput.parse({
      type: 'record_police_report',
      caseId,
      occurredAt: '2026-03-02T10:30',
      station: '서울수서경찰서',
      reportNumber: '2026-0917',
      ...(officer ? { officer } : {}),
    });

  it('without the officer is refused with a field error, and nothing is written', async () => {
    const { id } = await fileSexualCase(['sexual_violence']);
    const audits = async () => (await db.select({ n: count() }).from(auditLog).where(eq(auditLog.targetId, id)))[0]!.n;
    const before = await audits();
    await expect(recordStep(report(id), ctx(teacher))).rejects.toMatchObject({ code: 'invalid_input', fieldErrors: { officer: ['required'] } });
    expect(
      await db
        .select()
        .from(caseEvents)
        .where(and(eq(caseEvents.caseId, id), eq(caseEvents.type, 'police_reported'))),
    ).toEqual([]);
    expect(await audits()).toBe(before);

    await recordStep(report(id, '김경위'), ctx(teacher));
    const [event] = await db
      .select({ data: caseEvents.data })
      .from(caseEvents)
      .where(and(eq(caseEvents.caseId, id), eq(caseEvents.type, 'police_reported')));
    expect(event!.data).toMatchObject({ station: '서울수서경찰서', reportNumber: '2026-0917', officer: '김경위' });
  });

  it('of an ordinary case may leave the officer out', async () => {
    const { id } = await fileSexualCase(['physical']);
    await recordStep(report(id), ctx(teacher));
    expect(
      await db
        .select()
        .from(caseEvents)
        .where(and(eq(caseEvents.caseId, id), eq(caseEvents.type, 'police_reported'))),
    ).toHaveLength(1);
  });
});

describe('what leaves the team about a deepfake case', () => {
  it('the decision notice PDF says sexual violence, never deepfake or digital', async () => {
    const { id } = await caseUnderInvestigation();
    await advanceCaseForTest(id, 'school_review', [{ type: 'investigation_reported', occurredAt: kst('2026-03-09T15:00') }]);
    await requestCommittee(requestCommitteeInput.parse({ caseId: id, occurredAt: '2026-03-10T10:00' }), ctx(head, '2026-03-10T10:05'));
    await advanceCaseForTest(id, 'hearing_scheduled', [{ type: 'hearing_held', occurredAt: kst('2026-03-20T10:00') }]);
    const parties = await db
      .select({ id: caseParties.id, role: caseParties.role })
      .from(caseParties)
      .where(eq(caseParties.caseId, id))
      .orderBy(asc(caseParties.position));
    const [victimId, perpetratorId] = [parties[0]!.id, parties[1]!.id];
    const at = ctx(secretary, '2026-03-25T10:00');
    await saveDecision(
      saveDecisionInput.parse({
        ...decisionFormValues(id, perpetratorId, null, []),
        scores: { severity: '2', persistence: '1', intent: '1', remorse: '1', reconciliation: '0' },
        measures: ['3'],
      }),
      at,
    );
    await saveVictimMeasures(saveVictimMeasuresInput.parse({ caseId: id, victimPartyId: victimId, measures: ['1'] }), at);
    await finaliseDecision(finaliseDecisionInput.parse({ caseId: id, occurredAt: '2026-03-24T15:00' }), at);

    const ko = pdfText((await downloadDecisionNotice(id, victimId, 'ko', at)).pdf);
    expect(ko).toContain('사안유형성폭력');
    for (const word of ['디지털', '딥페이크', '성범죄']) expect(ko).not.toContain(word);
    const en = pdfText((await downloadDecisionNotice(id, perpetratorId, 'en', at)).pdf);
    expect(en).toContain('Sexualviolence');
    expect(en.toLowerCase()).not.toContain('digital');
  });

  it('the audit drill-down lists the restricted case without a way in, and its CSV names the category as sexual violence only', async () => {
    const { id, caseNumber } = await fileSexualCase(['digital_sex_offence', 'cyberbullying']);
    const params = { from: '2026-03', to: '2026-03', m: 'fact', fact: 'cat_digital_sex_offence' };
    const now = kst('2026-03-31T12:00');
    for (const actor of [auditor, admin]) {
      const list = await loadAuditDrilldown(actor, params, now);
      const row = list.cases.find((c) => c.id === id)!;
      expect(row).toMatchObject({ caseNumber, restricted: true, canOpen: false, parties: [] });
    }

    const t = createTranslator({ locale: 'ko', messages: messages.ko });
    const tr = (key: string, values?: Record<string, string | number>) => t(key as never, values as never);
    const csv = (await exportAuditCsv(auditor, 'cases', params, tr, now)).body;
    const line = csv.split('\r\n').find((l) => l.startsWith(caseNumber))!;
    expect(line).toContain('사이버폭력 · 성폭력');
    expect(csv).not.toContain('디지털');
    // The statistics keep sexual cases as a whole and drop the rows and columns that count digital sex offences apart.
    const sexual = (await exportAuditCsv(auditor, 'stats_sexual', params, tr, now)).body;
    expect(sexual).toContain(tr('audit.stats.sexualCases'));
    expect(sexual).not.toContain(tr('audit.stats.dsoCases'));
    expect(sexual.trim().split('\r\n')).toHaveLength(3);
    const byCategory = (await exportAuditCsv(auditor, 'stats_cases', params, tr, now)).body;
    expect(byCategory.split('\r\n')[0]).toContain('성폭력');
    expect(byCategory).not.toContain(tr('vocab.category.digital_sex_offence'));
  });
});
