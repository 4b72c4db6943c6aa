import type { Locator, Page } from '@playwright/test';
import type { SelfResolutionCondition } from '../../lib/cases/self-resolution';
import { waitForHydration } from '../support/hydration';

export type Answer = 'yes' | 'no';
export type RubricScores = { severity: number; persistence: number; intent: number; remorse: number; reconciliation: number };

/**
 * The case page's later sections (app/(app)/cases/[id]/proceedings/): the
 * investigation and the school body's review, the committee, the decision and
 * execution. Step forms carry `form-<action>` and `form-<action>-submit`;
 * their controls are found by the ids the forms give them.
 */
export class ProceedingsPage {
  readonly investigation: Locator;
  readonly committee: Locator;
  readonly decision: Locator;
  readonly execution: Locator;

  constructor(readonly page: Page) {
    this.investigation = page.getByTestId('section-investigation');
    this.committee = page.getByTestId('section-committee');
    this.decision = page.getByTestId('section-decision');
    this.execution = page.getByTestId('section-execution');
  }

  form(action: string, within: Locator | Page = this.page): Locator {
    return within.getByTestId(`form-${action}`);
  }

  submit(action: string, within: Locator | Page = this.page): Locator {
    return within.getByTestId(`form-${action}-submit`);
  }

  done(action: string, within: Locator | Page = this.page): Locator {
    return within.getByTestId(`form-${action}-done`);
  }

  /** A control by its DOM id (ids hold dots, so never a CSS #id). */
  control(within: Locator, id: string): Locator {
    return within.locator(`[id="${id}"]`);
  }

  /** The form is on screen and React owns it. */
  async ready(action: string, within: Locator | Page = this.page): Promise<Locator> {
    const form = this.form(action, within);
    await waitForHydration(form);
    return form;
  }

  // ── Investigation and the school body's review ────────────────────────────

  async assignInvestigator(name: string): Promise<void> {
    const form = await this.ready('assign_investigator');
    await this.control(form, 'assign_investigator-investigatorId').selectOption({ label: name });
    await this.submit('assign_investigator').click();
  }

  async recordStatement({ partyId, speaker, summary }: { partyId?: string; speaker?: string; summary: string }): Promise<void> {
    const form = await this.ready('record_statement');
    if (partyId) await this.control(form, 'record_statement-partyId').selectOption(partyId);
    if (speaker) await this.control(form, 'record_statement-speaker').fill(speaker);
    await this.control(form, 'record_statement-summary').fill(summary);
    await this.submit('record_statement').click();
  }

  async submitInvestigationReport(report: string): Promise<void> {
    const form = await this.ready('submit_investigation_report');
    await this.control(form, 'submit_investigation_report-report').fill(report);
    await this.submit('submit_investigation_report').click();
  }

  /** Answers the four conditions; consents are left blank (none given). Does not submit. */
  async answerSchoolReview(answers: Record<SelfResolutionCondition, Answer>, notes: Partial<Record<SelfResolutionCondition, string>> = {}): Promise<Locator> {
    const form = await this.ready('record_school_review');
    for (const [condition, answer] of Object.entries(answers)) {
      await form.getByTestId(`condition-${condition}-${answer}`).check();
      const note = notes[condition as SelfResolutionCondition];
      if (note) await this.control(form, `record_school_review-conditions-${condition}-note`).fill(note);
    }
    return form;
  }

  async requestCommittee(reason: string): Promise<void> {
    const form = await this.ready('request_committee');
    await this.control(form, 'request_committee-reason').fill(reason);
    await this.submit('request_committee').click();
  }

  // ── Committee ─────────────────────────────────────────────────────────────

  get proposals(): Locator {
    return this.page.getByTestId('hearing-proposals').locator('[data-testid^="hearing-proposal-"]');
  }

  /** Fills the schedule form; `at` ('YYYY-MM-DDTHH:mm', KST) overrides whatever a proposal put there. Does not submit. */
  async fillSchedule({ at, location, panel }: { at?: string; location?: string; panel?: string[] }): Promise<Locator> {
    const form = await this.ready('schedule_hearing');
    if (at) await this.control(form, 'schedule_hearing-scheduledAt').fill(at);
    if (location !== undefined) await this.control(form, 'schedule_hearing-location').fill(location);
    for (const id of panel ?? []) await form.getByTestId(`panel-member-${id}`).check();
    return form;
  }

  async sendHearingNotice(method: 'post' | 'email' | 'text_message' | 'in_person'): Promise<void> {
    const form = await this.ready('send_hearing_notice');
    await this.control(form, 'send_hearing_notice-method').selectOption(method);
    await this.submit('send_hearing_notice').click();
  }

  /** Fills the hearing record; parties keep their default attendance (in person). Does not submit. */
  async fillHearing({
    heldAt,
    present,
    victimStatement,
    perpetratorStatement,
    minutes,
  }: {
    heldAt: string;
    present: string[];
    victimStatement: string;
    perpetratorStatement: string;
    minutes: string;
  }): Promise<Locator> {
    const form = await this.ready('record_hearing');
    await this.control(form, 'record_hearing-occurredAt').fill(heldAt);
    for (const id of present) await form.getByTestId(`present-member-${id}`).check();
    await this.control(form, 'record_hearing-victimStatement').fill(victimStatement);
    await this.control(form, 'record_hearing-perpetratorStatement').fill(perpetratorStatement);
    await this.control(form, 'record_hearing-minutes').fill(minutes);
    return form;
  }

  // ── Decision ──────────────────────────────────────────────────────────────

