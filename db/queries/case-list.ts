import 'server-only';
import { and, asc, count, desc, eq, ilike, lt, ne, or, sql, type SQL } from 'drizzle-orm';
import type { Db, Tx } from '@/db/client';
import { cases, schools } from '@/db/schema';
import type { QueryScope } from '@/lib/auth/permissions';
import type { Actor } from '@/lib/auth/roles';
import type { CaseListQuery } from '@/lib/cases/schemas';
import { caseScopeWhere } from './cases';

type Conn = Db | Tx;

export const CASE_LIST_PAGE_SIZE = 20;

/**
 * Restricted (sexual) cases in SQL, the same team `canViewCase` lets in: a
 * member of the case's named team. Filtering here rather than per row after
 * the query keeps page counts and pagination honest.
 */
export function restrictedCaseWhere(actor: Actor): SQL | undefined {
  return or(eq(cases.restricted, false), sql`${actor.userId}::uuid = any(${cases.teamUserIds})`);
}

/** `%` and `_` in a typed case number are literal characters, not wildcards. */
function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

function filterWhere(q: CaseListQuery, now: Date): SQL[] {
  const parts: SQL[] = [];
  if (q.status === 'open') parts.push(ne(cases.status, 'closed'));
  if (q.status === 'closed') parts.push(eq(cases.status, 'closed'));
  if (q.category) parts.push(sql`${q.category}::category = any(${cases.categories})`);
  // next_due_at is the earliest unmet due time, so a case has a breached clock exactly when it lies in the past.
  if (q.breached) parts.push(lt(cases.nextDueAt, now));
  if (q.q) parts.push(ilike(cases.caseNumber, containsPattern(q.q)));
  return parts;
}

export type CaseListRow = Awaited<ReturnType<typeof selectRows>>[number];
export type CaseListPage = { rows: CaseListRow[]; total: number; page: number; pageCount: number; pageSize: number };

function selectRows(db: Conn, where: SQL | undefined, limit: number, offset: number) {
  return (
    db
      .select({
        id: cases.id,
        caseNumber: cases.caseNumber,
        schoolId: cases.schoolId,
        officeId: cases.officeId,
        schoolName: schools.name,
        status: cases.status,
        categories: cases.categories,
        reportedAt: cases.reportedAt,
        restricted: cases.restricted,
        deadlines: cases.deadlines,
        nextDueAt: cases.nextDueAt,
        nextDueKey: cases.nextDueKey,
      })
      .from(cases)
      .innerJoin(schools, eq(schools.id, cases.schoolId))
      .where(where)
      // Earliest unmet due time first puts every breached case (due time in the past) ahead of the rest,
      // longest overdue first; cases with nothing left to meet go last, newest report first.
      .orderBy(sql`${cases.nextDueAt} asc nulls last`, desc(cases.reportedAt), asc(cases.caseNumber))
      .limit(limit)
      .offset(offset)
  );
}

/**
 * One page of the cases an actor may see within `scope` (the places the
 * calling home page covers), most urgent first. A page past the end shows
 * the last page.
 */
export async function listCases(
  db: Conn,
  query: CaseListQuery,
  { actor, scope, now, pageSize = CASE_LIST_PAGE_SIZE }: { actor: Actor; scope: QueryScope; now: Date; pageSize?: number },
): Promise<CaseListPage> {
  const where = and(caseScopeWhere(scope), restrictedCaseWhere(actor), ...filterWhere(query, now));
  const [counted] = await db.select({ n: count() }).from(cases).where(where);
  const total = counted?.n ?? 0;
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  const page = Math.min(query.page, pageCount);
  const rows = total === 0 ? [] : await selectRows(db, where, pageSize, (page - 1) * pageSize);
  return { rows, total, page, pageCount, pageSize };
}
