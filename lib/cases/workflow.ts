import { DomainError } from '@/lib/errors';
import type { Actor, Role } from '@/lib/auth/roles';
import { canAs, type Resource } from '@/lib/auth/permissions';
import { SEPARATION_EXEMPTION_REASONS, rulebookFor, addCalendarDays, isSexualCase, kstDateOf, type Category } from '@/lib/rules';
import { CASE_STATUSES, EMERGENCY_MEASURES, GUARDIAN_NOTICE_METHODS, SCHOOL_BODY_DECISIONS, SEPARATION_METHODS, type CaseStatus } from './constants';

/**
 * The workflow, as one table: which step may be taken in which status, by
 * whom, what it records and where it moves the case. Pages use it to offer
 * buttons, services to enforce; both go through `availableActions`/`applyAction`.
 */
type Transition = {
  from: readonly CaseStatus[];
  /** The case moves forward to this status if it is not already past it. */
  advance?: CaseStatus;
  /** The case moves to exactly this status (for steps that go back, e.g. an appeal decided). */
  to?: CaseStatus;
  roles: readonly Role[];
  event: string;
};

const SCHOOL_STAGE = [
  'reported',
  'initial_response',
  'investigating',
  'school_review',
  'committee_requested',
  'hearing_scheduled',
] as const satisfies readonly CaseStatus[];
const SCHOOL = ['school_staff', 'school_head'] as const satisfies readonly Role[];

export const TRANSITIONS = {
  // School stage (Act 13-2, 16, 20; docs/domain-process.md §3 rows 1–7).
  record_guardian_notice: { from: SCHOOL_STAGE, advance: 'initial_response', roles: SCHOOL, event: 'guardians_notified' },
  record_office_report: { from: ['reported', 'initial_response'], advance: 'investigating', roles: SCHOOL, event: 'office_reported' },
  start_separation: { from: SCHOOL_STAGE, advance: 'initial_response', roles: SCHOOL, event: 'separation_started' },
  exempt_separation: { from: SCHOOL_STAGE, advance: 'initial_response', roles: SCHOOL, event: 'separation_exempted' },
  end_separation: { from: SCHOOL_STAGE, roles: SCHOOL, event: 'separation_ended' },
  record_separation_request: { from: SCHOOL_STAGE, roles: SCHOOL, event: 'separation_requested' },
  record_separation_review: { from: SCHOOL_STAGE, roles: SCHOOL, event: 'separation_request_reviewed' },
  take_emergency_measure: { from: SCHOOL_STAGE, roles: ['school_head'], event: 'emergency_measure_taken' },
  record_police_report: { from: SCHOOL_STAGE, roles: SCHOOL, event: 'police_reported' },

  // Investigation by the office's dedicated investigator (row 8).
  assign_investigator: { from: ['investigating'], roles: ['committee_secretary', 'investigator'], event: 'investigator_assigned' },
  record_statement: { from: ['investigating'], roles: ['investigator'], event: 'statement_recorded' },
  extend_investigation: { from: ['investigating'], roles: ['investigator'], event: 'investigation_extended' },
  submit_investigation_report: { from: ['investigating'], advance: 'school_review', roles: ['investigator'], event: 'investigation_reported' },

  // The school body's review and the three ways out of it (docs/domain-process.md §3 rows 9–11, §4).
  record_school_review: { from: ['school_review'], roles: SCHOOL, event: 'school_body_reviewed' },
  self_resolve: { from: ['school_review'], advance: 'self_resolved', roles: ['school_head'], event: 'self_resolved' },
  request_committee: { from: ['school_review'], advance: 'committee_requested', roles: ['school_head'], event: 'committee_requested' },
  reopen_case: { from: ['self_resolved'], advance: 'committee_requested', roles: ['school_head'], event: 'committee_requested' },
  close_not_violence: { from: ['investigating', 'school_review'], advance: 'closed', roles: ['school_head'], event: 'closed' },

  // The committee (rows 12–13).
  schedule_hearing: {
    from: ['committee_requested', 'hearing_scheduled'],
    advance: 'hearing_scheduled',
    roles: ['committee_secretary'],
    event: 'hearing_scheduled',
  },
  extend_committee: { from: ['committee_requested', 'hearing_scheduled'], roles: ['committee_secretary'], event: 'committee_extended' },
  record_member_conflict: { from: ['hearing_scheduled'], roles: ['committee_secretary'], event: 'member_conflict_recorded' },
  send_hearing_notice: { from: ['hearing_scheduled'], roles: ['committee_secretary'], event: 'hearing_notice_sent' },
  record_hearing: { from: ['hearing_scheduled'], roles: ['committee_secretary'], event: 'hearing_held' },

  // Decision, notices and execution (rows 14–17).
  record_decision: { from: ['hearing_scheduled'], advance: 'decided', roles: ['committee_secretary'], event: 'decision_made' },
  record_victim_measures_taken: {
    from: ['decided', 'disposition_issued', 'in_execution', 'appeal_pending'],
    roles: ['committee_secretary'],
    event: 'victim_measures_taken',
  },
  record_disposition_notice: { from: ['decided'], advance: 'in_execution', roles: ['committee_secretary'], event: 'disposition_notified' },
  request_transfer: { from: ['disposition_issued', 'in_execution'], roles: ['school_head'], event: 'transfer_requested' },
  record_execution: { from: ['in_execution', 'appeal_pending'], roles: SCHOOL, event: 'measure_progress_recorded' },
  close_case: { from: ['in_execution'], advance: 'closed', roles: ['school_head', 'committee_secretary'], event: 'closed' },

  // Appeals and stays (rows 18–20).
  file_appeal: { from: ['disposition_issued', 'in_execution', 'appeal_pending'], to: 'appeal_pending', roles: ['committee_secretary'], event: 'appeal_filed' },
  notify_victim_of_appeal: { from: ['appeal_pending'], roles: ['committee_secretary'], event: 'victim_notified_of_appeal' },
  grant_stay: { from: ['appeal_pending'], roles: ['committee_secretary'], event: 'stay_granted' },
  lift_stay: { from: ['appeal_pending', 'in_execution'], roles: ['committee_secretary'], event: 'stay_lifted' },
  record_appeal_outcome: { from: ['appeal_pending'], to: 'in_execution', roles: ['committee_secretary'], event: 'appeal_decided' },

  // Student record (docs/domain-process.md §5.3).
  review_record_deletion: { from: ['closed'], roles: ['school_head'], event: 'record_deletion_reviewed' },
} as const satisfies Record<string, Transition>;

