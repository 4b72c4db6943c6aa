import { randomUUID } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { addActorForTest, advanceCaseForTest, demoActors, intake, INTAKE_PARTIES, refusal, rowCounts } from '@/db/test/fixtures';
import { auditLog, caseAssignments, caseDocuments, caseEvents, caseStatements, cases, schoolReviews } from '@/db/schema';
import { seed } from '@/db/seed';
import type { Actor } from '@/lib/auth/roles';
import { caseStepInput, fileCaseInput } from '@/lib/cases/schemas';
import { fileCase, recordStep, viewCase } from '@/lib/cases/service';
import { SELF_RESOLUTION_CONDITIONS } from '@/lib/cases/self-resolution';
import { assignInvestigator, extendInvestigation, loadInvestigation, recordStatement, submitInvestigationReport } from './investigation';
import {
  assignInvestigatorInput,
  closeNotViolenceInput,
  extendInvestigationInput,
  recordSchoolReviewInput,
  recordStatementInput,
  reopenCaseInput,
  requestCommitteeInput,
  selfResolveInput,
  submitInvestigationReportInput,
  type RecordSchoolReviewInput,
} from './investigation-schemas';
import { closeNotViolence, loadSchoolReview, recordSchoolReview, reopenCase, requestCommittee, selfResolve } from './review';

let teacher: Actor;
let head: Actor;
let investigator: Actor;
let secondInvestigator: Actor;
let secretary: Actor;
let auditor: Actor;
let schoolId: string;

/** KST wall-clock instants, so each step's "now" reads like the calendar. */
const kst = (local: string) => new Date(`${local}:00+09:00`);
const ctx = (actor: Actor, at: string) => ({ actor, ip: '10.0.0.7', now: kst(at) });

beforeAll(async () => {
  await seed();
  [teacher, head, investigator, secretary, auditor] = await demoActors('teacher', 'head', 'investigator', 'secretary', 'auditor');
  schoolId = teacher.grants[0]!.schoolId!;
  // A second investigator at the same office, to prove only the assigned one may record.
  secondInvestigator = await addActorForTest(
    { email: 'investigator2@dolbom.test', name: '서조사' },
    { role: 'investigator', officeId: investigator.grants[0]!.officeId },
  );
});

/** A case the school has reported to the office: it is under investigation and the 14-day clock runs. */
async function caseUnderInvestigation(): Promise<string> {
  const { id } = await fileCase(
    fileCaseInput.parse(
      intake(schoolId, { parties: [...INTAKE_PARTIES, { name: '최가해', role: 'alleged_perpetrator', schoolMode: 'own', grade: 2, classNo: '5' }] }),
    ),
    ctx(teacher, '2026-03-02T10:05'),
  );
  await recordStep(caseStepInput.parse({ type: 'record_office_report', caseId: id, occurredAt: '2026-03-02T10:40' }), ctx(teacher, '2026-03-02T10:45'));
  return id;
}

/** A case whose report is in, put straight into the school body's review. */
async function caseInReview(): Promise<{ id: string; perpetrators: string[]; victim: string }> {
  const id = await caseUnderInvestigation();
  await advanceCaseForTest(id, 'school_review', [{ type: 'investigation_reported', occurredAt: kst('2026-03-09T15:00') }]);
  const view = await viewCase(id, ctx(head, '2026-03-10T09:00'));
  return {
    id,
    perpetrators: view.parties.filter((p) => p.role === 'alleged_perpetrator').map((p) => p.id),
    victim: view.parties.find((p) => p.role === 'victim')!.id,
  };
}

