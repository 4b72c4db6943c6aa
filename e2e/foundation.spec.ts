import { randomUUID } from 'node:crypto';
import { expect, test } from './fixtures';
import { countFailedSignIns, userIdByEmail } from './support/db';
import { DEMO_HOMES, DEMO_USERS, SESSION_COOKIE, demoUser } from './support/demo';

/**
 * The foundation's rules, proved through the browser against `next start`
 * on a freshly seeded database (see scripts/e2e.ts).
 */

const pathIs = (path: string) => (url: URL) => url.pathname === path;

async function sessionCookie(page: import('@playwright/test').Page) {
  return (await page.context().cookies()).find((c) => c.name === SESSION_COOKIE);
}

test.describe('each role signs in and lands on its home', () => {
  for (const user of DEMO_USERS) {
    const home = DEMO_HOMES[user.email]!;
    const roles = user.grants.map((g) => g.role).join('+');
    test(`${roles} ${user.email} lands on ${home.path}`, async ({ page, loginPage }) => {
      await loginPage.goto();
      await expect(loginPage.heading).toHaveText('로그인');
      await loginPage.signIn(user.email);

      await expect(page).toHaveURL(pathIs(home.path));
      await expect(page.getByTestId(home.testId)).toBeVisible();
      await expect(page.getByTestId('signed-in-as')).toHaveText(`${user.name} 님`);
      expect(await sessionCookie(page), 'a session cookie after signing in').toBeDefined();
    });
  }
});

test('a wrong password shows an error, creates no session, and is audited', async ({ page, loginPage, sql }) => {
  const email = 'head@dolbom.demo';
  const failuresBefore = await countFailedSignIns(sql, email);

  await loginPage.goto();
  await loginPage.signIn(email, 'not-the-password-2026');

  await expect(loginPage.error).toHaveText('이메일 또는 비밀번호가 올바르지 않습니다.');
  await expect(page).toHaveURL(pathIs('/login'));
  expect(await sessionCookie(page), 'no session cookie after a failed sign-in').toBeUndefined();

  await page.goto('/admin');
  await expect(page).toHaveURL('/login?callbackUrl=%2Fadmin');
  await expect(loginPage.form).toBeVisible();

  expect(await countFailedSignIns(sql, email)).toBe(failuresBefore + 1);
  const headId = await userIdByEmail(sql, email);
  const [row] = await sql<{ target_id: string | null; actor_id: string | null; reason: string }[]>`
    select target_id, actor_id, detail->>'reason' as reason from audit_log
    where action = 'auth.sign_in_failed' and detail->>'email' = ${email}
    order by id desc limit 1`;
  expect(row).toEqual({ target_id: headId, actor_id: null, reason: 'bad_credentials' });
  const [attempt] = await sql<{ success: boolean }[]>`select success from sign_in_attempts where email = ${email} order by id desc limit 1`;
  expect(attempt?.success).toBe(false);
});

test('a protected URL without a session redirects to sign-in with callbackUrl, and signing in returns there', async ({ page, loginPage }) => {
  await page.goto('/admin/audit-log');
  await expect(page).toHaveURL('/login?callbackUrl=%2Fadmin%2Faudit-log');
  await expect(loginPage.heading).toHaveText('로그인');

  await loginPage.signIn('admin@dolbom.demo');

  await expect(page).toHaveURL(pathIs('/admin/audit-log'));
  const auditTable = page.getByTestId('audit-table');
  // The sign-in just made is the newest row.
  await expect(auditTable.locator('tbody tr').first()).toContainText('auth.signed_in');
});

test("a school's staff member requesting another school's resource by URL gets 404 and sees no data", async ({ page, signInAs, appShell, sql }) => {
  const target = demoUser('teacher@dolbom.demo');
  const targetId = await userIdByEmail(sql, target.email);
  await signInAs('teacher2@dolbom.demo');
  await expect(page).toHaveURL(pathIs('/school'));

  for (const path of [`/admin/users/${targetId}`, '/admin', '/audit']) {
    const response = await page.goto(path);
    expect(response?.status(), `${path} status`).toBe(404);
    await expect(appShell.notFound, path).toBeVisible();
    await expect(appShell.notFound).toContainText('페이지를 찾을 수 없습니다');
    const text = await page.locator('body').innerText();
    expect(text, path).not.toContain(target.email);
    expect(text, path).not.toContain(target.name);
    // Nor hidden in the markup or the RSC payload. (The raw HTML does carry the string
    // teacher@dolbom.demo inside the serialised i18n catalogue's demo hint, so the
    // e-mail is checked in the visible text above and the name here.)
    expect(await page.content(), path).not.toContain(target.name);
    await expect(page.getByTestId('users-table')).toHaveCount(0);
  }
});