export type CaseActionName = keyof typeof TRANSITIONS;

/** The school's first steps, recorded through the generic step form and `recordStep`. */
export const SCHOOL_STEP_ACTIONS = [
  'record_guardian_notice',
  'record_office_report',
  'start_separation',
  'exempt_separation',
  'end_separation',
  'record_separation_request',
  'record_separation_review',
  'take_emergency_measure',
  'record_police_report',
] as const satisfies readonly CaseActionName[];
export type SchoolStepAction = (typeof SCHOOL_STEP_ACTIONS)[number];
export type CaseStepEvent = (typeof TRANSITIONS)[CaseActionName]['event'];
export const CASE_ACTIONS = Object.keys(TRANSITIONS) as CaseActionName[];

/** What a step needs to know about the case. */
export type CaseSnapshot = {
  id: string;
  status: CaseStatus;
  schoolId: string;
  officeId: string;
  reportedAt: string;
  categories: readonly string[];
  events: readonly { type: string; occurredAt: string; data?: Record<string, unknown> }[];
};

export type CaseActionInput =
  | { type: 'record_guardian_notice'; occurredAt: string; guardianPartyId: string; method: (typeof GUARDIAN_NOTICE_METHODS)[number]; note?: string }
  | { type: 'record_office_report'; occurredAt: string; note?: string }
  | { type: 'start_separation'; occurredAt: string; method: (typeof SEPARATION_METHODS)[number]; plannedEnd: string; note?: string }
  | { type: 'exempt_separation'; occurredAt: string; reason: (typeof SEPARATION_EXEMPTION_REASONS)[number]; note: string }
  | { type: 'end_separation'; occurredAt: string; note?: string }
  | { type: 'record_separation_request'; occurredAt: string; note?: string }
  | { type: 'record_separation_review'; occurredAt: string; decision: (typeof SCHOOL_BODY_DECISIONS)[number]; note?: string }
  | { type: 'take_emergency_measure'; occurredAt: string; measure: (typeof EMERGENCY_MEASURES)[number]; perpetratorPartyId: string; note?: string }
  | { type: 'record_police_report'; occurredAt: string; station: string; reportNumber: string; officer?: string; note?: string }
  /** Later steps carry their facts as data; their services validate them before applying. */
  | { type: Exclude<CaseActionName, SchoolStepAction>; occurredAt: string; [fact: string]: unknown };

