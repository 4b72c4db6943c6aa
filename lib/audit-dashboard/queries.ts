import 'server-only';
import { sql, type SQL } from 'drizzle-orm';
import type { Db, Tx } from '@/db/client';
import { DEADLINE_KEYS, SCHOOL_LEVELS, type DeadlineKey, type SchoolLevel } from '@/lib/rules';
import { FACT_COUNTERS, WINDOW_KEYS, zeroCounts, type FactCounts } from './counters';
import { addTallies, clockFigures, EMPTY_TALLY, hoursToDays, interpolate, sortRows, type ClockFigures, type ClockTally } from './figures';
import { monthsOf, type DashboardQuery, type TableSort } from './filters';
import { rollupsServe, scopeWhere, type AuditScope } from './scope';

/**
 * The dashboard's reads. Every number comes from the precomputed tables
 * (db/schema/audit-stats.ts): the monthly rollups when the scope is whole
 * offices and levels, the per-case rows when it is a school or categories.
 * Both sources have the same columns, so each query is written once. Only
 * what depends on `now` (is an unmet clock past due yet, how long has an
 * unprotected victim waited) is read per row, from partial indexes that hold
 * just the unmet clocks and the open gaps.
 */

type Conn = Db | Tx;
type Row = Record<string, unknown>;

export const SCHOOL_PAGE_SIZE = 25;
/** The per-office table shows this many offices a page (a country has 176); the CSV has them all. */
export const OFFICE_PAGE_SIZE = 25;

const num = (v: unknown): number => (v === null || v === undefined ? 0 : Number(v));
const numOrNull = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));

const windowList = sql.join(WINDOW_KEYS.map((k) => sql`${k}::deadline_key`), sql`, `);
/** A table key: one key, or every task and cap key (windows are never late). */
export function keyFilter(key: DeadlineKey | 'all', column = 'key'): SQL {
  return key === 'all' ? sql`${sql.raw(column)} not in (${windowList})` : sql`${sql.raw(column)} = ${key}::deadline_key`;
}

/** Clock rows shaped like `audit_deadline_months`, one per case and key. */
const DEADLINE_ROWS_AS_MONTHS = sql`(select reported_month as month, office_id, school_id, school_level, categories, key, 1 as clocks,
  (met_at is not null and met_at <= due_at)::int as met, coalesce(met_at > due_at, false)::int as met_late, (met_at is null)::int as unmet
  from audit_deadline_results)`;

/** Case facts shaped like the monthly rollups, one per case. */
const FACTS_AS_MONTHS = sql`(select reported_month as month, school_id, office_id, school_level, categories, 1 as cases, ${sql.raw(FACT_COUNTERS.map((c) => `"${c}"`).join(', '))} from audit_case_facts)`;

/** Met clocks shaped like `audit_elapsed_months`. */
const ELAPSED_ROWS = sql`(select reported_month as month, office_id, school_id, school_level, categories, key, elapsed_hours, 1 as n from audit_deadline_results where elapsed_hours is not null)`;

function deadlineSource(s: AuditScope): { from: SQL; where: SQL } {
  return rollupsServe(s)
    ? { from: sql`audit_deadline_months`, where: scopeWhere(s, { month: 'month' }) }
    : { from: sql`${DEADLINE_ROWS_AS_MONTHS} d`, where: scopeWhere(s, { month: 'month', school: true, categories: true }) };
}

/** Case counters: the office rollup for whole offices and levels, the per-case facts for a school or categories. */
function factsSource(s: AuditScope): { from: SQL; where: SQL } {
  return rollupsServe(s)
    ? { from: sql`audit_office_months`, where: scopeWhere(s, { month: 'month' }) }
    : { from: sql`${FACTS_AS_MONTHS} f`, where: scopeWhere(s, { month: 'month', school: true, categories: true }) };
}

/** Per-school case and clock sums: the narrow school rollup unless categories are chosen. */
function schoolSumsSource(s: AuditScope): { from: SQL; where: SQL } {
  return s.categories.length === 0
    ? { from: sql`audit_school_months`, where: scopeWhere(s, { month: 'month', school: true }) }
    : { from: sql`${FACTS_AS_MONTHS} f`, where: scopeWhere(s, { month: 'month', school: true, categories: true }) };
}

function elapsedSource(s: AuditScope): { from: SQL; where: SQL } {
  return rollupsServe(s) && s.officeIds === null
    ? { from: sql`audit_elapsed_months`, where: scopeWhere(s, { month: 'month', office: false }) }
    : { from: sql`${ELAPSED_ROWS} e`, where: scopeWhere(s, { month: 'month', school: true, categories: true }) };
}

