import type { Locator, Page } from '@playwright/test';
import type { CaseActionName } from '../../lib/cases/workflow';
import type { DeadlineKey } from '../../lib/rules/types';
import { waitForHydration } from '../support/hydration';

export type GuardianMethod = 'phone' | 'in_person' | 'text_message' | 'letter' | 'other';
export type SeparationMethod = 'separate_classroom' | 'home_study' | 'different_schedule' | 'other';

/** /cases/<id>: header, clocks, step forms, parties and chronology (app/(app)/cases/[id]/page.tsx). */
export class CasePage {
  readonly caseNumber: Locator;
  readonly status: Locator;
  readonly nextDeadline: Locator;
  readonly deadlinePanel: Locator;
  readonly chronology: Locator;
  readonly parties: Locator;
  readonly policeBanner: Locator;
  readonly noActions: Locator;

  constructor(readonly page: Page) {
    this.caseNumber = page.getByTestId('case-number');
    this.status = page.getByTestId('case-status');
    this.nextDeadline = page.getByTestId('next-deadline');
    this.deadlinePanel = page.getByTestId('deadline-panel');
    this.chronology = page.getByTestId('chronology');
    this.parties = page.getByTestId('parties');
    this.policeBanner = page.getByTestId('police-banner');
    this.noActions = page.getByTestId('no-actions');
  }

  async goto(caseId: string) {
    return this.page.goto(`/cases/${caseId}`);
  }

  deadlineRow(key: DeadlineKey): Locator {
    return this.deadlinePanel.getByTestId(`deadline-${key}`);
  }

  /** The clock's badge; `data-status` carries the raw status, the text its translation. */
  deadlineStatus(key: DeadlineKey): Locator {
    return this.deadlinePanel.getByTestId(`deadline-status-${key}`);
  }

  /** Chronology entries of one event type. */
  event(type: string): Locator {
    return this.chronology.getByTestId(`event-${type}`);
  }

  step(action: CaseActionName): Locator {
    return this.page.getByTestId(`step-${action}`);
  }

  stepSubmit(action: CaseActionName): Locator {
    return this.page.getByTestId(`step-${action}-submit`);
  }

  stepDone(action: CaseActionName): Locator {
    return this.page.getByTestId(`step-${action}-done`);
  }

  /** A step form's control by field name (ids are `<action>-<field>`, step-forms.tsx). */
  stepField(action: CaseActionName, field: string): Locator {
    return this.step(action).locator(`[id="${action}-${field}"]`);
  }

  private async readyStep(action: CaseActionName): Promise<void> {
    await waitForHydration(this.step(action).locator('form'));
  }

  /**
   * Records the guardian notice. `guardian` is the option's label as shown,
   * "<guardian> (<student> 보호자)". The "when" field keeps its default (now).
   */
  async recordGuardianNotice({ guardian, method }: { guardian: string; method: GuardianMethod }): Promise<void> {
    await this.readyStep('record_guardian_notice');
    await this.stepField('record_guardian_notice', 'guardianPartyId').selectOption({ label: guardian });
    await this.stepField('record_guardian_notice', 'method').selectOption(method);
    await this.stepSubmit('record_guardian_notice').click();
  }

  async recordOfficeReport(): Promise<void> {
    await this.readyStep('record_office_report');
    await this.stepSubmit('record_office_report').click();
  }

  /** `plannedEnd` is 'YYYY-MM-DD' (Korean calendar day). */
  async startSeparation({ method, plannedEnd }: { method: SeparationMethod; plannedEnd: string }): Promise<void> {
    await this.readyStep('start_separation');
    await this.stepField('start_separation', 'method').selectOption(method);
    await this.stepField('start_separation', 'plannedEnd').fill(plannedEnd);
    await this.stepSubmit('start_separation').click();
  }
}
