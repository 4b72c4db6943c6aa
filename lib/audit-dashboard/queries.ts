import 'server-only';
import { sql, type SQL } from 'drizzle-orm';
import type { Db, Tx } from '@/db/client';
import { DEADLINE_KEYS, SCHOOL_LEVELS, type DeadlineKey, type SchoolLevel } from '@/lib/rules';
import { FACT_COUNTERS, WINDOW_KEYS, zeroCounts, type FactCounts } from './counters';
import { addTallies, clockFigures, EMPTY_TALLY, hoursToDays, interpolate, sortRows, type ClockFigures, type ClockTally } from './figures';
import { monthsOf, periodParts, type DashboardQuery, type TableSort } from './filters';
import { scopeSource, scopeWhere, type AuditScope } from './scope';

/**
 * The dashboard's reads. Every number comes from the precomputed tables
 * (db/schema/audit-stats.ts); which ones depends on the scope (scope.ts
 * `scopeSource`):
 * - whole offices and levels: the rollups. A period is read as whole years
 *   plus a few months, or as the totals less what lies outside it (filters.ts
 *   `periodParts`), and the national key table and trend from the national
 *   monthly rollup, so ten years cost about what one does; the key table and
 *   trend of an office come from its monthly rollup (its rows are few);
 * - one category: the category rollups, monthly;
 * - a school, or several categories: the per-case rows (the per-school table
 *   still has per-school rollups for a school).
 * The sources have the same columns, so each query is written once. Only
 * what depends on `now` is read per row: how many unmet clocks are still
 * pending (due after `now`; the rest of the unmet are past due), and how
 * long an unprotected victim has waited. Both come from partial indexes that
 * hold just the unmet clocks and the open gaps, and the pending ones are few
 * at any time, however long the period.
 */

type Conn = Db | Tx;
type Row = Record<string, unknown>;

export const SCHOOL_PAGE_SIZE = 25;
/** The per-office table shows this many offices a page (a country has 176); the CSV has them all. */
export const OFFICE_PAGE_SIZE = 25;

const num = (v: unknown): number => (v === null || v === undefined ? 0 : Number(v));
const numOrNull = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));

const windowList = sql.join(
  WINDOW_KEYS.map((k) => sql`${k}::deadline_key`),
  sql`, `,
);
/** A table key: one key, or every task and cap key (windows are never late). */
export function keyFilter(key: DeadlineKey | 'all', column = 'key'): SQL {
  return key === 'all' ? sql`${sql.raw(column)} not in (${windowList})` : sql`${sql.raw(column)} = ${key}::deadline_key`;
}

const CLOCK_SUMS = ['clocks', 'met', 'met_late', 'unmet', 'unmet_open'];
const SCHOOL_SUMS = ['clocks', 'clocks_met', 'clocks_met_late', 'clocks_unmet', 'clocks_unmet_open'];
const FACT_SUMS = ['cases', ...FACT_COUNTERS];

/** Clock rows shaped like `audit_deadline_months`, one per case and key. */
const DEADLINE_ROWS_AS_MONTHS = sql`(select reported_month as month, office_id, school_id, school_level, categories, key, 1 as clocks,
  (met_at is not null and met_at <= due_at)::int as met, coalesce(met_at > due_at, false)::int as met_late, (met_at is null)::int as unmet,
  (met_at is null and not case_closed)::int as unmet_open
  from audit_deadline_results)`;

/** Case facts shaped like the rollups, one per case. */
const FACTS_AS_MONTHS = sql`(select reported_month as month, school_id, office_id, school_level, categories, 1 as cases, ${sql.raw(FACT_COUNTERS.map((c) => `"${c}"`).join(', '))},
  case when case_closed then 0 else clocks_unmet end as clocks_unmet_open
  from audit_case_facts)`;

/** Met clocks shaped like `audit_elapsed_months`. */
const ELAPSED_ROWS = sql`(select reported_month as month, office_id, school_id, school_level, categories, key, elapsed_hours, 1 as n from audit_deadline_results where elapsed_hours is not null)`;

