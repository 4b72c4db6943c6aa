import { expect, test } from './fixtures';
import { reportedIntake, type IntakeParty } from './pages/intake-page';
import { caseAudit, caseById, caseEventsOf, caseNotifications, casePartiesOf, countCases, countCaseViews } from './support/case-db';
import { userIdByEmail } from './support/db';
import { demoUser } from './support/demo';
import { hoursAgo, kstDaysFromToday, kstLocal } from './support/kst';

/**
 * The case workflow's rules, proved through the browser against `next start`
 * on the freshly seeded e2e database (scripts/e2e.ts). Every test files its
 * own case through the intake form, so the tests do not depend on each other
 * or on the seeded demo cases.
 */

const CASE_NUMBER = /^강남서초-\d{4}-\d{4}$/;
const TEACHER = 'teacher@dolbom.demo';
const teacherName = demoUser(TEACHER).name; // 김담임

const pathIs = (path: string) => (url: URL) => url.pathname === path;

/** A realistic intake for 대치중학교, reported `reportedHoursAgo` hours ago and happening half an hour before that. */
const incident = (parties: IntakeParty[], reportedHoursAgo: number) =>
  reportedIntake(reportedHoursAgo, 0.5, {
    location: '본관 3층 2학년 3반 교실 뒤편',
    learnedVia: 'direct_report',
    reporterType: 'student',
    categories: ['physical', 'verbal'],
    summary: '점심시간에 가해 관련 학생이 피해학생 두 명의 어깨를 수차례 밀치고 욕설을 하였다는 신고를 받음. 목격 학생 진술로 일부 사실을 확인함.',
    parties,
  });

const VICTIM_A: IntakeParty = { name: '이서준', role: 'victim', grade: 2, classNo: '3', guardianName: '이정민', guardianContact: '010-2345-6789' };
const VICTIM_B: IntakeParty = { name: '최하은', role: 'victim', grade: 2, classNo: '3', guardianName: '최경희', guardianContact: '010-3456-7890' };
const PERPETRATOR: IntakeParty = {
  name: '박도윤',
  role: 'alleged_perpetrator',
  grade: 2,
  classNo: '5',
  guardianName: '박상철',
  guardianContact: '010-4567-8901',
};

