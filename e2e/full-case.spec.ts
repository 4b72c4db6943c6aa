import { readFile } from 'node:fs/promises';
import { expect, test } from './fixtures';
import { reportedIntake, type IntakeParty } from './pages/intake-page';
import { caseById } from './support/case-db';
import { userIdByEmail } from './support/db';
import { demoUser } from './support/demo';
import { kstDate, kstLocal } from './support/kst';
import { pdfText, squeeze } from './support/pdf-text';
import { appealsOf, caseAuditActions, committeePool, decisionsOf, executionsOf, hearingOf, partiesOf } from './support/proceedings-db';

/**
 * One case through every stage, each step taken in the browser by the role
 * the law gives it: the teacher files and reports it, the office's secretary
 * assigns the investigator, who takes a statement and reports; the school
 * body finds it persistent (no self-resolution) and the head asks for the
 * committee; the secretary schedules and records the hearing, decides
 * against the rubric's recommendation (a transfer), issues the notice (PDF)
 * and records its delivery; the head requests the transfer; the perpetrator's
 * side appeals, the victim's side is told, the appeal fails; the school
 * carries out every measure, transfer first, and the head closes the case.
 * After each stage the stored status and the audit rows are checked.
 */

const CASE_NUMBER = /^강남서초-\d{4}-\d{4}$/;
const TEACHER = 'teacher@dolbom.demo';
const HEAD = 'head@dolbom.demo';
const INVESTIGATOR = 'investigator@dolbom.demo';
const SECRETARY = 'secretary@dolbom.demo';

const VICTIM: IntakeParty = { name: '서지안', role: 'victim', grade: 2, classNo: '1', guardianName: '서민호', guardianContact: '010-6123-4501' };
const PERPETRATOR: IntakeParty = {
  name: '남궁현',
  role: 'alleged_perpetrator',
  grade: 2,
  classNo: '4',
  guardianName: '남궁선',
  guardianContact: '010-6123-4502',
};

const persistentAssault = () =>
  reportedIntake(2, 1, {
    location: '별관 2층 복도 (과학실 앞)',
    learnedVia: 'guardian_contact',
    reporterType: 'guardian',
    categories: ['physical'],
    summary: '피해학생 보호자가 3주 전부터 쉬는 시간마다 가해 관련 학생이 피해학생을 밀치고 때렸다고 신고함. 담임이 피해학생 팔의 멍을 확인함.',
    parties: [VICTIM, PERPETRATOR],
  });

/** The committee's panel (5 of the pool of 10; two parents, so a third) and who of it attends (a quorum of 4). */
const PANEL = ['강민서', '윤지호', '장도윤', '오세린', '임수빈'];
const PRESENT = ['강민서', '윤지호', '장도윤', '오세린'];

/** Scores that total 15 (band 13–15: class change, 7) with protection of the victim (2): the rubric recommends 2 and 7. */
const SCORES = { severity: 3, persistence: 4, intent: 3, remorse: 3, reconciliation: 2 };
/** The committee decides an apology, no contact for 60 days and a transfer instead. */
const DECIDED = [{ measure: 1 }, { measure: 2, periodDays: 60 }, { measure: 8 }];
const OVERRIDE_REASON = '3주간 지속된 폭력으로 같은 학교 안의 학급교체만으로는 피해학생과의 분리가 충분하지 않다고 판단하여 전학을 결정함.';
const APPEAL_BODY = '서울특별시행정심판위원회';
const VICTIM_NOTICE = '피해학생 보호자에게 행정심판 청구 사실과 참가 신청 방법을 전화로 안내함';