const CASE_ROWS = { month: 'month', school: true, categories: true } as const;
const rowsWhere = (s: AuditScope) => scopeWhere(s, { month: 'reported_month', school: true, categories: true });
const cols = (names: readonly string[]) => sql.raw(names.map((c) => `"${c}"`).join(', '));

/**
 * A rollup's monthly, yearly and total tables over the scope's period, split
 * as filters.ts `periodParts` says: rows with the `keep` columns and the
 * summed columns, negated in the parts taken away.
 */
function overPeriod(s: AuditScope, t: { months: string; years: string; totals: string }, keep: readonly string[], sums: readonly string[], filters: SQL): SQL {
  const parts = periodParts(s.fromMonth, s.toMonth, s.span).map((p) => {
    const select = sql.raw([...keep.map((c) => `"${c}"`), ...sums.map((c) => (p.sign === 1 ? `"${c}"` : `-"${c}" as "${c}"`))].join(', '));
    if (p.grain === 'total') return sql`select ${select} from ${sql.raw(t.totals)} where ${filters}`;
    return p.grain === 'year'
      ? sql`select ${select} from ${sql.raw(t.years)} where year between ${p.from}::smallint and ${p.to}::smallint and ${filters}`
      : sql`select ${select} from ${sql.raw(t.months)} where month between ${p.from}::date and ${p.to}::date and ${filters}`;
  });
  return sql.join(parts, sql` union all `);
}

/**
 * The clock sums for the key table and the trend (`trend`: key, month) and
 * for the per-office table (`offices`: key, office_id), or one relation for
 * both. Each has CLOCK_SUMS.
 */
function clockSources(s: AuditScope): { both: SQL } | { trend: SQL; offices: SQL } {
  const source = scopeSource(s);
  if (source === 'case_rows')
    return { both: sql`select key, office_id, month, ${cols(CLOCK_SUMS)} from ${DEADLINE_ROWS_AS_MONTHS} d where ${scopeWhere(s, CASE_ROWS)}` };
  if (source === 'category_rollups')
    return {
      both: sql`select key, office_id, month, ${cols(CLOCK_SUMS)} from audit_deadline_category_months where ${scopeWhere(s, { month: 'month', category: true })}`,
    };
  if (s.officeIds !== null)
    return { both: sql`select key, office_id, month, ${cols(CLOCK_SUMS)} from audit_deadline_months where ${scopeWhere(s, { month: 'month' })}` };
  return {
    trend: sql`select key, month, ${cols(CLOCK_SUMS)} from audit_deadline_national_months where ${scopeWhere(s, { month: 'month', office: false })}`,
    offices: overPeriod(
      s,
      { months: 'audit_deadline_months', years: 'audit_deadline_years', totals: 'audit_deadline_totals' },
      ['key', 'office_id'],
      CLOCK_SUMS,
      scopeWhere(s, { month: null }),
    ),
  };
}

/** Met-clock histogram rows (key, elapsed_hours, n): the national rollups, or the per-case rows. */
function elapsedSource(s: AuditScope): SQL {
  const source = scopeSource(s);
  if (s.officeIds === null && source === 'rollups')
    return overPeriod(
      s,
      { months: 'audit_elapsed_months', years: 'audit_elapsed_years', totals: 'audit_elapsed_totals' },
      ['key', 'elapsed_hours'],
      ['n'],
      scopeWhere(s, { month: null, office: false }),
    );
  if (s.officeIds === null && source === 'category_rollups')
    return sql`select key, elapsed_hours, n from audit_elapsed_category_months where ${scopeWhere(s, { month: 'month', office: false, category: true })}`;
  return sql`select key, elapsed_hours, n from ${ELAPSED_ROWS} e where ${scopeWhere(s, CASE_ROWS)}`;
}