export type AppliedAction = { status: CaseStatus; event: { type: CaseStepEvent; occurredAt: string; data: Record<string, unknown> } };

export function caseResource(c: Pick<CaseSnapshot, 'schoolId' | 'officeId'>): Resource {
  return { kind: 'school', schoolId: c.schoolId, officeId: c.officeId };
}

/** Steps this actor may take on this case now: the table, the status and the actor's grants together. */
export function availableActions(c: CaseSnapshot, actor: Actor): CaseActionName[] {
  return CASE_ACTIONS.filter((name) => {
    const t: Transition = TRANSITIONS[name];
    return t.from.includes(c.status) && canAs(actor, t.roles, caseResource(c)) && preconditionMet(c, name);
  });
}

function hasEvent(c: CaseSnapshot, type: string): boolean {
  return c.events.some((e) => e.type === type);
}

function separationRunning(c: CaseSnapshot): boolean {
  const starts = c.events.filter((e) => e.type === 'separation_started').length;
  const ends = c.events.filter((e) => e.type === 'separation_ended').length;
  return starts > ends;
}

/** Steps that only make sense after another: ending needs a running separation, a review needs a request. */
function preconditionMet(c: CaseSnapshot, name: CaseActionName): boolean {
  switch (name) {
    case 'start_separation':
      return !separationRunning(c) && !hasEvent(c, 'separation_exempted');
    case 'exempt_separation':
      return !hasEvent(c, 'separation_started') && !hasEvent(c, 'separation_exempted');
    case 'end_separation':
      return separationRunning(c);
    case 'record_separation_review':
      return hasEvent(c, 'separation_requested');
    case 'record_office_report':
      return !hasEvent(c, 'office_reported');
    case 'record_police_report':
      return !hasEvent(c, 'police_reported');
    case 'extend_investigation':
      return !hasEvent(c, 'investigation_extended');
    case 'extend_committee':
      return !hasEvent(c, 'committee_extended') && !hasEvent(c, 'hearing_held');
    case 'record_hearing':
    case 'schedule_hearing':
      return !hasEvent(c, 'hearing_held');
    case 'record_decision':
      return hasEvent(c, 'hearing_held');
    case 'review_record_deletion':
      // A case closed as not school violence has no measures to delete.
      return hasEvent(c, 'decision_made');
    default:
      return true;
  }
}

/**
 * When a precondition fails and its form has a better word than "not at this
 * stage": the message key, on the field the form shows it by.
 */
const PRECONDITION_REFUSALS: Partial<Record<CaseActionName, Record<string, string[]>>> = {
  // The investigation period is extendable once (docs/domain-process.md §3 row 8).
  extend_investigation: { reason: ['alreadyExtended'] },
  record_decision: { _form: ['hearingNotHeld'] },
};

const ORDER = new Map(CASE_STATUSES.map((s, i) => [s, i]));

function advanceTo(current: CaseStatus, target: CaseStatus | undefined): CaseStatus {
  if (!target) return current;
  return (ORDER.get(target) ?? 0) > (ORDER.get(current) ?? 0) ? target : current;
}

function invalid(field: string, key: string): never {
  throw new DomainError('invalid_input', `${field}: ${key}`, { [field]: [key] });
}

/**
 * Takes one step. Throws `forbidden` for the wrong role or place,
 * `invalid_transition` for the wrong status or order, and `invalid_input`
 * (with the field) when the facts contradict the law or the clock.
 */