  decisionForm(partyId: string): Locator {
    return this.page.getByTestId(`form-decision-${partyId}`);
  }

  /** Scores the rubric and ticks the flags; the live recommendation follows. */
  async scoreRubric(
    partyId: string,
    { scores, protectionNeeded = false, guidanceNeeded = false }: { scores: RubricScores; protectionNeeded?: boolean; guidanceNeeded?: boolean },
  ): Promise<Locator> {
    const form = this.decisionForm(partyId);
    await waitForHydration(form);
    for (const [factor, score] of Object.entries(scores)) await this.control(form, `decision-${partyId}-scores.${factor}`).selectOption(String(score));
    await form.locator('input[name="protectionNeeded"]').setChecked(protectionNeeded);
    await form.locator('input[name="guidanceNeeded"]').setChecked(guidanceNeeded);
    return form;
  }

  /** Ticks the measures decided, with the days of those that run for a period (2, 5, 6). */
  async chooseMeasures(partyId: string, measures: { measure: number; periodDays?: number }[]): Promise<void> {
    const form = this.decisionForm(partyId);
    for (const { measure, periodDays } of measures) {
      await form.getByTestId(`measure-${measure}`).check();
      if (periodDays !== undefined) await this.control(form, `decision-${partyId}-periodDays.m${measure}`).fill(String(periodDays));
    }
  }

  async saveVictimMeasures(victimId: string, measures: number[], note?: string): Promise<void> {
    const form = this.page.getByTestId(`form-victim-measures-${victimId}`);
    await waitForHydration(form);
    for (const m of measures) await form.getByTestId(`victim-measure-${m}`).check();
    if (note) await this.control(form, `victim-${victimId}-note`).fill(note);
    await this.page.getByTestId(`form-victim-measures-${victimId}-submit`).click();
  }

  async finaliseDecision(): Promise<void> {
    await this.ready('record_decision');
    await this.submit('record_decision').click();
  }

  async recordVictimMeasuresTaken(note: string): Promise<void> {
    const form = await this.ready('record_victim_measures_taken');
    await this.control(form, 'record_victim_measures_taken-guardianConsent').check();
    await this.control(form, 'record_victim_measures_taken-note').fill(note);
    await this.submit('record_victim_measures_taken').click();
  }

  noticeLink(partyId: string, lang: 'ko' | 'en' = 'ko'): Locator {
    return this.page.locator(`[data-testid="notice-link"][data-party="${partyId}"][data-lang="${lang}"]`);
  }

  /** Delivery of the written disposition to every recipient (all ticked by default). */
  async recordDelivery(method: 'in_person' | 'registered_mail' | 'electronic' | 'other'): Promise<void> {
    const form = await this.ready('record_disposition_notice');
    await this.control(form, 'record_disposition_notice-method').selectOption(method);
    await this.submit('record_disposition_notice').click();
  }

  // ── Execution and appeals ─────────────────────────────────────────────────

  /** One decided measure's tracking card; `data-status` is waiting, in_progress, completed or paused. */
  measure(measure: number): Locator {
    return this.execution.getByTestId(`execution-${measure}`);
  }

  async requestTransfer(note: string): Promise<void> {
    const card = this.measure(8);
    const form = await this.ready('request_transfer', card);
    await form.locator('textarea[id$="-note"]').fill(note);
    await this.submit('request_transfer', card).click();
  }

  /** Records progress on one measure; `fields` are the progress fields by name (execution-forms.tsx). */
  async recordProgress(measure: number, fields: Record<string, string | number>): Promise<void> {
    const card = this.measure(measure);
    const form = await this.ready('record_execution', card);
    for (const [field, value] of Object.entries(fields)) await form.locator(`[id$="-${field}"]`).fill(String(value));
    await this.submit('record_execution', card).click();
  }

  async fileAppeal({
    side,
    kind,
    body,
    note,
  }: {
    side: 'victim' | 'perpetrator';
    kind: 'administrative_appeal' | 'lawsuit';
    body: string;
    note?: string;
  }): Promise<void> {
    const form = await this.ready('file_appeal');
    await this.control(form, 'file-appeal-side').selectOption(side);
    await this.control(form, 'file-appeal-kind').selectOption(kind);
    await this.control(form, 'file-appeal-body').fill(body);
    if (note) await this.control(form, 'file-appeal-note').fill(note);
    await this.submit('file_appeal').click();
  }

  get victimNoticeTask(): Locator {
    return this.page.getByTestId('victim-notice-task');
  }

  async notifyVictimOfAppeal(note: string): Promise<void> {
    const task = this.victimNoticeTask;
    const form = await this.ready('notify_victim_of_appeal', task);
    await form.locator('textarea[id$="-note"]').fill(note);
    await this.submit('notify_victim_of_appeal', task).click();
  }

  appeal(appealId: string): Locator {
    return this.execution.locator(`[data-testid="appeal"][data-appeal-id="${appealId}"]`);
  }

  async recordAppealOutcome(appealId: string, outcome: 'upheld' | 'varied' | 'annulled' | 'withdrawn'): Promise<void> {
    const card = this.appeal(appealId);
    const form = await this.ready('record_appeal_outcome', card);
    await this.control(form, `outcome-${appealId}-outcome`).selectOption(outcome);
    await this.submit('record_appeal_outcome', card).click();
  }

  get closeCard(): Locator {
    return this.page.getByTestId('close-case');
  }

  async closeCase(note: string): Promise<void> {
    const form = await this.ready('close_case', this.closeCard);
    await this.control(form, 'close-case-note').fill(note);
    await this.submit('close_case', this.closeCard).click();
  }
}