/** Per-school case and clock sums (school_id, SCHOOL_SUMS): the school rollups unless several categories are chosen. */
function schoolSumsSource(s: AuditScope): SQL {
  if (s.categories.length === 0)
    return overPeriod(
      s,
      { months: 'audit_school_months', years: 'audit_school_years', totals: 'audit_school_totals' },
      ['school_id'],
      SCHOOL_SUMS,
      scopeWhere(s, { month: null, school: true }),
    );
  if (s.categories.length === 1)
    return sql`select school_id, ${cols(SCHOOL_SUMS)} from audit_school_category_months where ${scopeWhere(s, { month: 'month', school: true, category: true })}`;
  return sql`select school_id, ${cols(SCHOOL_SUMS)} from ${FACTS_AS_MONTHS} f where ${scopeWhere(s, CASE_ROWS)}`;
}

/** Case counters per level (school_level, FACT_SUMS): the office rollups, or the per-case facts. */
function factsSource(s: AuditScope): SQL {
  const source = scopeSource(s);
  // An office's monthly rows are few (four levels a month); the country's are read as years or totals.
  if (source === 'rollups' && s.officeIds !== null)
    return sql`select school_level, ${cols(FACT_SUMS)} from audit_office_months where ${scopeWhere(s, { month: 'month' })}`;
  if (source === 'rollups')
    return overPeriod(
      s,
      { months: 'audit_office_months', years: 'audit_office_years', totals: 'audit_office_totals' },
      ['school_level'],
      FACT_SUMS,
      scopeWhere(s, { month: null }),
    );
  if (source === 'category_rollups')
    return sql`select school_level, ${cols(FACT_SUMS)} from audit_office_category_months where ${scopeWhere(s, { month: 'month', category: true })}`;
  return sql`select school_level, ${cols(FACT_SUMS)} from ${FACTS_AS_MONTHS} f where ${scopeWhere(s, CASE_ROWS)}`;
}

type Grouped = { byKey: Map<DeadlineKey, ClockTally>; byOffice: Map<string, ClockTally>; byMonth: Map<string, ClockTally> };

function groupedRows(rows: readonly Row[], pick: (r: Row, forTable: boolean) => Partial<ClockTally>, into: Grouped) {
  for (const r of rows) {
    if (r.g === 'key') {
      const k = r.key as DeadlineKey;
      into.byKey.set(k, addTallies(into.byKey.get(k) ?? EMPTY_TALLY, pick(r, false)));
    } else if (r.g === 'office') {
      const o = String(r.office_id);
      into.byOffice.set(o, addTallies(into.byOffice.get(o) ?? EMPTY_TALLY, pick(r, true)));
    } else {
      const m = String(r.month);
      into.byMonth.set(m, addTallies(into.byMonth.get(m) ?? EMPTY_TALLY, pick(r, true)));
    }
  }
}

/**
 * Clock tallies by key (all keys), by office and by month (the table key).
 * The sums give every unmet clock as past due; the clocks still pending,
 * read per row against `now`, are then taken back.
 */
