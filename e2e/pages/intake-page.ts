import type { Locator, Page } from '@playwright/test';
import type { LearnedVia, PartyRole, ReporterType } from '../../lib/cases/constants';
import type { Category } from '../../lib/rules/types';
import { waitForHydration } from '../support/hydration';
import { HOUR_MS, hoursAgo, kstLocal } from '../support/kst';

export type IntakeParty = {
  name: string;
  role: PartyRole;
  grade?: number;
  classNo?: string;
  guardianName?: string;
  guardianContact?: string;
};

/** What a teacher types into the intake form; times are 'YYYY-MM-DDTHH:mm' in Korean time (support/kst.ts). */
export type Intake = {
  occurredAt: string;
  reportedAt: string;
  location: string;
  learnedVia: LearnedVia;
  reporterType: ReporterType;
  categories: Category[];
  summary: string;
  parties: IntakeParty[];
};

/**
 * An intake reported `reportedHoursAgo` hours ago about something that
 * happened `happenedHoursEarlier` hours before the report, so the school's
 * clocks (which run from the report) are fresh whenever the spec runs.
 */
export function reportedIntake(reportedHoursAgo: number, happenedHoursEarlier: number, details: Omit<Intake, 'occurredAt' | 'reportedAt'>): Intake {
  const reported = hoursAgo(reportedHoursAgo);
  return { occurredAt: kstLocal(reported.getTime() - happenedHoursEarlier * HOUR_MS), reportedAt: kstLocal(reported), ...details };
}

const CASE_PATH = /^\/cases\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/;

/** /cases/new: the intake form (app/(app)/cases/new/intake-form.tsx). */
export class IntakePage {
  readonly form: Locator;
  readonly submitButton: Locator;
  readonly addPartyButton: Locator;
  /** The summary above the submit button listing every field with a problem. */
  readonly errors: Locator;
  /** The parties section's own error slot (victim required). */
  readonly partiesError: Locator;

  constructor(readonly page: Page) {
    this.form = page.getByTestId('intake-form');
    this.submitButton = page.getByTestId('intake-submit');
    this.addPartyButton = page.getByTestId('add-party');
    this.errors = page.getByTestId('intake-errors');
    this.partiesError = page.getByTestId('parties-error');
  }

  async goto(): Promise<void> {
    await this.page.goto('/cases/new');
    await this.ready();
  }

  /**
   * The way a teacher gets there: the "new case" link on the school home.
   * Falls back to the URL while that page has no such link.
   */
  async openFromSchoolHome(): Promise<void> {
    if (new URL(this.page.url()).pathname !== '/school') await this.page.goto('/school');
    const link = this.page.locator('main a[href="/cases/new"]').first();
    if ((await link.count()) === 0) return this.goto();
    await link.click();
    await this.page.waitForURL((url) => url.pathname === '/cases/new');
    await this.ready();
  }

  /** The form is on screen and React owns it. */
  async ready(): Promise<void> {
    await waitForHydration(this.form);
  }

  /** A control by its DOM id ('location', 'parties-1-name', …). */
  field(id: string): Locator {
    return this.form.locator(`[id="${id}"]`);
  }

  /** The error slot under a control (`<id>-error`, app/_components/field.tsx). */
  fieldError(id: string): Locator {
    return this.form.locator(`[id="${id}-error"]`);
  }

  partyRow(index: number): Locator {
    return this.page.getByTestId(`party-row-${index}`);
  }

  category(category: Category): Locator {
    return this.page.getByTestId(`category-${category}`);
  }

  async fillParty(index: number, party: IntakeParty): Promise<void> {
    while ((await this.form.locator('[data-testid^="party-row-"]').count()) <= index) {
      const rows = await this.form.locator('[data-testid^="party-row-"]').count();
      await this.addPartyButton.click();
      await this.partyRow(rows).waitFor();
    }
    const p = `parties-${index}`;
    await this.field(`${p}-name`).fill(party.name);
    await this.field(`${p}-role`).selectOption(party.role);
    if (party.grade !== undefined) await this.field(`${p}-grade`).fill(String(party.grade));
    if (party.classNo !== undefined) await this.field(`${p}-classNo`).fill(party.classNo);
    if (party.guardianName !== undefined) await this.field(`${p}-guardianName`).fill(party.guardianName);
    if (party.guardianContact !== undefined) await this.field(`${p}-guardianContact`).fill(party.guardianContact);
  }

  async fill(intake: Intake): Promise<void> {
    await this.ready();
    await this.field('occurredAt').fill(intake.occurredAt);
    await this.field('reportedAt').fill(intake.reportedAt);
    await this.field('location').fill(intake.location);
    await this.field('learnedVia').selectOption(intake.learnedVia);
    await this.field('reporterType').selectOption(intake.reporterType);
    for (const c of intake.categories) await this.category(c).check();
    await this.field('summary').fill(intake.summary);
    for (const [i, party] of intake.parties.entries()) await this.fillParty(i, party);
  }

  async submit(): Promise<void> {
    await this.submitButton.click();
  }

  /** Fills, submits, waits for the case page and returns the new case's id. */
  async fileCase(intake: Intake): Promise<string> {
    await this.fill(intake);
    await this.submit();
    await this.page.waitForURL((url) => CASE_PATH.test(url.pathname));
    return IntakePage.caseIdFrom(this.page.url());
  }

  static caseIdFrom(url: string): string {
    const match = CASE_PATH.exec(new URL(url).pathname);
    if (!match) throw new Error(`${url} is not a case page`);
    return match[1]!;
  }
}
