import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { Pagination } from '@/app/_components/pagination';
import { dashboardHref, scopeParams } from '@/lib/audit-dashboard/filters';
import { loadAuditDashboard } from '@/lib/audit-dashboard/service';
import { dashboardTables, type Tr } from '@/lib/audit-dashboard/tables';
import { requirePageActor } from '@/lib/auth/session';
import { AuditFilters } from './audit-filters';
import { AuditTable } from './audit-table';

export const dynamic = 'force-dynamic';

/**
 * The education office's audit dashboard: which schools and which
 * offices miss the legal clocks, and why. Office auditors see their office,
 * admins every office; students appear only by pseudonym, in the drill-down.
 */
export default async function AuditDashboardPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePageActor('audit.view_dashboard');
  const now = new Date();
  const [data, t, format] = await Promise.all([loadAuditDashboard(actor, await searchParams, now), getTranslations(), getFormatter()]);
  const tr: Tr = (key, values) => t(key as never, values as never);
  const { query: q, dashboard: d } = data;
  const tables = dashboardTables(d, tr, q.tableKey);
  const officeName = data.offices.find((o) => o.id === q.office)?.name;
  const scopeLabel = data.school?.name ?? officeName ?? (data.scope.officeIds === null ? t('audit.scopeAll') : data.offices.map((o) => o.shortName).join(', '));
  const month = (m: string) => format.dateTime(new Date(`${m}T00:00:00+09:00`), { year: 'numeric', month: 'short' });
  const reportParams = new URLSearchParams({ month: q.toMonth.slice(0, 7), ...(q.office ? { office: q.office } : {}) });
  const sections = ['keys', 'offices', 'schools', 'trend', 'separation', 'delays', 'statistics'] as const;

  return (
    <>
      <div className="row audit-head">
        <h1 data-testid="home-audit">{t('home.auditTitle')}</h1>
        <Link className="button secondary no-print" href={`/audit/report?${reportParams.toString()}`} data-testid="monthly-report-link">
          {t('audit.report.link')}
        </Link>
      </div>
      <p className="muted" data-testid="audit-scope">
        {t('audit.scopeLine', { scope: scopeLabel, from: month(q.fromMonth), to: month(q.toMonth) })}{' '}
        {t('audit.asOf', { time: format.dateTime(now, { dateStyle: 'medium', timeStyle: 'short', hourCycle: 'h23' }) })}
      </p>
      <AuditFilters action="/audit" q={q} offices={data.offices} schools={data.schools} />
      <nav className="audit-sections no-print" aria-label={t('audit.sectionsLabel')}>
        {sections.map((s) => (
          <a key={s} href={`#${s}`}>
            {t(`audit.sections.${s}`)}
          </a>
        ))}
      </nav>

      <section id="keys" className="card">
        <AuditTable model={tables.keys} q={q} />
      </section>
      <section id="offices" className="card">
        <AuditTable model={tables.offices} q={q} />
        {d.offices.pageCount > 1 ? (
          <nav className="row no-print" aria-label={t('audit.offices.pages')} data-testid="office-pages" style={{ justifyContent: 'center', marginTop: 12 }}>
            {d.offices.page > 1 ? (
              <a className="button secondary" href={dashboardHref(q, { opage: d.offices.page - 1, page: q.page, hash: 'offices' })} rel="prev">
                {t('home.pagination.prev')}
              </a>
            ) : null}
            <span aria-current="page">{t('home.pagination.pageOf', { page: d.offices.page, pageCount: d.offices.pageCount })}</span>
            {d.offices.page < d.offices.pageCount ? (
              <a className="button secondary" href={dashboardHref(q, { opage: d.offices.page + 1, page: q.page, hash: 'offices' })} rel="next">
                {t('home.pagination.next')}
              </a>
            ) : null}
          </nav>
        ) : null}
      </section>
      <section id="schools" className="card">
        <AuditTable model={tables.schools} q={q} />
        <p className="muted small">{t('audit.schools.count', { count: d.schools.total })}</p>
        <Pagination
          basePath="/audit"
          params={Object.fromEntries(new URL(dashboardHref(q, { opage: d.offices.page }), 'http://x').searchParams)}
          page={d.schools.page}
          pageCount={d.schools.pageCount}
        />
      </section>
      <section id="trend" className="card">
        <AuditTable model={tables.trend} q={q} />
      </section>
      <div className="grid2">
        <section id="separation" className="card">
          <AuditTable model={tables.separation} q={q} />
        </section>
        <section id="delays" className="card">
          <AuditTable model={tables.delays} q={q} />
        </section>
      </div>
      <section id="statistics">
        <h2>{t('audit.sections.statistics')}</h2>
        <p className="muted small">{t('audit.stats.intro')}</p>
        <div className="card">
          <AuditTable model={tables.stats_cases} q={q} />
        </div>
        <div className="grid2">
          {(['stats_outcomes', 'stats_measures', 'stats_victim_measures', 'stats_emergency', 'stats_appeals', 'stats_sexual'] as const).map((id) => (
            <div key={id} className="card">
              <AuditTable model={tables[id]} q={q} />
            </div>
          ))}
        </div>
      </section>
      <p className="muted small no-print">
        <a href={`/api/audit/export?${scopeParams(q).toString()}&table=cases&m=cases`}>{t('audit.exportAllCases')}</a>
      </p>
    </>
  );
}
