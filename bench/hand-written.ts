/**
 * The dashboard's numbers in hand-written SQL, run through postgres.js with
 * no query builder: the yardstick `bench:dashboard` compares the app with.
 * Each function returns the same numbers as its counterpart in
 * lib/audit-dashboard/queries.ts (the benchmark checks that).
 */
import type postgres from 'postgres';
import { FACT_COUNTERS, WINDOW_KEYS } from '@/lib/audit-dashboard/counters';
import type { DashboardQuery } from '@/lib/audit-dashboard/filters';
import type { AuditScope } from '@/lib/audit-dashboard/scope';
import type { Actor } from '@/lib/auth/roles';

type Sql = postgres.Sql;
type Param = string | number | string[];

/** WHERE text and parameters for a scope over the given month column; `cols` says which filters the source has. */
function where(s: AuditScope, month: string, params: Param[], cols: { school?: boolean; categories?: boolean; office?: boolean } = {}): string {
  const p = (v: Param) => `$${params.push(v)}`;
  const parts = [`${month} between ${p(s.fromMonth)}::date and ${p(s.toMonth)}::date`];
  if (s.officeIds !== null && cols.office !== false) parts.push(`office_id = any(${p(s.officeIds)}::uuid[])`);
  if (s.schoolId) parts.push(`school_id = ${p(s.schoolId)}::uuid`);
  if (s.level) parts.push(`school_level = ${p(s.level)}::school_level`);
  if (s.categories.length) parts.push(`categories && ${p(s.categories)}::category[]`);
  return parts.join(' and ');
}

const rollups = (s: AuditScope) => s.schoolId === null && s.categories.length === 0;
const keyCond = (key: string, params: Param[]) => (key === 'all' ? `key <> all(${'$' + params.push(WINDOW_KEYS as string[])}::deadline_key[])` : `key = ${'$' + params.push(key)}::deadline_key`);

export async function clockTallies(sql: Sql, s: AuditScope, key: string, now: Date) {
  // Two statements side by side: the stored sums, and the unmet clocks against `now` from their covering index.
  const p1: Param[] = [];
  const tk1 = keyCond(key, p1);
  const sums = rollups(s)
    ? `select key, office_id, month, clocks, met, met_late, unmet from audit_deadline_months where ${where(s, 'month', p1)}`
    : `select key, office_id, reported_month, 1, coalesce(met_at <= due_at, false)::int, coalesce(met_at > due_at, false)::int, (met_at is null)::int from audit_deadline_results where ${where(s, 'reported_month', p1)}`;
  const p2: Param[] = [];
  const tk2 = keyCond(key, p2);
  const nowP = `$${p2.push(now.toISOString())}::timestamptz`;
  const [a, b] = await Promise.all([
    sql.unsafe(
      `select key, office_id, month, grouping(key) gk, grouping(office_id) go,
         sum(clocks)::int c, sum(met)::int m, sum(met_late)::int ml, sum(unmet)::int u,
         coalesce(sum(clocks) filter (where ${tk1}), 0)::int tc, coalesce(sum(met) filter (where ${tk1}), 0)::int tm,
         coalesce(sum(met_late) filter (where ${tk1}), 0)::int tml, coalesce(sum(unmet) filter (where ${tk1}), 0)::int tu
       from (${sums}) x (key, office_id, month, clocks, met, met_late, unmet)
       group by grouping sets ((key), (office_id), (month))`,
      p1 as never[],
    ),
    sql.unsafe(
      `select key, office_id, reported_month, grouping(key) gk, grouping(office_id) go,
         count(*) filter (where due_at < ${nowP})::int pd, count(*) filter (where due_at < ${nowP} and not case_closed)::int bo,
         count(*) filter (where due_at < ${nowP} and ${tk2})::int tpd, count(*) filter (where due_at < ${nowP} and not case_closed and ${tk2})::int tbo
       from audit_deadline_results where met_at is null and ${where(s, 'reported_month', p2)}
       group by grouping sets ((key), (office_id), (reported_month))`,
      p2 as never[],
    ),
  ]);
  return [...a, ...b];
}

export async function elapsedPercentiles(sql: Sql, s: AuditScope) {
  const params: Param[] = [];
  const src =
    rollups(s) && s.officeIds === null
      ? `select key, elapsed_hours v, n from audit_elapsed_months where ${where(s, 'month', params, { office: false })}`
      : `select key, elapsed_hours v, 1 n from audit_deadline_results where elapsed_hours is not null and ${where(s, 'reported_month', params)}`;
  // percentile_cont over the histogram: the values either side of p·(N−1) and the fraction between them.
  return sql.unsafe(
    `with h as (select key, v, sum(n)::bigint n from (${src}) x group by 1, 2 having sum(n) > 0),
     c as (select key, v, n, sum(n) over w - n lo, sum(n) over w hi, sum(n) over (partition by key) total from h window w as (partition by key order by v))
     select key, p, min(v) filter (where floor(p * (total - 1)) >= lo and floor(p * (total - 1)) < hi)
       + (p * (max(total) - 1) - floor(p * (max(total) - 1)))
       * (min(v) filter (where ceil(p * (total - 1)) >= lo and ceil(p * (total - 1)) < hi) - min(v) filter (where floor(p * (total - 1)) >= lo and floor(p * (total - 1)) < hi)) as value
     from c, (values (0.5::float8), (0.9::float8)) ps(p) group by key, p`,
    params as never[],
  );
}

