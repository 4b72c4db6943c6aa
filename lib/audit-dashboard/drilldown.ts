import 'server-only';
import { and, asc, inArray, sql, type SQL } from 'drizzle-orm';
import type { Db, Tx } from '@/db/client';
import { caseParties } from '@/db/schema';
import type { Actor } from '@/lib/auth/roles';
import { canViewCase } from '@/lib/cases/access';
import type { CaseStatus, PartyRole } from '@/lib/cases/constants';
import type { DrillQuery } from './filters';
import { keyFilter } from './queries';
import { scopeWhere, type AuditScope } from './scope';

type Conn = Db | Tx;

export const DRILL_PAGE_SIZE = 50;
/** The CSV of a drill-down holds at most this many cases. */
export const DRILL_EXPORT_LIMIT = 100_000;

/** The parties an auditor's list shows: the two sides, by pseudonym. */
const SIDE_ROLES: PartyRole[] = ['victim', 'alleged_perpetrator', 'both'];

export type DrillCase = {
  id: string;
  caseNumber: string;
  status: CaseStatus;
  reportedAt: Date;
  schoolName: string;
  officeName: string;
  restricted: boolean;
  /** As recorded; an export prints them through `disclosedCategories`. */
  categories: string[];
  /** Whether this actor may open the case file (restricted cases: the case team only). */
  canOpen: boolean;
  /** Pseudonyms only, never names; empty when the actor may not open the case. */
  parties: { role: PartyRole; pseudonym: string }[];
};

/** The cases behind one number: the same predicate the number was counted with, case by case. */
export function drillPredicate(q: DrillQuery, now: Date, today: string): SQL {
  const nowTs = sql`${now.toISOString()}::timestamptz`;
  switch (q.metric) {
    case 'cases':
      return sql`true`;
    case 'gap':
      return sql`(f.gap_days > 0 or (f.gap_open and f.gap_accrue_from < ${today}::date))`;
    case 'fact':
      return sql`f.${sql.raw(`"${q.fact}"`)} > 0`;
    case 'clock': {
      const outcome: Record<typeof q.outcome, SQL> = {
        all: sql`true`,
        met: sql`d.met_at <= d.due_at`,
        met_late: sql`d.met_at > d.due_at`,
        resolved: sql`d.met_at is not null`,
        late: sql`(d.met_at > d.due_at or (d.met_at is null and d.due_at < ${nowTs}))`,
        past_due: sql`(d.met_at is null and d.due_at < ${nowTs})`,
        breached_open: sql`(d.met_at is null and d.due_at < ${nowTs} and not d.case_closed)`,
        pending: sql`(d.met_at is null and d.due_at >= ${nowTs})`,
      };
      return sql`exists (select 1 from audit_deadline_results d where d.case_id = f.case_id and ${keyFilter(q.key, 'd.key')} and ${outcome[q.outcome]})`;
    }
  }
}

export async function drillCases(
  conn: Conn,
  actor: Actor,
  s: AuditScope,
  q: DrillQuery,
  now: Date,
  today: string,
  limit: number = DRILL_PAGE_SIZE,
): Promise<{ cases: DrillCase[]; total: number }> {
  const where = and(scopeWhere(s, { month: 'reported_month', school: true, categories: true }, 'f.'), drillPredicate(q, now, today));
  const rows = await conn.execute(sql`
    select f.case_id, c.case_number, c.status, c.reported_at, c.restricted, to_json(c.categories) as categories, to_json(c.team_user_ids) as team_user_ids, c.school_id, c.office_id,
      s.name as school_name, o.short_name as office_name, count(*) over ()::int as total
    from audit_case_facts f
    join cases c on c.id = f.case_id
    join schools s on s.id = c.school_id
    join offices o on o.id = c.office_id
    where ${where}
    order by c.reported_at desc, c.case_number asc
    limit ${limit} offset ${(q.page - 1) * limit}`);
  const openable = new Map(
    rows.map((r) => [
      String(r.case_id),
      canViewCase(actor, {
        schoolId: String(r.school_id),
        officeId: String(r.office_id),
        restricted: Boolean(r.restricted),
        teamUserIds: (r.team_user_ids as string[] | null) ?? [],
      }),
    ]),
  );
  const ids = [...openable].filter(([, ok]) => ok).map(([id]) => id);
  const byCase = new Map<string, { role: PartyRole; pseudonym: string }[]>();
  // In chunks: an export can hold a hundred thousand cases, more than one statement takes parameters.
  for (let i = 0; i < ids.length; i += 5000) {
    const rowsOfChunk = await conn
      .select({ caseId: caseParties.caseId, role: caseParties.role, pseudonym: caseParties.pseudonym })
      .from(caseParties)
      .where(and(inArray(caseParties.caseId, ids.slice(i, i + 5000)), inArray(caseParties.role, SIDE_ROLES)))
      .orderBy(asc(caseParties.caseId), asc(caseParties.position));
    for (const p of rowsOfChunk) byCase.set(p.caseId, [...(byCase.get(p.caseId) ?? []), { role: p.role, pseudonym: p.pseudonym }]);
  }
  return {
    total: Number(rows[0]?.total ?? 0),
    cases: rows.map((r) => {
      const id = String(r.case_id);
      return {
        id,
        caseNumber: String(r.case_number),
        status: r.status as CaseStatus,
        reportedAt: r.reported_at instanceof Date ? r.reported_at : new Date(String(r.reported_at)),
        schoolName: String(r.school_name),
        officeName: String(r.office_name),
        restricted: Boolean(r.restricted),
        categories: (r.categories as string[] | null) ?? [],
        canOpen: openable.get(id) ?? false,
        parties: byCase.get(id) ?? [],
      };
    }),
  };
}