test('a teacher files a two-victim, one-perpetrator incident and each recorded step turns its clock from pending to met', async ({
  page,
  signInAs,
  intakePage,
  casePage,
  sql,
}) => {
  const teacherId = await userIdByEmail(sql, TEACHER);
  await signInAs(TEACHER);
  await expect(page).toHaveURL(pathIs('/school'));

  // Intake.
  await intakePage.openFromSchoolHome();
  const caseId = await intakePage.fileCase(incident([VICTIM_A, VICTIM_B, PERPETRATOR], 1));

  await expect(casePage.caseNumber).toHaveText(CASE_NUMBER);
  const caseNumber = (await casePage.caseNumber.textContent())!.trim();
  await expect(casePage.status).toHaveAttribute('data-status', 'reported');
  for (const key of ['guardian_notice', 'office_report', 'separation_start'] as const) {
    await expect(casePage.deadlineStatus(key), key).toHaveAttribute('data-status', /^(pending|due_soon)$/);
  }
  for (const party of [VICTIM_A, VICTIM_B, PERPETRATOR]) await expect(casePage.parties).toContainText(party.name);
  await expect(casePage.event('case_filed')).toContainText(`기록자: ${teacherName}`);

  // Guardian notice: the first victim's guardian, by phone.
  await casePage.recordGuardianNotice({ guardian: `${VICTIM_A.guardianName} (${VICTIM_A.name} 보호자)`, method: 'phone' });
  await expect(casePage.stepDone('record_guardian_notice')).toBeVisible();
  await expect(casePage.deadlineStatus('guardian_notice')).toHaveAttribute('data-status', 'met');
  await expect(casePage.deadlineStatus('guardian_notice')).toHaveText('기한 내 완료');
  const notified = casePage.event('guardians_notified');
  await expect(notified).toHaveCount(1);
  await expect(notified).toContainText(`기록자: ${teacherName}`);
  await expect(notified).toContainText(`통보 대상: ${VICTIM_A.guardianName} (${VICTIM_A.name} 보호자)`);
  await expect(notified).toContainText('방법: 전화');
  await expect(casePage.status).toHaveAttribute('data-status', 'initial_response');
  // The other clocks are untouched.
  await expect(casePage.deadlineStatus('office_report')).toHaveAttribute('data-status', /^(pending|due_soon)$/);

  // Office report: once recorded, the step is no longer offered.
  await casePage.recordOfficeReport();
  await expect(casePage.deadlineStatus('office_report')).toHaveAttribute('data-status', 'met');
  await expect(casePage.event('office_reported')).toContainText(`기록자: ${teacherName}`);
  await expect(casePage.step('record_office_report')).toHaveCount(0);
  await expect(casePage.status).toHaveAttribute('data-status', 'investigating');

  // Separation in a separate classroom until three days from today.
  const plannedEnd = kstDaysFromToday(3);
  await casePage.startSeparation({ method: 'separate_classroom', plannedEnd });
  await expect(casePage.deadlineStatus('separation_start')).toHaveAttribute('data-status', 'met');
  const separated = casePage.event('separation_started');
  await expect(separated).toContainText(`기록자: ${teacherName}`);
  await expect(separated).toContainText('방법: 별도 교실');
  await expect(separated).toContainText(`종료 예정: ${plannedEnd}`);
  // The separation's own cap now runs.
  await expect(casePage.deadlineStatus('separation_limit')).toHaveAttribute('data-status', /^(pending|due_soon)$/);

  // What was stored.
  const stored = await caseById(sql, caseId);
  expect(stored).toMatchObject({ case_number: caseNumber, status: 'investigating', created_by: teacherId, categories: ['physical', 'verbal'] });
  const storedStatus = Object.fromEntries(stored!.deadlines.map((d) => [d.key, d.status]));
  expect(storedStatus).toMatchObject({ guardian_notice: 'met', office_report: 'met', separation_start: 'met' });

  const parties = await casePartiesOf(sql, caseId);
  expect(parties.map((p) => p.role)).toEqual(['victim', 'victim', 'alleged_perpetrator']);
  const plain = [VICTIM_A, VICTIM_B, PERPETRATOR].flatMap((p) => [p.name, p.guardianName!, p.guardianContact!]);
  for (const p of parties) {
    for (const column of [p.name_enc, p.guardian_name_enc, p.guardian_contact_enc]) {
      expect(column, 'stored encrypted').toBeTruthy();
      for (const text of plain) expect(column).not.toContain(text);
    }
  }

  const events = await caseEventsOf(sql, caseId);
  expect(events.filter((e) => e.type !== 'contact_ban_in_force')).toEqual([
    { type: 'case_filed', actor_id: teacherId },
    { type: 'guardians_notified', actor_id: teacherId },
    { type: 'office_reported', actor_id: teacherId },
    { type: 'separation_started', actor_id: teacherId },
  ]);

  expect(await caseAudit(sql, caseId)).toEqual([
    { action: 'case.filed', actor_id: teacherId },
    { action: 'case.guardians_notified', actor_id: teacherId },
    { action: 'case.office_reported', actor_id: teacherId },
    { action: 'case.separation_started', actor_id: teacherId },
  ]);
  expect(await countCaseViews(sql, caseId, teacherId), 'opening the case is audited').toBeGreaterThan(0);
});

test('a case whose office report is overdue shows as breached and raises a notification', async ({
  page,
  signInAs,
  intakePage,
  casePage,
  appShell,
  inbox,
  runWorker,
  sql,
}) => {
  const teacherId = await userIdByEmail(sql, TEACHER);
  const headId = await userIdByEmail(sql, 'head@dolbom.demo');
  await signInAs(TEACHER);
  await intakePage.goto();
  // Learned of three days ago and never reported: the 48-hour office report clock has run out.
  const caseId = await intakePage.fileCase(incident([{ ...VICTIM_A, name: '정우진', guardianName: '정미숙' }], 72));

  await expect(casePage.caseNumber).toHaveText(CASE_NUMBER);
  const caseNumber = (await casePage.caseNumber.textContent())!.trim();
  await expect(casePage.deadlineStatus('office_report')).toHaveAttribute('data-status', 'breached');
  await expect(casePage.deadlineStatus('office_report')).toHaveText('기한 초과');
  await expect(casePage.nextDeadline).toBeVisible();
  await expect(casePage.nextDeadline).toHaveAttribute('data-status', 'breached');
  await expect(casePage.nextDeadline.getByTestId('countdown')).toContainText('초과');

  // The sweep notices it.
  expect(await caseNotifications(sql, caseId)).toEqual([]);
  const first = await runWorker();
  expect(first.notifications, first.output).toBeGreaterThan(0);
  const notices = await caseNotifications(sql, caseId);
  const officeReportBreached = notices.filter((n) => n.kind === 'deadline_breached' && n.key === 'office_report');
  expect(officeReportBreached.map((n) => n.user_id)).toEqual(expect.arrayContaining([teacherId, headId]));
  // teacher2 works at another school of the same office: not told.
  expect(notices.map((n) => n.user_id)).not.toContain(await userIdByEmail(sql, 'teacher2@dolbom.demo'));

  // A second run finds nothing new to say about this case.
  await runWorker();
  expect(await caseNotifications(sql, caseId)).toHaveLength(notices.length);

  // The head of school sees it in the inbox and follows it to the case.
  await appShell.signOut();
  await signInAs('head@dolbom.demo');
  await expect(inbox.unreadCount).toBeVisible();
  expect(await inbox.unread()).toBeGreaterThanOrEqual(1);
  await inbox.openFromHeader();
  const notice = await inbox.find(caseNumber, '교육지원청 보고');
  await expect(notice).toHaveCount(1);
  await expect(notice).toContainText(`${caseNumber}: 교육지원청 보고 기한이 지났습니다`);
  await expect(notice).toHaveAttribute('data-unread', 'true');
  await notice.getByRole('link').click();
  await expect(page).toHaveURL(pathIs(`/cases/${caseId}`));
  await expect(casePage.caseNumber).toHaveText(caseNumber);
  await expect(casePage.deadlineStatus('office_report')).toHaveAttribute('data-status', 'breached');
});