export async function schoolTable(sql: Sql, s: AuditScope, key: string, now: Date) {
  const params: Param[] = [];
  const sums =
    key === 'all'
      ? s.categories.length === 0
        ? `select school_id, clocks, clocks_met met, clocks_met_late met_late, clocks_unmet unmet from audit_school_months where ${where(s, 'month', params)}`
        : `select school_id, clocks, clocks_met, clocks_met_late, clocks_unmet from audit_case_facts where ${where(s, 'reported_month', params)}`
      : `select school_id, 1, coalesce(met_at <= due_at, false)::int, coalesce(met_at > due_at, false)::int, (met_at is null)::int from audit_deadline_results where ${keyCond(key, params)} and ${where(s, 'reported_month', params)}`;
  const nowP = `$${params.push(now.toISOString())}::timestamptz`;
  const unmet = `select school_id, count(*) filter (where due_at < ${nowP}) pd, count(*) filter (where due_at < ${nowP} and not case_closed) bo from audit_deadline_results where met_at is null and ${keyCond(key, params)} and ${where(s, 'reported_month', params)} group by 1`;
  return sql.unsafe(
    `with a as (select school_id, sum(clocks)::int clocks, sum(met)::int met, sum(met_late)::int met_late, sum(unmet)::int unmet from (${sums}) x (school_id, clocks, met, met_late, unmet) group by 1 having sum(clocks) > 0)
     select a.*, coalesce(u.pd, 0)::int pd, coalesce(u.bo, 0)::int bo, sc.name, o.short_name,
       (a.met_late + coalesce(u.pd, 0))::float8 / nullif(a.met + a.met_late + coalesce(u.pd, 0), 0) late_share, count(*) over ()::int total
     from a left join (${unmet}) u using (school_id) join schools sc on sc.id = a.school_id join offices o on o.id = sc.office_id
     order by late_share desc nulls last, sc.name limit 25`,
    params as never[],
  );
}

export async function factSums(sql: Sql, s: AuditScope) {
  const params: Param[] = [];
  const cols = ['cases', ...FACT_COUNTERS].map((c) => `sum("${c}")::int "${c}"`).join(', ');
  const src = rollups(s) ? `select * from audit_office_months where ${where(s, 'month', params)}` : `select *, 1 as cases from audit_case_facts where ${where(s, 'reported_month', params)}`;
  return sql.unsafe(`select school_level, ${cols} from (${src}) x group by school_level`, params as never[]);
}

export async function openGaps(sql: Sql, s: AuditScope, today: string) {
  const params: Param[] = [];
  const t = `$${params.push(today)}::date`;
  return sql.unsafe(
    `select count(*) filter (where gap_days = 0 and gap_accrue_from < ${t})::int new_cases, coalesce(sum(greatest(0, ${t} - gap_accrue_from)), 0)::int days
     from audit_case_facts where gap_open and ${where(s, 'reported_month', params)}`,
    params as never[],
  );
}

/** The page's data by hand: the actor's offices, the scope, then every query at once. */
export async function wholePage(sql: Sql, actor: Actor, q: DashboardQuery, now: Date, today: string) {
  const all = actor.grants.some((g) => g.role === 'admin');
  const own = actor.grants.flatMap((g) => (g.role === 'office_auditor' && g.officeId ? [g.officeId] : []));
  const offices = all ? await sql`select id, name, short_name from offices order by name` : await sql`select id, name, short_name from offices where id = any(${own}::uuid[]) order by name`;
  let schoolId: string | null = null;
  if (q.school) {
    const [row] = await sql`select office_id from schools where id = ${q.school}`;
    if (row && offices.some((o) => o.id === row.office_id)) schoolId = q.school;
  }
  const scope: AuditScope = { fromMonth: q.fromMonth, toMonth: q.toMonth, officeIds: all ? null : offices.map((o) => String(o.id)), schoolId, level: q.level, categories: q.categories };
  return Promise.all([clockTallies(sql, scope, q.tableKey, now), elapsedPercentiles(sql, scope), schoolTable(sql, scope, q.tableKey, now), factSums(sql, scope), openGaps(sql, scope, today)]);
}
