import type { Locator, Page } from '@playwright/test';
import type { Role } from '../../lib/auth/roles';
import { waitForHydration } from '../support/hydration';

export type NewUser = { name: string; email: string; password: string; role: Role; school?: string; office?: string };

/** /admin: the create-user form and the users table. */
export class AdminUsersPage {
  readonly heading: Locator;
  readonly form: Locator;
  readonly roleSelect: Locator;
  readonly schoolSelect: Locator;
  readonly officeSelect: Locator;
  readonly created: Locator;
  readonly usersTable: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByTestId('home-admin');
    this.form = page.getByTestId('create-user-form');
    this.roleSelect = this.form.getByTestId('role-select');
    this.schoolSelect = this.form.getByTestId('school-select');
    this.officeSelect = this.form.getByTestId('office-select');
    this.created = page.getByTestId('user-created');
    this.usersTable = page.getByTestId('users-table');
  }

  async goto(): Promise<void> {
    await this.page.goto('/admin');
    await waitForHydration(this.form);
  }

  userRow(email: string): Locator {
    return this.usersTable.getByRole('row').filter({ has: this.page.getByRole('cell', { name: email, exact: true }) });
  }

  async createUser(user: NewUser): Promise<void> {
    await waitForHydration(this.form);
    await this.form.locator('#name').fill(user.name);
    await this.form.locator('#email').fill(user.email);
    await this.form.locator('#password').fill(user.password);
    await this.roleSelect.selectOption(user.role);
    if (user.school) await this.schoolSelect.selectOption({ label: user.school });
    if (user.office) await this.officeSelect.selectOption({ label: user.office });
    await this.form.locator('button[type="submit"]').click();
  }
}
