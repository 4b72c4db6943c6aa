import {
  buildCalendar,
  computeDeadlines,
  EVENT_TYPES,
  extensionRefusal,
  type Category,
  type Deadline,
  type DeadlineInput,
  type EventType,
  type ExtensionRefusal,
} from '@/lib/rules';

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

/** The case's own events (only those the rules know) as lib/rules reads them. */
function clockInput(input: CaseClockInput): Omit<DeadlineInput, 'now'> {
  const reportedAt = iso(input.reportedAt);
  const year = new Date(reportedAt).getUTCFullYear();
  return {
    jurisdiction: 'KR',
    reportedAt,
    categories: input.categories as Category[],
    events: input.events
      .filter((e) => CONTRACT_EVENTS.has(e.type))
      .map((e) => ({ type: e.type as EventType, at: iso(e.occurredAt), ...(e.data ? { data: e.data } : {}) })),
    calendar: buildCalendar([...input.extraHolidays], { from: year - 1, to: year + 2 }),
  };
}

/** A case's clocks, fed to lib/rules. */
export function caseDeadlines(input: CaseClockInput, now: Date): Deadline[] {
  return computeDeadlines({ ...clockInput(input), now: now.toISOString() });
}

/**
 * Why an extension of `key` dated `at` may not be recorded on the case as it
 * stands (lib/rules `extensionRefusal`), or null: one recorded after the
 * period ran out would turn a breach into a met deadline after the fact.
 */
export function caseExtensionRefusal(input: CaseClockInput, key: 'investigation' | 'committee_meeting', at: Date): ExtensionRefusal | null {
  return extensionRefusal(clockInput(input), key, at.toISOString());
}

/** The earliest unmet due time, stored on the case so lists sort without recomputing. */
export function earliestOpen(deadlines: readonly Deadline[]): { key: string; dueAt: Date } | null {
  const open = deadlines.filter((d) => OPEN_STATUSES.has(d.status) && d.dueAt).sort((a, b) => new Date(a.dueAt!).getTime() - new Date(b.dueAt!).getTime());
  const first = open[0];
  return first ? { key: first.key, dueAt: new Date(first.dueAt!) } : null;
}
