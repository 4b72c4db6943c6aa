import 'server-only';
import { sql, type SQL } from 'drizzle-orm';
import { FACT_COUNTERS } from './counters';

/**
 * The SQL that turns per-case rows into the rollups. One definition per
 * rollup serves the signed delta written when a case changes and the full
 * rebuild, so the two can never disagree. Every relation handed in has the
 * per-case table's column names plus `s`, the sign (+1 added, -1 removed).
 */

/** A rollup of the clock rows (`audit_deadline_results`) or of the case facts (`audit_case_facts`). */
export type Rollup = {
  table: string;
  of: 'clocks' | 'facts';
  /** The primary key, in order: column and its expression over a per-case row (`category`: one of the case's categories). */
  keys: readonly (readonly [string, string])[];
  /** Columns that follow from the keys (a school's office and level), written once. */
  attrs?: readonly (readonly [string, string])[];
  /** Summed columns: column and its signed sum. */
  sums: readonly (readonly [string, string])[];
  /** A case counts once under each of its categories. */
  byCategory?: boolean;
  where?: string;
};

const MONTH = ['month', 'reported_month'] as const;
const YEAR = ['year', 'extract(year from reported_month)::smallint'] as const;
const CATEGORY = ['category', 'category'] as const;
const OFFICE = ['office_id', 'office_id'] as const;
const LEVEL = ['school_level', 'school_level'] as const;
const KEY = ['key', 'key'] as const;
const SCHOOL = ['school_id', 'school_id'] as const;
const HOURS = ['elapsed_hours', 'elapsed_hours'] as const;

/** Per clock: met on time, met late, unmet, and unmet in a case that is not closed (breached still open once past due). */
const CLOCK_SUMS = [
  ['clocks', 'sum(s)'],
  ['met', 'sum(s) filter (where met_at is not null and met_at <= due_at)'],
  ['met_late', 'sum(s) filter (where met_at > due_at)'],
  ['unmet', 'sum(s) filter (where met_at is null)'],
  ['unmet_open', 'sum(s) filter (where met_at is null and not case_closed)'],
] as const;
const ELAPSED_SUMS = [['n', 'sum(s)']] as const;
const SCHOOL_ATTRS = [
  ['office_id', 'min(office_id::text)::uuid'],
  ['school_level', 'min(school_level)'],
] as const;
const SCHOOL_SUMS = [
  ['cases', 'sum(s)'],
  ['clocks', 'sum(s * clocks)'],
  ['clocks_met', 'sum(s * clocks_met)'],
  ['clocks_met_late', 'sum(s * clocks_met_late)'],
  ['clocks_unmet', 'sum(s * clocks_unmet)'],
  ['clocks_unmet_open', 'sum(s * clocks_unmet) filter (where not case_closed)'],
] as const;
const OFFICE_SUMS = [['cases', 'sum(s)'] as const, ...FACT_COUNTERS.map((c) => [c, `sum(s * "${c}")`] as const)];
const MET = 'elapsed_hours is not null';

/**
 * Every rollup, in the order a change touches them (a fixed order, so two
 * cases refreshed at once take their cells' locks in the same order).
 */