function reviewForm(caseId: string, perpetrators: string[], overrides: { fails?: string[]; missingGuardianFor?: string } = {}): RecordSchoolReviewInput {
  return {
    caseId,
    occurredAt: '2026-03-10T14:00',
    conditions: Object.fromEntries(
      SELF_RESOLUTION_CONDITIONS.map((c) => [c, { holds: overrides.fails?.includes(c) ? 'no' : 'yes', note: `${c} 확인: 박가해 면담` }]),
    ) as RecordSchoolReviewInput['conditions'],
    consents: perpetrators.map((p) => ({
      perpetratorPartyId: p,
      victimConsentFile: `김피해_확인서_${p.slice(0, 4)}.pdf`,
      guardianConsentFile: p === overrides.missingGuardianFor ? '' : `김보호_확인서_${p.slice(0, 4)}.pdf`,
    })),
  };
}

async function auditActions(caseId: string): Promise<string[]> {
  const rows = await db.select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.targetId, caseId)).orderBy(auditLog.id);
  return rows.map((r) => r.action).filter((a) => a !== 'case.viewed');
}

async function eventTypes(caseId: string): Promise<string[]> {
  const rows = await db.select({ type: caseEvents.type }).from(caseEvents).where(eq(caseEvents.caseId, caseId)).orderBy(caseEvents.occurredAt, caseEvents.id);
  return rows.map((r) => r.type);
}

async function status(caseId: string) {
  const [row] = await db.select({ status: cases.status, closedAt: cases.closedAt }).from(cases).where(eq(cases.id, caseId));
  return row!;
}

const tableCounts = () =>
  rowCounts({
    events: caseEvents,
    audit: auditLog,
    assignments: caseAssignments,
    statements: caseStatements,
    documents: caseDocuments,
    reviews: schoolReviews,
    cases,
  });

