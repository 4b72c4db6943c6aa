/**
 * The dashboard's URL: period, scope, table options and drill-down, parsed
 * with zod from searchParams. Anything malformed falls back to its default,
 * so a hand-edited link shows the dashboard rather than an error. Pure.
 */
import { z } from 'zod';
import { CATEGORIES, DEADLINE_KEYS, SCHOOL_LEVELS, kstDateOf, type Category, type DeadlineKey, type SchoolLevel } from '@/lib/rules';
import { CLOCK_KEYS, FACT_COUNTERS, type FactCounter } from './counters';

const MONTH_RE = /^\d{4}-(0[1-9]|1[0-2])$/;
/** Ten years: the benchmark's whole history, and more than any report needs. */
export const MAX_PERIOD_MONTHS = 120;

const month = z.string().regex(MONTH_RE).optional().catch(undefined);
const uuid = z.string().uuid().optional().catch(undefined);
const one = (v: unknown) => (Array.isArray(v) ? v[0] : v);
const many = (v: unknown) => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

export const SCHOOL_SORTS = ['late_share', 'late', 'breached_open', 'clocks', 'name'] as const;
export const OFFICE_SORTS = SCHOOL_SORTS;
export type TableSort = (typeof SCHOOL_SORTS)[number];
export const CLOCK_OUTCOMES = ['all', 'met', 'met_late', 'resolved', 'late', 'past_due', 'breached_open', 'pending'] as const;
export type ClockOutcome = (typeof CLOCK_OUTCOMES)[number];
export const DRILL_METRICS = ['cases', 'clock', 'fact', 'gap'] as const;

const rawQuery = z.object({
  from: z.preprocess(one, month),
  to: z.preprocess(one, month),
  office: z.preprocess(one, uuid),
  school: z.preprocess(one, uuid),
  level: z.preprocess(one, z.enum(SCHOOL_LEVELS).optional().catch(undefined)),
  cat: z.preprocess(many, z.array(z.string()).catch([])),
  /** The key the per-office, per-school and trend tables show; `all` sums every task and cap key. */
  tkey: z.preprocess(one, z.enum([...(CLOCK_KEYS as DeadlineKey[]), 'all']).catch('all')),
  sort: z.preprocess(one, z.enum(SCHOOL_SORTS).catch('late_share')),
  dir: z.preprocess(one, z.enum(['asc', 'desc']).catch('desc')),
  osort: z.preprocess(one, z.enum(OFFICE_SORTS).catch('late_share')),
  odir: z.preprocess(one, z.enum(['asc', 'desc']).catch('desc')),
  page: z.preprocess(one, z.coerce.number().int().min(1).max(10_000).catch(1)),
  opage: z.preprocess(one, z.coerce.number().int().min(1).max(1_000).catch(1)),
  // Drill-down.
  m: z.preprocess(one, z.enum(DRILL_METRICS).catch('cases')),
  dkey: z.preprocess(one, z.enum([...DEADLINE_KEYS, 'all']).catch('all')),
  outcome: z.preprocess(one, z.enum(CLOCK_OUTCOMES).catch('all')),
  fact: z.preprocess(one, z.enum(FACT_COUNTERS).optional().catch(undefined)),
});

export type DashboardQuery = {
  /** First and last report month, 'YYYY-MM-01', inclusive. */
  fromMonth: string;
  toMonth: string;
  office: string | null;
  school: string | null;
  level: SchoolLevel | null;
  categories: Category[];
  tableKey: DeadlineKey | 'all';
  schoolSort: { by: TableSort; dir: 'asc' | 'desc' };
  officeSort: { by: TableSort; dir: 'asc' | 'desc' };
  /** Page of the per-school table (and of a drill-down list). */
  page: number;
  /** Page of the per-office table. */
  officePage: number;
};

export type DrillQuery = DashboardQuery & (
  | { metric: 'cases' }
  | { metric: 'gap' }
  | { metric: 'clock'; key: DeadlineKey | 'all'; outcome: ClockOutcome }
  | { metric: 'fact'; fact: FactCounter }
);

export function monthStart(yyyyMm: string): string {
  return `${yyyyMm}-01`;
}

export function addMonths(monthFirstDay: string, n: number): string {
  const y = Number(monthFirstDay.slice(0, 4));
  const m = Number(monthFirstDay.slice(5, 7)) - 1 + n;
  const year = y + Math.floor(m / 12);
  const mm = ((m % 12) + 12) % 12;
  return `${String(year).padStart(4, '0')}-${String(mm + 1).padStart(2, '0')}-01`;
}