export async function clockTallies(conn: Conn, s: AuditScope, tableKey: DeadlineKey | 'all', now: Date): Promise<Grouped> {
  const tk = keyFilter(tableKey);
  const sums = sql.join(
    CLOCK_SUMS.map((c) => sql`sum(${sql.raw(c)})::int as ${sql.raw(c)}, coalesce(sum(${sql.raw(c)}) filter (where ${tk}), 0)::int as ${sql.raw(`t_${c}`)}`),
    sql`, `,
  );
  const src = clockSources(s);
  const statements =
    'both' in src
      ? [
          sql`select key, office_id, month::text as month, case when grouping(key) = 0 then 'key' when grouping(office_id) = 0 then 'office' else 'month' end as g, ${sums}
            from (${src.both}) x group by grouping sets ((key), (office_id), (month))`,
        ]
      : [
          sql`select key, month::text as month, case when grouping(key) = 0 then 'key' else 'month' end as g, ${sums} from (${src.trend}) x group by grouping sets ((key), (month))`,
          sql`select office_id, 'office' as g, ${sums} from (${src.offices}) x group by office_id`,
        ];
  const nowTs = sql`${now.toISOString()}::timestamptz`;
  const [pending, ...results] = await Promise.all([
    conn.execute(sql`
      select key, office_id, reported_month::text as month, case when grouping(key) = 0 then 'key' when grouping(office_id) = 0 then 'office' else 'month' end as g,
        count(*)::int as pending, count(*) filter (where not case_closed)::int as pending_open,
        count(*) filter (where ${tk})::int as t_pending, count(*) filter (where not case_closed and ${tk})::int as t_pending_open
      from audit_deadline_results where met_at is null and due_at >= ${nowTs} and ${rowsWhere(s)}
      group by grouping sets ((key), (office_id), (reported_month))`),
    ...statements.map((q) => conn.execute(q)),
  ]);
  const out: Grouped = { byKey: new Map(), byOffice: new Map(), byMonth: new Map() };
  const p = (t: boolean) => (t ? 't_' : '');
  for (const rows of results) {
    groupedRows(
      rows,
      (r, t) => ({
        clocks: num(r[`${p(t)}clocks`]),
        met: num(r[`${p(t)}met`]),
        metLate: num(r[`${p(t)}met_late`]),
        unmet: num(r[`${p(t)}unmet`]),
        pastDue: num(r[`${p(t)}unmet`]),
        breachedOpen: num(r[`${p(t)}unmet_open`]),
      }),
      out,
    );
  }
  groupedRows(pending!, (r, t) => ({ pastDue: -num(r[`${p(t)}pending`]), breachedOpen: -num(r[`${p(t)}pending_open`]) }), out);
  return out;
}

