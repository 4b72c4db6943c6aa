/**
 * Statutory and guidebook clocks of a Korean school-violence case (docs/rules-contract.md §1).
 */
import { holidayLookup, isWorkingDay, rollForward, type HolidayLookup } from './calendar';
import { resolveRulebook } from './rulebook';
import { addCalendarDays, endOfKstDay, formatKst, HOUR_MS, DAY_MS, kstDate, parseInstant } from './time';
import type { CaseEvent, Calendar, Category, Deadline, DeadlineInput, DeadlineKey, DeadlineRule, EventType, Rulebook } from './types';
import { CATEGORIES, DEADLINE_KEYS, SEXUAL_CATEGORIES } from './types';

export function isSexualCase(categories: readonly Category[]): boolean {
  return categories.some((c) => (SEXUAL_CATEGORIES as readonly Category[]).includes(c));
}

/**
 * Event types that can influence each key: its trigger, the event that meets it,
 * its extension, suspension and applicability conditions. Any other event type
 * leaves the key untouched (checked by a property test).
 */
export const DEADLINE_DEPENDENCIES: Record<DeadlineKey, readonly EventType[]> = {
  guardian_notice: ['guardians_notified'],
  office_report: ['office_reported'],
  police_report: ['police_reported', 'categories_changed'],
  separation_start: ['separation_started', 'separation_exempted'],
  separation_limit: ['separation_started', 'separation_ended'],
  investigation: ['office_reported', 'investigation_reported', 'investigation_extended', 'self_resolved'],
  committee_meeting: ['committee_requested', 'hearing_held', 'committee_extended', 'committee_request_withdrawn'],
  victim_measures: ['decision_made', 'victim_measures_taken'],
  disposition_notice: ['decision_made', 'disposition_notified'],
  transfer_request: ['decision_made', 'disposition_notified', 'transfer_requested', 'stay_granted', 'stay_lifted'],
  appeal_window: ['disposition_notified'],
};

/** The event that extends each extendable key (guidebook: once, by 7 days). */
export const EXTENSION_EVENTS: Partial<Record<DeadlineKey, EventType>> = {
  investigation: 'investigation_extended',
  committee_meeting: 'committee_extended',
};

type TimedEvent = { type: string; ms: number; data: Record<string, unknown> | undefined; tie: string };

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
 * the order the caller happened to list them in. Where the meaning of two
 * events at one instant depends on which came first (a separation ending and
 * another starting, a stay lifted and granted), the rules below read the whole
 * instant at once instead of relying on this order.
 */
function timeline(events: readonly CaseEvent[]): TimedEvent[] {
  return events
    .map((e) => ({ type: e.type, ms: parseInstant(e.at), data: e.data, tie: `${e.type}\u0000${canonicalJson(e.data ?? null)}` }))
    .sort((a, b) => a.ms - b.ms || (a.tie < b.tie ? -1 : a.tie > b.tie ? 1 : 0));
}

function firstOf(tl: readonly TimedEvent[], type: EventType, fromMs = -Infinity): TimedEvent | undefined {
  return tl.find((e) => e.type === type && e.ms >= fromMs);
}

function lastOf(tl: readonly TimedEvent[], type: EventType): TimedEvent | undefined {
  for (let i = tl.length - 1; i >= 0; i--) if (tl[i]?.type === type) return tl[i];
  return undefined;
}

function measureList(data: Record<string, unknown> | undefined, field: string): number[] {
  const raw = data?.[field];
  if (!Array.isArray(raw)) return [];
  return raw.filter((m): m is number => typeof m === 'number' && Number.isInteger(m));
}

function categoryList(data: Record<string, unknown> | undefined): Category[] {
  const raw = data?.categories;
  if (!Array.isArray(raw)) return [];
  return raw.filter((c): c is Category => typeof c === 'string' && (CATEGORIES as readonly string[]).includes(c));
}

/** Groups a time-ordered timeline into runs of events sharing one instant. */
function byInstant(tl: readonly TimedEvent[]): TimedEvent[][] {
  const groups: TimedEvent[][] = [];
  for (const e of tl) {
    const last = groups[groups.length - 1];
    if (last && last[0]?.ms === e.ms) last.push(e);
    else groups.push([e]);
  }
  return groups;
}

/**
 * Something that is either in force or not, begun by one event type and ended
 * by another (a separation, a stay). Where one instant holds both kinds, the
 * reading that needs no invented order is taken: something in force ended and
 * began again (a continuous run), something not in force began and ended (a
 * zero-length run). `offs` lists the instants at which a run ended; `onSinceMs`
 * is when the run still in force at the end began.
 */
