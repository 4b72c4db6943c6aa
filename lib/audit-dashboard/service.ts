import 'server-only';
import { db, type Tx } from '@/db/client';
import { appendAudit } from '@/lib/audit/append';
import { can } from '@/lib/auth/permissions';
import type { Actor } from '@/lib/auth/roles';
import { DomainError } from '@/lib/errors';
import { kstDateOf } from '@/lib/rules';
import { disclosedCategories } from '@/lib/cases/categories';
import { toCsv } from '@/lib/csv';
import { tableCsv } from './csv';
import { disclosedDrillQuery, disclosedTable } from './disclosure';
import { drillCases, DRILL_EXPORT_LIMIT, DRILL_PAGE_SIZE } from './drilldown';
import { currentMonth, parseDashboardQuery, parseDrillQuery, type DashboardQuery } from './filters';
import { loadDashboard, schoolTable, type Dashboard } from './queries';
import { resolveScope } from './scope';
import { AUDIT_TABLE_IDS, dashboardTables, schoolsTable, type AuditTableId, type Tr } from './tables';

type Params = Record<string, string | string[] | undefined>;

const todayOf = (now: Date) => kstDateOf(now.toISOString());

function assertAuditor(actor: Actor) {
  if (!can(actor, 'audit.view_dashboard')) throw new DomainError('forbidden');
}

/** The dashboard for this actor's reach and the URL's filters. */
export async function loadAuditDashboard(actor: Actor, params: Params, now: Date) {
  assertAuditor(actor);
  const query = parseDashboardQuery(params, now);
  const resolved = await resolveScope(db, actor, query);
  const names = new Map(resolved.offices.map((o) => [o.id, o.shortName]));
  const dashboard = await loadDashboard(db, resolved.scope, query, names, now, todayOf(now));
  return { ...resolved, query: { ...query, office: resolved.office, school: resolved.school?.id ?? null }, dashboard };
}

/** The cases behind one number, a page at a time, with pseudonyms only. */
export async function loadAuditDrilldown(actor: Actor, params: Params, now: Date) {
  assertAuditor(actor);
  const query = parseDrillQuery(params, now);
  const resolved = await resolveScope(db, actor, query);
  const list = await drillCases(db, actor, resolved.scope, query, now, todayOf(now), DRILL_PAGE_SIZE);
  return {
    ...resolved,
    query: { ...query, office: resolved.office, school: resolved.school?.id ?? null },
    ...list,
    pageCount: Math.max(1, Math.ceil(list.total / DRILL_PAGE_SIZE)),
  };
}

export const EXPORT_TABLES = [...AUDIT_TABLE_IDS, 'cases'] as const;
export type ExportTable = (typeof EXPORT_TABLES)[number];

/**
 * One table as CSV, for the same scope as the page. Students appear by
 * pseudonym only (the drill-down list); no query here selects a name.
 */
export async function exportAuditCsv(
  actor: Actor,
  table: ExportTable,
  params: Params,
  tr: Tr,
  now: Date,
  ip: string | null = null,
): Promise<{ fileName: string; body: string }> {
  assertAuditor(actor);
  // The export is read and audited in one transaction: a file that left the system was recorded.
  return db.transaction(async (tx) => {
    const csv = await buildAuditCsv(tx, actor, table, params, tr, now);
    const rows = Math.max(0, csv.body.split('\r\n').filter((line) => line.length > 0).length - 1);
    await appendAudit(tx, { action: 'audit.exported', actorId: actor.userId, targetType: 'audit_dashboard', targetId: null, ip, detail: { table, rows } }, now);
    return csv;
  });
}

async function buildAuditCsv(conn: Tx, actor: Actor, table: ExportTable, params: Params, tr: Tr, now: Date): Promise<{ fileName: string; body: string }> {
  // A file leaves the system: no filter, counter or cell of it singles out digital sex offences (./disclosure).
  const query = disclosedDrillQuery(parseDrillQuery(params, now));
  const resolved = await resolveScope(conn, actor, query);
  const period = `${query.fromMonth.slice(0, 7)}_${query.toMonth.slice(0, 7)}`;
  const fileName = `dolbom-audit-${table}-${period}.csv`;
  if (table === 'cases') {
    const { cases } = await drillCases(conn, actor, resolved.scope, { ...query, page: 1 }, now, todayOf(now), DRILL_EXPORT_LIMIT);
    const side = (c: (typeof cases)[number], roles: string[]) =>
      c.parties
        .filter((p) => roles.includes(p.role))
        .map((p) => p.pseudonym)
        .join(' ');
    const body = toCsv(
      [
        tr('audit.drill.caseNumber'),
        tr('audit.col.office'),
        tr('audit.col.school'),
        tr('audit.drill.reportedOn'),
        tr('audit.drill.status'),
        tr('audit.drill.victims'),
        tr('audit.drill.perpetrators'),
        tr('audit.drill.restricted'),
        tr('cases.page.categories'),
      ],
      cases.map((c) => [
        c.caseNumber,
        c.officeName,
        c.schoolName,
        kstDateOf(c.reportedAt.toISOString()),
        tr(`vocab.status.${c.status}`),
        side(c, ['victim', 'both']),
        side(c, ['alleged_perpetrator', 'both']),
        c.restricted ? tr('common.yes') : tr('common.no'),
        disclosedCategories(c.categories)
          .map((x) => tr(`vocab.category.${x}`))
          .join(' · '),
      ]),
    );
    return { fileName, body };
  }
  const names = new Map(resolved.offices.map((o) => [o.id, o.shortName]));
  if (table === 'schools') {
    // Every school, not one page of them.
    const all = await schoolTable(conn, resolved.scope, query, now, null);
    const dashboard = { schools: { ...all, page: 1, pageCount: 1 } } as Pick<Dashboard, 'schools'> as Dashboard;
    return { fileName, body: tableCsv(schoolsTable(dashboard, tr, query.tableKey)) };
  }
  const dashboard = await loadDashboard(conn, resolved.scope, query, names, now, todayOf(now));
  return { fileName, body: tableCsv(disclosedTable(dashboardTables(dashboard, tr, query.tableKey, 'all')[table as AuditTableId], dashboard)) };
}

/** One office's one month, for the printable report. An auditor's own office is the default. */
export async function loadMonthlyReport(actor: Actor, params: Params, now: Date) {
  assertAuditor(actor);
  const base = parseDashboardQuery(params, now);
  const monthParam = typeof params.month === 'string' && /^\d{4}-(0[1-9]|1[0-2])$/.test(params.month) ? `${params.month}-01` : null;
  const month = monthParam && monthParam <= currentMonth(now) ? monthParam : currentMonth(now);
  const first = await resolveScope(db, actor, { ...base, office: null, school: null });
  const officeId = base.office && first.offices.some((o) => o.id === base.office) ? base.office : first.offices.length === 1 ? first.offices[0]!.id : null;
  if (!officeId) return { month, office: null, offices: first.offices, dashboard: null, query: null };
  const query: DashboardQuery = {
    ...base,
    fromMonth: month,
    toMonth: month,
    office: officeId,
    school: null,
    level: null,
    categories: [],
    tableKey: 'all',
    schoolSort: { by: 'late_share', dir: 'desc' },
    page: 1,
    officePage: 1,
  };
  const resolved = await resolveScope(db, actor, query);
  const names = new Map(resolved.offices.map((o) => [o.id, o.shortName]));
  const dashboard = await loadDashboard(db, resolved.scope, query, names, now, todayOf(now));
  return { month, office: resolved.offices.find((o) => o.id === officeId) ?? null, offices: first.offices, dashboard, query };
}
