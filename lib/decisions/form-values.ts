import { ADJUSTMENTS, PERIOD_MEASURES, RUBRIC_FACTORS } from './measures';
import type { SaveDecisionInput } from './schemas';
import type { EmergencyMeasure } from './case-facts';

/** A stored decision as the form needs it (rubric and ratification are jsonb, read defensively). */
export type StoredDecision = {
  version: number;
  notSchoolViolence: boolean;
  rubric: Record<string, unknown>;
  measures: { measure: number; periodDays?: number }[];
  overrideReason: string | null;
  emergencyRatification: Record<string, { ratified: boolean; note?: string }>;
};

const scoreOf = (v: unknown) => (typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= 4 ? (String(v) as '0') : '0');

/**
 * The decision form's values: the stored decision when there is one (with
 * the version it was loaded at, for optimistic locking), otherwise a blank
 * form at version 0. One row per emergency measure awaiting ratification.
 */
export function decisionFormValues(
  caseId: string,
  perpetratorPartyId: string,
  stored: StoredDecision | null,
  emergencies: readonly EmergencyMeasure[],
): SaveDecisionInput {
  const rubric = stored?.rubric ?? {};
  const scores = (rubric.scores ?? {}) as Record<string, unknown>;
  const adjustment = ADJUSTMENTS.find((a) => a === rubric.adjustment) ?? 'none';
  const period = (m: number) => String(stored?.measures.find((x) => x.measure === m)?.periodDays ?? '');
  return {
    caseId,
    perpetratorPartyId,
    version: stored?.version ?? 0,
    notSchoolViolence: stored?.notSchoolViolence ?? false,
    scores: Object.fromEntries(RUBRIC_FACTORS.map((f) => [f, scoreOf(scores[f])])) as SaveDecisionInput['scores'],
    adjustment,
    protectionNeeded: rubric.protectionNeeded === true,
    guidanceNeeded: rubric.guidanceNeeded === true,
    measures: (stored?.measures ?? []).map((m) => String(m.measure)),
    periodDays: Object.fromEntries(PERIOD_MEASURES.map((m) => [`m${m}`, period(m)])) as SaveDecisionInput['periodDays'],
    overrideReason: stored?.overrideReason ?? '',
    ratifications: emergencies.map((e) => {
      const answer = stored?.emergencyRatification[e.eventId];
      return { eventId: e.eventId, outcome: answer ? (answer.ratified ? 'ratified' : 'not_ratified') : '', note: answer?.note ?? '' };
    }),
  };
}
