import { test as base, expect, type Page, type TestFixture } from '@playwright/test';
import { AdminUsersPage } from './pages/admin-users-page';
import { AppShell } from './pages/app-shell';
import { CasePage } from './pages/case-page';
import { CaseTeamAdminPage } from './pages/case-team-admin-page';
import { IntakePage } from './pages/intake-page';
import { LoginPage } from './pages/login-page';
import { ProceedingsPage } from './pages/proceedings-page';
import { connectTestDb, type Sql } from './support/db';
import { DEMO_PASSWORD } from './support/demo';
import { Inbox } from './support/inbox';
import { runWorkerOnce, type WorkerRun } from './support/worker';

type TestFixtures = {
  loginPage: LoginPage;
  appShell: AppShell;
  adminUsersPage: AdminUsersPage;
  /** Signs in through the form and waits until the browser has left /login. */
  signInAs: (email: string, password?: string) => Promise<void>;
  intakePage: IntakePage;
  casePage: CasePage;
  proceedingsPage: ProceedingsPage;
  caseTeamAdminPage: CaseTeamAdminPage;
  inbox: Inbox;
  /** One run of scripts/worker.ts (notification sweep + outbox) against the e2e database. */
  runWorker: () => Promise<WorkerRun>;
};

type WorkerFixtures = {
  /** postgres.js on E2E_DATABASE_URL, for reading back what the app stored. */
  sql: Sql;
};

// The second argument is Playwright's `use`; it is named `provide` so the React hooks lint rule leaves it alone.
/** A page object over the test's page, made fresh for each test. */
const pageObject =
  <T>(PageObject: new (page: Page) => T): TestFixture<T, { page: Page }> =>
  async ({ page }, provide) => {
    await provide(new PageObject(page));
  };

export const test = base.extend<TestFixtures, WorkerFixtures>({
  sql: [
    async ({}, provide) => {
      const sql = connectTestDb();
      await provide(sql);
      await sql.end({ timeout: 5 });
    },
    { scope: 'worker' },
  ],
  loginPage: pageObject(LoginPage),
  appShell: pageObject(AppShell),
  adminUsersPage: pageObject(AdminUsersPage),
  signInAs: async ({ page, loginPage }, provide) => {
    await provide(async (email, password = DEMO_PASSWORD) => {
      await loginPage.goto();
      await loginPage.signIn(email, password);
      await page.waitForURL((url) => url.pathname !== '/login');
    });
  },
  intakePage: pageObject(IntakePage),
  casePage: pageObject(CasePage),
  proceedingsPage: pageObject(ProceedingsPage),
  caseTeamAdminPage: pageObject(CaseTeamAdminPage),
  inbox: pageObject(Inbox),
  runWorker: async ({ baseURL }, provide) => {
    await provide(() => runWorkerOnce(baseURL ?? ''));
  },
});

export { expect };
