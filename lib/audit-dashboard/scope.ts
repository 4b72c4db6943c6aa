import 'server-only';
import { asc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Db, Tx } from '@/db/client';
import { offices, schools } from '@/db/schema';
import { PERMISSIONS, queryScope } from '@/lib/auth/permissions';
import type { Actor } from '@/lib/auth/roles';
import type { Category, SchoolLevel } from '@/lib/rules';
import type { DashboardQuery } from './filters';

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
};

export type OfficeOption = { id: string; name: string; shortName: string };
export type SchoolOption = { id: string; name: string; level: SchoolLevel; officeId: string };

/**
 * Intersects the requested scope with the actor's reach: an office auditor
 * sees their own office(s), an admin every office. An office or school
 * outside that reach is ignored (the page then shows the actor's whole reach),
 * so a hand-edited URL never widens what is shown.
 */
export async function resolveScope(conn: Conn, actor: Actor, q: DashboardQuery): Promise<{ scope: AuditScope; offices: OfficeOption[]; schools: SchoolOption[]; office: string | null; school: SchoolOption | null }> {
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
    const [row] = await conn.select({ id: schools.id, name: schools.name, level: schools.level, officeId: schools.officeId }).from(schools).where(eq(schools.id, q.school));
    if (row && allowed.has(row.officeId) && (!office || row.officeId === office)) school = row;
  }
  // The school list for the filter: only once an office is chosen (a country has ~12,000 schools).
  const schoolOptions = office
    ? await conn.select({ id: schools.id, name: schools.name, level: schools.level, officeId: schools.officeId }).from(schools).where(eq(schools.officeId, office)).orderBy(asc(schools.name))
    : [];
  return {
    scope: { fromMonth: q.fromMonth, toMonth: q.toMonth, officeIds, schoolId: school?.id ?? null, level: q.level, categories: q.categories },
    offices: officeRows,
    schools: schoolOptions,
    office,
    school,
  };
}

type Columns = { month: string; school?: boolean; categories?: boolean; office?: boolean };

/** The scope as a WHERE clause over a source with the given columns; a filter the source cannot apply is a programming error. */
export function scopeWhere(s: AuditScope, cols: Columns, alias = ''): SQL {
  const c = (name: string) => sql.raw(`${alias}${name}`);
  const parts: SQL[] = [sql`${c(cols.month)} between ${s.fromMonth}::date and ${s.toMonth}::date`];
  if (s.officeIds !== null) {
    if (cols.office === false) throw new Error('source cannot filter by office');
    parts.push(s.officeIds.length ? sql`${c('office_id')} in ${s.officeIds}` : sql`false`);
  }
  if (s.schoolId) {
    if (!cols.school) throw new Error('source cannot filter by school');
    parts.push(sql`${c('school_id')} = ${s.schoolId}`);
  }
  if (s.level) parts.push(sql`${c('school_level')} = ${s.level}`);
  if (s.categories.length) {
    if (!cols.categories) throw new Error('source cannot filter by category');
    parts.push(sql`${c('categories')} && array[${sql.join(s.categories.map((x) => sql`${x}`), sql`, `)}]::category[]`);
  }
  return sql.join(parts, sql` and `);
}

/** The monthly rollups sum whole cases per school; a school or category filter needs the per-case rows. */
export function rollupsServe(s: AuditScope): boolean {
  return s.schoolId === null && s.categories.length === 0;
}