const rowsWhere = (s: AuditScope) => scopeWhere(s, { month: 'reported_month', school: true, categories: true });

type Grouped = { byKey: Map<DeadlineKey, ClockTally>; byOffice: Map<string, ClockTally>; byMonth: Map<string, ClockTally> };

function groupedRows(rows: readonly Row[], pick: (r: Row, forTable: boolean) => Partial<ClockTally>, into: Grouped) {
  for (const r of rows) {
    if (num(r.gk) === 0) {
      const k = r.key as DeadlineKey;
      into.byKey.set(k, addTallies(into.byKey.get(k) ?? EMPTY_TALLY, pick(r, false)));
    } else if (num(r.go) === 0) {
      const o = String(r.office_id);
      into.byOffice.set(o, addTallies(into.byOffice.get(o) ?? EMPTY_TALLY, pick(r, true)));
    } else {
      const m = String(r.month);
      into.byMonth.set(m, addTallies(into.byMonth.get(m) ?? EMPTY_TALLY, pick(r, true)));
    }
  }
}

/**
 * Clock tallies by key (all keys), by office and by month (the table key), in
 * two statements: the stored sums, and the unmet clocks read against `now`.
 */
export async function clockTallies(conn: Conn, s: AuditScope, tableKey: DeadlineKey | 'all', now: Date): Promise<Grouped> {
  const src = deadlineSource(s);
  const tk = keyFilter(tableKey);
  const [sums, unmet] = await Promise.all([
    conn.execute(sql`
      select key, office_id, month::text as month, grouping(key) as gk, grouping(office_id) as go,
        sum(clocks)::int as clocks, sum(met)::int as met, sum(met_late)::int as met_late, sum(unmet)::int as unmet,
        coalesce(sum(clocks) filter (where ${tk}), 0)::int as t_clocks, coalesce(sum(met) filter (where ${tk}), 0)::int as t_met,
        coalesce(sum(met_late) filter (where ${tk}), 0)::int as t_met_late, coalesce(sum(unmet) filter (where ${tk}), 0)::int as t_unmet
      from ${src.from} where ${src.where}
      group by grouping sets ((key), (office_id), (month))`),
    conn.execute(sql`
      select key, office_id, reported_month::text as month, grouping(key) as gk, grouping(office_id) as go,
        count(*) filter (where due_at < ${now.toISOString()}::timestamptz)::int as past_due,
        count(*) filter (where due_at < ${now.toISOString()}::timestamptz and not case_closed)::int as breached_open,
        count(*) filter (where due_at < ${now.toISOString()}::timestamptz and ${tk})::int as t_past_due,
        count(*) filter (where due_at < ${now.toISOString()}::timestamptz and not case_closed and ${tk})::int as t_breached_open
      from audit_deadline_results where met_at is null and ${rowsWhere(s)}
      group by grouping sets ((key), (office_id), (reported_month))`),
  ]);
  const out: Grouped = { byKey: new Map(), byOffice: new Map(), byMonth: new Map() };
  groupedRows(sums, (r, t) => (t ? { clocks: num(r.t_clocks), met: num(r.t_met), metLate: num(r.t_met_late), unmet: num(r.t_unmet) } : { clocks: num(r.clocks), met: num(r.met), metLate: num(r.met_late), unmet: num(r.unmet) }), out);
  groupedRows(unmet, (r, t) => (t ? { pastDue: num(r.t_past_due), breachedOpen: num(r.t_breached_open) } : { pastDue: num(r.past_due), breachedOpen: num(r.breached_open) }), out);
  return out;
}

/** Median and 90th percentile of trigger-to-met hours per key: percentile_cont over the stored histogram. */
export async function elapsedPercentiles(conn: Conn, s: AuditScope): Promise<Map<DeadlineKey, { median: number | null; p90: number | null }>> {
  const src = elapsedSource(s);
  const rows = await conn.execute(sql`
    with h as (select key, elapsed_hours as v, sum(n)::bigint as n from ${src.from} where ${src.where} group by 1, 2 having sum(n) > 0),
    c as (select key, v, n, sum(n) over (partition by key order by v) - n as before, sum(n) over (partition by key) as total from h),
    p as (select c.*, q.p, q.p * (total - 1) as x from c cross join (values (0.5::float8), (0.9::float8)) q(p))
    select key, p,
      max(v) filter (where before <= floor(x) and floor(x) < before + n)::float8 as lo,
      max(v) filter (where before <= ceil(x) and ceil(x) < before + n)::float8 as hi,
      max(x - floor(x))::float8 as frac
    from p group by key, p`);
  const out = new Map<DeadlineKey, { median: number | null; p90: number | null }>();
  for (const r of rows) {
    const k = r.key as DeadlineKey;
    const cur = out.get(k) ?? { median: null, p90: null };
    const value = interpolate(numOrNull(r.lo), numOrNull(r.hi), numOrNull(r.frac));
    if (Number(r.p) === 0.5) cur.median = value;
    else cur.p90 = value;
    out.set(k, cur);
  }
  return out;
}

