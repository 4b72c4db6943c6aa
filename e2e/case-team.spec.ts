import { expect, test } from './fixtures';
import { reportedIntake } from './pages/intake-page';
import { caseEventsOf, countCaseViews } from './support/case-db';
import { userIdByEmail, type Sql } from './support/db';
import { demoUser } from './support/demo';

/**
 * The sexual-case path through the browser: the mandatory police report with
 * its officer, and the named case team that keeps even a colleague at the
 * same school out until an admin adds them.
 */

const TEACHER = 'teacher@dolbom.demo';
/** 송교사: a second teacher at 대치중학교 (db/seed/demo-org.ts), not the one who files. */
const COLLEAGUE = 'homeroom@dolbom.demo';
const ADMIN = 'admin@dolbom.demo';
const pathIs = (path: string) => (url: URL) => url.pathname === path;

const deepfakeIntake = () =>
  reportedIntake(2, 12, {
    location: '학급 메신저 단체 대화방',
    learnedVia: 'guardian_contact',
    reporterType: 'guardian',
    categories: ['digital_sex_offence'],
    summary: '같은 반 학생이 피해학생 얼굴 사진으로 딥페이크 합성 이미지를 만들어 단체 대화방에 올렸다는 보호자 신고. 화면 캡처를 보존함.',
    parties: [
      { name: '윤서아', role: 'victim', grade: 2, classNo: '1', guardianName: '윤정호', guardianContact: '010-6543-2109' },
      { name: '강민재', role: 'alleged_perpetrator', grade: 2, classNo: '1' },
    ],
  });

const teamOf = (sql: Sql, caseId: string) =>
  sql<{ user_id: string; team_role: string; added_by: string | null; removed_by: string | null; removed: boolean; reason: string | null }[]>`
    select user_id, team_role::text as team_role, added_by, removed_by, removed_at is not null as removed, reason from case_team_members where case_id = ${caseId} order by added_at, id`;
const teamUserIds = async (sql: Sql, caseId: string) =>
  (await sql<{ ids: string[] }[]>`select team_user_ids::text[] as ids from cases where id = ${caseId}`)[0]!.ids;
const teamAudit = (sql: Sql, caseId: string) =>
  sql<{ action: string; actor_id: string | null; detail: Record<string, unknown> }[]>`
    select action, actor_id, detail from audit_log where target_id = ${caseId} and action like 'case.team_member_%' order by id`;

