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

export type DrillQuery = DashboardQuery &
  ({ metric: 'cases' } | { metric: 'gap' } | { metric: 'clock'; key: DeadlineKey | 'all'; outcome: ClockOutcome } | { metric: 'fact'; fact: FactCounter });

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

/**
 * What a sum over a period reads: every case (`total`), a run of whole report
 * years, or a run of report months, added or taken away. Years are calendar
 * years, months their first days.
 */
export type PeriodPart =
  { grain: 'total'; sign: 1 } | { grain: 'year'; from: number; to: number; sign: 1 | -1 } | { grain: 'month'; from: string; to: string; sign: 1 | -1 };

/** The first and last report month holding a case; null when there is none. */
export type DataSpan = { from: string; to: string } | null;

const yearOf = (m: string) => Number(m.slice(0, 4));
const firstOf = (y: number) => `${String(y).padStart(4, '0')}-01-01`;
const lastOf = (y: number) => `${String(y).padStart(4, '0')}-12-01`;
/** Open ends of "every year before" and "every year after" (the year columns are smallint). */
const FIRST_YEAR = 1;
const LAST_YEAR = 9999;

/**
 * The months of a period as years and months: every year it touches is taken
 * whole when it holds more of the year than not, less the months outside the
 * period; otherwise its months are added one by one.
 */
function insideParts(fromMonth: string, toMonth: string): PeriodPart[] {
  const parts: PeriodPart[] = [];
  const fy = yearOf(fromMonth);
  const ty = yearOf(toMonth);
  let years: [number, number] | null = null;
  for (let y = fy; y <= ty; y++) {
    const from = y === fy ? fromMonth : firstOf(y);
    const to = y === ty ? toMonth : lastOf(y);
    const covered = monthsOf(from, to).length;
    // Taking the year costs one set of cells plus one per month left out; adding months, one per month.
    if (covered === 12 || 13 - covered < covered) {
      years = years ? [years[0], y] : [y, y];
      if (from > firstOf(y)) parts.push({ grain: 'month', from: firstOf(y), to: addMonths(from, -1), sign: -1 });
      if (to < lastOf(y)) parts.push({ grain: 'month', from: addMonths(to, 1), to: lastOf(y), sign: -1 });
    } else parts.push({ grain: 'month', from, to, sign: 1 });
  }
  const whole = years as [number, number] | null;
  return whole ? [{ grain: 'year', from: whole[0], to: whole[1], sign: 1 }, ...parts] : parts;
}

const negate = (parts: PeriodPart[]): PeriodPart[] => parts.map((p) => (p.grain === 'total' ? p : { ...p, sign: p.sign === 1 ? -1 : 1 }) as PeriodPart);

/** About how many sets of cells the parts read: a month's or a year's each, the total one; none outside the data. */
function cost(parts: PeriodPart[], span: NonNullable<DataSpan>): number {
  const fy = yearOf(span.from);
  const ty = yearOf(span.to);
  return parts.reduce((n, p) => {
    if (p.grain === 'total') return n + 1;
    if (p.grain === 'year') return n + Math.max(0, Math.min(p.to, ty) - Math.max(p.from, fy) + 1);
    const from = p.from > span.from ? p.from : span.from;
    const to = p.to < span.to ? p.to : span.to;
    return n + (from <= to ? monthsOf(from, to).length : 0);
  }, 0);
}

/**
 * A period as the rollups read it, whichever of two ways reads fewer cells:
 * - inside: whole years plus a few months added or taken away at either
 *   end. A year's cells are about as many as a month's, so ten years cost
 *   about what one year of months does, and the default twelve months (parts
 *   of two years) little more than two months;
 * - outside: every case (the totals) less every year before the period and
 *   after it, and the months of its first and last years outside it. When the
 *   period holds nearly all the data (ten years of a ten-year-old system), a
 *   handful of cells.
 * The years before and after are open ranges, so a case reported outside
 * `span` after it was read is still taken away: `span` only weighs the two
 * ways. Pure.
 */
export function periodParts(fromMonth: string, toMonth: string, span: DataSpan = null): PeriodPart[] {
  const inside = insideParts(fromMonth, toMonth);
  if (!span) return inside;
  const fy = yearOf(fromMonth);
  const ty = yearOf(toMonth);
  const outside: PeriodPart[] = [
    { grain: 'total', sign: 1 },
    { grain: 'year', from: FIRST_YEAR, to: fy - 1, sign: -1 },
  ];
  if (fromMonth > firstOf(fy)) outside.push(...negate(insideParts(firstOf(fy), addMonths(fromMonth, -1))));
  if (toMonth < lastOf(ty)) outside.push(...negate(insideParts(addMonths(toMonth, 1), lastOf(ty))));
  outside.push({ grain: 'year', from: ty + 1, to: LAST_YEAR, sign: -1 });
  return cost(outside, span) < cost(inside, span) ? outside : inside;
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

export type DrillSpec =
  { metric: 'cases' } | { metric: 'gap' } | { metric: 'clock'; key: DeadlineKey | 'all'; outcome: ClockOutcome } | { metric: 'fact'; fact: FactCounter };
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
export function dashboardHref(
  q: DashboardQuery,
  options: {
    tkey?: string;
    sort?: TableSort;
    dir?: 'asc' | 'desc';
    osort?: TableSort;
    odir?: 'asc' | 'desc';
    page?: number;
    opage?: number;
    hash?: string;
  } = {},
): string {
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
