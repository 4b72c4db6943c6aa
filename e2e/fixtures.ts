import { test as base, expect } from '@playwright/test';
import { AdminUsersPage } from './pages/admin-users-page';
import { AppShell } from './pages/app-shell';
import { LoginPage } from './pages/login-page';
import { connectTestDb, type Sql } from './support/db';
import { DEMO_PASSWORD } from './support/demo';

type TestFixtures = {
  loginPage: LoginPage;
  appShell: AppShell;
  adminUsersPage: AdminUsersPage;
  /** Signs in through the form and waits until the browser has left /login. */
  signInAs: (email: string, password?: string) => Promise<void>;
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
});

export { expect };