describe('investigation', () => {
  it('the assigned investigator records a statement, extends once and reports: the case moves to review and the investigation clock is met', async () => {
    const id = await caseUnderInvestigation();
    const before = (await viewCase(id, ctx(investigator, '2026-03-03T09:00'))).deadlines.find((d) => d.key === 'investigation')!;
    expect(before).toMatchObject({ status: 'pending', dueAt: '2026-03-17T00:00:00+09:00' });

    await assignInvestigator(
      assignInvestigatorInput.parse({ caseId: id, investigatorId: investigator.userId, occurredAt: '2026-03-03T09:00' }),
      ctx(secretary, '2026-03-03T09:05'),
    );
    const [assignment] = await db.select().from(caseAssignments).where(eq(caseAssignments.caseId, id));
    expect(assignment).toMatchObject({ userId: investigator.userId, role: 'investigator', assignedBy: secretary.userId });

    const victimId = (await viewCase(id, ctx(investigator, '2026-03-04T09:00'))).parties.find((p) => p.role === 'victim')!.id;
    const { statementId } = await recordStatement(
      recordStatementInput.parse({
        caseId: id,
        partyId: victimId,
        speaker: '김보호 (어머니 동석)',
        takenAt: '2026-03-04T15:00',
        summary: '김피해는 박가해가 복도에서 세 번 밀쳤다고 진술함',
        attachments: [{ description: '김피해 진술서 스캔', fileName: '김피해_진술서.pdf' }],
      }),
      ctx(investigator, '2026-03-04T16:00'),
    );

    const extended = await viewCase(id, ctx(investigator, '2026-03-05T09:00'));
    await extendInvestigation(
      extendInvestigationInput.parse({ caseId: id, reason: '박가해 측 보호자 면담 일정 지연', occurredAt: '2026-03-13T10:00' }),
      ctx(investigator, '2026-03-13T10:05'),
    );
    const afterExtension = (await viewCase(id, ctx(investigator, '2026-03-13T11:00'))).deadlines.find((d) => d.key === 'investigation')!;
    expect(afterExtension.dueAt).toBe('2026-03-24T00:00:00+09:00');
    expect(extended.actions).toEqual(expect.arrayContaining(['record_statement', 'extend_investigation', 'submit_investigation_report']));

    const twice = await refusal(extendInvestigation(extendInvestigationInput.parse({ caseId: id, reason: '한 번 더' }), ctx(investigator, '2026-03-14T10:00')));
    expect(twice).toMatchObject({ code: 'invalid_transition' });

    const { status: reportedStatus } = await submitInvestigationReport(
      submitInvestigationReportInput.parse({
        caseId: id,
        report: '조사 결과: 박가해의 신체 폭력이 확인됨. 김피해 진술과 목격 학생 진술 일치.',
        occurredAt: '2026-03-18T17:00',
      }),
      ctx(investigator, '2026-03-18T17:05'),
    );
    expect(reportedStatus).toBe('school_review');
    const after = await viewCase(id, ctx(head, '2026-03-19T09:00'));
    expect(after.case.status).toBe('school_review');
    expect(after.deadlines.find((d) => d.key === 'investigation')).toMatchObject({ status: 'met', metAt: '2026-03-18T17:00:00+09:00' });

    expect(await eventTypes(id)).toEqual([
      'case_filed',
      'contact_ban_in_force',
      'office_reported',
      'investigator_assigned',
      'statement_recorded',
      'investigation_extended',
      'investigation_reported',
    ]);
    expect(await auditActions(id)).toEqual([
      'case.filed',
      'case.office_reported',
      'case.investigator_assigned',
      'case.statement_recorded',
      'case.investigation_extended',
      'case.investigation_reported',
    ]);

    // Names, summaries, reasons, file names and the report are ciphertext in every table, events included.
    const dump = await db.execute(sql`
      select row_to_json(s)::text as j from case_statements s where case_id = ${id}
      union all select row_to_json(d)::text from case_documents d where case_id = ${id}
      union all select data::text from case_events where case_id = ${id}`);
    const text = dump.map((r) => String(r.j)).join('\n');
    for (const secret of ['김피해', '박가해', '김보호', '진술서', '면담 일정', '조사 결과']) expect(text).not.toContain(secret);
    const [statementEvent] = await db
      .select({ data: caseEvents.data })
      .from(caseEvents)
      .where(and(eq(caseEvents.caseId, id), eq(caseEvents.type, 'statement_recorded')));
    expect(statementEvent!.data).toEqual({ statementId, partyId: victimId, attachments: 1 });

    const seen = await loadInvestigation(id, investigator);
    expect(seen.investigator).toMatchObject({ userId: investigator.userId, name: '정조사' });
    expect(seen.statements).toEqual([
      expect.objectContaining({
        partyId: victimId,
        speaker: '김보호 (어머니 동석)',
        summary: expect.stringContaining('세 번 밀쳤다'),
        attachments: [{ description: '김피해 진술서 스캔', fileName: '김피해_진술서.pdf' }],
      }),
    ]);
    expect(Object.values(seen.texts)).toEqual(expect.arrayContaining(['박가해 측 보호자 면담 일정 지연', expect.stringContaining('조사 결과')]));
  });

  it('an auditor sees how many statements there are, never what they say', async () => {
    const id = await caseUnderInvestigation();
    await assignInvestigator(assignInvestigatorInput.parse({ caseId: id, investigatorId: investigator.userId }), ctx(investigator, '2026-03-03T09:00'));
    await recordStatement(
      recordStatementInput.parse({ caseId: id, speaker: '목격 교사', takenAt: '2026-03-03T10:00', summary: '김피해가 우는 것을 봄' }),
      ctx(investigator, '2026-03-03T11:00'),
    );
    const seen = await loadInvestigation(id, auditor);
    expect(seen).toMatchObject({ identities: false, statements: null, statementCount: 1, texts: {} });
    expect(JSON.stringify(seen)).not.toContain('김피해');
  });

  it('only the assigned investigator records statements, extends or reports; an unassigned case is taken first', async () => {
    const id = await caseUnderInvestigation();
    const statement = recordStatementInput.parse({ caseId: id, speaker: '담임교사', takenAt: '2026-03-03T10:00', summary: '요지' });
    expect(await refusal(recordStatement(statement, ctx(investigator, '2026-03-03T11:00')))).toMatchObject({
      code: 'invalid_transition',
      fieldErrors: { _form: ['noInvestigator'] },
    });

    // An investigator takes the unassigned case for themselves; a colleague may not take it over.
    await assignInvestigator(assignInvestigatorInput.parse({ caseId: id, investigatorId: investigator.userId }), ctx(investigator, '2026-03-03T11:00'));
    expect(
      await refusal(
        assignInvestigator(
          assignInvestigatorInput.parse({ caseId: id, investigatorId: secondInvestigator.userId }),
          ctx(secondInvestigator, '2026-03-03T11:10'),
        ),
      ),
    ).toMatchObject({
      code: 'invalid_transition',
      fieldErrors: { investigatorId: ['assignedToOther'] },
    });
    expect(
      await refusal(
        assignInvestigator(assignInvestigatorInput.parse({ caseId: id, investigatorId: investigator.userId }), ctx(secondInvestigator, '2026-03-03T11:10')),
      ),
    ).toMatchObject({ code: 'forbidden' });
    expect(
      await refusal(
        assignInvestigator(assignInvestigatorInput.parse({ caseId: id, investigatorId: secondInvestigator.userId }), ctx(teacher, '2026-03-03T11:10')),
      ),
    ).toMatchObject({ code: 'forbidden' });

    const other = ctx(secondInvestigator, '2026-03-03T12:00');
    expect(await refusal(recordStatement(statement, other))).toMatchObject({ code: 'forbidden' });
    expect(await refusal(extendInvestigation(extendInvestigationInput.parse({ caseId: id, reason: '지연' }), other))).toMatchObject({ code: 'forbidden' });
    expect(await refusal(submitInvestigationReport(submitInvestigationReportInput.parse({ caseId: id, report: '보고' }), other))).toMatchObject({
      code: 'forbidden',
    });

    // The secretary may reassign, but only to an investigator of the case's office.
    expect(
      await refusal(assignInvestigator(assignInvestigatorInput.parse({ caseId: id, investigatorId: teacher.userId }), ctx(secretary, '2026-03-03T12:00'))),
    ).toMatchObject({
      code: 'invalid_input',
      fieldErrors: { investigatorId: ['notInvestigator'] },
    });
    await assignInvestigator(assignInvestigatorInput.parse({ caseId: id, investigatorId: secondInvestigator.userId }), ctx(secretary, '2026-03-03T12:00'));
    await recordStatement(statement, ctx(secondInvestigator, '2026-03-03T12:30'));
    expect(await refusal(recordStatement(statement, ctx(investigator, '2026-03-03T12:40')))).toMatchObject({ code: 'forbidden' });

    expect(await db.select({ userId: caseAssignments.userId }).from(caseAssignments).where(eq(caseAssignments.caseId, id))).toEqual([
      { userId: secondInvestigator.userId },
    ]);
    expect(await auditActions(id)).toEqual([
      'case.filed',
      'case.office_reported',
      'case.investigator_assigned',
      'case.investigator_assigned',
      'case.statement_recorded',
    ]);
  });

  it('an extension recorded after the investigation period ran out is refused', async () => {
    const id = await caseUnderInvestigation();
    await assignInvestigator(assignInvestigatorInput.parse({ caseId: id, investigatorId: investigator.userId }), ctx(investigator, '2026-03-03T09:00'));
    const late = await refusal(
      extendInvestigation(
        extendInvestigationInput.parse({ caseId: id, reason: '지연', occurredAt: '2026-03-17T09:00' }),
        ctx(investigator, '2026-03-17T09:05'),
      ),
    );
    expect(late).toMatchObject({ code: 'deadline_passed', fieldErrors: { occurredAt: ['afterDeadline'] } });
  });

  it('bad input is refused with field errors and writes nothing', async () => {
    const id = await caseUnderInvestigation();
    await assignInvestigator(assignInvestigatorInput.parse({ caseId: id, investigatorId: investigator.userId }), ctx(investigator, '2026-03-03T09:00'));
    const before = await tableCounts();

    const noSpeaker = recordStatementInput.safeParse({
      caseId: id,
      partyId: '',
      speaker: '  ',
      takenAt: '2026-03-03T10:00',
      summary: '',
      attachments: [{ description: '스캔', fileName: '' }],
    });
    expect(noSpeaker.success).toBe(false);
    expect(noSpeaker.error!.issues.map((i) => [i.path.join('.'), i.message])).toEqual(
      expect.arrayContaining([
        ['partyId', 'speakerRequired'],
        ['summary', 'required'],
        ['attachments.0.fileName', 'required'],
      ]),
    );
    expect(extendInvestigationInput.safeParse({ caseId: id, reason: ' ' }).error!.issues[0]).toMatchObject({ path: ['reason'], message: 'required' });
    expect(
      reopenCaseInput
        .safeParse({ caseId: id, reason: 'changed_mind', note: '' })
        .error!.issues.map((i) => i.path.join('.'))
        .sort(),
    ).toEqual(['note', 'reason']);
    expect(closeNotViolenceInput.safeParse({ caseId: id, reason: '' }).success).toBe(false);
    const unanswered = recordSchoolReviewInput.safeParse({ caseId: id, conditions: {}, consents: [] });
    expect(unanswered.error!.issues.map((i) => i.path.join('.'))).toEqual(expect.arrayContaining(SELF_RESOLUTION_CONDITIONS.map((c) => `conditions.${c}`)));

    // Well-formed but wrong: a statement from the future, a party from another case, a review before the report.
    const future = await refusal(
      recordStatement(
        recordStatementInput.parse({ caseId: id, speaker: '담임교사', takenAt: '2026-03-04T10:00', summary: '요지' }),
        ctx(investigator, '2026-03-03T12:00'),
      ),
    );
    expect(future).toMatchObject({ code: 'invalid_input', fieldErrors: { takenAt: ['futureDate'] } });
    const strayParty = await refusal(
      recordStatement(
        recordStatementInput.parse({ caseId: id, partyId: randomUUID(), takenAt: '2026-03-03T10:00', summary: '요지' }),
        ctx(investigator, '2026-03-03T12:00'),
      ),
    );
    expect(strayParty).toMatchObject({ code: 'invalid_input', fieldErrors: { partyId: ['required'] } });
    const early = await refusal(recordSchoolReview(recordSchoolReviewInput.parse(reviewForm(id, [])), ctx(head, '2026-03-10T15:00')));
    expect(early.code).toBe('invalid_transition');

    expect(await tableCounts()).toEqual(before);
  });
});