test('a deepfake case goes to the police with its officer and stays with its team until an admin adds a colleague', async ({
  page,
  signInAs,
  intakePage,
  casePage,
  caseTeamAdminPage,
  appShell,
  sql,
}) => {
  const [teacherId, colleagueId, adminId, headId] = (await Promise.all([TEACHER, COLLEAGUE, ADMIN, 'head@dolbom.demo'].map((e) => userIdByEmail(sql, e)))) as [
    string,
    string,
    string,
    string,
  ];

  // The teacher files it and is told the police report is mandatory, whatever the family wants.
  await signInAs(TEACHER);
  await intakePage.openFromSchoolHome();
  const caseId = await intakePage.fileCase(deepfakeIntake());
  const caseNumber = (await casePage.caseNumber.textContent())!.trim();
  await expect(page.getByTestId('case-restricted')).toBeVisible();
  await expect(casePage.policeBanner).toContainText('피해학생이나 보호자가 원하지 않더라도 반드시 수사기관에 신고');
  await expect(casePage.policeBanner).toContainText('신고 기한');
  await expect(page.getByTestId('case-team')).toContainText(demoUser(TEACHER).name);
  await expect(page.getByTestId('case-team')).not.toContainText(demoUser(COLLEAGUE).name);

  // The police report of a sexual case needs the officer: the form says so before anything is sent.
  const form = casePage.step('record_police_report');
  await expect(form).toContainText('담당 경찰관');
  await casePage.stepField('record_police_report', 'station').fill('서울수서경찰서');
  await casePage.stepField('record_police_report', 'reportNumber').fill('2026-여청-0917');
  await casePage.stepSubmit('record_police_report').click();
  await expect(form.locator('[id="record_police_report-officer-error"]')).toHaveText('필수 항목입니다.');
  expect((await caseEventsOf(sql, caseId)).map((e) => e.type)).not.toContain('police_reported');
  await casePage.stepField('record_police_report', 'officer').fill('여성청소년과 김경위');
  await casePage.stepSubmit('record_police_report').click();
  await expect(casePage.event('police_reported')).toBeVisible();
  const [police] = await sql<{ data: Record<string, string> }[]>`select data from case_events where case_id = ${caseId} and type = 'police_reported'`;
  expect(police?.data).toMatchObject({ station: '서울수서경찰서', reportNumber: '2026-여청-0917', officer: '여성청소년과 김경위' });
  const [policeAudit] = await sql<{ actor_id: string }[]>`select actor_id from audit_log where target_id = ${caseId} and action = 'case.police_reported'`;
  expect(policeAudit?.actor_id).toBe(teacherId);

  // Intake seeded the team, each member audited with the filer as the one who caused it.
  const seeded = await teamOf(sql, caseId);
  expect(seeded.map((m) => [m.user_id, m.team_role])).toEqual(
    expect.arrayContaining([
      [teacherId, 'assigned_staff'],
      [headId, 'school_head'],
    ]),
  );
  expect(seeded.map((m) => m.user_id)).not.toContain(colleagueId);
  expect((await teamUserIds(sql, caseId)).sort()).toEqual(seeded.map((m) => m.user_id).sort());
  expect((await teamAudit(sql, caseId)).every((a) => a.action === 'case.team_member_added' && a.actor_id === teacherId)).toBe(true);
  await appShell.signOut();

  // A colleague at the same school: not in the list, and the URL is a 404 that names nothing.
  await signInAs(COLLEAGUE);
  await expect(page).toHaveURL(pathIs('/school'));
  await expect(page.getByTestId('home-school')).toBeVisible();
  await expect(page.getByTestId(`case-row-${caseNumber}`)).toHaveCount(0);
  const refused = await casePage.goto(caseId);
  expect(refused?.status()).toBe(404);
  await expect(appShell.notFound).toBeVisible();
  // The page carries the app's messages (which name deepfakes in general), so the check is for this case's own words.
  for (const secret of [caseNumber, '윤서아', '010-6543-2109', '화면 캡처를 보존함']) expect(await page.content()).not.toContain(secret);
  expect(await countCaseViews(sql, caseId, colleagueId)).toBe(0);
  await appShell.signOut();

  // The admin manages the team without seeing the case: number, school and stage only.
  await signInAs(ADMIN);
  expect((await casePage.goto(caseId))?.status()).toBe(404);
  await page.goto('/admin');
  await caseTeamAdminPage.openByCaseNumber(caseNumber);
  await expect(caseTeamAdminPage.heading).toHaveText(caseNumber);
  await expect(page.getByTestId('case-team-school')).toHaveText('대치중학교');
  await expect(caseTeamAdminPage.member(TEACHER)).toContainText('담당 교사');
  for (const secret of ['윤서아', '화면 캡처를 보존함', '단체 대화방']) await expect(page.locator('main')).not.toContainText(secret);
  await caseTeamAdminPage.add(new RegExp(COLLEAGUE), '학년부장으로 피해학생 지원');
  await expect(caseTeamAdminPage.added).toBeVisible();
  await expect(caseTeamAdminPage.member(COLLEAGUE)).toContainText('관리자 추가');

  const added = (await teamOf(sql, caseId)).find((m) => m.user_id === colleagueId);
  expect(added).toMatchObject({ team_role: 'added', added_by: adminId, removed: false, reason: '학년부장으로 피해학생 지원' });
  expect(await teamUserIds(sql, caseId)).toContain(colleagueId);
  expect((await teamAudit(sql, caseId)).at(-1)).toEqual({
    action: 'case.team_member_added',
    actor_id: adminId,
    detail: { userId: colleagueId, teamRole: 'added', reason: '학년부장으로 피해학생 지원' },
  });
  await appShell.signOut();

  // Now the colleague finds it in the list and opens it.
  await signInAs(COLLEAGUE);
  await expect(page.getByTestId(`case-row-${caseNumber}`)).toBeVisible();
  const opened = await casePage.goto(caseId);
  expect(opened?.status()).toBe(200);
  await expect(casePage.caseNumber).toHaveText(caseNumber);
  await expect(page.getByTestId('case-team')).toContainText(demoUser(COLLEAGUE).name);
  await expect.poll(() => countCaseViews(sql, caseId, colleagueId)).toBeGreaterThan(0);
  await appShell.signOut();

  // And the admin takes them off again, with a reason and a confirmation: a 404 once more.
  await signInAs(ADMIN);
  await page.goto('/admin');
  await caseTeamAdminPage.openByCaseNumber(caseNumber);
  await caseTeamAdminPage.remove(COLLEAGUE, '지원 종료');
  await expect(caseTeamAdminPage.history.getByTestId(`team-history-${COLLEAGUE}`)).toContainText('지원 종료');
  await expect(caseTeamAdminPage.member(COLLEAGUE)).toHaveCount(0);
  expect((await teamOf(sql, caseId)).find((m) => m.user_id === colleagueId)).toMatchObject({ removed: true, removed_by: adminId, reason: '지원 종료' });
  expect(await teamUserIds(sql, caseId)).not.toContain(colleagueId);
  expect((await teamAudit(sql, caseId)).at(-1)).toEqual({
    action: 'case.team_member_removed',
    actor_id: adminId,
    detail: { userId: colleagueId, reason: '지원 종료' },
  });
  await appShell.signOut();

  await signInAs(COLLEAGUE);
  expect((await casePage.goto(caseId))?.status()).toBe(404);
});
