import { kstDateOf, parseInstant, rulebookFor, type Deadline, type DeadlineKey, type DeadlineStatus } from '@/lib/rules';
import type { CaseStatus } from './constants';
import { caseListQuery, type CaseListQuery } from './schemas';

/**
 * What a case list shows about a case's clocks, computed from the deadline
 * snapshot stored on the case. The snapshot's statuses are as of the case's
 * last event; between two events only time moves, so an unmet clock can only
 * go pending → due_soon → breached and a window only open → closed. Re-reading
 * the snapshot against `now` therefore gives what `computeDeadlines` would
 * give today, without loading every case's events.
 */
const UNMET = new Set<DeadlineStatus>(['pending', 'due_soon', 'breached']);
const HOUR_MS = 3_600_000;

const rulebookCache = new Map<string, ReturnType<typeof rulebookFor>>();

/** Rulebooks change on KST days, so one per report day serves a whole page of rows. */
function rulebookOf(reportedAt: Date): ReturnType<typeof rulebookFor> {
  const iso = reportedAt.toISOString();
  const day = kstDateOf(iso);
  let book = rulebookCache.get(day);
  if (!book) {
    book = rulebookFor(iso);
    if (rulebookCache.size >= 1000) rulebookCache.clear();
    rulebookCache.set(day, book);
  }
  return book;
}

/** The time left under which an unmet clock is `due_soon`, as the case's rulebook sets it (docs/rules-contract.md §1: 12 hours / 3 days). */
function dueSoonMs(d: Deadline, reportedAt: Date): number {
  const book = rulebookOf(reportedAt);
  const rule = book.deadlines[d.key];
  if (rule.dueSoonHours !== undefined) return rule.dueSoonHours * HOUR_MS;
  return rule.unit === 'hours' ? book.dueSoon.hoursRule.hours * HOUR_MS : book.dueSoon.daysRule.days * 24 * HOUR_MS;
}

/** A stored deadline's status as of `now`. Met and not-applicable entries keep their status. */
export function deadlineStatusAt(d: Deadline, reportedAt: Date, now: Date): DeadlineStatus {
  if (d.dueAt === null) return d.status;
  const due = parseInstant(d.dueAt);
  const nowMs = now.getTime();
  if (d.status === 'open' || d.status === 'closed') return nowMs <= due ? 'open' : 'closed';
  if (!UNMET.has(d.status)) return d.status;
  if (nowMs > due) return 'breached';
  return due - nowMs < dueSoonMs(d, reportedAt) ? 'due_soon' : 'pending';
}

export type NextClock = { key: DeadlineKey; dueAt: string; status: DeadlineStatus };
export type ClockSummary = { next: NextClock | null; breached: number };

type ClockSource = { status: CaseStatus; reportedAt: Date; deadlines: readonly Deadline[]; nextDueKey: string | null };

/**
 * The clock a list row leads with (the stored `next_due_key`, the earliest
 * unmet due time) and how many clocks are breached now. A closed case has
 * nothing left to meet.
 */
export function clockSummary(c: ClockSource, now: Date): ClockSummary {
  if (c.status === 'closed') return { next: null, breached: 0 };
  let breached = 0;
  let next: NextClock | null = null;
  for (const d of c.deadlines) {
    if (!UNMET.has(d.status) || d.dueAt === null) continue;
    const status = deadlineStatusAt(d, c.reportedAt, now);
    if (status === 'breached') breached++;
    if (d.key === c.nextDueKey) next = { key: d.key, dueAt: d.dueAt, status };
  }
  return { next, breached };
}

/** Next's `searchParams` (a value may repeat) to the list query; anything malformed falls back to the default. */
export function caseListQueryFrom(params: Record<string, string | string[] | undefined>): CaseListQuery {
  const flat: Record<string, string> = {};
  for (const [k, v] of Object.entries(params)) {
    const value = Array.isArray(v) ? v[0] : v;
    if (value !== undefined && value !== '') flat[k] = value;
  }
  const parsed = caseListQuery.parse(flat);
  return { ...parsed, q: parsed.q ? parsed.q : undefined };
}

/** The query as URL parameters, defaults left out, so links stay short and keep the filters. */
export function caseListParams(q: CaseListQuery, page = q.page): Record<string, string> {
  const out: Record<string, string> = {};
  if (q.status !== 'open') out.status = q.status;
  if (q.category) out.category = q.category;
  if (q.breached) out.breached = q.breached;
  if (q.q) out.q = q.q;
  if (page > 1) out.page = String(page);
  return out;
}

/** True when the list is narrowed beyond its default (open cases, any category). */
export function isFiltered(q: CaseListQuery): boolean {
  return q.status !== 'open' || Boolean(q.category || q.breached || q.q);
}
