/**
 * What one case contributes to the audit dashboard, derived from its clocks,
 * its events and its decisions. Computed whenever the case's events change
 * (lib/cases/step-engine.ts refreshDeadlines) and stored, so the dashboard adds
 * up stored numbers and never recomputes a clock. Pure: `now` is an argument.
 */
import {
  CATEGORIES,
  SEPARATION_EXEMPTION_REASONS,
  isSexualCase,
  kstDateOf,
  type Category,
  type Deadline,
  type DeadlineKey,
  type DeadlineStatus,
} from '@/lib/rules';
import { HOUR_MS } from '@/lib/rules/time';
import { COMMITTEE_EXTENSION_CODES, PERPETRATOR_MEASURES, VICTIM_MEASURES, zeroCounts, type CommitteeExtensionCode, type FactCounts } from './counters';
import { protectionGaps, type GapEvent } from './protection-gaps';

export type FactsEvent = GapEvent & { id?: number | string };

export type FactsInput = {
  reportedAt: string | Date;
  categories: readonly string[];
  events: readonly FactsEvent[];
  /** The stored clocks of the case (computeDeadlines as of the last event). */
  deadlines: readonly Deadline[];
  /** One committee decision per alleged perpetrator (db decisions). */
  decisions: readonly { measures: readonly number[]; notSchoolViolence: boolean; ratification: Record<string, { ratified?: unknown }> | null }[];
  /** The Act 16 measures decided for each victim (db victim_measures). */
  victimMeasures: readonly (readonly number[])[];
  now: Date;
};

export type CaseFacts = { counts: FactCounts; gapOpen: boolean; gapAccrueFrom: string | null };

/** A deadline key as the dashboard stores it: one row per case and applicable key. */
export type DeadlineRow = {
  key: DeadlineKey;
  triggerAt: string;
  dueAt: string;
  metAt: string | null;
  status: DeadlineStatus;
  extendedBy: number | null;
  /** Trigger to meeting event in whole hours (rounded), null while unmet. */
  elapsedHours: number | null;
};

const iso = (d: string | Date) => (typeof d === 'string' ? d : d.toISOString());

/** The first day of the KST month of an instant, as stored in `reported_month`. */
export function kstMonthOf(at: string | Date): string {
  return `${kstDateOf(iso(at)).slice(0, 7)}-01`;
}

/** A window (the appeal period) opens and closes; it is never met or breached. */
export function isWindowStatus(status: DeadlineStatus): boolean {
  return status === 'open' || status === 'closed';
}

export function deadlineRows(deadlines: readonly Deadline[]): DeadlineRow[] {
  return deadlines.flatMap((d) => {
    if (d.status === 'not_applicable' || !d.dueAt || !d.triggerAt) return [];
    const metAt = d.metAt ?? null;
    const elapsedHours = metAt ? Math.round((new Date(metAt).getTime() - new Date(d.triggerAt).getTime()) / HOUR_MS) : null;
    return [{ key: d.key, triggerAt: d.triggerAt, dueAt: d.dueAt, metAt, status: d.status, extendedBy: d.extendedBy ?? null, elapsedHours }];
  });
}

/** The reason code of an extension event: `reasonCode`, else a `reason` that is a known code, else `unspecified`. */
export function committeeExtensionCode(data: Record<string, unknown> | undefined): CommitteeExtensionCode {
  const raw = data?.reasonCode ?? data?.reason;
  return typeof raw === 'string' && (COMMITTEE_EXTENSION_CODES as readonly string[]).includes(raw) ? (raw as CommitteeExtensionCode) : 'unspecified';
}

const at = (e: FactsEvent) => new Date(e.occurredAt).getTime();