export const ROLLUPS: readonly Rollup[] = [
  { table: 'audit_deadline_months', of: 'clocks', keys: [MONTH, OFFICE, LEVEL, KEY], sums: CLOCK_SUMS },
  { table: 'audit_deadline_years', of: 'clocks', keys: [YEAR, OFFICE, LEVEL, KEY], sums: CLOCK_SUMS },
  { table: 'audit_deadline_totals', of: 'clocks', keys: [OFFICE, LEVEL, KEY], sums: CLOCK_SUMS },
  { table: 'audit_deadline_national_months', of: 'clocks', keys: [MONTH, LEVEL, KEY], sums: CLOCK_SUMS },
  { table: 'audit_deadline_category_months', of: 'clocks', keys: [CATEGORY, MONTH, OFFICE, LEVEL, KEY], sums: CLOCK_SUMS, byCategory: true },
  { table: 'audit_elapsed_months', of: 'clocks', keys: [MONTH, LEVEL, KEY, HOURS], sums: ELAPSED_SUMS, where: MET },
  { table: 'audit_elapsed_years', of: 'clocks', keys: [YEAR, LEVEL, KEY, HOURS], sums: ELAPSED_SUMS, where: MET },
  { table: 'audit_elapsed_totals', of: 'clocks', keys: [LEVEL, KEY, HOURS], sums: ELAPSED_SUMS, where: MET },
  { table: 'audit_elapsed_category_months', of: 'clocks', keys: [CATEGORY, MONTH, LEVEL, KEY, HOURS], sums: ELAPSED_SUMS, where: MET, byCategory: true },
  { table: 'audit_school_months', of: 'facts', keys: [MONTH, SCHOOL], attrs: SCHOOL_ATTRS, sums: SCHOOL_SUMS },
  { table: 'audit_school_years', of: 'facts', keys: [YEAR, SCHOOL], attrs: SCHOOL_ATTRS, sums: SCHOOL_SUMS },
  { table: 'audit_school_totals', of: 'facts', keys: [SCHOOL], attrs: SCHOOL_ATTRS, sums: SCHOOL_SUMS },
  { table: 'audit_school_category_months', of: 'facts', keys: [CATEGORY, MONTH, SCHOOL], attrs: SCHOOL_ATTRS, sums: SCHOOL_SUMS, byCategory: true },
  { table: 'audit_office_months', of: 'facts', keys: [MONTH, OFFICE, LEVEL], sums: OFFICE_SUMS },
  { table: 'audit_office_years', of: 'facts', keys: [YEAR, OFFICE, LEVEL], sums: OFFICE_SUMS },
  { table: 'audit_office_totals', of: 'facts', keys: [OFFICE, LEVEL], sums: OFFICE_SUMS },
  { table: 'audit_office_category_months', of: 'facts', keys: [CATEGORY, MONTH, OFFICE, LEVEL], sums: OFFICE_SUMS, byCategory: true },
];

export const ROLLUP_TABLES = ROLLUPS.map((r) => r.table);

const q = (name: string) => `"${name}"`;

/** Adds the signed per-case rows in `rows` to a rollup: cells are created or moved, in key order. */
export function upsertRollup(r: Rollup, rows: SQL): SQL {
  const attrs = r.attrs ?? [];
  const columns = [...r.keys, ...attrs, ...r.sums].map(([c]) => q(c)).join(', ');
  // A filtered sum of a group is null when no row passes; a plain one never is (a group has rows).
  const select = [...r.keys.map(([, e]) => e), ...attrs.map(([, e]) => e), ...r.sums.map(([, e]) => (e.includes(' filter ') ? `coalesce(${e}, 0)` : e))].join(
    ', ',
  );
  const groups = r.keys.map((_, i) => String(i + 1)).join(', ');
  const updates = r.sums.map(([c]) => `${q(c)} = t.${q(c)} + excluded.${q(c)}`).join(', ');
  return sql`
    insert into ${sql.raw(r.table)} as t (${sql.raw(columns)})
    select ${sql.raw(select)}
    from (${rows}) r${sql.raw(r.byCategory ? ' cross join lateral unnest(r.categories) as c(category)' : '')}
    ${sql.raw(r.where ? `where ${r.where}` : '')}
    group by ${sql.raw(groups)}
    order by ${sql.raw(groups)}
    on conflict (${sql.raw(r.keys.map(([c]) => q(c)).join(', '))}) do update set ${sql.raw(updates)}`;
}

/**
 * Moves every rollup by a case's change in one statement: the signed clock
 * rows and fact rows are read once, and each rollup's upsert runs as a
 * data-modifying CTE over them. One statement plans and travels once instead
 * of once per rollup, and a given statement always visits the tables in the
 * same order, so two cases refreshed at once take their locks in one order.
 */
export function upsertAllRollups(changed: { clocks: SQL; facts: SQL }): SQL {
  const parts = ROLLUPS.map((r, i) => sql`${sql.raw(`u${i}`)} as (${upsertRollup(r, sql.raw(`select * from ${r.of}`))})`);
  return sql`with clocks as materialized (${changed.clocks}), facts as materialized (${changed.facts}), ${sql.join(parts, sql`, `)} select 1`;
}