test("another school's staff member cannot open the case", async ({ page, signInAs, intakePage, appShell, sql }) => {
  const students: IntakeParty[] = [
    { name: '한지우', role: 'victim', grade: 1, classNo: '2', guardianName: '한명수', guardianContact: '010-5678-9012' },
    { name: '윤시우', role: 'alleged_perpetrator', grade: 1, classNo: '4' },
  ];
  await signInAs(TEACHER);
  await intakePage.goto();
  const caseId = await intakePage.fileCase(incident(students, 1));
  const caseNumber = (await page.getByTestId('case-number').textContent())!.trim();
  expect(caseNumber).toMatch(CASE_NUMBER);

  await appShell.signOut();
  const teacher2 = 'teacher2@dolbom.demo';
  const teacher2Id = await userIdByEmail(sql, teacher2);
  await signInAs(teacher2);
  await expect(page).toHaveURL(pathIs('/school'));

  const response = await page.goto(`/cases/${caseId}`);
  expect(response?.status()).toBe(404);
  await expect(appShell.notFound).toBeVisible();
  await expect(appShell.notFound).toContainText('페이지를 찾을 수 없습니다');
  await expect(page.getByTestId('case-number')).toHaveCount(0);
  const secrets = [caseNumber, ...students.flatMap((s) => [s.name, s.guardianName, s.guardianContact].filter((v): v is string => Boolean(v)))];
  const text = await page.locator('body').innerText();
  const html = await page.content();
  for (const secret of secrets) {
    expect(text, secret).not.toContain(secret);
    expect(html, secret).not.toContain(secret);
  }
  expect(await countCaseViews(sql, caseId, teacher2Id)).toBe(0);
});

test('bad intake input shows field errors and writes nothing', async ({ page, signInAs, intakePage, sql }) => {
  await signInAs(TEACHER);
  await intakePage.goto();
  const casesBefore = await countCases(sql);
  const posts: string[] = [];
  page.on('request', (r) => {
    if (r.method() === 'POST') posts.push(r.url());
  });

  // Nothing filled in (the form only pre-fills the report time).
  await intakePage.submit();
  await expect(intakePage.errors).toContainText('입력값을 확인해 주세요');
  await expect(intakePage.fieldError('location')).toHaveText('필수 항목입니다.');
  await expect(intakePage.field('location')).toHaveAttribute('aria-invalid', 'true');
  await expect(intakePage.fieldError('summary')).toHaveText('필수 항목입니다.');
  await expect(intakePage.fieldError('occurredAt')).toHaveText('필수 항목입니다.');
  await expect(intakePage.fieldError('parties-0-name')).toHaveText('필수 항목입니다.');
  await expect(intakePage.errors).toContainText('발생 장소');

  // Everything but the place, and the only student a witness.
  const reported = hoursAgo(1);
  await intakePage.field('occurredAt').fill(kstLocal(reported.getTime() - 30 * 60_000));
  await intakePage.field('reportedAt').fill(kstLocal(reported));
  await intakePage.field('learnedVia').selectOption('teacher_observation');
  await intakePage.field('reporterType').selectOption('teacher');
  await intakePage.category('verbal').check();
  await intakePage.field('summary').fill('복도에서 언쟁이 있었다는 목격 진술만 있음.');
  await intakePage.fillParty(0, { name: '강민재', role: 'witness', grade: 3, classNo: '1' });
  await intakePage.submit();
  await expect(intakePage.partiesError).toHaveText('피해학생(또는 쌍방)을 한 명 이상 입력하세요.');
  await expect(intakePage.fieldError('location')).toHaveText('필수 항목입니다.');
  await expect(intakePage.fieldError('summary')).toHaveText('');
  await expect(intakePage.errors).toContainText('관련 학생');

  // Nothing left the browser and nothing was stored.
  await expect(page).toHaveURL(pathIs('/cases/new'));
  expect(posts).toEqual([]);
  expect(await countCases(sql)).toBe(casesBefore);
});
