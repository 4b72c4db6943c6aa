/**
 * Facts the decision steps read from a case's parties and chronology. Pure,
 * so the case page and the services agree on them.
 */
import type { PartyRole } from '@/lib/cases/constants';

/** Who a decision is about (Act 17) and who protective measures are for (Act 16); 'both' is each. */
export const PERPETRATOR_ROLES = ['alleged_perpetrator', 'both'] as const satisfies readonly PartyRole[];
export const VICTIM_ROLES = ['victim', 'both'] as const satisfies readonly PartyRole[];
/** The parties a written disposition goes to (their guardians receive it for them). */
export const NOTICE_RECIPIENT_ROLES = ['victim', 'alleged_perpetrator', 'both'] as const satisfies readonly PartyRole[];

export const isPerpetrator = (role: string) => (PERPETRATOR_ROLES as readonly string[]).includes(role);
export const isVictim = (role: string) => (VICTIM_ROLES as readonly string[]).includes(role);
export const isNoticeRecipient = (role: string) => (NOTICE_RECIPIENT_ROLES as readonly string[]).includes(role);

type Event = { type: string; occurredAt: Date | string; data?: Record<string, unknown> };

export type EmergencyMeasure = { eventId: string; perpetratorPartyId: string; measure: string; occurredAt: string };

/** The school head's emergency measures that the committee still has to ratify or not (Act 17④). */
export function emergenciesAwaiting(events: readonly (Event & { id: number | string })[]): EmergencyMeasure[] {
  return events.flatMap((e) => {
    const d = e.data ?? {};
    if (e.type !== 'emergency_measure_taken' || d.awaitingRatification !== true) return [];
    const at = typeof e.occurredAt === 'string' ? e.occurredAt : e.occurredAt.toISOString();
    return [{ eventId: String(e.id), perpetratorPartyId: String(d.perpetratorPartyId ?? ''), measure: String(d.measure ?? ''), occurredAt: at }];
  });
}

const measureList = (v: unknown): number[] => (Array.isArray(v) ? v.filter((m): m is number => typeof m === 'number') : []);

/**
 * The measures the clocks were started with: the first `decision_made`
 * (the rules read that one, lib/rules/deadlines.ts), or null before it.
 */
export function finalisedMeasures(events: readonly Event[]): { at: string; perpetratorMeasures: number[]; victimMeasures: number[] } | null {
  const first = events.find((e) => e.type === 'decision_made');
  if (!first) return null;
  return {
    at: typeof first.occurredAt === 'string' ? first.occurredAt : first.occurredAt.toISOString(),
    perpetratorMeasures: measureList(first.data?.perpetratorMeasures),
    victimMeasures: measureList(first.data?.victimMeasures),
  };
}

export const hearingHeld = (events: readonly Event[]) => events.some((e) => e.type === 'hearing_held');
