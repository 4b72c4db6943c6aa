/**
 * Statutory and guidebook clocks of a Korean school-violence case (contract §1).
 */
import { holidayLookup, isWorkingDay, rollForward, type HolidayLookup } from './calendar';
import { resolveRulebook } from './rulebook';
import {
  addCalendarDays,
  endOfKstDay,
  formatKst,
  HOUR_MS,
  DAY_MS,
  kstDate,
  parseInstant,
} from './time';
import type {
  CaseEvent,
  Calendar,
  Category,
  Deadline,
  DeadlineInput,
  DeadlineKey,
  DeadlineRule,
  EventType,
  Rulebook,
} from './types';
import { DEADLINE_KEYS, SEXUAL_CATEGORIES } from './types';

export function isSexualCase(categories: readonly Category[]): boolean {
  return categories.some((c) => (SEXUAL_CATEGORIES as readonly Category[]).includes(c));
}

/**
 * Event types that can influence each key: its trigger, the event that meets it,
 * its extension and its applicability conditions. Any other event type leaves
 * the key's dueAt untouched (checked by a property test).
 */
export const DEADLINE_DEPENDENCIES: Record<DeadlineKey, readonly EventType[]> = {
  guardian_notice: ['guardians_notified'],
  office_report: ['office_reported'],
  police_report: ['police_reported'],
  separation_start: ['separation_started', 'separation_exempted'],
  separation_limit: ['separation_started', 'separation_ended'],
  investigation: ['office_reported', 'investigation_reported', 'investigation_extended', 'self_resolved'],
  committee_meeting: ['committee_requested', 'hearing_held', 'committee_extended'],
  victim_measures: ['decision_made', 'victim_measures_taken'],
  disposition_notice: ['decision_made', 'disposition_notified'],
  transfer_request: ['decision_made', 'disposition_notified', 'transfer_requested'],
  appeal_window: ['disposition_notified'],
};

type TimedEvent = { type: EventType; ms: number; data: Record<string, unknown> | undefined; tie: string };

/** JSON with sorted keys, so equal payloads compare equal whatever their key order. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/**
 * Events in time order. Events sharing an instant are ordered by type and then
 * by payload, so that "the first decision" and similar choices never depend on
 * the order the caller happened to list them in.
 */
function timeline(events: readonly CaseEvent[]): TimedEvent[] {
  return events
    .map((e) => ({ type: e.type, ms: parseInstant(e.at), data: e.data, tie: `${e.type}\u0000${canonicalJson(e.data ?? null)}` }))
    .sort((a, b) => a.ms - b.ms || (a.tie < b.tie ? -1 : a.tie > b.tie ? 1 : 0));
}

function firstOf(tl: readonly TimedEvent[], type: EventType, fromMs = -Infinity): TimedEvent | undefined {
  return tl.find((e) => e.type === type && e.ms >= fromMs);
}

function measureList(data: Record<string, unknown> | undefined, field: string): number[] {
  const raw = data?.[field];
  if (!Array.isArray(raw)) return [];
  return raw.filter((m): m is number => typeof m === 'number' && Number.isInteger(m));
}

/** What the case's events say about one key, before any arithmetic. */
type Clock =
  | { applies: false }
  | { applies: true; triggerMs: number; met: TimedEvent | undefined; extended: boolean };

type ActiveClock = Extract<Clock, { applies: true }>;

const NOT_APPLICABLE: Clock = { applies: false };

/**
 * Meeting and extension events dated before their clock's trigger are ignored:
 * they cannot answer a duty that did not exist yet, and counting them would let
 * a mis-dated entry silently mark a later duty as done.
 */
function clock(
  tl: readonly TimedEvent[],
  triggerMs: number,
  metType: EventType | null,
  extensionType: EventType | null,
): ActiveClock {
  return {
    applies: true,
    triggerMs,
    met: metType ? firstOf(tl, metType, triggerMs) : undefined,
    extended: extensionType ? firstOf(tl, extensionType, triggerMs) !== undefined : false,
  };
}