function sweep(tl: readonly TimedEvent[], isOn: (e: TimedEvent) => boolean, isOff: (e: TimedEvent) => boolean) {
  let on = false;
  let onSinceMs: number | undefined;
  const offs: number[] = [];
  for (const group of byInstant(tl)) {
    const ms = group[0]?.ms ?? 0;
    const begins = group.some(isOn);
    const ends = group.some(isOff);
    if (ends && (on || begins)) offs.push(ms);
    if (on && begins && ends) onSinceMs = ms;
    else if (!on && begins && !ends) {
      on = true;
      onSinceMs = ms;
    } else if (ends) {
      on = false;
      onSinceMs = undefined;
    }
  }
  return { on, onSinceMs, offs };
}

/** What the case's events say about one key, before the status is derived. */
type Clock =
  | { applies: false }
  | {
      applies: true;
      triggerMs: number;
      met: TimedEvent | undefined;
      extended: boolean;
      /** Set while a stay holds the clock: the instant the stay was granted. */
      suspendedSinceMs?: number;
    };

type ActiveClock = Extract<Clock, { applies: true }>;

const NOT_APPLICABLE: Clock = { applies: false };

type Context = {
  tl: readonly TimedEvent[];
  book: Rulebook;
  isHoliday: HolidayLookup;
  reportedMs: number;
};

/** Due instant of `key` for a trigger, without any extension. */
function baseDue(ctx: Context, key: DeadlineKey, triggerMs: number): number {
  return dueInstant(ctx.book.deadlines[key], triggerMs, false, ctx.isHoliday);
}

/**
 * Meeting events dated before their clock's trigger are ignored: they cannot
 * answer a duty that did not exist yet, and counting them would let a
 * mis-dated entry silently mark a later duty as done.
 */
function clock(ctx: Context, key: DeadlineKey, triggerMs: number, metType: EventType | null): ActiveClock {
  return {
    applies: true,
    triggerMs,
    met: metType ? firstOf(ctx.tl, metType, triggerMs) : undefined,
    extended: validExtension(ctx, key, triggerMs) !== undefined,
  };
}

/**
 * The extension event that counts for a clock: dated from its trigger up to
 * the unextended dueAt. One recorded after the clock was already due would turn
 * a breach (a late meeting) into a pending or met clock after the fact, so it
 * changes nothing; the guidebook allows extending a period, not reviving one.
 */
function validExtension(ctx: Context, key: DeadlineKey, triggerMs: number): TimedEvent | undefined {
  const type = EXTENSION_EVENTS[key];
  if (!type || ctx.book.deadlines[key].extensionDays <= 0) return undefined;
  const due = baseDue(ctx, key, triggerMs);
  return ctx.tl.find((e) => e.type === type && e.ms >= triggerMs && e.ms <= due);
}

function dueOf(ctx: Context, key: DeadlineKey, c: ActiveClock): number {
  return dueInstant(ctx.book.deadlines[key], c.triggerMs, c.extended, ctx.isHoliday);
}

/**
 * 아청법 34: the duty to report arises when the school knows of a sex crime, at
 * the report or when a recategorisation first makes the case sexual. A later
 * recategorisation away from it does not withdraw a duty that already arose.
 */
function policeClock(ctx: Context, input: DeadlineInput): Clock {
  let triggerMs: number | undefined = isSexualCase(input.categories) ? ctx.reportedMs : undefined;
  if (triggerMs === undefined) {
    const change = ctx.tl.find((e) => e.type === 'categories_changed' && isSexualCase(categoryList(e.data)));
    // A change dated before the report is known from the report on.
    if (change) triggerMs = Math.max(ctx.reportedMs, change.ms);
  }
  return triggerMs === undefined ? NOT_APPLICABLE : clock(ctx, 'police_report', triggerMs, 'police_reported');
}

/**
 * Act 16①: separation is mandatory unless an exception (Decree 17-2) is
 * recorded. An exemption counts only if recorded by the time separation was
 * due; a later one documents why separation did not happen but cannot undo
 * the missed 24 hours.
 */
function separationStartClock(ctx: Context): Clock {
  const due = baseDue(ctx, 'separation_start', ctx.reportedMs);
  const exempted = ctx.tl.some((e) => e.type === 'separation_exempted' && e.ms <= due);
  return exempted ? NOT_APPLICABLE : clock(ctx, 'separation_start', ctx.reportedMs, 'separation_started');
}

