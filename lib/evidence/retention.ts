/**
 * When a case's evidence may be purged. Pure: the caller reads the
 * case, its pending appeals and its active holds, and passes `now` and the
 * rulebook's evidence rules; the purge job and the case page both ask here,
 * so what the page promises is what the job does.
 */
import type { EvidenceRules } from '@/lib/rules';

export type RetentionInput = {
  /** When the case closed; null while it is open (a reopened case counts as open whatever its old closing time). */
  closedAt: Date | null;
  /** Appeals and lawsuits with outcome 'pending': each holds the evidence with no row of its own. */
  openAppeals: number;
  /** Manual legal holds not yet released. */
  activeHolds: number;
  now: Date;
  rules: EvidenceRules;
};

export type HoldReason = 'appeal_pending' | 'manual';

export type RetentionState =
  /** The case is open: nothing is scheduled. */
  | { kind: 'kept' }
  /** A hold stands; `purgeAt` is when the period would have ended, null while the case is open. */
  | { kind: 'held'; reasons: HoldReason[]; purgeAt: Date | null }
  | { kind: 'scheduled'; purgeAt: Date }
  | { kind: 'due'; purgeAt: Date };

const DAY_MS = 24 * 60 * 60 * 1000;

/** The end of the retention period: the closing instant plus the configured days (KST has no daylight saving, so a day is 24 hours). */
export function purgeDate(closedAt: Date, rules: EvidenceRules): Date {
  return new Date(closedAt.getTime() + rules.retentionDaysAfterClose * DAY_MS);
}

/**
 * A hold wins over everything, so an open case under appeal already shows
 * why its evidence will outlive the period; an open case is never due; a
 * closed one is due from the end of its period on.
 */
export function retentionState({ closedAt, openAppeals, activeHolds, now, rules }: RetentionInput): RetentionState {
  const purgeAt = closedAt ? purgeDate(closedAt, rules) : null;
  const reasons: HoldReason[] = [...(openAppeals > 0 ? (['appeal_pending'] as const) : []), ...(activeHolds > 0 ? (['manual'] as const) : [])];
  if (reasons.length > 0) return { kind: 'held', reasons, purgeAt };
  if (!purgeAt) return { kind: 'kept' };
  return now.getTime() >= purgeAt.getTime() ? { kind: 'due', purgeAt } : { kind: 'scheduled', purgeAt };
}

export const isPurgeDue = (input: RetentionInput): boolean => retentionState(input).kind === 'due';