export function applyAction(c: CaseSnapshot, input: CaseActionInput, actor: Actor, now: Date): AppliedAction {
  const t: Transition = TRANSITIONS[input.type];
  if (!canAs(actor, t.roles, caseResource(c))) throw new DomainError('forbidden');
  if (!t.from.includes(c.status)) throw new DomainError('invalid_transition', `${input.type} from ${c.status}`);
  if (!preconditionMet(c, input.type)) throw new DomainError('invalid_transition', `${input.type}: precondition`, PRECONDITION_REFUSALS[input.type]);

  const occurred = new Date(input.occurredAt);
  if (Number.isNaN(occurred.getTime())) invalid('occurredAt', 'invalidDate');
  // Late recording is allowed; recording the future is not.
  if (occurred.getTime() > now.getTime() + 60_000) invalid('occurredAt', 'futureDate');
  if (occurred.getTime() < new Date(c.reportedAt).getTime() - 366 * 86_400_000) invalid('occurredAt', 'tooEarly');

  const { type: _type, occurredAt: _at, ...data } = input;
  if (input.type === 'start_separation') {
    // Act 16①: at most N days counting the start day (7 from 2023-09-01, 3 before).
    const cap = rulebookFor(c.reportedAt).deadlines.separation_limit.period;
    const startDay = kstDateOf(occurred.toISOString());
    const lastDay = addCalendarDays(startDay, cap - 1);
    if (input.plannedEnd < startDay) invalid('plannedEnd', 'beforeStart');
    if (input.plannedEnd > lastDay) invalid('plannedEnd', 'separationCapExceeded');
  }
  if (input.type === 'end_separation') {
    const lastStart = [...c.events].reverse().find((e) => e.type === 'separation_started');
    if (lastStart && occurred.getTime() < new Date(lastStart.occurredAt).getTime()) invalid('occurredAt', 'beforeStart');
  }
  orderRefusal(c, input, occurred);
  // A sexual case's report is mandatory (아청법 34②) whatever the family wants, so its record must show a report the police actually took: station, number and the officer.
  if (input.type === 'record_police_report' && isSexualCase(c.categories as Category[]) && !input.officer?.trim()) invalid('officer', 'required');
  const eventData: Record<string, unknown> = { ...data };
  if (input.type === 'take_emergency_measure') eventData.awaitingRatification = true;

  return {
    status: t.to ?? advanceTo(c.status, t.advance),
    event: { type: TRANSITIONS[input.type].event, occurredAt: occurred.toISOString(), data: eventData },
  };
}

/** The chronology's last event of this type (optionally about one appeal), or its first with `first`. */
function eventOf(c: CaseSnapshot, type: string, opts: { appealId?: unknown; first?: boolean } = {}) {
  const matching = c.events.filter((e) => e.type === type && (opts.appealId === undefined || e.data?.appealId === opts.appealId));
  return opts.first ? matching[0] : matching.at(-1);
}

function notBefore(at: Date | string, earlier: { occurredAt: string } | undefined, field: string, key: string): void {
  if (earlier && new Date(at).getTime() < new Date(earlier.occurredAt).getTime()) invalid(field, key);
}

/**
 * A step cannot be dated before the step it answers: the chronology alone
 * says so, without reading anything else. (A hearing held before its
 * scheduled day needs the hearing row and stays with the committee's check.)
 */
function orderRefusal(c: CaseSnapshot, input: CaseActionInput, occurred: Date): void {
  switch (input.type) {
    case 'reopen_case':
      return notBefore(occurred, eventOf(c, 'self_resolved'), 'occurredAt', 'beforeSelfResolution');
    case 'schedule_hearing':
      // The hearing answers the request (Act 13②); the date, not the moment of scheduling, is what may not precede it.
      if (typeof input.scheduledAt === 'string') notBefore(input.scheduledAt, eventOf(c, 'committee_requested'), 'scheduledAt', 'beforeRequest');
      return;
    case 'record_hearing':
      return notBefore(occurred, eventOf(c, 'committee_requested'), 'occurredAt', 'beforeRequest');
    case 'record_decision':
      return notBefore(occurred, eventOf(c, 'hearing_held'), 'occurredAt', 'beforeHearing');
    case 'record_disposition_notice':
      // The clocks start from the first decision (lib/rules/deadlines.ts), so the notice is measured against that one.
      return notBefore(occurred, eventOf(c, 'decision_made', { first: true }), 'occurredAt', 'beforeDecision');
    case 'file_appeal':
      // An appeal lies against a disposition (Act 17-2), so it cannot predate the notice of it.
      return notBefore(occurred, eventOf(c, 'disposition_notified', { first: true }), 'occurredAt', 'beforeDisposition');
    case 'notify_victim_of_appeal':
    case 'grant_stay':
    case 'record_appeal_outcome':
      return notBefore(occurred, eventOf(c, 'appeal_filed', { appealId: input.appealId, first: true }), 'occurredAt', 'beforeAppeal');
    case 'lift_stay':
      return notBefore(occurred, eventOf(c, 'stay_granted', { appealId: input.appealId }), 'occurredAt', 'beforeStay');
    default:
      return;
  }
}

export function isSchoolStepAction(name: CaseActionName): name is SchoolStepAction {
  return (SCHOOL_STEP_ACTIONS as readonly string[]).includes(name);
}
