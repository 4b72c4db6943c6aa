/**
 * Protection gaps: the days on which a victim was neither separated from the
 * alleged perpetrator nor covered by any protective measure while the case
 * was open. Pure: `now` is an argument.
 *
 * The definition, in KST calendar days:
 *
 * - The case is *open* from the report until a `closed` event, and also not
 *   while it stands self-resolved (`self_resolved` until a later
 *   `committee_requested` reopens it).
 * - A day counts only when the case was open for the whole day, the day lies
 *   after the report day (Act 16① gives the school 24 hours to separate, so
 *   the report day itself is never a gap) and the day is complete (before
 *   today).
 * - A day is *protected* when any instant of it falls inside one of:
 *   1. a separation: `separation_started` until the next `separation_ended`
 *      (still running → open-ended; a separation past its 7-day cap still
 *      separates, the cap breach is counted elsewhere);
 *   2. a recorded separation exemption (Decree 17-2: the victim declined, the
 *      matter arose outside educational activity, or the parties were already
 *      apart): from the exemption on, separation was not owed;
 *   3. an emergency measure on the perpetrator by the school head (Act 17④,
 *      suspension or class change): until the committee's decision replaces it;
 *   4. the victim's protective measures taken (`victim_measures_taken`, Act 16①);
 *   5. a disposition notified whose perpetrator measures separate the students
 *      (6 suspension, 7 class change, 8 transfer, 9 expulsion).
 *   The automatic no-contact order (measure 2 from 2024) is a prohibition, not
 *   a separation or a protective measure, so it does not protect a day.
 * - Events carry no victim, so the unit is the case: a case with two victims
 *   counts each gap day once.
 *
 * Nothing changes between two events, so the result is stored when the case's
 * events change: the complete gap days so far, and — when at `now` the case is
 * open and nothing open-ended protects it — the first day from which further
 * days keep accruing until the next event. `gapDaysAsOf` adds those.
 */
import { DAY_MS, KST_OFFSET_MS } from '@/lib/rules/time';

export type GapEvent = { type: string; occurredAt: string | Date; data?: Record<string, unknown> };
export type GapResult = {
  /** Complete gap days before `now`'s KST day. */
  days: number;
  /** True when further gap days accrue after `now` until the next event. */
  open: boolean;
  /** The first KST day (YYYY-MM-DD) that counts as a gap day once it is complete; null unless `open`. */
  accrueFrom: string | null;
};

/** Separating measures among the perpetrator measures (Act 17①). */
export const SEPARATING_MEASURES = [6, 7, 8, 9] as const;

type Range = { from: number; to: number };

const ms = (d: string | Date) => (typeof d === 'string' ? new Date(d).getTime() : d.getTime());
/** KST day number (days since 1970-01-01 KST) of an instant. */
const dayOf = (t: number) => Math.floor((t + KST_OFFSET_MS) / DAY_MS);
const dayString = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);

function sorted(events: readonly GapEvent[]) {
  return events.map((e) => ({ type: e.type, at: ms(e.occurredAt), data: e.data ?? {} })).sort((a, b) => a.at - b.at);
}

type Timed = ReturnType<typeof sorted>[number];

/** The instants during which the case was open, as [from, to) with `to` = Infinity while it is open. */
export function openIntervals(reportedAt: string | Date, events: readonly GapEvent[]): Range[] {
  const out: Range[] = [];
  let openFrom: number | null = ms(reportedAt);
  let closedForGood = false;
  for (const e of sorted(events)) {
    if (closedForGood) break;
    if ((e.type === 'self_resolved' || e.type === 'closed') && openFrom !== null) {
      out.push({ from: openFrom, to: Math.max(openFrom, e.at) });
      openFrom = null;
    } else if (e.type === 'committee_requested' && openFrom === null) {
      openFrom = e.at;
    }
    if (e.type === 'closed') closedForGood = true;
  }
  if (openFrom !== null && !closedForGood) out.push({ from: openFrom, to: Infinity });
  return out;
}

function firstDecision(tl: readonly Timed[], fromMs = -Infinity): Timed | undefined {
  return tl.find((e) => e.type === 'decision_made' && e.at >= fromMs);
}

