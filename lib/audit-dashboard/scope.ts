import 'server-only';
import { asc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Db, Tx } from '@/db/client';
import { offices, schools } from '@/db/schema';
import { PERMISSIONS, queryScope } from '@/lib/auth/permissions';
import type { Actor } from '@/lib/auth/roles';
import type { Category, SchoolLevel } from '@/lib/rules';
import type { DashboardQuery, DataSpan } from './filters';

type Conn = Db | Tx;

/** The filters as the queries apply them, after the actor's reach has been checked. */
export type AuditScope = {
  fromMonth: string;
  toMonth: string;
  /** null: every office (admin). An empty list matches nothing. */
  officeIds: string[] | null;
  schoolId: string | null;
  level: SchoolLevel | null;
  categories: Category[];
  /** The report months holding data, which weighs how a long period is read (filters.ts `periodParts`). */
  span: DataSpan;
};

export type OfficeOption = { id: string; name: string; shortName: string };
export type SchoolOption = { id: string; name: string; level: SchoolLevel; officeId: string };

/**
 * Intersects the requested scope with the actor's reach: an office auditor
 * sees their own office(s), an admin every office. An office or school
 * outside that reach is ignored (the page then shows the actor's whole reach),
 * so a hand-edited URL never widens what is shown.
 */
export async function resolveScope(
  conn: Conn,
  actor: Actor,
  q: DashboardQuery,
): Promise<{ scope: AuditScope; offices: OfficeOption[]; schools: SchoolOption[]; office: string | null; school: SchoolOption | null }> {
  const reach = queryScope(actor, PERMISSIONS['audit.view_dashboard']);
  const officeRows = await conn
    .select({ id: offices.id, name: offices.name, shortName: offices.shortName })
    .from(offices)
    .where(reach.all ? undefined : reach.officeIds.length ? inArray(offices.id, reach.officeIds) : sql`false`)
    .orderBy(asc(offices.name));
  const allowed = new Set(officeRows.map((o) => o.id));
  const office = q.office && allowed.has(q.office) ? q.office : null;
  let officeIds: string[] | null = reach.all ? null : officeRows.map((o) => o.id);
  if (office) officeIds = [office];

  let school: SchoolOption | null = null;
  if (q.school) {
    const [row] = await conn
      .select({ id: schools.id, name: schools.name, level: schools.level, officeId: schools.officeId })
      .from(schools)
      .where(eq(schools.id, q.school));
    if (row && allowed.has(row.officeId) && (!office || row.officeId === office)) school = row;
  }
  // The school list for the filter: only once an office is chosen (a country has ~12,000 schools).
  const [span, schoolOptions] = await Promise.all([
    dataSpan(conn),
    office
      ? conn
          .select({ id: schools.id, name: schools.name, level: schools.level, officeId: schools.officeId })
          .from(schools)
          .where(eq(schools.officeId, office))
          .orderBy(asc(schools.name))
      : [],
  ]);
  return {
    scope: { fromMonth: q.fromMonth, toMonth: q.toMonth, officeIds, schoolId: school?.id ?? null, level: q.level, categories: q.categories, span },
    offices: officeRows,
    schools: schoolOptions,
    office,
    school,
  };
}

/** The first and last report month of any case: two ends of an index. */
export async function dataSpan(conn: Conn): Promise<DataSpan> {
  const [r] = await conn.execute(sql`select min(reported_month)::text as from, max(reported_month)::text as to from audit_case_facts`);
  return r?.from && r.to ? { from: String(r.from), to: String(r.to) } : null;
}

/**
 * The columns a source has. `month`: its period column (null: the caller adds
 * the period itself); `categories`: the per-case array; `category`: the one
 * category of a category rollup's row.
 */
type Columns = { month: string | null; school?: boolean; categories?: boolean; category?: boolean; office?: boolean };

/** The scope as a WHERE clause over a source with the given columns; a filter the source cannot apply is a programming error. */
export function scopeWhere(s: AuditScope, cols: Columns, alias = ''): SQL {
  const c = (name: string) => sql.raw(`${alias}${name}`);
  const parts: SQL[] = cols.month === null ? [] : [sql`${c(cols.month)} between ${s.fromMonth}::date and ${s.toMonth}::date`];
  if (s.officeIds !== null) {
    if (cols.office === false) throw new Error('source cannot filter by office');
    parts.push(s.officeIds.length ? sql`${c('office_id')} in ${s.officeIds}` : sql`false`);
  }
  if (s.schoolId) {
    if (!cols.school) throw new Error('source cannot filter by school');
    parts.push(sql`${c('school_id')} = ${s.schoolId}`);
  }
  if (s.level) parts.push(sql`${c('school_level')} = ${s.level}`);
  if (cols.category) {
    if (s.categories.length !== 1) throw new Error('a category rollup answers exactly one category');
    parts.push(sql`${c('category')} = ${s.categories[0]}`);
  } else if (s.categories.length) {
    if (!cols.categories) throw new Error('source cannot filter by category');
    parts.push(
      sql`${c('categories')} && array[${sql.join(
        s.categories.map((x) => sql`${x}`),
        sql`, `,
      )}]::category[]`,
    );
  }
  return parts.length ? sql.join(parts, sql` and `) : sql`true`;
}

/**
 * Which precomputed rows can answer a scope's sums. The rollups sum whole
 * offices and levels; the category rollups the same under one category (a
 * case counts under each of its categories, so one is a plain filter). Several
 * categories mean "a case in any of them": summing their rollups would count
 * a case with two of them twice, so they, like a school, are read from the
 * per-case rows (the per-school table also has per-school rollups).
 */
export type ScopeSource = 'rollups' | 'category_rollups' | 'case_rows';

export function scopeSource(s: AuditScope): ScopeSource {
  if (s.schoolId !== null) return 'case_rows';
  if (s.categories.length === 0) return 'rollups';
  return s.categories.length === 1 ? 'category_rollups' : 'case_rows';
}
