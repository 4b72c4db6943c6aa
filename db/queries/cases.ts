import 'server-only';
import { and, asc, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { Db, Tx } from '@/db/client';
import { caseEvents, caseParties, cases, extraHolidays, offices, schools, users } from '@/db/schema';
import type { QueryScope } from '@/lib/auth/permissions';

type Conn = Db | Tx;

/** The SQL form of an actor's reach over cases: their schools, their offices, or everything. */
export function caseScopeWhere(scope: QueryScope): SQL | undefined {
  if (scope.all) return undefined;
  const parts: SQL[] = [];
  if (scope.schoolIds.length) parts.push(inArray(cases.schoolId, scope.schoolIds));
  if (scope.officeIds.length) parts.push(inArray(cases.officeId, scope.officeIds));
  return parts.length ? or(...parts) : sql`false`;
}

export async function loadExtraHolidays(db: Conn): Promise<string[]> {
  const rows = await db.select({ date: extraHolidays.date }).from(extraHolidays);
  return rows.map((r) => r.date);
}

export async function getCaseRow(db: Conn, id: string, opts: { forUpdate?: boolean } = {}) {
  const q = db.select().from(cases).where(eq(cases.id, id)).limit(1);
  const [row] = opts.forUpdate ? await q.for('update') : await q;
  return row ?? null;
}

export async function getCaseEvents(db: Conn, caseId: string) {
  return db
    .select({
      id: caseEvents.id,
      type: caseEvents.type,
      occurredAt: caseEvents.occurredAt,
      recordedAt: caseEvents.recordedAt,
      data: caseEvents.data,
      actorId: caseEvents.actorId,
      actorName: users.name,
    })
    .from(caseEvents)
    .leftJoin(users, eq(users.id, caseEvents.actorId))
    .where(eq(caseEvents.caseId, caseId))
    .orderBy(asc(caseEvents.occurredAt), asc(caseEvents.id));
}

export async function getCaseParties(db: Conn, caseId: string) {
  return db
    .select({ party: caseParties, schoolName: schools.name })
    .from(caseParties)
    .leftJoin(schools, eq(schools.id, caseParties.schoolId))
    .where(eq(caseParties.caseId, caseId))
    .orderBy(asc(caseParties.position));
}

export async function getCaseHeader(db: Conn, id: string) {
  const [row] = await db
    .select({ c: cases, schoolName: schools.name, schoolLevel: schools.level, officeName: offices.name, officeShortName: offices.shortName })
    .from(cases)
    .innerJoin(schools, eq(schools.id, cases.schoolId))
    .innerJoin(offices, eq(offices.id, cases.officeId))
    .where(eq(cases.id, id))
    .limit(1);
  return row ?? null;
}

export async function getSchoolWithOffice(db: Conn, schoolId: string) {
  const [row] = await db
    .select({ school: schools, office: offices })
    .from(schools)
    .innerJoin(offices, eq(offices.id, schools.officeId))
    .where(and(eq(schools.id, schoolId)))
    .limit(1);
  return row ?? null;
}