/** Median and 90th percentile of trigger-to-met hours per key: percentile_cont over the stored histogram. */
export async function elapsedPercentiles(conn: Conn, s: AuditScope): Promise<Map<DeadlineKey, { median: number | null; p90: number | null }>> {
  const rows = await conn.execute(sql`
    with h as (select key, elapsed_hours as v, sum(n)::bigint as n from (${elapsedSource(s)}) x group by 1, 2 having sum(n) > 0),
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
export async function schoolTable(
  conn: Conn,
  s: AuditScope,
  q: Pick<DashboardQuery, 'tableKey' | 'schoolSort' | 'page'>,
  now: Date,
  limit: number | null = SCHOOL_PAGE_SIZE,
): Promise<{ rows: SchoolRow[]; total: number }> {
  const sums =
    q.tableKey === 'all'
      ? sql`select school_id, sum(clocks)::int as clocks, sum(clocks_met)::int as met, sum(clocks_met_late)::int as met_late, sum(clocks_unmet)::int as unmet, sum(clocks_unmet_open)::int as unmet_open
          from (${schoolSumsSource(s)}) x group by school_id`
      : sql`select school_id, sum(clocks)::int as clocks, sum(met)::int as met, sum(met_late)::int as met_late, sum(unmet)::int as unmet, sum(unmet_open)::int as unmet_open
          from ${DEADLINE_ROWS_AS_MONTHS} d where ${scopeWhere(s, CASE_ROWS)} and ${keyFilter(q.tableKey)} group by school_id`;
  const nowIso = now.toISOString();
  const dir = sql.raw(q.schoolSort.dir === 'asc' ? 'asc' : 'desc');
  const by = sql.raw(SORT_SQL[q.schoolSort.by]);
  const order = q.schoolSort.by === 'name' ? sql`name ${dir}` : sql`${by} ${dir} nulls last, name asc`;
  const page = limit === null ? sql`` : sql`limit ${limit} offset ${(q.page - 1) * limit}`;
  // Every unmet clock counts as past due, less those still pending against `now`.
  const rows = await conn.execute(sql`
    with a as (${sums}),
    u as (
      select school_id, count(*)::int as pending, count(*) filter (where not case_closed)::int as pending_open
      from audit_deadline_results where met_at is null and due_at >= ${nowIso}::timestamptz and ${rowsWhere(s)} and ${keyFilter(q.tableKey)} group by school_id),
    j as (
      select a.school_id, a.clocks, a.met, a.met_late, a.unmet, a.unmet - coalesce(u.pending, 0) as past_due, a.unmet_open - coalesce(u.pending_open, 0) as breached_open,
        a.met_late + a.unmet - coalesce(u.pending, 0) as late
      from a left join u using (school_id) where a.clocks > 0),
    r as (
      select j.*, s.name, s.level, s.office_id,
        case when j.met + j.late > 0 then j.late::float8 / (j.met + j.late) end as late_share,
        count(*) over ()::int as total
      from j join schools s on s.id = j.school_id
      order by ${order}
      ${page})
    -- The office's name only for the rows shown: a country has ~12,000 schools.
    select r.*, o.short_name as office_name from r join offices o on o.id = r.office_id order by ${order}`);
  return {
    total: num(rows[0]?.total),
    rows: rows.map((r) => ({
      id: String(r.school_id),
      name: String(r.name),
      label: String(r.name),
      level: r.level as SchoolLevel,
      officeId: String(r.office_id),
      officeName: String(r.office_name),
      figures: clockFigures({
        clocks: num(r.clocks),
        met: num(r.met),
        metLate: num(r.met_late),
        unmet: num(r.unmet),
        pastDue: num(r.past_due),
        breachedOpen: num(r.breached_open),
      }),
    })),
  };
}

/** Every counter summed per school level (the statistics, separation and delay sections). */
export async function factSums(conn: Conn, s: AuditScope): Promise<Map<SchoolLevel, FactCounts & { cases: number }>> {
  const sums = sql.raw(FACT_SUMS.map((c) => `sum("${c}")::int as "${c}"`).join(', '));
  const rows = await conn.execute(sql`select school_level, ${sums} from (${factsSource(s)}) x group by school_level`);
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
export async function loadDashboard(
  conn: Conn,
  s: AuditScope,
  q: DashboardQuery,
  officeNames: ReadonlyMap<string, string>,
  now: Date,
  today: string,
): Promise<Dashboard> {
  const [tallies, percentiles, schools, byLevel, gaps] = await Promise.all([
    clockTallies(conn, s, q.tableKey, now),
    elapsedPercentiles(conn, s),
    schoolTable(conn, s, q, now),
    factSums(conn, s),
    openGaps(conn, s, today),
  ]);
  const keys = DEADLINE_KEYS.map((key) => {
    const p = percentiles.get(key);
    return {
      key,
      window: WINDOW_KEYS.includes(key),
      figures: clockFigures(tallies.byKey.get(key) ?? EMPTY_TALLY),
      medianDays: hoursToDays(p?.median ?? null),
      p90Days: hoursToDays(p?.p90 ?? null),
    };
  });
  const allOffices = sortRows(
    [...tallies.byOffice]
      .filter(([, t]) => t.clocks > 0)
      .map(([id, t]) => ({ id, name: officeNames.get(id) ?? id, label: officeNames.get(id) ?? id, figures: clockFigures(t) })),
    q.officeSort.by,
    q.officeSort.dir,
  );
  const officePages = Math.max(1, Math.ceil(allOffices.length / OFFICE_PAGE_SIZE));
  const officePage = Math.min(q.officePage, officePages);
  const offices = {
    rows: allOffices.slice((officePage - 1) * OFFICE_PAGE_SIZE, officePage * OFFICE_PAGE_SIZE),
    all: allOffices,
    total: allOffices.length,
    page: officePage,
    pageCount: officePages,
  };
  const trend = monthsOf(q.fromMonth, q.toMonth).map((month) => ({ month, figures: clockFigures(tallies.byMonth.get(month) ?? EMPTY_TALLY) }));
  return {
    keys,
    offices,
    schools: { ...schools, page: q.page, pageCount: Math.max(1, Math.ceil(schools.total / SCHOOL_PAGE_SIZE)) },
    trend,
    facts: { total: sumLevels(byLevel), byLevel, openGaps: gaps },
  };
}
