/**
 * The dashboard's numbers in hand-written SQL, run through postgres.js with
 * no query builder: the yardstick `bench:dashboard` compares the app with.
 * Each function returns the same numbers as its counterpart in
 * lib/audit-dashboard/queries.ts (the benchmark checks that).
 */
import type postgres from 'postgres';
import { FACT_COUNTERS, WINDOW_KEYS } from '@/lib/audit-dashboard/counters';
import { periodParts, type DashboardQuery } from '@/lib/audit-dashboard/filters';
import type { AuditScope } from '@/lib/audit-dashboard/scope';
import type { Actor } from '@/lib/auth/roles';

type Sql = postgres.Sql;
type Param = string | number | string[];

/** WHERE text and parameters for a scope; `month` null leaves the period to the caller, `category` is a category rollup's column. */
function where(s: AuditScope, month: string | null, params: Param[], cols: { office?: boolean; category?: boolean } = {}): string {
  const p = (v: Param) => `$${params.push(v)}`;
  const parts = month ? [`${month} between ${p(s.fromMonth)}::date and ${p(s.toMonth)}::date`] : [];
  if (s.officeIds !== null && cols.office !== false) parts.push(`office_id = any(${p(s.officeIds)}::uuid[])`);
  if (s.schoolId) parts.push(`school_id = ${p(s.schoolId)}::uuid`);
  if (s.level) parts.push(`school_level = ${p(s.level)}::school_level`);
  if (cols.category) parts.push(`category = ${p(s.categories[0]!)}::category`);
  else if (s.categories.length) parts.push(`categories && ${p(s.categories)}::category[]`);
  return parts.length ? parts.join(' and ') : 'true';
}

/** Whole offices and levels: the rollups; one category: the category rollups; else the per-case rows. */
const source = (s: AuditScope) => (s.schoolId !== null ? 'rows' : s.categories.length === 0 ? 'rollups' : s.categories.length === 1 ? 'category' : 'rows');
const keyCond = (key: string, params: Param[]) =>
  key === 'all' ? `key <> all(${'$' + params.push(WINDOW_KEYS as string[])}::deadline_key[])` : `key = ${'$' + params.push(key)}::deadline_key`;

/** A rollup's monthly, yearly and total tables over the period: whole years plus or minus the months at the ends, or the totals less what lies outside. */
function overPeriod(s: AuditScope, table: string, keep: string, sums: string[], params: Param[], cols: { office?: boolean } = {}): string {
  const p = (v: Param) => `$${params.push(v)}`;
  const [months, years, totals] = [`${table}_months`, `${table}_years`, `${table}_totals`];
  return periodParts(s.fromMonth, s.toMonth, s.span)
    .map((part) => {
      const list = `${keep}, ${sums.map((c) => (part.sign === 1 ? c : `-${c}`)).join(', ')}`;
      if (part.grain === 'total') return `select ${list} from ${totals} where ${where(s, null, params, cols)}`;
      return part.grain === 'year'
        ? `select ${list} from ${years} where year between ${p(part.from)}::smallint and ${p(part.to)}::smallint and ${where(s, null, params, cols)}`
        : `select ${list} from ${months} where month between ${p(part.from)}::date and ${p(part.to)}::date and ${where(s, null, params, cols)}`;
    })
    .join(' union all ');
}

const CLOCKS = ['clocks', 'met', 'met_late', 'unmet', 'unmet_open'];
const PER_CASE_CLOCKS = `1, coalesce(met_at <= due_at, false)::int, coalesce(met_at > due_at, false)::int, (met_at is null)::int, (met_at is null and not case_closed)::int`;