describe('school body review and the way out', () => {
  it('self-resolution is refused when a condition fails, and the verdict says which', async () => {
    const { id, perpetrators } = await caseInReview();
    const r = await recordSchoolReview(
      recordSchoolReviewInput.parse(reviewForm(id, perpetrators, { fails: ['not_persistent'] })),
      ctx(head, '2026-03-10T15:00'),
    );
    expect(r).toMatchObject({ eligible: false, failures: [{ kind: 'condition', condition: 'not_persistent' }] });
    const [event] = await db
      .select({ data: caseEvents.data })
      .from(caseEvents)
      .where(and(eq(caseEvents.caseId, id), eq(caseEvents.type, 'school_body_reviewed')));
    expect(event!.data).toEqual({ reviewId: r.reviewId, eligible: false, failures: [{ kind: 'condition', condition: 'not_persistent' }] });

    const refused = await refusal(selfResolve(selfResolveInput.parse({ caseId: id }), ctx(head, '2026-03-10T16:00')));
    expect(refused).toMatchObject({ code: 'invalid_input', fieldErrors: { _form: ['notEligible'] } });
    expect(refused.message).toContain('condition:not_persistent');
    expect((await status(id)).status).toBe('school_review');
    expect(await auditActions(id)).toEqual(['case.filed', 'case.office_reported', 'case.school_body_reviewed']);
  });

  it("self-resolution is refused when one perpetrator's guardian consent is missing", async () => {
    const { id, perpetrators } = await caseInReview();
    const second = perpetrators[1]!;
    const r = await recordSchoolReview(
      recordSchoolReviewInput.parse(reviewForm(id, perpetrators, { missingGuardianFor: second })),
      ctx(teacher, '2026-03-10T15:00'),
    );
    expect(r.failures).toEqual([{ kind: 'consent', perpetratorPartyId: second, missing: 'guardian' }]);
    expect(await refusal(selfResolve(selfResolveInput.parse({ caseId: id }), ctx(head, '2026-03-10T16:00')))).toMatchObject({ code: 'invalid_input' });
    // The school staff records the review; only the head resolves.
    expect(await refusal(selfResolve(selfResolveInput.parse({ caseId: id }), ctx(teacher, '2026-03-10T16:00')))).toMatchObject({ code: 'forbidden' });
    expect((await status(id)).status).toBe('school_review');

    const shown = await loadSchoolReview(id, head);
    expect(shown).toMatchObject({
      eligible: false,
      consents: expect.arrayContaining([
        expect.objectContaining({ perpetratorPartyId: second, victimConsent: true, guardianConsent: false, guardianConsentFile: null }),
      ]),
    });
    expect(shown!.conditions.not_retaliation.note).toContain('박가해');
    const audited = await loadSchoolReview(id, auditor);
    expect(JSON.stringify(audited)).not.toMatch(/박가해|김피해|김보호/);
    const [stored] = await db.select({ answers: schoolReviews.answers }).from(schoolReviews).where(eq(schoolReviews.caseId, id));
    expect(JSON.stringify(stored!.answers)).not.toMatch(/박가해|김피해|김보호/);
  });

  it('self-resolution without a review is refused', async () => {
    const { id } = await caseInReview();
    expect(await refusal(selfResolve(selfResolveInput.parse({ caseId: id }), ctx(head, '2026-03-10T16:00')))).toMatchObject({
      code: 'invalid_input',
      fieldErrors: { _form: ['noReview'] },
    });
  });

  it('a consent for a student who is not an alleged perpetrator is refused', async () => {
    const { id, perpetrators, victim } = await caseInReview();
    const form = reviewForm(id, [...perpetrators, victim]);
    expect(await refusal(recordSchoolReview(recordSchoolReviewInput.parse(form), ctx(head, '2026-03-10T15:00')))).toMatchObject({
      code: 'invalid_input',
      fieldErrors: { consents: ['notPerpetrator'] },
    });
  });

  it('with all four conditions and both consents for every perpetrator the head self-resolves; reopening goes to the committee and starts its clock', async () => {
    const { id, perpetrators } = await caseInReview();
    // A first review without the consents, then the one that counts: the latest review decides.
    await recordSchoolReview(
      recordSchoolReviewInput.parse(reviewForm(id, perpetrators, { missingGuardianFor: perpetrators[0] })),
      ctx(head, '2026-03-10T15:00'),
    );
    const r = await recordSchoolReview(
      recordSchoolReviewInput.parse({ ...reviewForm(id, perpetrators), occurredAt: '2026-03-11T14:00' }),
      ctx(head, '2026-03-11T15:00'),
    );
    expect(r).toMatchObject({ eligible: true, failures: [] });

    const view = await viewCase(id, ctx(head, '2026-03-11T15:30'));
    expect(view.actions).toEqual(expect.arrayContaining(['self_resolve', 'request_committee', 'close_not_violence']));
    await selfResolve(
      selfResolveInput.parse({ caseId: id, note: '관계회복 프로그램 참여 약속', occurredAt: '2026-03-11T16:00' }),
      ctx(head, '2026-03-11T16:05'),
    );
    expect((await status(id)).status).toBe('self_resolved');
    const resolved = await viewCase(id, ctx(head, '2026-03-12T09:00'));
    expect(resolved.actions).toEqual(['reopen_case']);
    expect(resolved.deadlines.find((d) => d.key === 'committee_meeting')!.status).toBe('not_applicable');

    expect(
      await refusal(
        reopenCase(
          reopenCaseInput.parse({ caseId: id, reason: 'new_facts', note: '추가 피해 진술', occurredAt: '2026-03-11T15:00' }),
          ctx(head, '2026-03-20T10:00'),
        ),
      ),
    ).toMatchObject({
      fieldErrors: { occurredAt: ['beforeSelfResolution'] },
    });
    await reopenCase(
      reopenCaseInput.parse({ caseId: id, reason: 'promise_broken', note: '박가해가 약속한 사과를 하지 않음', occurredAt: '2026-04-01T09:00' }),
      ctx(head, '2026-04-01T09:05'),
    );
    const reopened = await viewCase(id, ctx(head, '2026-04-01T10:00'));
    expect(reopened.case.status).toBe('committee_requested');
    expect(reopened.deadlines.find((d) => d.key === 'committee_meeting')).toMatchObject({ status: 'pending', dueAt: '2026-04-23T00:00:00+09:00' });
    const committeeEvent = reopened.events.find((e) => e.type === 'committee_requested')!;
    expect(committeeEvent.data).toMatchObject({ route: 'reopened', reopenReason: 'promise_broken', noteDocumentId: expect.any(String) });

    expect(await auditActions(id)).toEqual([
      'case.filed',
      'case.office_reported',
      'case.school_body_reviewed',
      'case.school_body_reviewed',
      'case.self_resolved',
      'case.committee_requested',
    ]);
    const texts = (await loadInvestigation(id, head)).texts;
    expect(texts[String(committeeEvent.data.noteDocumentId)]).toBe('박가해가 약속한 사과를 하지 않음');
  });

  it('the head requests the committee from review, with or without a reason', async () => {
    const { id } = await caseInReview();
    expect(await refusal(requestCommittee(requestCommitteeInput.parse({ caseId: id }), ctx(teacher, '2026-03-10T16:00')))).toMatchObject({ code: 'forbidden' });
    await requestCommittee(requestCommitteeInput.parse({ caseId: id, reason: '피해학생 보호자가 심의위원회 개최를 원함' }), ctx(head, '2026-03-10T16:00'));
    const view = await viewCase(id, ctx(head, '2026-03-10T17:00'));
    expect(view.case.status).toBe('committee_requested');
    expect(view.deadlines.find((d) => d.key === 'committee_meeting')).toMatchObject({ status: 'pending', dueAt: '2026-04-01T00:00:00+09:00' });
    expect(await auditActions(id)).toEqual(['case.filed', 'case.office_reported', 'case.committee_requested']);
  });

  it('"not school violence" closes the case with the reason stored encrypted', async () => {
    const id = await caseUnderInvestigation();
    await closeNotViolence(closeNotViolenceInput.parse({ caseId: id, reason: '장난으로 확인됨. 김피해 측도 동의' }), ctx(head, '2026-03-05T10:00'));
    const row = await status(id);
    expect(row.status).toBe('closed');
    expect(row.closedAt).toEqual(kst('2026-03-05T10:00'));
    const [event] = await db
      .select({ data: caseEvents.data })
      .from(caseEvents)
      .where(and(eq(caseEvents.caseId, id), eq(caseEvents.type, 'closed')));
    expect(event!.data).toEqual({ closure: 'not_school_violence', reasonDocumentId: expect.any(String) });
    const [doc] = await db
      .select()
      .from(caseDocuments)
      .where(eq(caseDocuments.id, String(event!.data.reasonDocumentId)));
    expect(doc).toMatchObject({ kind: 'closing_reason', caseId: id });
    expect(doc!.bodyEnc).not.toContain('장난');
    expect(await auditActions(id)).toEqual(['case.filed', 'case.office_reported', 'case.closed']);
    const left = (await viewCase(id, ctx(head, '2026-03-05T11:00'))).actions;
    expect(left).not.toEqual(expect.arrayContaining(['close_not_violence']));
    expect(left.filter((a) => a !== 'review_record_deletion')).toEqual([]);
  });
});
