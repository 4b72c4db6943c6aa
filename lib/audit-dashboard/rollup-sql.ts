import 'server-only';
import { sql, type SQL } from 'drizzle-orm';
import { FACT_COUNTERS } from './counters';

/**
 * The SQL that turns per-case rows into the monthly rollups. One definition
 * serves the signed delta written when a case changes and the full rebuild,
 * so the two can never disagree. Every relation handed in has the per-case
 * table's column names plus `s`, the sign (+1 added, -1 removed).
 */

const ident = (name: string) => sql.raw(`"${name}"`);
const counterList = (prefix = '') => sql.join(FACT_COUNTERS.map((c) => sql.raw(`${prefix}"${c}"`)), sql`, `);

/** Clock sums per (month, office, level, key). */
export function upsertDeadlineMonths(rows: SQL): SQL {
  return sql`
    insert into audit_deadline_months as t (month, office_id, school_level, key, clocks, met, met_late, unmet)
    select reported_month, office_id, school_level, key,
      sum(s)::int,
      coalesce(sum(s) filter (where met_at is not null and met_at <= due_at), 0)::int,
      coalesce(sum(s) filter (where met_at > due_at), 0)::int,
      coalesce(sum(s) filter (where met_at is null), 0)::int
    from (${rows}) r
    group by 1, 2, 3, 4
    order by 1, 2, 3, 4
    on conflict (month, office_id, school_level, key) do update set
      clocks = t.clocks + excluded.clocks, met = t.met + excluded.met, met_late = t.met_late + excluded.met_late, unmet = t.unmet + excluded.unmet`;
}

/** The elapsed-hours histogram per (month, level, key). */
export function upsertElapsedMonths(rows: SQL): SQL {
  return sql`
    insert into audit_elapsed_months as t (month, school_level, key, elapsed_hours, n)
    select reported_month, school_level, key, elapsed_hours, sum(s)::int
    from (${rows}) r
    where elapsed_hours is not null
    group by 1, 2, 3, 4
    order by 1, 2, 3, 4
    on conflict (month, school_level, key, elapsed_hours) do update set n = t.n + excluded.n`;
}

/** Cases and their clocks per (month, school). */
export function upsertSchoolMonths(facts: SQL): SQL {
  return sql`
    insert into audit_school_months as t (month, school_id, office_id, school_level, cases, clocks, clocks_met, clocks_met_late, clocks_unmet)
    select reported_month, school_id, min(office_id::text)::uuid, min(school_level), sum(s)::int,
      sum(s * clocks)::int, sum(s * clocks_met)::int, sum(s * clocks_met_late)::int, sum(s * clocks_unmet)::int
    from (${facts}) f
    group by 1, 2
    order by 1, 2
    on conflict (month, school_id) do update set cases = t.cases + excluded.cases, clocks = t.clocks + excluded.clocks,
      clocks_met = t.clocks_met + excluded.clocks_met, clocks_met_late = t.clocks_met_late + excluded.clocks_met_late, clocks_unmet = t.clocks_unmet + excluded.clocks_unmet`;
}

/** Every case counter summed per (month, office, level). */
export function upsertOfficeMonths(facts: SQL): SQL {
  const sums = sql.join(
    FACT_COUNTERS.map((c) => sql`sum(s * ${ident(c)})::int`),
    sql`, `,
  );
  const updates = sql.join(
    FACT_COUNTERS.map((c) => sql.raw(`"${c}" = t."${c}" + excluded."${c}"`)),
    sql`, `,
  );
  return sql`
    insert into audit_office_months as t (month, office_id, school_level, cases, ${counterList()})
    select reported_month, office_id, school_level, sum(s)::int, ${sums}
    from (${facts}) f
    group by 1, 2, 3
    order by 1, 2, 3
    on conflict (month, office_id, school_level) do update set cases = t.cases + excluded.cases, ${updates}`;
}

const DEADLINE_ROW_COLUMNS = sql`reported_month, office_id, school_id, school_level, key, met_at, due_at, elapsed_hours`;

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

const FACT_ROLLUP_COLUMNS = sql`reported_month, school_id, office_id, school_level, ${counterList()}`;

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
    ['office_id', 'school_id', 'school_level', 'categories', 'reported_at', 'reported_month', 'case_closed', 'gap_open', 'gap_accrue_from', ...FACT_COUNTERS].map((c) => `"${c}" = excluded."${c}"`).join(', '),
  );
  return sql`
    insert into audit_case_facts (${FACT_HEAD}, ${counterList()})
    select ${FACT_HEAD}, ${counterList()} from jsonb_to_recordset(${json}::jsonb) as x${FACTS_RECORDSET}
    on conflict (case_id) do update set ${updates}`;
}