export function caseFacts(input: FactsInput): CaseFacts {
  const c = zeroCounts();
  const events = [...input.events].sort((a, b) => at(a) - at(b));
  const has = (type: string) => events.some((e) => e.type === type);
  const ofType = (type: string) => events.filter((e) => e.type === type);

  for (const d of input.deadlines) {
    // A clock a stay holds (suspended) is neither met nor missed while the stay stands.
    if (d.status === 'not_applicable' || d.status === 'suspended' || isWindowStatus(d.status)) continue;
    c.clocks++;
    if (d.status === 'met') c.clocks_met++;
    else if (d.status === 'met_late') c.clocks_met_late++;
    else c.clocks_unmet++;
  }

  const categories = input.categories.filter((x): x is Category => (CATEGORIES as readonly string[]).includes(x));
  for (const cat of categories) c[`cat_${cat}`] = 1;
  const policeReported = has('police_reported');
  if (isSexualCase(categories)) {
    c.sexual_cases = 1;
    if (policeReported) c.sexual_police_reported = 1;
  }
  if (categories.includes('digital_sex_offence') && policeReported) c.dso_police_reported = 1;

  // Self-resolved and not reopened since (Act 13-2; a later committee request reopens it).
  const lastResolved = ofType('self_resolved').at(-1);
  if (lastResolved && !events.some((e) => e.type === 'committee_requested' && at(e) > at(lastResolved))) c.self_resolved = 1;
  if (events.some((e) => e.type === 'closed' && e.data?.closure === 'not_school_violence')) c.closed_not_violence = 1;
  if (has('committee_requested')) c.committee_requested = 1;
  if (has('hearing_held')) c.deliberated = 1;

  if (has('decision_made')) {
    c.decided = 1;
    c.perpetrators_decided = input.decisions.length;
    for (const d of input.decisions) {
      if (d.notSchoolViolence) c.committee_not_violence++;
      for (const m of PERPETRATOR_MEASURES) if (d.measures.includes(m)) c[`pm${m}`]++;
    }
    for (const v of input.victimMeasures) {
      if (v.length > 0) c.victims_with_measures++;
      for (const m of VICTIM_MEASURES) if (v.includes(m)) c[`vm${m}`]++;
    }
    // Act 17④: each emergency measure is ratified or not on the decision of its student.
    const answers = new Map(input.decisions.flatMap((d) => Object.entries(d.ratification ?? {})));
    for (const e of ofType('emergency_measure_taken')) {
      const answer = e.id === undefined ? undefined : answers.get(String(e.id));
      if (answer?.ratified === true) c.emergency_ratified++;
      else if (answer?.ratified === false) c.emergency_not_ratified++;
    }
  }
  for (const e of ofType('emergency_measure_taken')) {
    if (e.data?.measure === 'suspension') c.emergency_suspension++;
    else if (e.data?.measure === 'class_change') c.emergency_class_change++;
  }

  for (const e of ofType('appeal_filed')) {
    if (e.data?.side === 'victim') c.appeals_victim++;
    else if (e.data?.side === 'perpetrator') c.appeals_perpetrator++;
    if (e.data?.kind === 'administrative_appeal') c.appeals_administrative++;
    else if (e.data?.kind === 'lawsuit') c.appeals_lawsuit++;
  }
  c.stays_granted = ofType('stay_granted').length;
  for (const e of ofType('appeal_decided')) {
    const outcome = e.data?.outcome;
    if (outcome === 'upheld' || outcome === 'varied' || outcome === 'annulled' || outcome === 'withdrawn') c[`appeals_${outcome}`]++;
  }

  const exemption = ofType('separation_exempted')[0];
  if (exemption) {
    c.separation_exempted = 1;
    const reason = exemption.data?.reason;
    if (typeof reason === 'string' && (SEPARATION_EXEMPTION_REASONS as readonly string[]).includes(reason))
      c[`exemption_${reason as (typeof SEPARATION_EXEMPTION_REASONS)[number]}`] = 1;
  }
  // The clocks count one extension per key (lib/rules), so the first extension event is the one that counted.
  const committeeExtension = ofType('committee_extended')[0];
  if (committeeExtension) {
    c.committee_extended = 1;
    c[`committee_ext_${committeeExtensionCode(committeeExtension.data)}`] = 1;
  }
  if (has('investigation_extended')) c.investigation_extended = 1;

  const gaps = protectionGaps({ reportedAt: input.reportedAt, events, now: input.now });
  c.gap_days = gaps.days;
  c.gap_cases = gaps.days > 0 ? 1 : 0;
  return { counts: c, gapOpen: gaps.open, gapAccrueFrom: gaps.accrueFrom };
}
