import { buildCalendar, computeDeadlines, EVENT_TYPES, type Category, type Deadline, type EventType } from '@/lib/rules';

const CONTRACT_EVENTS = new Set<string>(EVENT_TYPES);
const OPEN_STATUSES = new Set<Deadline['status']>(['pending', 'due_soon', 'breached']);

export type CaseClockInput = {
  reportedAt: Date | string;
  categories: readonly string[];
  events: readonly { type: string; occurredAt: Date | string; data?: Record<string, unknown> }[];
  /** Admin-added non-working days, on top of the built-in Korean calendar. */
  extraHolidays: readonly string[];
};

const iso = (d: Date | string) => (typeof d === 'string' ? d : d.toISOString());

/** A case's clocks: the case's own events (only those the rules know) fed to lib/rules. */
export function caseDeadlines(input: CaseClockInput, now: Date): Deadline[] {
  const reportedAt = iso(input.reportedAt);
  const year = new Date(reportedAt).getUTCFullYear();
  return computeDeadlines({
    jurisdiction: 'KR',
    reportedAt,
    categories: input.categories as Category[],
    events: input.events
      .filter((e) => CONTRACT_EVENTS.has(e.type))
      .map((e) => ({ type: e.type as EventType, at: iso(e.occurredAt), ...(e.data ? { data: e.data } : {}) })),
    now: now.toISOString(),
    calendar: buildCalendar([...input.extraHolidays], { from: year - 1, to: year + 2 }),
  });
}

/** The earliest unmet due time, stored on the case so lists sort without recomputing. */
export function earliestOpen(deadlines: readonly Deadline[]): { key: string; dueAt: Date } | null {
  const open = deadlines.filter((d) => OPEN_STATUSES.has(d.status) && d.dueAt).sort((a, b) => new Date(a.dueAt!).getTime() - new Date(b.dueAt!).getTime());
  const first = open[0];
  return first ? { key: first.key, dueAt: new Date(first.dueAt!) } : null;
}