export type SchoolRow = { id: string; name: string; level: SchoolLevel; officeId: string; officeName: string; label: string; figures: ClockFigures };

const SORT_SQL: Record<TableSort, string> = {
  late_share: 'late_share',
  late: 'late',
  breached_open: 'breached_open',
  clocks: 'clocks',
  name: 'name',
};

/**
 * The per-school table, sorted and paged in SQL (a country has ~12,000
 * schools). `limit: null` returns every row, for the CSV.
 */
export async function schoolTable(conn: Conn, s: AuditScope, q: Pick<DashboardQuery, 'tableKey' | 'schoolSort' | 'page'>, now: Date, limit: number | null = SCHOOL_PAGE_SIZE): Promise<{ rows: SchoolRow[]; total: number }> {
  const all = q.tableKey === 'all';
  const sums = all
    ? (() => {
        const f = schoolSumsSource(s);
        return sql`select school_id, sum(clocks)::int as clocks, sum(clocks_met)::int as met, sum(clocks_met_late)::int as met_late, sum(clocks_unmet)::int as unmet from ${f.from} where ${f.where} group by school_id`;
      })()
    : sql`select school_id, sum(clocks)::int as clocks, sum(met)::int as met, sum(met_late)::int as met_late, sum(unmet)::int as unmet
          from ${DEADLINE_ROWS_AS_MONTHS} d where ${scopeWhere(s, { month: 'month', school: true, categories: true })} and ${keyFilter(q.tableKey)} group by school_id`;
  const nowIso = now.toISOString();
  const dir = sql.raw(q.schoolSort.dir === 'asc' ? 'asc' : 'desc');
  const by = sql.raw(SORT_SQL[q.schoolSort.by]);
  const order = q.schoolSort.by === 'name' ? sql`name ${dir}` : sql`${by} ${dir} nulls last, name asc`;
  const page = limit === null ? sql`` : sql`limit ${limit} offset ${(q.page - 1) * limit}`;
  const rows = await conn.execute(sql`
    with a as (${sums}),
    u as (
      select school_id, count(*) filter (where due_at < ${nowIso}::timestamptz)::int as past_due,
        count(*) filter (where due_at < ${nowIso}::timestamptz and not case_closed)::int as breached_open
      from audit_deadline_results where met_at is null and ${rowsWhere(s)} and ${keyFilter(q.tableKey)} group by school_id),
    j as (
      select a.school_id, a.clocks, a.met, a.met_late, a.unmet, coalesce(u.past_due, 0) as past_due, coalesce(u.breached_open, 0) as breached_open,
        a.met_late + coalesce(u.past_due, 0) as late
      from a left join u using (school_id) where a.clocks > 0)
    select j.*, s.name, s.level, s.office_id, o.short_name as office_name,
      case when j.met + j.late > 0 then j.late::float8 / (j.met + j.late) end as late_share,
      count(*) over ()::int as total
    from j join schools s on s.id = j.school_id join offices o on o.id = s.office_id
    order by ${order}
    ${page}`);
  return {
    total: num(rows[0]?.total),
    rows: rows.map((r) => ({
      id: String(r.school_id),
      name: String(r.name),
      label: String(r.name),
      level: r.level as SchoolLevel,
      officeId: String(r.office_id),
      officeName: String(r.office_name),
      figures: clockFigures({ clocks: num(r.clocks), met: num(r.met), metLate: num(r.met_late), unmet: num(r.unmet), pastDue: num(r.past_due), breachedOpen: num(r.breached_open) }),
    })),
  };
}