function clocks(input: DeadlineInput, tl: readonly TimedEvent[], reportedMs: number): Record<DeadlineKey, Clock> {
  const has = (type: EventType) => tl.some((e) => e.type === type);

  // Separation: the cap runs from the first separation of the case. A pause and
  // restart does not reset it, because Act 16① limits how long the victim and the
  // perpetrator may be kept apart before the committee's measures, in total.
  const separation = firstOf(tl, 'separation_started');

  const officeReport = firstOf(tl, 'office_reported');
  let investigation: Clock = NOT_APPLICABLE;
  if (officeReport) {
    const c = clock(tl, officeReport.ms, 'investigation_reported', 'investigation_extended');
    // Self-resolution (Act 13-2) ends the investigation duty only while it is still
    // open; a resolution after the report was filed leaves the report's timeliness on record.
    const resolved = tl.some((e) => e.type === 'self_resolved' && (!c.met || e.ms < c.met.ms));
    investigation = resolved ? NOT_APPLICABLE : c;
  }

  // A re-deliberation would start new clocks; the product models one decision per
  // case, so the first committee request and the first decision govern.
  const committee = firstOf(tl, 'committee_requested');
  const decision = firstOf(tl, 'decision_made');
  const victimMeasures = measureList(decision?.data, 'victimMeasures');
  const perpetratorMeasures = measureList(decision?.data, 'perpetratorMeasures');
  // Transfer (Decree 20) runs from the notice of that decision, so a notice dated
  // before the decision is not its notice.
  const decisionNotice = decision ? firstOf(tl, 'disposition_notified', decision.ms) : undefined;
  // The appeal period runs from knowledge of a disposition (Administrative Appeals Act 27),
  // whichever disposition that was.
  const anyNotice = firstOf(tl, 'disposition_notified');

  return {
    guardian_notice: clock(tl, reportedMs, 'guardians_notified', null),
    office_report: clock(tl, reportedMs, 'office_reported', null),
    police_report: isSexualCase(input.categories) ? clock(tl, reportedMs, 'police_reported', null) : NOT_APPLICABLE,
    // Any recorded exemption suspends the duty; whether its reason is valid is for
    // the dedicated body (전담기구) to document, not for the clock to judge.
    separation_start: has('separation_exempted') ? NOT_APPLICABLE : clock(tl, reportedMs, 'separation_started', null),
    separation_limit: separation ? clock(tl, separation.ms, 'separation_ended', null) : NOT_APPLICABLE,
    investigation,
    committee_meeting: committee ? clock(tl, committee.ms, 'hearing_held', 'committee_extended') : NOT_APPLICABLE,
    victim_measures:
      decision && victimMeasures.length > 0 ? clock(tl, decision.ms, 'victim_measures_taken', null) : NOT_APPLICABLE,
    disposition_notice: decision ? clock(tl, decision.ms, 'disposition_notified', null) : NOT_APPLICABLE,
    transfer_request:
      decisionNotice && perpetratorMeasures.includes(8)
        ? clock(tl, decisionNotice.ms, 'transfer_requested', null)
        : NOT_APPLICABLE,
    appeal_window: anyNotice ? clock(tl, anyNotice.ms, null, null) : NOT_APPLICABLE,
  };
}

/** Extra days granted by an extension event; granted at most once (guidebook: 21 + 7, max 28). */
function extensionDays(rule: DeadlineRule, extended: boolean): number {
  return extended ? rule.extensionDays : 0;
}

/**
 * Due instant of a clock started at `triggerMs`.
 * Day periods follow the civil-law reckoning (민법 157, 159, 161): the trigger day
 * is not counted, the period ends at 24:00 of its last day, and a last day on a
 * non-working day moves to the next working day when the rule rolls forward.
 * The separation cap instead counts the start day as day 1 and includes holidays,
 * as the guidebook states it ("최대 7일, 주말·공휴일 포함").
 */
export function dueInstant(rule: DeadlineRule, triggerMs: number, extended: boolean, isHoliday: HolidayLookup): number {
  const extra = extensionDays(rule, extended);
  if (rule.unit === 'hours') return triggerMs + rule.period * HOUR_MS + extra * DAY_MS;
  const total = rule.period + extra;
  let lastDay = addCalendarDays(kstDate(triggerMs), rule.countTriggerDay ? total - 1 : total);
  if (rule.rollForward) lastDay = rollForward(lastDay, isHoliday);
  return endOfKstDay(lastDay);
}

