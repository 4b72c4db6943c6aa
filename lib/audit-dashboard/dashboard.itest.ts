import { asc, eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { loadExtraHolidays } from '@/db/queries/cases';
import { seedOrganisations } from '@/db/seed';
import { advanceCaseForTest, demoActors, intake } from '@/db/test/fixtures';
import { caseEvents, caseParties, cases, decisions, offices, schools, victimMeasures } from '@/db/schema';
import type { Actor } from '@/lib/auth/roles';
import { decrypt } from '@/lib/crypto/keys';
import { caseDeadlines } from '@/lib/cases/deadlines';
import { caseStepInput, fileCaseInput, type CaseStepInput } from '@/lib/cases/schemas';
import { fileCase, recordStep } from '@/lib/cases/service';
import { CATEGORIES, DEADLINE_KEYS, SCHOOL_LEVELS, isSexualCase, type Category, type Deadline, type DeadlineKey } from '@/lib/rules';
import { COMMITTEE_EXTENSION_CODES, FACT_COUNTERS, WINDOW_KEYS, zeroCounts, type FactCounts } from './counters';
import { backfillAuditStats } from './backfill';
import { BOM } from '@/lib/csv';
import { drillCases } from './drilldown';
import { parseDashboardQuery, parseDrillQuery, type DashboardQuery } from './filters';
import { loadDashboard, schoolTable } from './queries';
import { resolveScope } from './scope';
import { exportAuditCsv } from './service';
import { ROLLUP_TABLES, ROLLUPS } from './rollup-sql';
import { rebuildAuditRollups, storeAuditStats } from './store';

/**
 * A small generated country: cases filed and advanced through the real
 * services (school steps) or, for the committee stages, with events injected
 * the way db/test/fixtures does and then stored through storeAuditStats as
 * refreshDeadlines does. Every dashboard number is then recomputed here from
 * the raw events alone — clocks through lib/rules, the rest by hand, and
 * protection gaps day by day — and compared.
 */

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const NOW = new Date('2026-06-15T12:00:00+09:00');
const TODAY = '2026-06-15';
const PERIOD = { from: '2026-01', to: '2026-06' };

let teacher: Actor;
let teacher2: Actor;
let teacher3: Actor;
let head: Actor;
let secretaryId: string;
let auditor: Actor;
let admin: Actor;
const names = new Set<string>();

/** Deterministic pseudo-random numbers (mulberry32). */
function rng(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rand = rng(20260615);
const chance = (p: number) => rand() < p;
const between = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;

/** Students who come back: the same name, birth date and school give the same pseudonym. */
const STUDENTS = ['김하늘', '이바다', '박서준', '최민서', '정예린', '강도윤', '윤지아', '장시우', '임하린', '한지호', '오서연', '서준우'];

async function refreshForTest(caseId: string, at: Date) {
  await db.transaction(async (tx) => {
    const [row] = await tx.select().from(cases).where(eq(cases.id, caseId));
    const events = await tx
      .select({ id: caseEvents.id, type: caseEvents.type, occurredAt: caseEvents.occurredAt, data: caseEvents.data })
      .from(caseEvents)
      .where(eq(caseEvents.caseId, caseId));
    const deadlines = caseDeadlines({ reportedAt: row!.reportedAt, categories: row!.categories, events, extraHolidays: await loadExtraHolidays(tx) }, at);
    await tx.update(cases).set({ deadlines }).where(eq(cases.id, caseId));
    await storeAuditStats(tx, { caseRow: row!, events, deadlines, now: at });
  });
}

async function step(actor: Actor, caseId: string, at: Date, body: Record<string, unknown>) {
  await recordStep(caseStepInput.parse({ ...body, caseId, occurredAt: at.toISOString() } as CaseStepInput), {
    actor,
    ip: null,
    now: new Date(at.getTime() + 5 * 60_000),
  });
}

/** `count` cases, one every `everyDays` days from `from`. */
async function generate(count: number, from = '2026-01-05T09:00:00+09:00', everyDays = 4) {
  const filers = [teacher, teacher, head, teacher2, teacher3];
  for (let i = 0; i < count; i++) {
    const filer = filers[i % filers.length]!;
    const schoolId = filer.grants[0]!.schoolId!;
    const reportedAt = new Date(new Date(from).getTime() + i * everyDays * DAY + between(0, 8) * HOUR);
    const categories = [...new Set([pick(CATEGORIES), ...(chance(0.4) ? [pick(CATEGORIES)] : [])])];
    const victim = pick(STUDENTS);
    const perpetrator = pick(STUDENTS.filter((s) => s !== victim));
    names.add(victim).add(perpetrator);
    const filed = await fileCase(
      fileCaseInput.parse(
        intake(schoolId, {
          reportedAt: reportedAt.toISOString(),
          occurredAt: new Date(reportedAt.getTime() - HOUR).toISOString(),
          location: '교실',
          categories,
          summary: `${victim}이(가) ${perpetrator}에게 괴롭힘을 당함`,
          parties: [
            { name: victim, role: 'victim', schoolMode: 'own', birthDate: '2012-03-04', guardianName: `${victim} 보호자`, guardianContact: '010-1234-5678' },
            { name: perpetrator, role: 'alleged_perpetrator', schoolMode: 'own', birthDate: '2012-03-04' },
          ],
        }),
      ),
      { actor: filer, ip: null, now: new Date(reportedAt.getTime() + 10 * 60_000) },
    );
    const id = filed.id;
    const parties = await db
      .select({ id: caseParties.id, role: caseParties.role })
      .from(caseParties)
      .where(eq(caseParties.caseId, id))
      .orderBy(asc(caseParties.position));
    const [victimParty, perpetratorParty] = [parties[0]!.id, parties[1]!.id];

    // School steps through the real services, in time order.
    const steps: { at: Date; actor: Actor; body: Record<string, unknown> }[] = [];
    const h = (hours: number) => new Date(reportedAt.getTime() + hours * HOUR);
    if (chance(0.85))
      steps.push({ at: h(between(1, 30)), actor: filer, body: { type: 'record_guardian_notice', guardianPartyId: victimParty, method: 'phone' } });
    if (chance(0.85)) steps.push({ at: h(between(5, 80)), actor: filer, body: { type: 'record_office_report' } });
    const separation = rand();
    if (separation < 0.65) {
      const start = h(between(2, 40));
      const startDay = new Date(start.getTime() + 9 * HOUR).toISOString().slice(0, 10);
      const plannedEnd = new Date(Date.parse(`${startDay}T00:00:00Z`) + 6 * DAY).toISOString().slice(0, 10);
      steps.push({ at: start, actor: filer, body: { type: 'start_separation', method: 'separate_classroom', plannedEnd } });
      if (chance(0.8)) steps.push({ at: new Date(start.getTime() + between(30, 220) * HOUR), actor: filer, body: { type: 'end_separation' } });
    } else if (separation < 0.85) {
      steps.push({
        at: h(between(1, 30)),
        actor: filer,
        body: { type: 'exempt_separation', reason: pick(['victim_declined', 'outside_education_activity', 'already_separated']), note: '보호자 의견' },
      });
    }
    if (isSexualCase(categories as Category[]) && chance(0.7))
      steps.push({
        at: h(between(1, 40)),
        actor: filer,
        body: { type: 'record_police_report', station: '강남경찰서', reportNumber: `${from.slice(0, 4)}-${i}`, officer: '여성청소년과 수사관' },
      });
    if (filer === head && chance(0.5))
      steps.push({
        at: h(between(20, 60)),
        actor: head,
        body: { type: 'take_emergency_measure', measure: pick(['suspension', 'class_change']), perpetratorPartyId: perpetratorParty },
      });
    steps.sort((a, b) => a.at.getTime() - b.at.getTime());
    for (const s of steps) if (s.at < NOW) await step(s.actor, id, s.at, s.body);

    // Later stages: events injected as the office's steps would leave them.
    const path = rand();
    const later: { type: string; occurredAt: Date; data?: Record<string, unknown> }[] = [];
    const d = (days: number, hours = 10) => new Date(reportedAt.getTime() + days * DAY + hours * HOUR);
    let status: (typeof cases.$inferSelect)['status'] = 'investigating';
    if (chance(0.2)) later.push({ type: 'investigation_extended', occurredAt: d(8), data: { days: 7 } });
    if (path < 0.2) {
      later.push({ type: 'investigation_reported', occurredAt: d(between(9, 20)) }, { type: 'self_resolved', occurredAt: d(22) });
      status = 'self_resolved';
      // The promised restoration did not happen: the head reopens the case (Act 13-2).
      if (chance(0.5)) {
        later.push({ type: 'committee_requested', occurredAt: d(between(26, 40)) });
        status = 'committee_requested';
      }
    } else if (path < 0.3) {
      later.push(
        { type: 'investigation_reported', occurredAt: d(between(9, 20)) },
        { type: 'closed', occurredAt: d(21), data: { closure: 'not_school_violence' } },
      );
      status = 'closed';
    } else if (path < 0.8) {
      const requested = between(12, 20);
      later.push({ type: 'investigation_reported', occurredAt: d(requested - 2) }, { type: 'committee_requested', occurredAt: d(requested) });
      status = 'committee_requested';
      if (chance(0.35))
        later.push({
          type: 'committee_extended',
          occurredAt: d(requested + 10),
          data: chance(0.8) ? { reason: pick(COMMITTEE_EXTENSION_CODES.filter((c) => c !== 'unspecified')) } : {},
        });
      if (chance(0.8)) {
        const heard = requested + between(10, 34);
        const perpetratorMeasures = chance(0.3) ? [1, 2, 6] : chance(0.5) ? [1, 2] : [2, 8];
        const victimMeasureList = chance(0.6) ? [1, 2] : [];
        later.push(
          { type: 'hearing_held', occurredAt: d(heard) },
          { type: 'decision_made', occurredAt: d(heard, 14), data: { perpetratorMeasures, victimMeasures: victimMeasureList } },
        );
        status = 'decided';
        const emergencies = await db
          .select({ id: caseEvents.id })
          .from(caseEvents)
          .where(sql`${caseEvents.caseId} = ${id} and ${caseEvents.type} = 'emergency_measure_taken'`);
        await db.insert(decisions).values({
          caseId: id,
          perpetratorPartyId: perpetratorParty,
          notSchoolViolence: chance(0.1),
          rubric: {},
          recommendation: {},
          measures: perpetratorMeasures.map((measure) => ({ measure })),
          differsFromRecommendation: false,
          emergencyRatification: emergencies.length ? Object.fromEntries(emergencies.map((e) => [String(e.id), { ratified: chance(0.7) }])) : null,
          decidedBy: secretaryId,
          decidedAt: d(heard, 14),
          updatedAt: d(heard, 14),
        });
        await db.insert(victimMeasures).values({ caseId: id, victimPartyId: victimParty, measures: victimMeasureList, decidedAt: d(heard, 14) });
        if (victimMeasureList.length && chance(0.7)) later.push({ type: 'victim_measures_taken', occurredAt: d(heard + between(2, 12)) });
        if (chance(0.8)) {
          const notified = heard + between(3, 20);
          later.push({ type: 'disposition_notified', occurredAt: d(notified) });
          status = 'in_execution';
          if (perpetratorMeasures.includes(8) && chance(0.7)) later.push({ type: 'transfer_requested', occurredAt: d(notified + between(2, 10)) });
          if (chance(0.4)) {
            later.push({
              type: 'appeal_filed',
              occurredAt: d(notified + 20),
              data: { side: pick(['victim', 'perpetrator']), kind: pick(['administrative_appeal', 'lawsuit']) },
            });
            if (chance(0.5)) later.push({ type: 'stay_granted', occurredAt: d(notified + 25) });
            if (chance(0.5))
              later.push({ type: 'appeal_decided', occurredAt: d(notified + 40), data: { outcome: pick(['upheld', 'varied', 'annulled', 'withdrawn']) } });
          } else if (chance(0.4)) {
            later.push({ type: 'closed', occurredAt: d(notified + 30) });
            status = 'closed';
          }
        }
      }
    }
    const happened = later.filter((e) => e.occurredAt < NOW);
    if (happened.length === 0) continue;
    // A step whose event lies after today has not happened yet: the case stays where the last real event left it.
    if (happened.length < later.length && status === 'closed') status = 'in_execution';
    await advanceCaseForTest(id, status, happened);
    await refreshForTest(id, new Date(Math.min(NOW.getTime(), happened.at(-1)!.occurredAt.getTime() + HOUR)));
  }
}

// ── The independent count ─────────────────────────────────────────────────────

type RawCase = {
  id: string;
  officeId: string;
  schoolId: string;
  level: (typeof SCHOOL_LEVELS)[number];
  categories: Category[];
  reportedAt: Date;
  month: string;
  closed: boolean;
  events: { id: number; type: string; occurredAt: Date; data: Record<string, unknown> }[];
  decisions: { measures: number[]; notSchoolViolence: boolean; ratification: Record<string, { ratified: boolean }> | null }[];
  victimMeasures: number[][];
  deadlines: Deadline[];
};

async function loadRaw(): Promise<RawCase[]> {
  const rows = await db.select({ c: cases, level: schools.level }).from(cases).innerJoin(schools, eq(schools.id, cases.schoolId));
  const events = await db.select().from(caseEvents).orderBy(asc(caseEvents.occurredAt), asc(caseEvents.id));
  const decs = await db.select().from(decisions);
  const vms = await db.select().from(victimMeasures);
  return rows.map(({ c, level }) => {
    const own = events.filter((e) => e.caseId === c.id).map((e) => ({ id: e.id, type: e.type, occurredAt: e.occurredAt, data: e.data }));
    return {
      id: c.id,
      officeId: c.officeId,
      schoolId: c.schoolId,
      level,
      categories: c.categories as Category[],
      reportedAt: c.reportedAt,
      month: `${new Date(c.reportedAt.getTime() + 9 * HOUR).toISOString().slice(0, 7)}-01`,
      closed: c.status === 'closed',
      events: own,
      decisions: decs
        .filter((d) => d.caseId === c.id)
        .map((d) => ({
          measures: d.measures.map((m) => m.measure),
          notSchoolViolence: d.notSchoolViolence,
          ratification: d.emergencyRatification as Record<string, { ratified: boolean }> | null,
        })),
      victimMeasures: vms.filter((v) => v.caseId === c.id).map((v) => v.measures),
      deadlines: caseDeadlines({ reportedAt: c.reportedAt, categories: c.categories, events: own, extraHolidays: [] }, NOW),
    };
  });
}

type Tally = { clocks: number; met: number; metLate: number; breached: number; breachedOpen: number; pending: number; hours: number[] };
const emptyTally = (): Tally => ({ clocks: 0, met: 0, metLate: 0, breached: 0, breachedOpen: 0, pending: 0, hours: [] });

function tallyOf(list: readonly RawCase[], keys: readonly DeadlineKey[]): Tally {
  const t = emptyTally();
  for (const c of list) {
    for (const d of c.deadlines) {
      if (d.status === 'not_applicable' || !keys.includes(d.key)) continue;
      t.clocks++;
      if (d.status === 'met') t.met++;
      else if (d.status === 'met_late') t.metLate++;
      else if (d.status === 'breached' || d.status === 'closed') {
        t.breached++;
        if (!c.closed) t.breachedOpen++;
      } else t.pending++;
      if (d.metAt) t.hours.push(Math.round((new Date(d.metAt).getTime() - new Date(d.triggerAt!).getTime()) / HOUR));
    }
  }
  return t;
}

function percentileCont(values: number[], p: number): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const x = p * (s.length - 1);
  const lo = Math.floor(x);
  const hi = Math.ceil(x);
  return s[lo]! + (x - lo) * (s[hi]! - s[lo]!);
}

const lateShare = (t: Tally) => (t.met + t.metLate + t.breached > 0 ? (t.metLate + t.breached) / (t.met + t.metLate + t.breached) : null);
const CLOCKS = DEADLINE_KEYS.filter((k) => !WINDOW_KEYS.includes(k));

/** The protection-gap definition, walked one day at a time. */
function gapDaysNaive(c: RawCase): number {
  const kstDay = (ms: number) => Math.floor((ms + 9 * HOUR) / DAY);
  const ev = c.events;
  const decisionAt = ev.find((e) => e.type === 'decision_made')?.occurredAt.getTime();
  const firstDecision = ev.find((e) => e.type === 'decision_made');
  const separating = ((firstDecision?.data.perpetratorMeasures as number[] | undefined) ?? []).some((m) => m >= 6);
  const openAt = (t: number) => {
    let open = t >= c.reportedAt.getTime();
    for (const e of ev) {
      if (e.occurredAt.getTime() > t) break;
      if (e.type === 'closed') return false;
      if (e.type === 'self_resolved') open = false;
      if (e.type === 'committee_requested') open = true;
    }
    return open;
  };
  const protectedDuring = (from: number, to: number) => {
    let sepFrom: number | null = null;
    for (const e of ev) {
      const at = e.occurredAt.getTime();
      if (e.type === 'separation_started' && sepFrom === null) sepFrom = at;
      if (e.type === 'separation_ended' && sepFrom !== null) {
        if (sepFrom < to && at > from) return true;
        sepFrom = null;
      }
      if ((e.type === 'separation_exempted' || e.type === 'victim_measures_taken') && at < to) return true;
      if (e.type === 'emergency_measure_taken' && at < to && (decisionAt === undefined || decisionAt > from)) return true;
      if (e.type === 'disposition_notified' && separating && at < to) return true;
    }
    return sepFrom !== null && sepFrom < to;
  };
  let days = 0;
  for (let day = kstDay(c.reportedAt.getTime()) + 1; day < kstDay(NOW.getTime()); day++) {
    const from = day * DAY - 9 * HOUR;
    const to = from + DAY;
    // Open for the whole day: at its start and at its last instant, with no closing event inside it.
    const whole =
      openAt(from) &&
      openAt(to - 1) &&
      !ev.some((e) => (e.type === 'closed' || e.type === 'self_resolved') && e.occurredAt.getTime() >= from && e.occurredAt.getTime() < to);
    if (whole && !protectedDuring(from, to)) days++;
  }
  return days;
}

function factsOf(list: readonly RawCase[]): FactCounts & { cases: number; gapCasesNow: number; gapDaysNow: number } {
  const f = { ...zeroCounts(), cases: list.length, gapCasesNow: 0, gapDaysNow: 0 };
  for (const c of list) {
    const has = (type: string) => c.events.some((e) => e.type === type);
    const of = (type: string) => c.events.filter((e) => e.type === type);
    for (const cat of c.categories) f[`cat_${cat}`]++;
    const sexual = c.categories.includes('sexual_violence') || c.categories.includes('digital_sex_offence');
    if (sexual) f.sexual_cases++;
    if (sexual && has('police_reported')) f.sexual_police_reported++;
    if (c.categories.includes('digital_sex_offence') && has('police_reported')) f.dso_police_reported++;
    const resolved = of('self_resolved').at(-1);
    if (resolved && !c.events.some((e) => e.type === 'committee_requested' && e.occurredAt > resolved.occurredAt)) f.self_resolved++;
    if (of('closed').some((e) => e.data.closure === 'not_school_violence')) f.closed_not_violence++;
    if (has('committee_requested')) f.committee_requested++;
    if (has('hearing_held')) f.deliberated++;
    if (has('decision_made')) {
      f.decided++;
      f.perpetrators_decided += c.decisions.length;
      for (const d of c.decisions) {
        if (d.notSchoolViolence) f.committee_not_violence++;
        for (const m of d.measures) f[`pm${m as 1}`]++;
        for (const e of of('emergency_measure_taken')) {
          const answer = d.ratification?.[String(e.id)];
          if (answer?.ratified === true) f.emergency_ratified++;
          if (answer?.ratified === false) f.emergency_not_ratified++;
        }
      }
      for (const v of c.victimMeasures) {
        if (v.length) f.victims_with_measures++;
        for (const m of v) f[`vm${m as 1}`]++;
      }
    }
    for (const e of of('emergency_measure_taken')) f[e.data.measure === 'suspension' ? 'emergency_suspension' : 'emergency_class_change']++;
    for (const e of of('appeal_filed')) {
      f[e.data.side === 'victim' ? 'appeals_victim' : 'appeals_perpetrator']++;
      f[e.data.kind === 'lawsuit' ? 'appeals_lawsuit' : 'appeals_administrative']++;
    }
    f.stays_granted += of('stay_granted').length;
    for (const e of of('appeal_decided')) f[`appeals_${e.data.outcome as 'upheld'}`]++;
    const exemption = of('separation_exempted')[0];
    if (exemption) {
      f.separation_exempted++;
      f[`exemption_${exemption.data.reason as 'victim_declined'}`]++;
    }
    const ext = of('committee_extended')[0];
    if (ext) {
      f.committee_extended++;
      f[`committee_ext_${(ext.data.reason as 'other' | undefined) ?? 'unspecified'}`]++;
    }
    if (has('investigation_extended')) f.investigation_extended++;
    const gap = gapDaysNaive(c);
    f.gapDaysNow += gap;
    if (gap > 0) f.gapCasesNow++;
  }
  return f;
}

// ── The tests ─────────────────────────────────────────────────────────────────

beforeAll(async () => {
  await seedOrganisations();
  let secretary: Actor;
  [teacher, teacher2, teacher3, head, auditor, admin, secretary] = await demoActors('teacher', 'teacher2', 'teacher3', 'head', 'auditor', 'admin', 'secretary');
  secretaryId = secretary.userId;
  await generate(40);
  // Older cases, for periods of several years: from January 2024 to December 2025.
  await generate(17, '2024-01-10T09:00:00+09:00', 43);
}, 420_000);

type ScopeCase = { name: string; actor: () => Actor; params: Record<string, string | string[]>; filter: (c: RawCase) => boolean };

async function officeId(short: string) {
  const [o] = await db.select({ id: offices.id }).from(offices).where(eq(offices.shortName, short));
  return o!.id;
}
async function schoolId(name: string) {
  const [s] = await db.select({ id: schools.id }).from(schools).where(eq(schools.name, name));
  return s!.id;
}

describe('audit dashboard on a generated data set', () => {
  let raw: RawCase[];
  let scopes: ScopeCase[];
  const inPeriod = (c: RawCase, from = '2026-01-01', to = '2026-06-01') => c.month >= from && c.month <= to;

  beforeAll(async () => {
    raw = await loadRaw();
    const gangnam = await officeId('강남서초');
    const daechi = await schoolId('대치중학교');
    // The two categories most cases of the period carry, so their scopes are never empty.
    const byCount = CATEGORIES.map((cat) => [cat, raw.filter((c) => inPeriod(c) && c.categories.includes(cat)).length] as const).sort((a, b) => b[1] - a[1]);
    const [common, second] = [byCount[0]![0], byCount[1]![0]];
    scopes = [
      { name: 'admin, every office (monthly rollups)', actor: () => admin, params: PERIOD, filter: (c) => inPeriod(c) },
      { name: 'office auditor, own office', actor: () => auditor, params: PERIOD, filter: (c) => inPeriod(c) && c.officeId === gangnam },
      {
        name: 'auditor filtering to one office',
        actor: () => auditor,
        params: { ...PERIOD, office: gangnam },
        filter: (c) => inPeriod(c) && c.officeId === gangnam,
      },
      { name: 'one school (per-case rows)', actor: () => admin, params: { ...PERIOD, school: daechi }, filter: (c) => inPeriod(c) && c.schoolId === daechi },
      {
        name: 'categories (per-case rows)',
        actor: () => admin,
        params: { ...PERIOD, cat: ['physical', 'verbal', 'digital_sex_offence'] },
        filter: (c) => inPeriod(c) && c.categories.some((x) => ['physical', 'verbal', 'digital_sex_offence'].includes(x)),
      },
      {
        name: 'a level and a shorter period',
        actor: () => admin,
        params: { from: '2026-02', to: '2026-03', level: 'middle' },
        filter: (c) => inPeriod(c, '2026-02-01', '2026-03-01') && c.level === 'middle',
      },
      // One category: the category rollups, where a case with two categories counts under each.
      {
        name: 'one category, every office (category rollups)',
        actor: () => admin,
        params: { ...PERIOD, cat: common },
        filter: (c) => inPeriod(c) && c.categories.includes(common),
      },
      {
        name: 'one category in one office (category rollups)',
        actor: () => auditor,
        params: { ...PERIOD, office: gangnam, cat: common },
        filter: (c) => inPeriod(c) && c.officeId === gangnam && c.categories.includes(common),
      },
      {
        name: 'one category and a level (category rollups)',
        actor: () => admin,
        params: { ...PERIOD, cat: second, level: 'middle' },
        filter: (c) => inPeriod(c) && c.categories.includes(second) && c.level === 'middle',
      },
      {
        name: 'two categories (per-case rows)',
        actor: () => admin,
        params: { ...PERIOD, cat: [common, second] },
        filter: (c) => inPeriod(c) && c.categories.some((x) => x === common || x === second),
      },
      // Several years: the totals less the months outside, or whole years plus the months at the ends added or taken away.
      {
        name: 'two and a half years (totals less the months before)',
        actor: () => admin,
        params: { from: '2024-03', to: '2026-06' },
        filter: (c) => inPeriod(c, '2024-03-01', '2026-06-01'),
      },
      {
        name: 'years less the months outside them (yearly rollups)',
        actor: () => admin,
        params: { from: '2024-02', to: '2025-10' },
        filter: (c) => inPeriod(c, '2024-02-01', '2025-10-01'),
      },
      {
        name: 'two and a half years, own office',
        actor: () => auditor,
        params: { from: '2024-03', to: '2026-06' },
        filter: (c) => inPeriod(c, '2024-03-01', '2026-06-01') && c.officeId === gangnam,
      },
      {
        name: 'two and a half years, one category',
        actor: () => admin,
        params: { from: '2024-03', to: '2026-06', cat: common },
        filter: (c) => inPeriod(c, '2024-03-01', '2026-06-01') && c.categories.includes(common),
      },
    ];
  });

  it('the generated data set has every kind of number in it', () => {
    const all = tallyOf(raw, CLOCKS);
    expect(raw.length).toBe(57);
    // Cases with more than one category (counted under each in the category rollups), and cases in each year.
    expect(raw.filter((c) => c.categories.length > 1).length).toBeGreaterThan(5);
    for (const year of ['2024', '2025', '2026']) expect(raw.filter((c) => c.month.startsWith(year)).length, year).toBeGreaterThan(5);
    // Months the multi-year scopes must leave out although their year is read whole.
    expect(raw.some((c) => c.month < '2024-02-01')).toBe(true);
    expect(raw.some((c) => c.month > '2025-10-01' && c.month < '2026-01-01')).toBe(true);
    expect(all.met).toBeGreaterThan(20);
    expect(all.metLate).toBeGreaterThan(5);
    expect(all.breachedOpen).toBeGreaterThan(3);
    expect(factsOf(raw).gapCasesNow).toBeGreaterThan(3);
    expect(
      raw.filter(
        (c) =>
          c.events.some((e) => e.type === 'self_resolved') &&
          c.events.some((e) => e.type === 'committee_requested' && e.occurredAt > c.events.find((x) => x.type === 'self_resolved')!.occurredAt),
      ).length,
    ).toBeGreaterThan(0);
  });

  async function dashboardFor(s: ScopeCase, extra: Record<string, string> = {}) {
    const q: DashboardQuery = parseDashboardQuery({ ...s.params, ...extra }, NOW);
    const resolved = await resolveScope(db, s.actor(), q);
    const officeNames = new Map(resolved.offices.map((o) => [o.id, o.shortName]));
    return { q, resolved, d: await loadDashboard(db, resolved.scope, q, officeNames, NOW, TODAY) };
  }

  it('every clock number per key equals the count from the raw events', async () => {
    for (const s of scopes) {
      const { d } = await dashboardFor(s);
      const list = raw.filter(s.filter);
      for (const key of DEADLINE_KEYS) {
        const want = tallyOf(list, [key]);
        const got = d.keys.find((k) => k.key === key)!;
        const label = `${s.name} / ${key}`;
        expect({ clocks: got.figures.clocks, breachedOpen: got.figures.breachedOpen, pending: got.figures.pending }, label).toEqual({
          clocks: want.clocks,
          breachedOpen: want.breachedOpen,
          pending: want.pending,
        });
        if (got.window) continue;
        expect({ met: got.figures.met, metLate: got.figures.metLate, pastDue: got.figures.pastDue, lateShare: got.figures.lateShare }, label).toEqual({
          met: want.met,
          metLate: want.metLate,
          pastDue: want.breached,
          lateShare: lateShare(want),
        });
        if (want.hours.length) {
          expect(got.medianDays! * 24, label).toBeCloseTo(percentileCont(want.hours, 0.5)!, 6);
          expect(got.p90Days! * 24, label).toBeCloseTo(percentileCont(want.hours, 0.9)!, 6);
        } else expect([got.medianDays, got.p90Days], label).toEqual([null, null]);
      }
    }
  });

  it('the per-office, per-school and monthly tables equal the raw counts, for all keys and for one', async () => {
    for (const s of scopes) {
      for (const tkey of ['all', 'committee_meeting'] as const) {
        const { d, q, resolved } = await dashboardFor(s, { tkey });
        const keys = tkey === 'all' ? CLOCKS : [tkey];
        const list = raw.filter(s.filter);
        const check = (
          label: string,
          got: { clocks: number; met: number; late: number; breachedOpen: number; lateShare: number | null },
          subset: RawCase[],
        ) => {
          const want = tallyOf(subset, keys);
          expect({ clocks: got.clocks, met: got.met, late: got.late, breachedOpen: got.breachedOpen, lateShare: got.lateShare }, label).toEqual({
            clocks: want.clocks,
            met: want.met,
            late: want.metLate + want.breached,
            breachedOpen: want.breachedOpen,
            lateShare: lateShare(want),
          });
        };
        const officeIds = [...new Set(list.map((c) => c.officeId))].filter(
          (o) =>
            tallyOf(
              list.filter((c) => c.officeId === o),
              keys,
            ).clocks > 0,
        );
        expect(d.offices.all.map((o) => o.id).sort(), s.name).toEqual(officeIds.sort());
        for (const o of d.offices.all)
          check(
            `${s.name} office ${o.name} ${tkey}`,
            o.figures,
            list.filter((c) => c.officeId === o.id),
          );
        const schoolsAll = await schoolTable(db, resolved.scope, q, NOW, null);
        const schoolIds = [...new Set(list.map((c) => c.schoolId))].filter(
          (id) =>
            tallyOf(
              list.filter((c) => c.schoolId === id),
              keys,
            ).clocks > 0,
        );
        expect(schoolsAll.rows.map((r) => r.id).sort(), s.name).toEqual(schoolIds.sort());
        expect(schoolsAll.total).toBe(schoolIds.length);
        for (const r of schoolsAll.rows)
          check(
            `${s.name} school ${r.name} ${tkey}`,
            r.figures,
            list.filter((c) => c.schoolId === r.id),
          );
        for (const m of d.trend)
          check(
            `${s.name} month ${m.month} ${tkey}`,
            m.figures,
            list.filter((c) => c.month === m.month),
          );
      }
    }
  });

  it('the per-school table is sorted by late share, worst first', async () => {
    const { d } = await dashboardFor(scopes[0]!);
    const shares = d.schools.rows.map((r) => r.figures.lateShare ?? -1);
    expect(shares).toEqual([...shares].sort((a, b) => b - a));
  });

  it('every statistic, separation and delay figure equals the count from the raw events', async () => {
    for (const s of scopes) {
      const { d } = await dashboardFor(s);
      const want = factsOf(raw.filter(s.filter));
      const got = d.facts.total;
      for (const c of FACT_COUNTERS) {
        if (c.startsWith('clocks') || c === 'gap_days' || c === 'gap_cases') continue;
        expect(got[c], `${s.name} / ${c}`).toBe(want[c]);
      }
      expect(got.cases, s.name).toBe(want.cases);
      expect(got.gap_cases + d.facts.openGaps.newCases, `${s.name} / gap cases`).toBe(want.gapCasesNow);
      expect(got.gap_days + d.facts.openGaps.days, `${s.name} / gap days`).toBe(want.gapDaysNow);
      for (const level of SCHOOL_LEVELS)
        expect(d.facts.byLevel.get(level)?.cases ?? 0, `${s.name} / ${level}`).toBe(raw.filter(s.filter).filter((c) => c.level === level).length);
    }
  });

  it('each drill-down lists exactly the cases its number counts', async () => {
    // The first four, and one read from the category rollups and one from the totals.
    for (const s of [
      ...scopes.slice(0, 4),
      ...scopes.filter((x) => x.name.startsWith('one category, every office') || x.name.startsWith('two and a half years (totals')),
    ]) {
      const { d } = await dashboardFor(s);
      const count = async (params: Record<string, string>) => {
        const q = parseDrillQuery({ ...s.params, ...params }, NOW);
        const resolved = await resolveScope(db, s.actor(), q);
        return (await drillCases(db, s.actor(), resolved.scope, q, NOW, TODAY, 1000)).total;
      };
      for (const k of d.keys.filter((k) => !k.window)) {
        expect(await count({ m: 'clock', dkey: k.key, outcome: 'breached_open' }), `${s.name} ${k.key}`).toBe(k.figures.breachedOpen);
        expect(await count({ m: 'clock', dkey: k.key, outcome: 'late' }), `${s.name} ${k.key}`).toBe(k.figures.late);
        expect(await count({ m: 'clock', dkey: k.key, outcome: 'all' }), `${s.name} ${k.key}`).toBe(k.figures.clocks);
      }
      for (const fact of ['self_resolved', 'deliberated', 'cat_physical', 'separation_exempted', 'committee_extended'] as const) {
        expect(await count({ m: 'fact', fact }), `${s.name} ${fact}`).toBe(d.facts.total[fact]);
      }
      expect(await count({ m: 'gap' }), s.name).toBe(d.facts.total.gap_cases + d.facts.openGaps.newCases);
      expect(await count({ m: 'cases' }), s.name).toBe(d.facts.total.cases);
    }
  });

  it('an auditor cannot widen the scope to another office by editing the URL', async () => {
    const suwon = await officeId('수원');
    const { d } = await dashboardFor({ name: 'suwon', actor: () => auditor, params: { ...PERIOD, office: suwon }, filter: () => true });
    const gangnam = await officeId('강남서초');
    expect(d.offices.all.map((o) => o.id)).toEqual([gangnam]);
  });

  it('the rollups kept by deltas equal a rebuild from the per-case rows', async () => {
    // Every rollup's non-empty cells (a cell a delta brought back to zero stays, a rebuild has none).
    const snapshot = async () => {
      const out: Record<string, unknown[]> = {};
      for (const r of ROLLUPS) {
        const nonZero = r.sums.map(([c]) => `"${c}" <> 0`).join(' or ');
        out[r.table] = [...(await db.execute(sql.raw(`select * from ${r.table} where ${nonZero} order by ${r.keys.map(([c]) => `"${c}"`).join(', ')}`)))];
      }
      return out;
    };
    const check = async () => {
      const before = await snapshot();
      for (const table of ROLLUP_TABLES) expect(before[table]!.length, table).toBeGreaterThan(0);
      await rebuildAuditRollups(db);
      expect(await snapshot()).toEqual(before);
    };
    await check();

    // A case whose categories change leaves the category rollups of the old ones for those of the new.
    const [moved] = raw.filter((c) => c.categories.length === 2 && c.events.length > 3);
    const others = CATEGORIES.filter((x) => !moved!.categories.includes(x)).slice(0, 1);
    await db.update(cases).set({ categories: others }).where(eq(cases.id, moved!.id));
    await refreshForTest(moved!.id, NOW);
    await check();
    await db.update(cases).set({ categories: moved!.categories }).where(eq(cases.id, moved!.id));
    await refreshForTest(moved!.id, NOW);
    await check();
  });

  it('the backfill rebuilds every table from the events alone, and the dashboard reads the same', async () => {
    // Gap days are stored up to the moment of storing and accrue from there, so only their sum as of NOW is compared.
    const shown = (d: Awaited<ReturnType<typeof dashboardFor>>['d']) => {
      const { gap_days, gap_cases, ...total } = d.facts.total;
      const byLevel = [...d.facts.byLevel].map(([level, { gap_days: _d, gap_cases: _c, ...rest }]) => [level, rest]);
      return { ...d, facts: { total, byLevel, gapCases: gap_cases + d.facts.openGaps.newCases, gapDays: gap_days + d.facts.openGaps.days } };
    };
    const before = await Promise.all(scopes.map((s) => dashboardFor(s).then((r) => shown(r.d))));
    await db.execute(sql.raw(`truncate audit_deadline_results, audit_case_facts, ${ROLLUP_TABLES.join(', ')}`));
    expect(
      await backfillAuditStats(
        () => {},
        () => NOW,
      ),
    ).toBe(raw.length);
    const after = await Promise.all(scopes.map((s) => dashboardFor(s).then((r) => shown(r.d))));
    expect(after).toEqual(before);
  });
});

describe('CSV export', () => {
  const params = { ...PERIOD, m: 'cases' };
  const tr = (key: string) => key;

  it('every table exports with a byte-order mark, and no student name appears in any of them', async () => {
    for (const table of [
      'keys',
      'offices',
      'schools',
      'trend',
      'separation',
      'delays',
      'stats_cases',
      'stats_outcomes',
      'stats_measures',
      'stats_victim_measures',
      'stats_emergency',
      'stats_appeals',
      'stats_sexual',
      'cases',
    ] as const) {
      const csv = await exportAuditCsv(admin, table, params, tr, NOW);
      expect(csv.body.startsWith(BOM), table).toBe(true);
      expect(csv.body.split('\r\n').length, table).toBeGreaterThan(2);
      for (const name of names) expect(csv.body, `${table} names ${name}`).not.toContain(name);
      expect(csv.body).not.toContain('보호자');
      expect(csv.body).not.toContain('010-');
    }
  });

  it('pseudonyms are stable across exports, shared by a returning student and differ between students', async () => {
    const rows = (body: string) =>
      body
        .slice(1)
        .trim()
        .split('\r\n')
        .slice(1)
        .map((line) => line.split(','));
    const first = rows((await exportAuditCsv(auditor, 'cases', params, tr, NOW)).body);
    const second = rows((await exportAuditCsv(auditor, 'cases', params, tr, NOW)).body);
    expect(second).toEqual(first);
    const pseudonyms = first.flatMap((r) => [r[5]!, r[6]!]).filter(Boolean);
    expect(pseudonyms.every((p) => /^학생-[0-9A-F]{6}$/.test(p))).toBe(true);

    // Pseudonym ↔ student, from the stored parties: one pseudonym per student, one student per pseudonym.
    const studentOf = new Map<string, string>();
    const full = await db.select({ pseudonym: caseParties.pseudonym, nameEnc: caseParties.nameEnc, schoolId: caseParties.schoolId }).from(caseParties);
    for (const p of full) {
      const student = `${decrypt(p.nameEnc)}|${p.schoolId}`;
      const seen = studentOf.get(p.pseudonym);
      if (seen) expect(seen).toBe(student);
      studentOf.set(p.pseudonym, student);
    }
    const perStudent = new Map<string, Set<string>>();
    for (const p of full) {
      const student = `${decrypt(p.nameEnc)}|${p.schoolId}`;
      perStudent.set(student, (perStudent.get(student) ?? new Set()).add(p.pseudonym));
    }
    for (const set of perStudent.values()) expect(set.size).toBe(1);
    expect(perStudent.size).toBeGreaterThan(10);
    // Some students come back in another case, under the same pseudonym.
    expect(new Set(full.map((p) => p.pseudonym)).size).toBeLessThan(full.length);
  });
});