function measuresOf(data: Record<string, unknown>, field: string): number[] {
  const raw = data[field];
  return Array.isArray(raw) ? raw.filter((m): m is number => typeof m === 'number') : [];
}

/** The instants during which the victim was separated or protected, per the rules above. */
export function protectedIntervals(events: readonly GapEvent[]): Range[] {
  const tl = sorted(events);
  const out: Range[] = [];
  let separationFrom: number | null = null;
  const decision = firstDecision(tl);
  const separatingDecision = decision
    ? measuresOf(decision.data, 'perpetratorMeasures').some((m) => (SEPARATING_MEASURES as readonly number[]).includes(m))
    : false;
  for (const e of tl) {
    switch (e.type) {
      case 'separation_started':
        if (separationFrom === null) separationFrom = e.at;
        break;
      case 'separation_ended':
        if (separationFrom !== null) out.push({ from: separationFrom, to: e.at });
        separationFrom = null;
        break;
      case 'separation_exempted':
      case 'victim_measures_taken':
        out.push({ from: e.at, to: Infinity });
        break;
      case 'emergency_measure_taken':
        out.push({ from: e.at, to: firstDecision(tl, e.at)?.at ?? Infinity });
        break;
      case 'disposition_notified':
        if (separatingDecision) out.push({ from: e.at, to: Infinity });
        break;
    }
  }
  if (separationFrom !== null) out.push({ from: separationFrom, to: Infinity });
  return out;
}

/** Inclusive KST day ranges touched by the intervals, merged and sorted. */
function touchedDays(intervals: readonly Range[]): Range[] {
  const days = intervals
    .map((r) => ({ from: dayOf(r.from), to: r.to === Infinity ? Infinity : Math.max(dayOf(r.from), dayOf(r.to - 1)) }))
    .sort((a, b) => a.from - b.from);
  const merged: Range[] = [];
  for (const d of days) {
    const last = merged.at(-1);
    if (last && d.from <= last.to + 1) last.to = Math.max(last.to, d.to);
    else merged.push({ ...d });
  }
  return merged;
}

/** Days in [from, to] (inclusive, `to` finite) that no range covers. */
function uncovered(from: number, to: number, covered: readonly Range[]): number {
  let n = to - from + 1;
  if (n <= 0) return 0;
  for (const c of covered) {
    const lo = Math.max(from, c.from);
    const hi = Math.min(to, c.to);
    if (hi >= lo) n -= hi - lo + 1;
  }
  return n;
}

export function protectionGaps(input: { reportedAt: string | Date; events: readonly GapEvent[]; now: Date }): GapResult {
  const reportDay = dayOf(ms(input.reportedAt));
  const today = dayOf(input.now.getTime());
  const covered = touchedDays(protectedIntervals(input.events));
  let days = 0;
  let accrueFrom: number | null = null;
  for (const span of openIntervals(input.reportedAt, input.events)) {
    // Days the case was open from their first to their last instant.
    const first = Math.max(reportDay + 1, Math.ceil((span.from + KST_OFFSET_MS) / DAY_MS));
    const lastOpen = span.to === Infinity ? Infinity : Math.floor((span.to + KST_OFFSET_MS) / DAY_MS) - 1;
    days += uncovered(first, Math.min(lastOpen, today - 1), covered);
    if (span.to === Infinity && !covered.some((c) => c.to === Infinity)) {
      let d = Math.max(first, today);
      for (const c of covered) if (c.from <= d && d <= c.to) d = c.to + 1;
      accrueFrom = d;
    }
  }
  return { days, open: accrueFrom !== null, accrueFrom: accrueFrom === null ? null : dayString(accrueFrom) };
}

/** Gap days as of `today` (KST YYYY-MM-DD) from a stored result, with no event since it was stored. */
export function gapDaysAsOf(stored: GapResult, today: string): number {
  if (!stored.open || !stored.accrueFrom) return stored.days;
  return stored.days + Math.max(0, daysBetween(stored.accrueFrom, today));
}

/** Whole days from `a` to `b` (KST dates). */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / DAY_MS);
}
