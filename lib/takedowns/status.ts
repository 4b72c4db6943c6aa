/**
 * The life of a takedown request and its follow-up schedule. Pure: the
 * service and the reminder sweep pass `now`, the time of the change and the
 * rulebook's interval.
 *
 * Follow-up continues while the material may still be online:
 * - requested, in_progress: the body is working on it; ask again every N days.
 * - refused: the material is still up, so the team must escalate (to 디성센터
 *   or 방송통신심의위원회) or decide to stop; reminders go on until someone
 *   records that decision as `closed`.
 * - reuploaded: the material is back; the request is reopened and its
 *   follow-up starts again from the re-upload.
 * - removed, closed: nothing to chase. Either can still be reopened by
 *   recording a re-upload, which schedules reminders again.
 *
 * `closed` means follow-up stopped without a removal (the team gave up on
 * this body or moved to another); a removed request is already finished and
 * is not closed on top, so "removed" stays true in the summary.
 */

import { rulebookFor } from '@/lib/rules';

export const TAKEDOWN_TARGETS = ['dsc', 'platform', 'kcsc'] as const;
export type TakedownTarget = (typeof TAKEDOWN_TARGETS)[number];

export const TAKEDOWN_STATUSES = ['requested', 'in_progress', 'removed', 'refused', 'reuploaded', 'closed'] as const;
export type TakedownStatus = (typeof TAKEDOWN_STATUSES)[number];

/**
 * Where each status may go next. `in_progress → in_progress` records another
 * follow-up contact ("still under review"), which restarts the interval.
 */
export const TAKEDOWN_TRANSITIONS: Record<TakedownStatus, readonly TakedownStatus[]> = {
  requested: ['in_progress', 'removed', 'refused', 'closed'],
  in_progress: ['in_progress', 'removed', 'refused', 'closed'],
  refused: ['in_progress', 'removed', 'closed'],
  removed: ['reuploaded'],
  reuploaded: ['in_progress', 'removed', 'refused', 'closed'],
  closed: ['reuploaded'],
};

export function canTransition(from: TakedownStatus, to: TakedownStatus): boolean {
  return TAKEDOWN_TRANSITIONS[from].includes(to);
}

export function nextStatuses(from: TakedownStatus): readonly TakedownStatus[] {
  return TAKEDOWN_TRANSITIONS[from];
}

/** Statuses that keep the follow-up running. */
export const REMINDING_STATUSES: readonly TakedownStatus[] = ['requested', 'in_progress', 'refused', 'reuploaded'];

export function keepsReminding(status: TakedownStatus): boolean {
  return REMINDING_STATUSES.includes(status);
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** N days between follow-ups (7 unless configured), from the rulebook in force when the case was reported. */
export function reminderIntervalDays(reportedAt: Date): number {
  return rulebookFor(reportedAt.toISOString()).evidence.takedownReminderDays;
}

/** When the first reminder after a request or a status change at `at` is due; null once follow-up has stopped. */
export function nextReminderAt(status: TakedownStatus, at: Date, intervalDays: number): Date | null {
  return keepsReminding(status) ? new Date(at.getTime() + intervalDays * DAY_MS) : null;
}

/**
 * The reminder after the one due at `due`, sent at `now`: the same rhythm
 * (due + k·N), skipping periods a stopped worker missed, so a sweep that was
 * down for three weeks sends one reminder, not three in a row.
 */
export function followingReminder(due: Date, now: Date, intervalDays: number): Date {
  const step = intervalDays * DAY_MS;
  const periods = Math.max(1, Math.floor((now.getTime() - due.getTime()) / step) + 1);
  return new Date(due.getTime() + periods * step);
}

/**
 * A location counts as removed when a request reports it removed and none
 * reports a re-upload since: one body's removal is enough, and a re-upload
 * anywhere means it is back.
 */
export function locationRemoved(statuses: readonly TakedownStatus[]): boolean {
  return statuses.includes('removed') && !statuses.includes('reuploaded');
}

export type TakedownSummary = { locations: number; removed: number; open: number };

/** "N locations, M removed", plus how many requests are still being followed up. */
export function summarizeTakedowns(locations: readonly { requests: readonly { status: TakedownStatus }[] }[]): TakedownSummary {
  return {
    locations: locations.length,
    removed: locations.filter((l) => locationRemoved(l.requests.map((r) => r.status))).length,
    open: locations.reduce((n, l) => n + l.requests.filter((r) => keepsReminding(r.status)).length, 0),
  };
}
