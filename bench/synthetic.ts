/**
 * One synthetic school-violence case with a plausible history: the school's
 * first steps, the investigation, self-resolution or the committee, the
 * decision, execution, appeals and closure, each with a delay drawn so that
 * the national shares look like the published ones (docs/domain-process.md §8): about
 * half of the cases self-resolved, roughly four in ten committee meetings
 * late overall, with offices ranging from none late to most late.
 *
 * Events after `now` have not happened yet, so recent cases stay open with
 * clocks pending or breached.
 */
import { randomUUID } from 'node:crypto';
import { KR_RULEBOOK_ERAS, isSexualCase, kstDateOf, rulebookFor, type Category, type Rulebook } from '@/lib/rules';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const KST = 9 * HOUR;

export type Rand = () => number;

/** Deterministic pseudo-random numbers (mulberry32), so a seed run can be repeated exactly. */
export function mulberry32(seed: number): Rand {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function weighted<T>(rand: Rand, entries: readonly (readonly [T, number])[]): T {
  const total = entries.reduce((s, [, w]) => s + w, 0);
  let x = rand() * total;
  for (const [v, w] of entries) {
    x -= w;
    if (x <= 0) return v;
  }
  return entries[entries.length - 1]![0];
}

/** A log-normal delay in hours with the given median; `spread` is sigma. */
function lognormalHours(rand: Rand, median: number, spread: number): number {
  const u = Math.max(1e-9, rand());
  const v = rand();
  const z = Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  return median * Math.exp(spread * z);
}

/** Case categories with the shares of the 2024 middle-school deliberations (T1): physical 30.9%, verbal 29.3%, cyber 11.6%, sexual 9.2%. */
const CATEGORY_WEIGHTS: readonly (readonly [Category, number])[] = [
  ['physical', 30.9],
  ['verbal', 29.3],
  ['cyberbullying', 11.6],
  ['sexual_violence', 7.7],
  ['digital_sex_offence', 1.5],
  ['exclusion', 8],
  ['extortion', 4],
  ['coercion', 4],
  ['other', 3],
];
const EXEMPTIONS = [
  ['victim_declined', 60],
  ['outside_education_activity', 20],
  ['already_separated', 20],
] as const;
const EXTENSION_CODES = [
  ['member_shortage', 35],
  ['party_request', 30],
  ['supplementary_investigation', 25],
  ['other', 10],
] as const;

export type SyntheticEvent = { id: number; type: string; occurredAt: Date; data: Record<string, unknown> };
export type SyntheticParty = { id: string; role: 'victim' | 'alleged_perpetrator'; student: number };
export type SyntheticCase = {
  id: string;
  reportedAt: Date;
  categories: Category[];
  status: string;
  closedAt: Date | null;
  parties: SyntheticParty[];
  events: SyntheticEvent[];
  decisions: {
    id: string;
    perpetratorPartyId: string;
    measures: number[];
    notSchoolViolence: boolean;
    ratification: Record<string, { ratified: boolean }> | null;
    at: Date;
  }[];
  victimMeasures: { id: string; victimPartyId: string; measures: number[]; at: Date }[];
};

export type Office = { id: string; shortName: string; /** 0–1: how often its committee meets late. */ lateness: number };
export type School = { id: string; officeId: string; level: 'elementary' | 'middle' | 'high' | 'special'; students: number };

/** The status a case's last event leaves it in. */
const STATUS_AFTER: Record<string, string> = {
  case_filed: 'reported',
  guardians_notified: 'initial_response',
  separation_started: 'initial_response',
  separation_exempted: 'initial_response',
  office_reported: 'investigating',
  investigation_reported: 'school_review',
  self_resolved: 'self_resolved',
  committee_requested: 'committee_requested',
  hearing_scheduled: 'hearing_scheduled',
  decision_made: 'decided',
  disposition_notified: 'in_execution',
  appeal_filed: 'appeal_pending',
  appeal_decided: 'in_execution',
  closed: 'closed',
};
const STATUS_ORDER = [
  'reported',
  'initial_response',
  'investigating',
  'school_review',
  'self_resolved',
  'committee_requested',
  'hearing_scheduled',
  'decided',
  'disposition_issued',
  'in_execution',
  'appeal_pending',
  'closed',
];

/** A working-hours instant on the KST day of `ms` or later. */
function duringSchoolHours(ms: number, rand: Rand): number {
  const day = Math.floor((ms + KST) / DAY);
  const hour = 8 + rand() * 9;
  const at = day * DAY - KST + hour * HOUR;
  return at < ms ? at + DAY : at;
}

/** rulebookFor deep-copies the rulebook on every call; a case only needs its era's, so one per era is kept. */
const books = new Map<string, Rulebook>();
function bookFor(iso: string): Rulebook {
  const day = kstDateOf(iso);
  const era = [...KR_RULEBOOK_ERAS].reverse().find((e) => e <= day) ?? KR_RULEBOOK_ERAS[0]!;
  let book = books.get(era);
  if (!book) books.set(era, (book = rulebookFor(iso)));
  return book;
}

export function syntheticCase(rand: Rand, school: School, office: Office, reportedMs: number, nextEventId: () => number, now: number): SyntheticCase {
  const reportedAt = new Date(reportedMs);
  const iso = reportedAt.toISOString();
  const book = bookFor(iso);
  const first = weighted(rand, CATEGORY_WEIGHTS);
  const categories: Category[] = rand() < 0.25 ? [...new Set([first, weighted(rand, CATEGORY_WEIGHTS)])] : [first];
  const sexual = isSexualCase(categories);
  const raw: { type: string; at: number; data?: Record<string, unknown> }[] = [];
  const add = (type: string, at: number, data?: Record<string, unknown>) => raw.push({ type, at, ...(data ? { data } : {}) });
  const student = () => Math.floor(rand() * school.students);
  const victim: SyntheticParty = { id: randomUUID(), role: 'victim', student: student() };
  const perpetrators: SyntheticParty[] = [{ id: randomUUID(), role: 'alleged_perpetrator', student: student() }];
  if (rand() < 0.2) perpetrators.push({ id: randomUUID(), role: 'alleged_perpetrator', student: student() });

  add('case_filed', reportedMs);
  if (book.contactBanAutomatic) add('contact_ban_in_force', reportedMs, { automatic: true });
  if (rand() < 0.97) add('guardians_notified', reportedMs + lognormalHours(rand, 3, 1.1) * HOUR, { method: 'phone' });
  const officeReported = rand() < 0.96 ? reportedMs + lognormalHours(rand, 18, 0.8) * HOUR : null;
  if (officeReported) add('office_reported', officeReported);

  // Separation (Act 16①), from 2021-06-23.
  if (book.deadlines.separation_start.enabled) {
    const r = rand();
    if (r < 0.15) add('separation_exempted', reportedMs + lognormalHours(rand, 4, 0.8) * HOUR, { reason: weighted(rand, EXEMPTIONS) });
    else if (r < 0.96) {
      const start = reportedMs + lognormalHours(rand, 6, 0.9) * HOUR;
      add('separation_started', start, { method: 'separate_classroom' });
      const cap = book.deadlines.separation_limit.period;
      const days = rand() < 0.06 ? cap + 1 + rand() * 3 : 1 + rand() * (cap - 1.2);
      add('separation_ended', start + days * DAY);
    }
  }
  if (sexual && rand() < 0.93) add('police_reported', reportedMs + lognormalHours(rand, 6, 1.2) * HOUR, { station: '경찰서' });
  const emergency: number[] = [];
  if (rand() < 0.08) {
    const id = nextEventId();
    emergency.push(id);
    raw.push({
      type: 'emergency_measure_taken',
      at: reportedMs + (1 + rand() * 4) * DAY,
      data: { measure: rand() < 0.6 ? 'suspension' : 'class_change', perpetratorPartyId: perpetrators[0]!.id, awaitingRatification: true, id },
    });
  }

  // Investigation (14 days, +7 once).
  let reviewAt = reportedMs + (5 + rand() * 10) * DAY;
  if (officeReported) {
    const extended = rand() < 0.1;
    if (extended) add('investigation_extended', officeReported + (8 + rand() * 5) * DAY, { days: 7 });
    reviewAt = officeReported + (extended ? 12 + rand() * 10 : 4 + rand() * (rand() < 0.9 ? 10 : 14)) * DAY;
    add('investigation_reported', reviewAt);
  }

  const decisions: SyntheticCase['decisions'] = [];
  const victimMeasures: SyntheticCase['victimMeasures'] = [];
  const path = rand();
  if (path < 0.52 && !sexual) {
    add('self_resolved', reviewAt + (1 + rand() * 5) * DAY);
  } else if (path < 0.6) {
    add('closed', reviewAt + (1 + rand() * 5) * DAY, { closure: 'not_school_violence' });
  } else {
    const requested = duringSchoolHours(reviewAt + (1 + rand() * 4) * DAY, rand);
    add('committee_requested', requested);
    const extended = rand() < 0.15;
    if (extended) add('committee_extended', requested + (10 + rand() * 8) * DAY, { reason: weighted(rand, EXTENSION_CODES) });
    const onTime = rand() > office.lateness;
    const limit = 21 + (extended ? 7 : 0);
    const heldDays = onTime ? 8 + rand() * (limit - 9) : limit + 1 + lognormalHours(rand, 9, 0.6);
    const held = duringSchoolHours(requested + heldDays * DAY, rand);
    add('hearing_scheduled', requested + Math.min(heldDays - 1, 7) * DAY);
    add('hearing_held', held);
    const decided = held + 3 * HOUR;
    const notViolence = rand() < 0.08;
    const measuresOf = () => {
      if (notViolence) return [];
      const band = weighted(rand, [
        [[1], 20],
        [[1, 2], 25],
        [[2, 3], 15],
        [[2, 4, 5], 12],
        [[2, 5, 6], 12],
        [[2, 7], 8],
        [[2, 8], 6],
        [[2, 9], school.level === 'high' ? 2 : 0],
      ] as const);
      return [...band];
    };
    const allMeasures = new Set<number>();
    for (const p of perpetrators) {
      const measures = measuresOf();
      measures.forEach((m) => allMeasures.add(m));
      const ratification =
        p === perpetrators[0] && emergency.length ? Object.fromEntries(emergency.map((id) => [String(id), { ratified: rand() < 0.85 }])) : null;
      decisions.push({ id: randomUUID(), perpetratorPartyId: p.id, measures, notSchoolViolence: notViolence, ratification, at: new Date(decided) });
    }
    const vm =
      rand() < 0.45
        ? weighted(rand, [
            [[1], 50],
            [[1, 2], 25],
            [[1, 3], 15],
            [[4], 5],
            [[6], 5],
          ] as const)
        : [];
    victimMeasures.push({ id: randomUUID(), victimPartyId: victim.id, measures: [...vm], at: new Date(decided) });
    add('decision_made', decided, { perpetratorMeasures: [...allMeasures].sort((a, b) => a - b), victimMeasures: [...vm] });
    if (vm.length && rand() < 0.95) add('victim_measures_taken', decided + lognormalHours(rand, 72, 0.7) * HOUR);
    const notified = decided + lognormalHours(rand, 6 * 24, 0.5) * HOUR;
    add('disposition_notified', notified);
    if (allMeasures.has(8)) add('transfer_requested', notified + lognormalHours(rand, 3 * 24, 0.6) * HOUR);
    let end = notified + (30 + rand() * 90) * DAY;
    if (rand() < 0.1) {
      const filed = notified + (10 + rand() * 70) * DAY;
      add('appeal_filed', filed, { side: rand() < 0.8 ? 'perpetrator' : 'victim', kind: rand() < 0.8 ? 'administrative_appeal' : 'lawsuit' });
      if (rand() < 0.55) add('stay_granted', filed + (3 + rand() * 20) * DAY);
      const outcomeAt = filed + (60 + rand() * 120) * DAY;
      add('appeal_decided', outcomeAt, {
        outcome: weighted(rand, [
          ['upheld', 75],
          ['varied', 8],
          ['annulled', 12],
          ['withdrawn', 5],
        ] as const),
      });
      end = outcomeAt + (10 + rand() * 30) * DAY;
    }
    add('closed', end);
  }

  const happened = raw.filter((e) => e.at <= now).sort((a, b) => a.at - b.at);
  let status = 'reported';
  for (const e of happened) {
    const next = STATUS_AFTER[e.type];
    if (!next) continue;
    // Most steps only move a case forward; an appeal's decision and closure set it outright.
    if (e.type === 'appeal_decided' || e.type === 'appeal_filed' || STATUS_ORDER.indexOf(next) > STATUS_ORDER.indexOf(status)) status = next;
  }
  const happenedDecisions = happened.some((e) => e.type === 'decision_made');
  const closed = happened.find((e) => e.type === 'closed');
  return {
    id: randomUUID(),
    reportedAt,
    categories,
    status,
    closedAt: closed ? new Date(closed.at) : null,
    parties: [victim, ...perpetrators],
    events: happened.map((e) => {
      const { id, ...data } = e.data ?? {};
      return { id: typeof id === 'number' ? id : nextEventId(), type: e.type, occurredAt: new Date(e.at), data };
    }),
    decisions: happenedDecisions ? decisions : [],
    victimMeasures: happenedDecisions ? victimMeasures : [],
  };
}