function dueSoonMs(book: Rulebook, rule: DeadlineRule): number {
  if (rule.dueSoonHours !== undefined) return rule.dueSoonHours * HOUR_MS;
  return rule.unit === 'hours' ? book.dueSoon.hoursRule.hours * HOUR_MS : book.dueSoon.daysRule.days * DAY_MS;
}

/**
 * Every clock of the case, one entry per key in contract table order.
 * `calendar` omitted → built-in Korean calendar; `rulebook` overrides the
 * rulebook chosen by `reportedAt` (e.g. to configure unconfirmed [U] periods).
 */
export function computeDeadlines(input: DeadlineInput): Deadline[] {
  const reportedMs = parseInstant(input.reportedAt);
  const nowMs = parseInstant(input.now);
  const book = resolveRulebook(input.reportedAt, input.rulebook);
  const isHoliday = holidayLookup(input.calendar);
  const tl = timeline(input.events);
  const byKey = clocks(input, tl, reportedMs);

  return DEADLINE_KEYS.map((key): Deadline => {
    const rule = book.deadlines[key];
    const c = byKey[key];
    if (!rule.enabled || !c.applies) {
      return { key, status: 'not_applicable', dueAt: null, basis: rule.basis, unit: rule.unit };
    }

    const dueMs = dueInstant(rule, c.triggerMs, c.extended, isHoliday);
    let status: Deadline['status'];
    let metAt: string | undefined;
    if (rule.kind === 'window') {
      // A filing at dueAt itself is in time (as met ≤ dueAt is), so the window closes only after it.
      status = nowMs <= dueMs ? 'open' : 'closed';
    } else if (c.met) {
      metAt = formatKst(c.met.ms);
      status = c.met.ms <= dueMs ? 'met' : 'met_late';
    } else if (nowMs > dueMs) {
      status = 'breached';
    } else if (dueMs - nowMs < dueSoonMs(book, rule)) {
      status = 'due_soon';
    } else {
      status = 'pending';
    }

    const out: Deadline = {
      key,
      status,
      dueAt: formatKst(dueMs),
      ...(metAt !== undefined ? { metAt } : {}),
      basis: rule.basis,
      unit: rule.unit,
      triggerAt: formatKst(c.triggerMs),
    };
    const extra = extensionDays(rule, c.extended);
    if (extra > 0) out.extendedBy = extra;
    return out;
  });
}

const URGENCY: Partial<Record<Deadline['status'], number>> = { breached: 0, due_soon: 1, pending: 1 };

/**
 * The most urgent deadline someone can still act on: a breached one first (the
 * longest overdue), otherwise the earliest due among pending and due_soon.
 * Met, window and not-applicable entries are never returned.
 */
export function nextDeadline(deadlines: readonly Deadline[]): Deadline | null {
  let best: { d: Deadline; rank: number; due: number } | null = null;
  for (const d of deadlines) {
    const rank = URGENCY[d.status];
    if (rank === undefined || d.dueAt === null) continue;
    const due = parseInstant(d.dueAt);
    if (!best || rank < best.rank || (rank === best.rank && due < best.due)) best = { d, rank, due };
  }
  return best ? best.d : null;
}

export type HearingDateInput = {
  /** dueAt of the committee_meeting deadline. */
  dueAt: string;
  /** Usually `now`. */
  from: string;
  /** omitted → built-in Korean calendar. */
  calendar?: Calendar;
  count: number;
  /** Whole days between `from`'s day and the first proposal; default 1, so the parties can be summoned. */
  minLeadDays?: number;
};

/**
 * Up to `count` working days (YYYY-MM-DD, ascending) on which a hearing would
 * still end before the committee_meeting deadline: each day lies entirely before
 * dueAt and at least `minLeadDays` after `from`.
 */
export function proposeHearingDates(input: HearingDateInput): string[] {
  const dueMs = parseInstant(input.dueAt);
  const lead = input.minLeadDays ?? 1;
  if (!Number.isInteger(lead) || lead < 0) throw new RangeError(`minLeadDays must be a whole number ≥ 0: ${lead}`);
  const isHoliday = holidayLookup(input.calendar);
  const out: string[] = [];
  let day = addCalendarDays(kstDate(parseInstant(input.from)), lead);
  while (out.length < input.count && endOfKstDay(day) <= dueMs) {
    if (isWorkingDay(day, isHoliday)) out.push(day);
    day = addCalendarDays(day, 1);
  }
  return out;
}