/** Every counter summed per school level (the statistics, separation and delay sections). */
export async function factSums(conn: Conn, s: AuditScope): Promise<Map<SchoolLevel, FactCounts & { cases: number }>> {
  const f = factsSource(s);
  const sums = sql.raw(FACT_COUNTERS.map((c) => `sum("${c}")::int as "${c}"`).join(', '));
  const rows = await conn.execute(sql`select school_level, sum(cases)::int as cases, ${sums} from ${f.from} where ${f.where} group by school_level`);
  const out = new Map<SchoolLevel, FactCounts & { cases: number }>();
  for (const r of rows) {
    const counts = { ...zeroCounts(), cases: num(r.cases) };
    for (const c of FACT_COUNTERS) counts[c] = num(r[c]);
    out.set(r.school_level as SchoolLevel, counts);
  }
  return out;
}

/** Gap days still accruing on `today` (KST): cases open and unprotected since their last event. */
export async function openGaps(conn: Conn, s: AuditScope, today: string): Promise<{ newCases: number; days: number }> {
  const [r] = await conn.execute(sql`
    select count(*) filter (where gap_days = 0 and gap_accrue_from < ${today}::date)::int as new_cases,
      coalesce(sum(greatest(0, ${today}::date - gap_accrue_from)), 0)::int as days
    from audit_case_facts where gap_open and ${rowsWhere(s)}`);
  return { newCases: num(r?.new_cases), days: num(r?.days) };
}

export type KeyRow = { key: DeadlineKey; window: boolean; figures: ClockFigures; medianDays: number | null; p90Days: number | null };
export type OfficeRow = { id: string; name: string; label: string; figures: ClockFigures };
export type MonthRow = { month: string; figures: ClockFigures };

export type Dashboard = {
  keys: KeyRow[];
  /** `rows` is the page shown, `all` every office in the scope, sorted. */
  offices: { rows: OfficeRow[]; all: OfficeRow[]; total: number; page: number; pageCount: number };
  schools: { rows: SchoolRow[]; total: number; page: number; pageCount: number };
  trend: MonthRow[];
  facts: { total: FactCounts & { cases: number }; byLevel: Map<SchoolLevel, FactCounts & { cases: number }>; openGaps: { newCases: number; days: number } };
};

export function sumLevels(byLevel: Map<SchoolLevel, FactCounts & { cases: number }>): FactCounts & { cases: number } {
  const total = { ...zeroCounts(), cases: 0 };
  for (const level of SCHOOL_LEVELS) {
    const l = byLevel.get(level);
    if (!l) continue;
    total.cases += l.cases;
    for (const c of FACT_COUNTERS) total[c] += l[c];
  }
  return total;
}

/** Everything the dashboard page shows, read in parallel. */
export async function loadDashboard(conn: Conn, s: AuditScope, q: DashboardQuery, officeNames: ReadonlyMap<string, string>, now: Date, today: string): Promise<Dashboard> {
  const [tallies, percentiles, schools, byLevel, gaps] = await Promise.all([clockTallies(conn, s, q.tableKey, now), elapsedPercentiles(conn, s), schoolTable(conn, s, q, now), factSums(conn, s), openGaps(conn, s, today)]);
  const keys = DEADLINE_KEYS.map((key) => {
    const p = percentiles.get(key);
    return { key, window: WINDOW_KEYS.includes(key), figures: clockFigures(tallies.byKey.get(key) ?? EMPTY_TALLY), medianDays: hoursToDays(p?.median ?? null), p90Days: hoursToDays(p?.p90 ?? null) };
  });
  const allOffices = sortRows(
    [...tallies.byOffice].filter(([, t]) => t.clocks > 0).map(([id, t]) => ({ id, name: officeNames.get(id) ?? id, label: officeNames.get(id) ?? id, figures: clockFigures(t) })),
    q.officeSort.by,
    q.officeSort.dir,
  );
  const officePages = Math.max(1, Math.ceil(allOffices.length / OFFICE_PAGE_SIZE));
  const officePage = Math.min(q.officePage, officePages);
  const offices = { rows: allOffices.slice((officePage - 1) * OFFICE_PAGE_SIZE, officePage * OFFICE_PAGE_SIZE), all: allOffices, total: allOffices.length, page: officePage, pageCount: officePages };
  const trend = monthsOf(q.fromMonth, q.toMonth).map((month) => ({ month, figures: clockFigures(tallies.byMonth.get(month) ?? EMPTY_TALLY) }));
  return {
    keys,
    offices,
    schools: { ...schools, page: q.page, pageCount: Math.max(1, Math.ceil(schools.total / SCHOOL_PAGE_SIZE)) },
    trend,
    facts: { total: sumLevels(byLevel), byLevel, openGaps: gaps },
  };
}
