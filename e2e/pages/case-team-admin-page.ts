import type { Locator, Page } from '@playwright/test';
import { waitForHydration } from '../support/hydration';

/** /admin/case-teams and /admin/case-teams/<id>: the admin's view of a restricted case's team (app/(app)/admin/case-teams). */
export class CaseTeamAdminPage {
  readonly tab: Locator;
  readonly search: Locator;
  readonly heading: Locator;
  readonly members: Locator;
  readonly history: Locator;
  readonly addForm: Locator;
  readonly added: Locator;

  constructor(readonly page: Page) {
    this.tab = page.getByTestId('admin-tab-case-teams');
    this.search = page.getByTestId('case-team-search');
    this.heading = page.getByTestId('case-team-number');
    this.members = page.getByTestId('case-team-members');
    this.history = page.getByTestId('case-team-history');
    this.addForm = page.getByTestId('add-team-member-form');
    this.added = page.getByTestId('team-member-added');
  }

  /** From the admin home: the tab, a search by number, and the case's "manage team" link. */
  async openByCaseNumber(caseNumber: string): Promise<void> {
    await this.tab.click();
    await this.page.waitForURL((url) => url.pathname === '/admin/case-teams');
    await this.search.getByLabel('사안번호').fill(caseNumber);
    await this.search.getByRole('button').click();
    await this.page.waitForURL((url) => url.searchParams.get('q') === caseNumber);
    await this.page.getByTestId(`case-team-row-${caseNumber}`).getByTestId('manage-case-team').click();
    await this.heading.waitFor();
  }

  member(email: string): Locator {
    return this.members.getByTestId(`team-member-${email}`);
  }

  /** `label` is the option's text, which starts with the user's name and e-mail. */
  async add(userLabel: RegExp, reason: string): Promise<void> {
    await waitForHydration(this.addForm);
    const option = await this.addForm.locator('option').filter({ hasText: userLabel }).first().getAttribute('value');
    await this.addForm.getByLabel('사용자').selectOption(option!);
    await this.addForm.getByLabel('사유 (선택)').fill(reason);
    await this.addForm.getByTestId('add-team-member-submit').click();
  }

  /** Remove, then the confirmation step with its reason. */
  async remove(email: string, reason: string): Promise<void> {
    const row = this.member(email);
    await waitForHydration(row.getByTestId('remove-team-member'));
    await row.getByTestId('remove-team-member').click();
    const confirm = row.getByTestId('remove-team-member-form');
    await confirm.getByLabel('제외 사유').fill(reason);
    await confirm.getByTestId('remove-team-member-confirm').click();
  }
}