export async function clockTallies(sql: Sql, s: AuditScope, key: string, now: Date) {
  // The sums count every unmet clock as past due; the pending ones (due after `now`, few) are read per row and taken back.
  const sumList = (tk: string) =>
    `sum(clocks)::int c, sum(met)::int m, sum(met_late)::int ml, sum(unmet)::int u, sum(unmet_open)::int uo,
     coalesce(sum(clocks) filter (where ${tk}), 0)::int tc, coalesce(sum(met) filter (where ${tk}), 0)::int tm,
     coalesce(sum(met_late) filter (where ${tk}), 0)::int tml, coalesce(sum(unmet) filter (where ${tk}), 0)::int tu, coalesce(sum(unmet_open) filter (where ${tk}), 0)::int tuo`;
  const statements: { text: string; params: Param[] }[] = [];
  const src = source(s);
  if (src === 'rollups' && s.officeIds === null) {
    const p1: Param[] = [];
    const tk1 = keyCond(key, p1);
    statements.push({
      text: `select key, null::uuid as office_id, month, grouping(key) as gk, 1 as go, ${sumList(tk1)}
             from audit_deadline_national_months where ${where(s, 'month', p1, { office: false })} group by grouping sets ((key), (month))`,
      params: p1,
    });
    const p2: Param[] = [];
    const tk2 = keyCond(key, p2);
    statements.push({
      text: `select null::deadline_key as key, office_id, null::date as month, 1 as gk, 0 as go, ${sumList(tk2)}
             from (${overPeriod(s, 'audit_deadline', 'key, office_id', CLOCKS, p2)}) x (key, office_id, clocks, met, met_late, unmet, unmet_open) group by office_id`,
      params: p2,
    });
  } else {
    const p1: Param[] = [];
    const tk1 = keyCond(key, p1);
    const rows =
      src === 'rows'
        ? `select key, office_id, reported_month, ${PER_CASE_CLOCKS} from audit_deadline_results where ${where(s, 'reported_month', p1)}`
        : `select key, office_id, month, ${CLOCKS.join(', ')} from ${src === 'category' ? 'audit_deadline_category_months' : 'audit_deadline_months'} where ${where(s, 'month', p1, { category: src === 'category' })}`;
    statements.push({
      text: `select key, office_id, month, grouping(key) gk, grouping(office_id) go, ${sumList(tk1)}
             from (${rows}) x (key, office_id, month, clocks, met, met_late, unmet, unmet_open) group by grouping sets ((key), (office_id), (month))`,
      params: p1,
    });
  }
  const p3: Param[] = [];
  const tk3 = keyCond(key, p3);
  const nowP = `$${p3.push(now.toISOString())}::timestamptz`;
  const [pending, ...sums] = await Promise.all([
    sql.unsafe(
      `select key, office_id, reported_month, grouping(key) gk, grouping(office_id) go,
         count(*)::int p, count(*) filter (where not case_closed)::int po, count(*) filter (where ${tk3})::int tp, count(*) filter (where not case_closed and ${tk3})::int tpo
       from audit_deadline_results where met_at is null and due_at >= ${nowP} and ${where(s, 'reported_month', p3)}
       group by grouping sets ((key), (office_id), (reported_month))`,
      p3 as never[],
    ),
    ...statements.map((st) => sql.unsafe(st.text, st.params as never[])),
  ]);
  return { sums: sums.flat(), pending };
}

