/**
 * Principal's self-resolution (학교장 자체해결, Act 13-2): all four conditions
 * must hold, and for every alleged perpetrator both the victim and the
 * victim's guardian must have confirmed in writing that they do not want
 * the committee. Pure: the form's answers in, a verdict with reasons out.
 */
export const SELF_RESOLUTION_CONDITIONS = [
  /** No certificate of ≥ 2 weeks' physical or mental treatment (one filed before the review counts even if withdrawn). */
  'no_two_week_diagnosis',
  /** No property damage, or it was restored at once, or a restoration promise exists (2024 wording). */
  'no_property_damage_or_restored',
  /** Not persistent. */
  'not_persistent',
  /** Not retaliation for reporting, statements or evidence (online included). */
  'not_retaliation',
] as const;
export type SelfResolutionCondition = (typeof SELF_RESOLUTION_CONDITIONS)[number];

export type SelfResolutionAnswers = {
  conditions: Record<SelfResolutionCondition, { holds: boolean; note?: string }>;
  /** One entry per alleged perpetrator: the file names of the signed consents, or null when missing. */
  consents: { perpetratorPartyId: string; victimConsentFile: string | null; guardianConsentFile: string | null }[];
};

export type SelfResolutionFailure =
  | { kind: 'condition'; condition: SelfResolutionCondition }
  | { kind: 'consent'; perpetratorPartyId: string; missing: 'victim' | 'guardian' }
  | { kind: 'no_perpetrator' };

export function selfResolutionEligibility(
  answers: SelfResolutionAnswers,
  perpetratorPartyIds: readonly string[],
): { eligible: boolean; failures: SelfResolutionFailure[] } {
  const failures: SelfResolutionFailure[] = [];
  for (const condition of SELF_RESOLUTION_CONDITIONS) {
    if (!answers.conditions[condition]?.holds) failures.push({ kind: 'condition', condition });
  }
  if (perpetratorPartyIds.length === 0) failures.push({ kind: 'no_perpetrator' });
  for (const id of perpetratorPartyIds) {
    const consent = answers.consents.find((c) => c.perpetratorPartyId === id);
    if (!consent?.victimConsentFile?.trim()) failures.push({ kind: 'consent', perpetratorPartyId: id, missing: 'victim' });
    if (!consent?.guardianConsentFile?.trim()) failures.push({ kind: 'consent', perpetratorPartyId: id, missing: 'guardian' });
  }
  return { eligible: failures.length === 0, failures };
}
