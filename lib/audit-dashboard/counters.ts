/**
 * The per-case numbers the audit dashboard adds up. One list serves the
 * per-case facts table, its monthly per-school rollup, the SQL that keeps the
 * rollup in step and the dashboard's sums, so a counter cannot exist in one
 * place and be missing in another. Pure: no I/O.
 */
import { CATEGORIES, DEADLINE_KEYS, KR_RULEBOOK_ERAS, SEPARATION_EXEMPTION_REASONS, rulebookFor, type Category, type DeadlineKey } from '@/lib/rules';

/** The committee's reason codes for the 7-day extension (lib/committee/constants.ts EXTENSION_REASONS), plus a bucket for events without one. */
export const COMMITTEE_EXTENSION_CODES = ['member_shortage', 'party_request', 'supplementary_investigation', 'other', 'unspecified'] as const;
export type CommitteeExtensionCode = (typeof COMMITTEE_EXTENSION_CODES)[number];

/** Perpetrator measures (Act 17①) 1–9 and victim measures (Act 16①) 1–4 and 6 (5 was deleted in 2012). */
export const PERPETRATOR_MEASURES = [1, 2, 3, 4, 5, 6, 7, 8, 9] as const;
export const VICTIM_MEASURES = [1, 2, 3, 4, 6] as const;

type CategoryCounter = `cat_${Category}`;
type PerpetratorMeasureCounter = `pm${(typeof PERPETRATOR_MEASURES)[number]}`;
type VictimMeasureCounter = `vm${(typeof VICTIM_MEASURES)[number]}`;
type ExemptionCounter = `exemption_${(typeof SEPARATION_EXEMPTION_REASONS)[number]}`;
type CommitteeExtensionCounter = `committee_ext_${CommitteeExtensionCode}`;

export const CATEGORY_COUNTERS = CATEGORIES.map((c) => `cat_${c}`) as readonly CategoryCounter[];
export const PERPETRATOR_MEASURE_COUNTERS = PERPETRATOR_MEASURES.map((m) => `pm${m}`) as readonly PerpetratorMeasureCounter[];
export const VICTIM_MEASURE_COUNTERS = VICTIM_MEASURES.map((m) => `vm${m}`) as readonly VictimMeasureCounter[];
export const EXEMPTION_COUNTERS = SEPARATION_EXEMPTION_REASONS.map((r) => `exemption_${r}`) as readonly ExemptionCounter[];
export const COMMITTEE_EXTENSION_COUNTERS = COMMITTEE_EXTENSION_CODES.map((c) => `committee_ext_${c}`) as readonly CommitteeExtensionCounter[];

/**
 * Every counter, in column order. Units: `clocks*` count deadline keys of the
 * case (task and cap keys, not windows); `pm*`, `committee_not_violence` and
 * `perpetrators_decided` count students; `vm*` count victims; `emergency_*`
 * and `appeals_*` count measures and appeals; `gap_days` counts days; every
 * other counter is 0 or 1 for the case.
 */
export const FACT_COUNTERS = [
  'clocks',
  'clocks_met',
  'clocks_met_late',
  'clocks_unmet',
  ...CATEGORY_COUNTERS,
  'sexual_cases',
  'sexual_police_reported',
  'dso_police_reported',
  'self_resolved',
  'closed_not_violence',
  'committee_requested',
  'deliberated',
  'decided',
  'perpetrators_decided',
  'committee_not_violence',
  ...PERPETRATOR_MEASURE_COUNTERS,
  'victims_with_measures',
  ...VICTIM_MEASURE_COUNTERS,
  'emergency_suspension',
  'emergency_class_change',
  'emergency_ratified',
  'emergency_not_ratified',
  'appeals_victim',
  'appeals_perpetrator',
  'appeals_administrative',
  'appeals_lawsuit',
  'stays_granted',
  'appeals_upheld',
  'appeals_varied',
  'appeals_annulled',
  'appeals_withdrawn',
  'separation_exempted',
  ...EXEMPTION_COUNTERS,
  'committee_extended',
  ...COMMITTEE_EXTENSION_COUNTERS,
  'investigation_extended',
  'gap_days',
  'gap_cases',
] as const;
export type FactCounter = (typeof FACT_COUNTERS)[number];
export type FactCounts = Record<FactCounter, number>;

export function zeroCounts(): FactCounts {
  return Object.fromEntries(FACT_COUNTERS.map((c) => [c, 0])) as FactCounts;
}

/** Keys that are a window in any rulebook era (the appeal period): open, then closed; never met or breached. */
export const WINDOW_KEYS: readonly DeadlineKey[] = DEADLINE_KEYS.filter((k) => KR_RULEBOOK_ERAS.some((era) => rulebookFor(era).deadlines[k].kind === 'window'));
/** Task and cap keys: the clocks that are met, met late or breached. */
export const CLOCK_KEYS: readonly DeadlineKey[] = DEADLINE_KEYS.filter((k) => !WINDOW_KEYS.includes(k));