/**
 * Act 16① limits how long the parties may be kept apart before the
 * committee's measures in total, so the cap runs from the first separation of
 * the case and covers every later one: a pause and restart does not reset it.
 * It is answered only when the last separation has ended.
 */
function separationLimitClock(ctx: Context): Clock {
  const first = firstOf(ctx.tl, 'separation_started');
  if (!first) return NOT_APPLICABLE;
  const from = ctx.tl.filter((e) => e.ms >= first.ms);
  const run = sweep(
    from,
    (e) => e.type === 'separation_started',
    (e) => e.type === 'separation_ended',
  );
  const lastEndMs = run.offs[run.offs.length - 1];
  const met = run.on || lastEndMs === undefined ? undefined : from.find((e) => e.type === 'separation_ended' && e.ms === lastEndMs);
  return { applies: true, triggerMs: first.ms, met, extended: false };
}

function investigationClock(ctx: Context): Clock {
  const officeReport = firstOf(ctx.tl, 'office_reported');
  if (!officeReport) return NOT_APPLICABLE;
  const c = clock(ctx, 'investigation', officeReport.ms, 'investigation_reported');
  // Self-resolution (Act 13-2) ends the investigation duty only while it is still
  // open; a resolution after the report was filed leaves the report's timeliness on record.
  const resolved = ctx.tl.some((e) => e.type === 'self_resolved' && (!c.met || e.ms < c.met.ms));
  return resolved ? NOT_APPLICABLE : c;
}

/**
 * Committee meeting (guidebook: 21 days, +7 if unavoidable). A reopened case
 * (a later request, e.g. after a self-resolution whose promise was not kept,
 * Act 13-2②) starts the clock again from the last request, and only a hearing
 * after that request answers it. The victim's side may withdraw a request
 * before the hearing; a withdrawal after the meeting was due cannot erase the
 * late meeting, and one at the very instant of a request is read as
 * preceding it, so the clock keeps running when the order is in doubt.
 */
function committeeClock(ctx: Context): Clock {
  const request = lastOf(ctx.tl, 'committee_requested');
  if (!request) return NOT_APPLICABLE;
  const c = clock(ctx, 'committee_meeting', request.ms, 'hearing_held');
  const due = dueOf(ctx, 'committee_meeting', c);
  const withdrawn = ctx.tl.some((e) => e.type === 'committee_request_withdrawn' && e.ms > request.ms && e.ms <= due && (!c.met || e.ms < c.met.ms));
  return withdrawn ? NOT_APPLICABLE : c;
}

const TRANSFER_MEASURE = 8;

function staysTransfer(e: TimedEvent): boolean {
  if (e.type !== 'stay_granted') return false;
  const raw = e.data?.measures;
  return raw === undefined || measureList(e.data, 'measures').includes(TRANSFER_MEASURE);
}

/**
 * Transfer (Decree 20): the head asks for a new school within 7 days of the
 * notice. A stay of execution (집행정지) covering the transfer holds the clock;
 * when it is lifted the 7 days run afresh from the lift. An appeal alone holds
 * nothing (행정심판법 30①, 행정소송법 23①). Once the request is made, later stays
 * no longer matter, and the request is judged against the period it fell in.
 */
function transferClock(ctx: Context, decision: TimedEvent | undefined): Clock {
  if (!decision || !measureList(decision.data, 'perpetratorMeasures').includes(TRANSFER_MEASURE)) return NOT_APPLICABLE;
  // The notice of that decision: a notice dated before the decision is not its notice.
  const notice = firstOf(ctx.tl, 'disposition_notified', decision.ms);
  if (!notice) return NOT_APPLICABLE;
  const request = firstOf(ctx.tl, 'transfer_requested', notice.ms);
  const upTo = request ? ctx.tl.filter((e) => e.ms <= request.ms) : ctx.tl;
  const stay = sweep(upTo, staysTransfer, (e) => e.type === 'stay_lifted');
  const lastLiftMs = stay.offs[stay.offs.length - 1];
  const triggerMs = Math.max(notice.ms, lastLiftMs ?? -Infinity);
  if (!request && stay.on) {
    return { applies: true, triggerMs, met: undefined, extended: false, suspendedSinceMs: stay.onSinceMs ?? triggerMs };
  }
  return { applies: true, triggerMs, met: request, extended: false };
}