test('the language switch changes the UI language and persists across reload', async ({ page, loginPage, appShell, signInAs }) => {
  const html = page.locator('html');

  // Signed out, on the sign-in page.
  await loginPage.goto();
  await expect(html).toHaveAttribute('lang', 'ko');
  await expect(loginPage.heading).toHaveText('로그인');
  await appShell.switchLocale('en');
  await expect(loginPage.heading).toHaveText('Sign in');
  await expect(html).toHaveAttribute('lang', 'en');
  await expect(appShell.localeButton('en')).toHaveAttribute('aria-pressed', 'true');
  await page.reload();
  await expect(loginPage.heading).toHaveText('Sign in');
  await expect(html).toHaveAttribute('lang', 'en');
  await appShell.switchLocale('ko');
  await expect(loginPage.heading).toHaveText('로그인');
  await expect(html).toHaveAttribute('lang', 'ko');

  // Signed in: the navigation, the home heading and the sign-out button follow.
  await signInAs('teacher@dolbom.demo');
  await expect(page).toHaveURL(pathIs('/school'));
  await expect(appShell.nav.getByRole('link').first()).toHaveText('학교 사안');
  await expect(appShell.signOutButton).toHaveText('로그아웃');
  await appShell.switchLocale('en');
  await expect(appShell.nav.getByRole('link').first()).toHaveText('School cases');
  await expect(page.getByTestId('home-school')).toHaveText('School cases');
  await expect(appShell.signOutButton).toHaveText('Sign out');
  await expect(appShell.signedInAs).toHaveText('Signed in as 김담임');
  await expect(html).toHaveAttribute('lang', 'en');

  await page.reload();
  await expect(appShell.nav.getByRole('link').first()).toHaveText('School cases');
  await expect(html).toHaveAttribute('lang', 'en');
  const cookie = (await page.context().cookies()).find((c) => c.name === 'NEXT_LOCALE');
  expect(cookie?.value).toBe('en');
});

test('the admin creates a user, who can then sign in', async ({ page, signInAs, adminUsersPage, appShell, loginPage, sql }) => {
  const suffix = randomUUID().slice(0, 8);
  const newUser = {
    name: `테스트교사 ${suffix}`,
    email: `e2e-${suffix}@dolbom.demo`,
    password: `e2e-password-${suffix}`,
    role: 'school_staff' as const,
    school: '대치중학교',
  };

  await signInAs('admin@dolbom.demo');
  await expect(page).toHaveURL(pathIs('/admin'));
  await adminUsersPage.goto();
  await expect(adminUsersPage.userRow(newUser.email)).toHaveCount(0);
  await adminUsersPage.createUser(newUser);

  await expect(adminUsersPage.created).toHaveText('사용자를 만들었습니다.');
  const row = adminUsersPage.userRow(newUser.email);
  await expect(row).toHaveCount(1);
  await expect(row).toContainText(newUser.name);
  await expect(row).toContainText('책임교사 · 대치중학교');
  await expect(row).toContainText('활성');

  // What was stored.
  const adminId = await userIdByEmail(sql, 'admin@dolbom.demo');
  const [stored] = await sql<{ id: string; name: string; active: boolean; has_password: boolean }[]>`
    select id, name, active, password_hash is not null as has_password from users where email = ${newUser.email}`;
  expect(stored).toMatchObject({ name: newUser.name, active: true, has_password: true });
  const grants = await sql<{ role: string; school: string | null; office_id: string | null }[]>`
    select g.role, s.name as school, g.office_id from role_grants g left join schools s on s.id = g.school_id where g.user_id = ${stored!.id}`;
  expect(grants).toEqual([{ role: 'school_staff', school: '대치중학교', office_id: null }]);
  const audits = await sql<{ actor_id: string; email: string }[]>`
    select actor_id, detail->>'email' as email from audit_log where action = 'admin.user_created' and target_id = ${stored!.id}`;
  expect(audits).toEqual([{ actor_id: adminId, email: newUser.email }]);

  // The new account works, and lands on the school home.
  await appShell.signOut();
  await loginPage.signIn(newUser.email, newUser.password);
  await expect(page).toHaveURL(pathIs('/school'));
  await expect(page.getByTestId('home-school')).toBeVisible();
  await expect(appShell.signedInAs).toHaveText(`${newUser.name} 님`);
});

test('sign-out ends the session', async ({ page, signInAs, appShell, sql }) => {
  const teacherId = await userIdByEmail(sql, 'teacher@dolbom.demo');
  const [before] = await sql<{ n: number }[]>`select count(*)::int as n from audit_log where action = 'auth.signed_out' and actor_id = ${teacherId}`;
  await signInAs('teacher@dolbom.demo');
  await expect(page).toHaveURL(pathIs('/school'));
  expect(await sessionCookie(page)).toBeDefined();

  await appShell.signOut();
  await expect(page).toHaveURL(pathIs('/login'));
  expect(await sessionCookie(page), 'the session cookie is cleared').toBeUndefined();

  await page.goto('/school');
  await expect(page).toHaveURL('/login?callbackUrl=%2Fschool');
  await expect(page.getByTestId('home-school')).toHaveCount(0);
  await expect
    .poll(async () => (await sql<{ n: number }[]>`select count(*)::int as n from audit_log where action = 'auth.signed_out' and actor_id = ${teacherId}`)[0]?.n)
    .toBe(before!.n + 1);
});