/** The months of a period, first to last. */
export function monthsOf(fromMonth: string, toMonth: string): string[] {
  const out: string[] = [];
  for (let m = fromMonth; m <= toMonth && out.length <= MAX_PERIOD_MONTHS; m = addMonths(m, 1)) out.push(m);
  return out;
}

/** The current KST month's first day. */
export function currentMonth(now: Date): string {
  return `${kstDateOf(now.toISOString()).slice(0, 7)}-01`;
}

/** Without a period, the last twelve report months including the current one. */
export function parseDashboardQuery(params: Record<string, string | string[] | undefined>, now: Date): DashboardQuery {
  const q = rawQuery.parse(params);
  const latest = currentMonth(now);
  let toMonth = q.to ? monthStart(q.to) : latest;
  if (toMonth > latest) toMonth = latest;
  let fromMonth = q.from ? monthStart(q.from) : addMonths(toMonth, -11);
  if (fromMonth > toMonth) [fromMonth, toMonth] = [toMonth, fromMonth];
  if (monthsOf(fromMonth, toMonth).length > MAX_PERIOD_MONTHS) fromMonth = addMonths(toMonth, -(MAX_PERIOD_MONTHS - 1));
  return {
    fromMonth,
    toMonth,
    office: q.office ?? null,
    school: q.school ?? null,
    level: q.level ?? null,
    categories: [...new Set(q.cat.filter((c): c is Category => (CATEGORIES as readonly string[]).includes(c)))],
    tableKey: q.tkey,
    schoolSort: { by: q.sort, dir: q.dir },
    officeSort: { by: q.osort, dir: q.odir },
    page: q.page,
    officePage: q.opage,
  };
}

export function parseDrillQuery(params: Record<string, string | string[] | undefined>, now: Date): DrillQuery {
  const base = parseDashboardQuery(params, now);
  const q = rawQuery.parse(params);
  if (q.m === 'clock') return { ...base, metric: 'clock', key: q.dkey, outcome: q.outcome };
  if (q.m === 'fact' && q.fact) return { ...base, metric: 'fact', fact: q.fact };
  if (q.m === 'gap') return { ...base, metric: 'gap' };
  return { ...base, metric: 'cases' };
}

/** Scope and period as URL parameters (what every link on the page keeps). */
export function scopeParams(q: DashboardQuery): URLSearchParams {
  const p = new URLSearchParams();
  p.set('from', q.fromMonth.slice(0, 7));
  p.set('to', q.toMonth.slice(0, 7));
  if (q.office) p.set('office', q.office);
  if (q.school) p.set('school', q.school);
  if (q.level) p.set('level', q.level);
  for (const c of q.categories) p.append('cat', c);
  return p;
}

export type DrillSpec = { metric: 'cases' } | { metric: 'gap' } | { metric: 'clock'; key: DeadlineKey | 'all'; outcome: ClockOutcome } | { metric: 'fact'; fact: FactCounter };
export type ScopeOverride = Partial<Pick<DashboardQuery, 'office' | 'school' | 'level' | 'fromMonth' | 'toMonth'>>;

/** The link behind a number: the same scope, narrowed by `override`, and the metric. */
export function drillHref(q: DashboardQuery, spec: DrillSpec, override: ScopeOverride = {}): string {
  const p = scopeParams({ ...q, ...override });
  p.set('m', spec.metric);
  if (spec.metric === 'clock') {
    p.set('dkey', spec.key);
    p.set('outcome', spec.outcome);
  }
  if (spec.metric === 'fact') p.set('fact', spec.fact);
  return `/audit/cases?${p.toString()}`;
}

/** The dashboard with the same scope and some options changed. */
export function dashboardHref(q: DashboardQuery, options: { tkey?: string; sort?: TableSort; dir?: 'asc' | 'desc'; osort?: TableSort; odir?: 'asc' | 'desc'; page?: number; opage?: number; hash?: string } = {}): string {
  const p = scopeParams(q);
  const tkey = options.tkey ?? q.tableKey;
  if (tkey !== 'all') p.set('tkey', tkey);
  const sort = options.sort ?? q.schoolSort.by;
  const dir = options.dir ?? q.schoolSort.dir;
  const osort = options.osort ?? q.officeSort.by;
  const odir = options.odir ?? q.officeSort.dir;
  if (sort !== 'late_share' || dir !== 'desc') {
    p.set('sort', sort);
    p.set('dir', dir);
  }
  if (osort !== 'late_share' || odir !== 'desc') {
    p.set('osort', osort);
    p.set('odir', odir);
  }
  const page = options.page ?? 1;
  if (page > 1) p.set('page', String(page));
  const opage = options.opage ?? 1;
  if (opage > 1) p.set('opage', String(opage));
  return `/audit?${p.toString()}${options.hash ? `#${options.hash}` : ''}`;
}