test('one case goes all the way from report to closing', async ({ page, signInAs, appShell, intakePage, casePage, proceedingsPage, sql }) => {
  test.setTimeout(240_000);
  const teacherId = await userIdByEmail(sql, TEACHER);
  const headId = await userIdByEmail(sql, HEAD);
  const investigatorId = await userIdByEmail(sql, INVESTIGATOR);
  const secretaryId = await userIdByEmail(sql, SECRETARY);
  const pool = await committeePool(sql, '강남서초');
  const memberId = (name: string) => {
    const id = pool.get(name);
    if (!id) throw new Error(`${name} is not in the seeded committee pool`);
    return id;
  };

  let caseId = '';
  let caseNumber = '';
  let victimId = '';
  let perpetratorId = '';

  /** Signs whoever is signed in out, signs `email` in and opens the case. */
  const openCaseAs = async (email: string) => {
    await appShell.signOut();
    await signInAs(email);
    await casePage.goto(caseId);
    await expect(casePage.caseNumber).toHaveText(caseNumber);
  };
  const storedStatus = async () => (await caseById(sql, caseId))?.status;
  const deadline = async (key: string) =>
    (await caseById(sql, caseId))?.deadlines.find((d) => d.key === key) as { key: string; status: string; dueAt: string | null } | undefined;
  /** Asserts that these audit actions were written for the case by `actorId`, in this order (other rows may lie between). */
  const expectAudited = async (actorId: string, ...actions: string[]) => {
    const rows = (await caseAuditActions(sql, caseId)).filter((r) => r.actor_id === actorId && actions.includes(r.action));
    let from = 0;
    for (const action of actions) {
      const at = rows.findIndex((r, i) => i >= from && r.action === action);
      expect(at, `${action} by ${actorId}, after ${actions.slice(0, actions.indexOf(action)).join(', ') || 'nothing'}`).toBeGreaterThanOrEqual(0);
      from = at + 1;
    }
  };

  await test.step('1. the teacher files the case and records the guardian notice and the office report', async () => {
    await signInAs(TEACHER);
    await intakePage.openFromSchoolHome();
    caseId = await intakePage.fileCase(persistentAssault());
    await expect(casePage.caseNumber).toHaveText(CASE_NUMBER);
    caseNumber = (await casePage.caseNumber.textContent())!.trim();
    await expect(casePage.status).toHaveAttribute('data-status', 'reported');
    const parties = await partiesOf(sql, caseId);
    expect(parties.map((p) => p.role)).toEqual(['victim', 'alleged_perpetrator']);
    [victimId, perpetratorId] = parties.map((p) => p.id) as [string, string];

    await casePage.recordGuardianNotice({ guardian: `${VICTIM.guardianName} (${VICTIM.name} 보호자)`, method: 'phone' });
    await expect(casePage.deadlineStatus('guardian_notice')).toHaveAttribute('data-status', 'met');
    await expect(casePage.status).toHaveAttribute('data-status', 'initial_response');
    await casePage.recordOfficeReport();
    await expect(casePage.deadlineStatus('office_report')).toHaveAttribute('data-status', 'met');
    await expect(casePage.status).toHaveAttribute('data-status', 'investigating');
    // The investigation clock starts; nobody is assigned yet.
    await expect(proceedingsPage.investigation.getByTestId('investigator')).toHaveAttribute('data-assigned', 'false');

    expect(await storedStatus()).toBe('investigating');
    await expectAudited(teacherId, 'case.filed', 'case.guardians_notified', 'case.office_reported');
  });

  await test.step('2. the secretary assigns the investigator, who takes a statement and submits the report', async () => {
    await openCaseAs(SECRETARY);
    await proceedingsPage.assignInvestigator(demoUser(INVESTIGATOR).name);
    await expect(proceedingsPage.investigation.getByTestId('investigator')).toHaveAttribute('data-assigned', 'true');
    await expect(proceedingsPage.investigation.getByTestId('investigator')).toContainText(demoUser(INVESTIGATOR).name);
    // Statements and the report belong to the investigator alone.
    await expect(proceedingsPage.form('record_statement')).toHaveCount(0);
    await expectAudited(secretaryId, 'case.investigator_assigned');

    await openCaseAs(INVESTIGATOR);
    await expect(casePage.deadlineStatus('investigation')).toHaveAttribute('data-status', /^(pending|due_soon)$/);
    await proceedingsPage.recordStatement({
      partyId: victimId,
      summary: '3주 전부터 쉬는 시간마다 복도에서 어깨를 밀치고 등을 때렸다고 진술함. 같은 반 학생 두 명이 목격했다고 함.',
    });
    await expect(proceedingsPage.investigation.getByTestId('statement')).toHaveCount(1);
    await expect(proceedingsPage.investigation.getByTestId('statement')).toContainText(VICTIM.name);

    await proceedingsPage.submitInvestigationReport(
      '피해학생, 목격 학생 2명, 가해 관련 학생의 진술과 보건실 기록을 종합한 결과, 약 3주간 반복된 신체 폭력이 있었던 것으로 보임. 가해 관련 학생은 일부 사실을 인정함.',
    );
    await expect(casePage.status).toHaveAttribute('data-status', 'school_review');
    await expect(proceedingsPage.investigation.getByTestId('investigation-report')).toHaveAttribute('data-submitted', 'true');
    await expect(casePage.deadlineStatus('investigation')).toHaveAttribute('data-status', 'met');

    expect(await storedStatus()).toBe('school_review');
    await expectAudited(investigatorId, 'case.statement_recorded', 'case.investigation_reported');
  });

  await test.step('3. the school body finds the violence persistent, so the head must request the committee', async () => {
    await openCaseAs(HEAD);
    const review = await proceedingsPage.answerSchoolReview(
      { no_two_week_diagnosis: 'yes', no_property_damage_or_restored: 'yes', not_persistent: 'no', not_retaliation: 'yes' },
      { not_persistent: '약 3주간 쉬는 시간마다 반복됨' },
    );
    // The verdict is previewed while answering…
    const preview = review.getByTestId('review-preview');
    await expect(preview).toHaveAttribute('data-eligible', 'false');
    await expect(preview.locator('[data-testid="review-preview-failure"][data-detail="not_persistent"]')).toBeVisible();
    await proceedingsPage.submit('record_school_review').click();

    // …and decided again on the server once saved.
    const verdict = proceedingsPage.investigation.getByTestId('review-summary').getByTestId('review-verdict');
    await expect(verdict).toHaveAttribute('data-eligible', 'false');
    const persistent = verdict.locator('[data-testid="review-failure"][data-kind="condition"][data-detail="not_persistent"]');
    await expect(persistent).toHaveText('지속적인 학교폭력입니다.');
    // No written consents were given either.
    await expect(verdict.locator('[data-testid="review-failure"][data-kind="consent"]')).toHaveCount(2);
    await expect(proceedingsPage.investigation.getByTestId('self-resolve-unavailable')).toBeVisible();
    await expect(proceedingsPage.form('self_resolve')).toHaveCount(0);

    await proceedingsPage.requestCommittee('지속적인 학교폭력으로 학교장 자체해결 요건을 충족하지 못함');
    await expect(casePage.status).toHaveAttribute('data-status', 'committee_requested');
    await expect(proceedingsPage.investigation.getByTestId('outcome-committee-requested')).toBeVisible();
    await expect(proceedingsPage.committee.getByTestId('committee-no-hearing')).toBeVisible();

    expect(await storedStatus()).toBe('committee_requested');
    await expectAudited(headId, 'case.school_body_reviewed', 'case.committee_requested');
  });

  await test.step('4. the secretary schedules the hearing inside the deadline and records it with a quorum', async () => {
    await openCaseAs(SECRETARY);
    await expect(proceedingsPage.committee.getByTestId('committee-deadline-status')).toHaveAttribute('data-status', /^(pending|due_soon)$/);
    const meetingDue = (await deadline('committee_meeting'))?.dueAt;
    expect(meetingDue, 'the committee_meeting clock runs').toBeTruthy();

    // A proposed date: a working day before the deadline, at the default 14:00.
    await proceedingsPage.ready('schedule_hearing');
    await expect(proceedingsPage.proposals.first()).toBeVisible();
    const proposal = proceedingsPage.proposals.first();
    const proposedDate = (await proposal.getAttribute('data-testid'))!.replace('hearing-proposal-', '');
    await proposal.click();
    const scheduledAt = proceedingsPage.control(proceedingsPage.form('schedule_hearing'), 'schedule_hearing-scheduledAt');
    await expect(scheduledAt).toHaveValue(`${proposedDate}T14:00`);
    const proposedInstant = new Date(`${proposedDate}T14:00:00+09:00`);
    expect(proposedInstant.getTime()).toBeGreaterThan(Date.now());
    expect(proposedInstant.getTime()).toBeLessThanOrEqual(new Date(meetingDue!).getTime());

    await proceedingsPage.fillSchedule({ location: '강남서초교육지원청 3층 심의실', panel: PANEL.map(memberId) });
    await expect(page.getByTestId('hearing-date-warning')).toHaveCount(0);
    await expect(page.getByTestId('panel-parent-share-warning')).toHaveCount(0);
    await proceedingsPage.submit('schedule_hearing').click();
    await expect(proceedingsPage.committee.getByTestId('committee-hearing')).toHaveAttribute('data-status', 'scheduled');
    await expect(casePage.status).toHaveAttribute('data-status', 'hearing_scheduled');
    await expect(page.getByTestId('hearing-after-deadline')).toHaveCount(0);
    for (const name of PANEL) await expect(page.getByTestId(`panel-row-${memberId(name)}`)).toHaveAttribute('data-excluded', 'false');
    await expect.poll(async () => (await hearingOf(sql, caseId))?.scheduled_at.getTime()).toBe(proposedInstant.getTime());

    // A hearing is recorded only on or after its day and never ahead of the clock, so the
    // parties' agreement to meet today moves it to now (same panel and place).
    const now = kstLocal(Date.now());
    await proceedingsPage.fillSchedule({ at: now });
    await proceedingsPage.submit('schedule_hearing').click();
    await expect.poll(async () => (await hearingOf(sql, caseId))?.scheduled_at.getTime()).toBe(new Date(`${now}:00+09:00`).getTime());
    await expect(page.getByTestId('hearing-after-deadline')).toHaveCount(0);

    await proceedingsPage.sendHearingNotice('post');
    await expect(proceedingsPage.committee.getByTestId('hearing-notices').locator('li')).toHaveCount(1);
    await expect(proceedingsPage.committee.getByTestId('notice-outdated')).toHaveCount(0);

    await proceedingsPage.fillHearing({
      heldAt: kstLocal(Date.now()),
      present: PRESENT.map(memberId),
      victimStatement: '피해학생과 보호자는 3주간 반복된 폭력으로 등교를 두려워한다고 진술함. 가해 관련 학생과 다른 학교에 다니기를 희망함.',
      perpetratorStatement: '가해 관련 학생은 장난이었다고 하면서도 밀치고 때린 사실은 인정하고 사과 의사를 밝힘.',
      minutes: '위원장 강민서 주재. 재적 5명 중 4명 출석으로 개의. 양측 진술 청취 후 조치 논의.',
    });
    await expect(proceedingsPage.form('record_hearing').getByTestId('quorum-count')).toContainText('4');
    await proceedingsPage.submit('record_hearing').click();
    await expect(proceedingsPage.committee.getByTestId('committee-hearing')).toHaveAttribute('data-status', 'held');
    await expect(proceedingsPage.committee.getByTestId('hearing-attendance')).toBeVisible();
    await expect(casePage.deadlineStatus('committee_meeting')).toHaveAttribute('data-status', 'met');
    await expect(proceedingsPage.decision).toBeVisible();

    const hearing = await hearingOf(sql, caseId);
    expect(hearing).toMatchObject({ status: 'held' });
    expect(hearing!.panel).toHaveLength(PANEL.length);
    expect(hearing!.attendance.members?.present.sort()).toEqual(PRESENT.map(memberId).sort());
    expect(await storedStatus()).toBe('hearing_scheduled');
    const audit = await caseAuditActions(sql, caseId);
    expect(audit.filter((r) => r.action === 'case.hearing_scheduled')).toHaveLength(2);
    await expectAudited(secretaryId, 'case.hearing_scheduled', 'case.hearing_notice_sent', 'case.hearing_held');
    expect((await deadline('committee_meeting'))?.status).toBe('met');
  });

  await test.step('5. the secretary decides against the recommendation, with a reason, and finalises', async () => {
    const form = await proceedingsPage.scoreRubric(perpetratorId, { scores: SCORES, protectionNeeded: true });
    const recommendation = form.getByTestId('recommendation');
    await expect(recommendation).toHaveAttribute('data-measures', '2,7');
    // A middle school: expulsion is never offered.
    await expect(form.getByTestId('measure-9')).toBeDisabled();

    await proceedingsPage.chooseMeasures(perpetratorId, DECIDED);
    // Departing from the recommendation needs a written reason.
    await proceedingsPage.page.getByTestId(`form-decision-${perpetratorId}-submit`).click();
    await expect(proceedingsPage.control(form, `decision-${perpetratorId}-overrideReason-error`)).not.toBeEmpty();
    await form.getByTestId('overrideReason').fill(OVERRIDE_REASON);
    await proceedingsPage.page.getByTestId(`form-decision-${perpetratorId}-submit`).click();
    await expect(page.getByTestId(`form-decision-${perpetratorId}-done`)).toBeVisible();

    await proceedingsPage.saveVictimMeasures(victimId, [1], '학교 상담실에서 주 1회 상담');
    await expect(page.getByTestId(`form-victim-measures-${victimId}-done`)).toBeVisible();

    const [decision] = await decisionsOf(sql, caseId);
    expect(decision).toMatchObject({
      perpetrator_party_id: perpetratorId,
      measures: DECIDED,
      differs_from_recommendation: true,
      override_reason: OVERRIDE_REASON,
    });
    expect(decision!.recommendation.measures).toEqual([2, 7]);

    await proceedingsPage.finaliseDecision();
    await expect(casePage.status).toHaveAttribute('data-status', 'decided');
    await expect(casePage.deadlineStatus('disposition_notice')).toHaveAttribute('data-status', /^(pending|due_soon)$/);

    await proceedingsPage.recordVictimMeasuresTaken('보호자 동의서 수령 후 상담 시작');
    await expect(casePage.deadlineStatus('victim_measures')).toHaveAttribute('data-status', 'met');

    expect(await storedStatus()).toBe('decided');
    await expectAudited(secretaryId, 'case.decision_revised', 'case.victim_measures_recorded', 'case.decision_made', 'case.victim_measures_taken');
  });

  await test.step('6. the notice PDF holds the case number and the measures; delivery moves the case into execution', async () => {
    // The perpetrator's notice, downloaded the way a user does.
    const link = proceedingsPage.noticeLink(perpetratorId, 'ko');
    await expect(link).toBeVisible();
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    expect(download.suggestedFilename()).toMatch(/\.pdf$/);
    expect(download.suggestedFilename()).toContain(caseNumber.replace(/^\D+/, ''));
    const pdf = await readFile((await download.path())!);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.length).toBeGreaterThan(10_000);
    const text = pdfText(pdf);
    expect(text).toContain(squeeze(`사안 번호${caseNumber}`));
    expect(text).toContain(squeeze(`${PERPETRATOR.name}: 제1호 서면사과, 제2호 접촉, 협박 및 보복행위의 금지 (60일), 제8호 전학`));
    // The other student appears by pseudonym only (Act 21).
    expect(text).not.toContain(VICTIM.name);

    // The victim's notice, fetched with the same session: a PDF too, with the victim's own measures.
    const victimNotice = await page.request.get(`/api/cases/${caseId}/notice?party=${victimId}&lang=ko`);
    expect(victimNotice.status()).toBe(200);
    expect(victimNotice.headers()['content-type']).toBe('application/pdf');
    const victimText = pdfText(await victimNotice.body());
    expect(victimText).toContain(squeeze(caseNumber));
    expect(victimText).toContain(squeeze(`${VICTIM.name}: 제1호 심리상담 및 조언`));
    expect(victimText).toContain(squeeze('제8호 전학'));
    expect(victimText).not.toContain(PERPETRATOR.name);
    expect((await caseAuditActions(sql, caseId)).filter((r) => r.action === 'case.notice_downloaded' && r.actor_id === secretaryId)).toHaveLength(2);

    await proceedingsPage.recordDelivery('registered_mail');
    await expect(casePage.status).toHaveAttribute('data-status', 'in_execution');
    await expect(casePage.deadlineStatus('disposition_notice')).toHaveAttribute('data-status', 'met');
    await expect(casePage.deadlineStatus('transfer_request')).toHaveAttribute('data-status', /^(pending|due_soon)$/);
    // Every decided measure is tracked; the transfer comes first.
    for (const m of [1, 2, 8]) await expect(proceedingsPage.measure(m)).toHaveAttribute('data-status', 'waiting');

    expect(await storedStatus()).toBe('in_execution');
    expect((await executionsOf(sql, caseId)).map((e) => [e.measure, e.status])).toEqual([
      [1, 'waiting'],
      [2, 'waiting'],
      [8, 'waiting'],
    ]);
    await expectAudited(secretaryId, 'case.disposition_notified');
  });

  await test.step('7. the head requests the transfer within its clock', async () => {
    await openCaseAs(HEAD);
    // Until the move, the other measures wait and cannot be recorded.
    await expect(proceedingsPage.form('record_execution', proceedingsPage.measure(1))).toHaveCount(0);
    await proceedingsPage.requestTransfer('교육지원청에 전학 배정 요청 공문 발송');
    await expect(proceedingsPage.measure(8)).toHaveAttribute('data-status', 'in_progress');
    await expect(proceedingsPage.form('request_transfer')).toHaveCount(0);
    await expect(casePage.deadlineStatus('transfer_request')).toHaveAttribute('data-status', 'met');

    expect((await deadline('transfer_request'))?.status).toBe('met');
    await expectAudited(headId, 'case.transfer_requested');
  });

  await test.step("8. the perpetrator's side appeals; the victim's side is told; the appeal fails", async () => {
    await openCaseAs(SECRETARY);
    await proceedingsPage.fileAppeal({ side: 'perpetrator', kind: 'administrative_appeal', body: APPEAL_BODY });
    await expect(casePage.status).toHaveAttribute('data-status', 'appeal_pending');
    const task = proceedingsPage.victimNoticeTask;
    await expect(task).toHaveCount(1);
    await expect(task).toContainText(APPEAL_BODY);
    const [appeal] = await appealsOf(sql, caseId);
    expect(appeal).toMatchObject({ side: 'perpetrator', kind: 'administrative_appeal', body: APPEAL_BODY, outcome: 'pending', victim_notified_at: null });
    // The outcome cannot be recorded before the victim's side is told.
    await expect(proceedingsPage.form('record_appeal_outcome')).toHaveCount(0);

    await proceedingsPage.notifyVictimOfAppeal(VICTIM_NOTICE);
    await expect(task).toHaveCount(0);
    const notified = casePage.event('victim_notified_of_appeal');
    await expect(notified).toHaveCount(1);
    await expect(notified).toContainText(VICTIM_NOTICE);
    await expect(notified).toContainText(`기록자: ${demoUser(SECRETARY).name}`);

    await proceedingsPage.recordAppealOutcome(appeal!.id, 'upheld');
    await expect(proceedingsPage.appeal(appeal!.id)).toHaveAttribute('data-outcome', 'upheld');
    await expect(casePage.status).toHaveAttribute('data-status', 'in_execution');

    expect(await appealsOf(sql, caseId)).toEqual([
      expect.objectContaining({ outcome: 'upheld', victim_notified_at: expect.any(Date), outcome_at: expect.any(Date) }),
    ]);
    expect(await storedStatus()).toBe('in_execution');
    await expectAudited(secretaryId, 'case.appeal_filed', 'case.victim_notified_of_appeal', 'case.appeal_decided');
  });

  await test.step('9. the school carries out every measure, transfer first, and the head closes the case', async () => {
    const today = kstDate(Date.now());
    await openCaseAs(TEACHER);
    await proceedingsPage.recordProgress(8, { transferredOn: today, newSchool: '역삼중학교', guardianHoursRequired: 5, guardianHoursDone: 5 });
    await expect(proceedingsPage.measure(8)).toHaveAttribute('data-status', 'completed');
    await proceedingsPage.recordProgress(1, { deliveredOn: today });
    await expect(proceedingsPage.measure(1)).toHaveAttribute('data-status', 'completed');
    await proceedingsPage.recordProgress(2, { startDate: today, endDate: today, guardianHoursRequired: 2, guardianHoursDone: 2 });
    await expect(proceedingsPage.measure(2)).toHaveAttribute('data-status', 'completed');
    // Closing is the head's (or the secretary's) step.
    await expect(proceedingsPage.closeCard).toHaveCount(0);

    const executions = await executionsOf(sql, caseId);
    expect(executions.map((e) => [e.measure, e.status])).toEqual([
      [1, 'completed'],
      [2, 'completed'],
      [8, 'completed'],
    ]);
    expect(executions.every((e) => e.completed_at !== null)).toBe(true);
    expect((await caseAuditActions(sql, caseId)).filter((r) => r.action === 'case.measure_progress_recorded' && r.actor_id === teacherId)).toHaveLength(3);

    await openCaseAs(HEAD);
    await expect(proceedingsPage.closeCard).toBeVisible();
    await expect(proceedingsPage.closeCard.getByTestId('close-blockers')).toHaveCount(0);
    await proceedingsPage.closeCase('모든 조치 이행 완료, 행정심판 기각 확인');
    await expect(casePage.status).toHaveAttribute('data-status', 'closed');
    await expect(casePage.status).toHaveText('종결');

    const closed = await caseById(sql, caseId);
    expect(closed?.status).toBe('closed');
    await expectAudited(headId, 'case.closed');
  });

  await test.step('the audit log tells the whole story, in order', async () => {
    const audit = (await caseAuditActions(sql, caseId)).filter((r) => r.action !== 'case.notice_downloaded');
    expect(audit.map((r) => [r.action, r.actor_id])).toEqual([
      ['case.filed', teacherId],
      ['case.guardians_notified', teacherId],
      ['case.office_reported', teacherId],
      ['case.investigator_assigned', secretaryId],
      ['case.statement_recorded', investigatorId],
      ['case.investigation_reported', investigatorId],
      ['case.school_body_reviewed', headId],
      ['case.committee_requested', headId],
      ['case.hearing_scheduled', secretaryId],
      ['case.hearing_scheduled', secretaryId],
      ['case.hearing_notice_sent', secretaryId],
      ['case.hearing_held', secretaryId],
      ['case.decision_revised', secretaryId],
      ['case.victim_measures_recorded', secretaryId],
      ['case.decision_made', secretaryId],
      ['case.victim_measures_taken', secretaryId],
      ['case.disposition_notified', secretaryId],
      ['case.transfer_requested', headId],
      ['case.appeal_filed', secretaryId],
      ['case.victim_notified_of_appeal', secretaryId],
      ['case.appeal_decided', secretaryId],
      ['case.measure_progress_recorded', teacherId],
      ['case.measure_progress_recorded', teacherId],
      ['case.measure_progress_recorded', teacherId],
      ['case.closed', headId],
    ]);
    // The workflow steps carry the status they moved the case to.
    const moved = audit.filter((r) => r.to_status).map((r) => r.to_status);
    expect(moved.at(-1)).toBe('closed');
    expect(new Set(moved)).toEqual(
      new Set([
        'initial_response',
        'investigating',
        'school_review',
        'committee_requested',
        'hearing_scheduled',
        'decided',
        'in_execution',
        'appeal_pending',
        'closed',
      ]),
    );
  });
});