export async function elapsedPercentiles(sql: Sql, s: AuditScope) {
  const params: Param[] = [];
  const src = source(s);
  const rows =
    s.officeIds === null && src === 'rollups'
      ? overPeriod(s, 'audit_elapsed', 'key, elapsed_hours', ['n'], params, { office: false })
      : s.officeIds === null && src === 'category'
        ? `select key, elapsed_hours, n from audit_elapsed_category_months where ${where(s, 'month', params, { office: false, category: true })}`
        : `select key, elapsed_hours, 1 from audit_deadline_results where elapsed_hours is not null and ${where(s, 'reported_month', params)}`;
  // percentile_cont over the histogram: the values either side of p·(N−1) and the fraction between them.
  return sql.unsafe(
    `with h as (select key, v, sum(n)::bigint n from (${rows}) x (key, v, n) group by 1, 2 having sum(n) > 0),
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
  const schoolSums = ['clocks', 'clocks_met', 'clocks_met_late', 'clocks_unmet', 'clocks_unmet_open'];
  const sums =
    key === 'all'
      ? s.categories.length === 0
        ? overPeriod(s, 'audit_school', 'school_id', schoolSums, params)
        : s.categories.length === 1
          ? `select school_id, ${schoolSums.join(', ')} from audit_school_category_months where ${where(s, 'month', params, { category: true })}`
          : `select school_id, clocks, clocks_met, clocks_met_late, clocks_unmet, case when case_closed then 0 else clocks_unmet end from audit_case_facts where ${where(s, 'reported_month', params)}`
      : `select school_id, ${PER_CASE_CLOCKS} from audit_deadline_results where ${keyCond(key, params)} and ${where(s, 'reported_month', params)}`;
  const nowP = `$${params.push(now.toISOString())}::timestamptz`;
  const pending = `select school_id, count(*) p, count(*) filter (where not case_closed) po from audit_deadline_results where met_at is null and due_at >= ${nowP} and ${keyCond(key, params)} and ${where(s, 'reported_month', params)} group by 1`;
  return sql.unsafe(
    `with a as (select school_id, sum(clocks)::int clocks, sum(met)::int met, sum(met_late)::int met_late, sum(unmet)::int unmet, sum(unmet_open)::int unmet_open
                from (${sums}) x (school_id, clocks, met, met_late, unmet, unmet_open) group by 1 having sum(clocks) > 0),
     b as (select a.*, (a.unmet - coalesce(u.p, 0))::int pd, (a.unmet_open - coalesce(u.po, 0))::int bo from a left join (${pending}) u using (school_id)),
     r as (select b.*, sc.name, sc.office_id, (b.met_late + b.pd)::float8 / nullif(b.met + b.met_late + b.pd, 0) late_share, count(*) over ()::int total
           from b join schools sc on sc.id = b.school_id order by late_share desc nulls last, sc.name limit 25)
     select r.*, o.short_name from r join offices o on o.id = r.office_id order by late_share desc nulls last, name`,
    params as never[],
  );
}

export async function factSums(sql: Sql, s: AuditScope) {
  const params: Param[] = [];
  const names = ['cases', ...FACT_COUNTERS].map((c) => `"${c}"`);
  const cols = names.map((c) => `sum(${c})::int ${c}`).join(', ');
  const src = source(s);
  const rows =
    src === 'rollups' && s.officeIds !== null
      ? `select school_level, ${names.join(', ')} from audit_office_months where ${where(s, 'month', params)}`
      : src === 'rollups'
        ? overPeriod(s, 'audit_office', 'school_level', names, params)
        : src === 'category'
          ? `select school_level, ${names.join(', ')} from audit_office_category_months where ${where(s, 'month', params, { category: true })}`
          : `select school_level, 1, ${names.slice(1).join(', ')} from audit_case_facts where ${where(s, 'reported_month', params)}`;
  return sql.unsafe(`select school_level, ${cols} from (${rows}) x (school_level, ${names.join(', ')}) group by school_level`, params as never[]);
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
  const offices = all
    ? await sql`select id, name, short_name from offices order by name`
    : await sql`select id, name, short_name from offices where id = any(${own}::uuid[]) order by name`;
  let schoolId: string | null = null;
  if (q.school) {
    const [row] = await sql`select office_id from schools where id = ${q.school}`;
    if (row && offices.some((o) => o.id === row.office_id)) schoolId = q.school;
  }
  const [span] = await sql`select min(reported_month)::text as from, max(reported_month)::text as to from audit_case_facts`;
  const scope: AuditScope = {
    fromMonth: q.fromMonth,
    toMonth: q.toMonth,
    officeIds: all ? null : offices.map((o) => String(o.id)),
    schoolId,
    level: q.level,
    categories: q.categories,
    span: span?.from ? { from: String(span.from), to: String(span.to) } : null,
  };
  return Promise.all([
    clockTallies(sql, scope, q.tableKey, now),
    elapsedPercentiles(sql, scope),
    schoolTable(sql, scope, q.tableKey, now),
    factSums(sql, scope),
    openGaps(sql, scope, today),
  ]);
}
