import { test as base, expect } from '@playwright/test';
import { AdminUsersPage } from './pages/admin-users-page';
import { AppShell } from './pages/app-shell';
import { CasePage } from './pages/case-page';
import { IntakePage } from './pages/intake-page';
import { LoginPage } from './pages/login-page';
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
  inbox: Inbox;
  /** One run of scripts/worker.ts (notification sweep + outbox) against the e2e database. */
  runWorker: () => Promise<WorkerRun>;
};

type WorkerFixtures = {
  /** postgres.js on E2E_DATABASE_URL, for reading back what the app stored. */
  sql: Sql;
};

// The second argument is Playwright's `use`; it is named `provide` so the React hooks lint rule leaves it alone.
export const test = base.extend<TestFixtures, WorkerFixtures>({
  sql: [
    async ({}, provide) => {
      const sql = connectTestDb();
      await provide(sql);
      await sql.end({ timeout: 5 });
    },
    { scope: 'worker' },
  ],
  loginPage: async ({ page }, provide) => {
    await provide(new LoginPage(page));
  },
  appShell: async ({ page }, provide) => {
    await provide(new AppShell(page));
  },
  adminUsersPage: async ({ page }, provide) => {
    await provide(new AdminUsersPage(page));
  },
  signInAs: async ({ page, loginPage }, provide) => {
    await provide(async (email, password = DEMO_PASSWORD) => {
      await loginPage.goto();
      await loginPage.signIn(email, password);
      await page.waitForURL((url) => url.pathname !== '/login');
    });
  },
  intakePage: async ({ page }, provide) => {
    await provide(new IntakePage(page));
  },
  casePage: async ({ page }, provide) => {
    await provide(new CasePage(page));
  },
  inbox: async ({ page }, provide) => {
    await provide(new Inbox(page));
  },
  runWorker: async ({ baseURL }, provide) => {
    await provide(() => runWorkerOnce(baseURL ?? ''));
  },
});

export { expect };