function clocks(ctx: Context, input: DeadlineInput): Record<DeadlineKey, Clock> {
  const { tl, reportedMs } = ctx;
  // The product models one decision per case, so the first decision governs.
  const decision = firstOf(tl, 'decision_made');
  const victimMeasures = measureList(decision?.data, 'victimMeasures');
  // The appeal period runs from knowledge of a disposition (Administrative Appeals Act 27),
  // whichever disposition that was.
  const anyNotice = firstOf(tl, 'disposition_notified');

  return {
    guardian_notice: clock(ctx, 'guardian_notice', reportedMs, 'guardians_notified'),
    office_report: clock(ctx, 'office_report', reportedMs, 'office_reported'),
    police_report: policeClock(ctx, input),
    separation_start: separationStartClock(ctx),
    separation_limit: separationLimitClock(ctx),
    investigation: investigationClock(ctx),
    committee_meeting: committeeClock(ctx),
    victim_measures: decision && victimMeasures.length > 0 ? clock(ctx, 'victim_measures', decision.ms, 'victim_measures_taken') : NOT_APPLICABLE,
    disposition_notice: decision ? clock(ctx, 'disposition_notice', decision.ms, 'disposition_notified') : NOT_APPLICABLE,
    transfer_request: transferClock(ctx, decision),
    appeal_window: anyNotice ? clock(ctx, 'appeal_window', anyNotice.ms, null) : NOT_APPLICABLE,
  };
}

function contextOf(input: Pick<DeadlineInput, 'reportedAt' | 'events' | 'calendar' | 'rulebook'>): Context {
  return {
    tl: timeline(input.events),
    book: resolveRulebook(input.reportedAt, input.rulebook),
    isHoliday: holidayLookup(input.calendar),
    reportedMs: parseInstant(input.reportedAt),
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
  const nowMs = parseInstant(input.now);
  const ctx = contextOf(input);
  const { book } = ctx;
  const byKey = clocks(ctx, input);

  return DEADLINE_KEYS.map((key): Deadline => {
    const rule = book.deadlines[key];
    const c = byKey[key];
    if (!rule.enabled || !c.applies) {
      return { key, status: 'not_applicable', dueAt: null, basis: rule.basis, unit: rule.unit };
    }
    if (c.suspendedSinceMs !== undefined) {
      return {
        key,
        status: 'suspended',
        dueAt: null,
        basis: rule.basis,
        unit: rule.unit,
        triggerAt: formatKst(c.triggerMs),
        suspendedSince: formatKst(c.suspendedSinceMs),
      };
    }

    const dueMs = dueInstant(rule, c.triggerMs, c.extended, ctx.isHoliday);
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

/** Why an extension at a given instant would not count, or would do nothing. */
export type ExtensionRefusal =
  /** The key has no extension (or the rulebook gives it 0 days). */
  | 'no_extension'
  /** The clock does not run (not triggered, withdrawn, self-resolved, suspended …). */
  | 'not_applicable'
  /** The instant is before the clock's trigger. */
  | 'before_trigger'
  /** The clock was already met at that instant. */
  | 'already_met'
  /** An extension already counts; it is granted once. */
  | 'already_extended'
  /** The instant is after the unextended dueAt: the period had run out. */
  | 'past_due';

/**
 * Whether an extension event (`investigation_extended`, `committee_extended`)
 * dated `at` may be recorded for `key` on the case as it stands, and if not,
 * why. Services call it before recording an extension and refuse with
 * `deadline_passed` on `past_due`, so that an extension requested after the
 * period ran out is never stored; the pure rules ignore such an event anyway.
 * `input.now` is not used.
 */
export function extensionRefusal(input: Omit<DeadlineInput, 'now'> & { now?: string }, key: DeadlineKey, at: string): ExtensionRefusal | null {
  const atMs = parseInstant(at);
  const ctx = contextOf(input);
  const rule = ctx.book.deadlines[key];
  if (!EXTENSION_EVENTS[key] || rule.extensionDays <= 0) return 'no_extension';
  const c = clocks(ctx, { ...input, now: input.now ?? at })[key];
  if (!rule.enabled || !c.applies || c.suspendedSinceMs !== undefined) return 'not_applicable';
  if (atMs < c.triggerMs) return 'before_trigger';
  if (c.met && c.met.ms <= atMs) return 'already_met';
  if (c.extended) return 'already_extended';
  if (atMs > baseDue(ctx, key, c.triggerMs)) return 'past_due';
  return null;
}

/** True when `extensionRefusal` finds nothing against an extension of `key` dated `at`. */
export function extensionAllowed(input: Omit<DeadlineInput, 'now'> & { now?: string }, key: DeadlineKey, at: string): boolean {
  return extensionRefusal(input, key, at) === null;
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