const counterList = () =>
  sql.join(
    FACT_COUNTERS.map((c) => sql.raw(`"${c}"`)),
    sql`, `,
  );

const DEADLINE_ROW_COLUMNS = sql`reported_month, office_id, school_id, school_level, categories, key, met_at, due_at, elapsed_hours, case_closed`;

/** A case's stored clock rows, signed. */
export function storedDeadlineRows(caseId: string, sign: 1 | -1): SQL {
  return sql`select ${sign}::int as s, ${DEADLINE_ROW_COLUMNS} from audit_deadline_results where case_id = ${caseId}`;
}

/** Every stored clock row, for a rebuild. */
export const allDeadlineRows = sql`select 1 as s, ${DEADLINE_ROW_COLUMNS} from audit_deadline_results`;

/** The column definitions of a JSON array of clock rows, as `jsonb_to_recordset` reads it. */
export const DEADLINE_RECORDSET = sql`(
  case_id uuid, key deadline_key, office_id uuid, school_id uuid, school_level school_level, categories category[],
  reported_at timestamptz, reported_month date, trigger_at timestamptz, due_at timestamptz, met_at timestamptz,
  status deadline_status, extended_by smallint, elapsed_hours int, case_closed boolean)`;

export function jsonDeadlineRows(json: string, sign: 1 | -1): SQL {
  return sql`select ${sign}::int as s, ${DEADLINE_ROW_COLUMNS} from jsonb_to_recordset(${json}::jsonb) as x${DEADLINE_RECORDSET}`;
}

const FACT_HEAD = sql`case_id, office_id, school_id, school_level, categories, reported_at, reported_month, case_closed, gap_open, gap_accrue_from`;

export const FACTS_RECORDSET = sql`(
  case_id uuid, office_id uuid, school_id uuid, school_level school_level, categories category[], reported_at timestamptz,
  reported_month date, case_closed boolean, gap_open boolean, gap_accrue_from date, ${sql.raw(FACT_COUNTERS.map((c) => `"${c}" int`).join(', '))})`;

const FACT_ROLLUP_COLUMNS = sql`reported_month, school_id, office_id, school_level, categories, case_closed, ${counterList()}`;

export function storedFacts(caseId: string, sign: 1 | -1): SQL {
  return sql`select ${sign}::int as s, ${FACT_ROLLUP_COLUMNS} from audit_case_facts where case_id = ${caseId}`;
}

export const allFacts = sql`select 1 as s, ${FACT_ROLLUP_COLUMNS} from audit_case_facts`;

export function jsonFacts(json: string, sign: 1 | -1): SQL {
  return sql`select ${sign}::int as s, ${FACT_ROLLUP_COLUMNS} from jsonb_to_recordset(${json}::jsonb) as x${FACTS_RECORDSET}`;
}

export function insertDeadlineRows(json: string): SQL {
  return sql`
    insert into audit_deadline_results (case_id, key, office_id, school_id, school_level, categories, reported_at, reported_month, trigger_at, due_at, met_at, status, extended_by, elapsed_hours, case_closed)
    select case_id, key, office_id, school_id, school_level, categories, reported_at, reported_month, trigger_at, due_at, met_at, status, extended_by, elapsed_hours, case_closed
    from jsonb_to_recordset(${json}::jsonb) as x${DEADLINE_RECORDSET}`;
}

export function upsertFacts(json: string): SQL {
  const updates = sql.raw(
    ['office_id', 'school_id', 'school_level', 'categories', 'reported_at', 'reported_month', 'case_closed', 'gap_open', 'gap_accrue_from', ...FACT_COUNTERS]
      .map((c) => `"${c}" = excluded."${c}"`)
      .join(', '),
  );
  return sql`
    insert into audit_case_facts (${FACT_HEAD}, ${counterList()})
    select ${FACT_HEAD}, ${counterList()} from jsonb_to_recordset(${json}::jsonb) as x${FACTS_RECORDSET}
    on conflict (case_id) do update set ${updates}`;
}
