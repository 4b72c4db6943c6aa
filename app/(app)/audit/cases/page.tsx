import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { Pagination } from '@/app/_components/pagination';
import { dashboardHref, drillHref, type DrillQuery } from '@/lib/audit-dashboard/filters';
import { loadAuditDrilldown } from '@/lib/audit-dashboard/service';
import type { Tr } from '@/lib/audit-dashboard/tables';
import { requirePageActor } from '@/lib/auth/session';
import { exportHref } from '../audit-table';

export const dynamic = 'force-dynamic';

/**
 * The cases behind one number of the dashboard. Students appear by their
 * stable pseudonym only; opening a case goes to the case file, which audits
 * the view (lib/cases/service.ts viewCase).
 */
export default async function AuditCasesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePageActor('audit.view_dashboard');
  const now = new Date();
  const [data, t, format] = await Promise.all([loadAuditDrilldown(actor, await searchParams, now), getTranslations(), getFormatter()]);
  const q = data.query;
  const tr: Tr = (key, values) => t(key as never, values as never);
  const scope =
    data.school?.name ??
    data.offices.find((o) => o.id === q.office)?.name ??
    (data.scope.officeIds === null ? t('audit.scopeAll') : data.offices.map((o) => o.shortName).join(', '));
  const month = (m: string) => format.dateTime(new Date(`${m}T00:00:00+09:00`), { year: 'numeric', month: 'short' });
  const metricExtra: Record<string, string> = { m: q.metric };
  if (q.metric === 'clock') Object.assign(metricExtra, { dkey: q.key, outcome: q.outcome });
  if (q.metric === 'fact') metricExtra.fact = q.fact;
  const listHref = new URL(
    drillHref(
      q,
      q.metric === 'clock'
        ? { metric: 'clock', key: q.key, outcome: q.outcome }
        : q.metric === 'fact'
          ? { metric: 'fact', fact: q.fact }
          : { metric: q.metric },
    ),
    'http://x',
  );

  return (
    <>
      <p className="no-print">
        <Link href={dashboardHref(q)}>{t('audit.drill.back')}</Link>
      </p>
      <h1 data-testid="audit-drill-title">{metricTitle(q, tr)}</h1>
      <p className="muted" data-testid="audit-drill-scope">
        {t('audit.scopeLine', { scope, from: month(q.fromMonth), to: month(q.toMonth) })}
      </p>
      <div className="row audit-table-head">
        <p data-testid="audit-drill-total">{t('audit.drill.total', { count: data.total })}</p>
        <a className="button secondary small no-print" href={exportHref(q, 'cases', metricExtra)} download data-testid="export-cases">
          {t('audit.exportCsv')}
        </a>
      </div>
      <p className="muted small">{t('audit.drill.pseudonymNote')}</p>
      {data.cases.length === 0 ? (
        <div className="card empty">{t('audit.drill.empty')}</div>
      ) : (
        <div className="table-scroll">
          <table data-testid="audit-drill-list">
            <thead>
              <tr>
                <th scope="col">{t('audit.drill.caseNumber')}</th>
                <th scope="col">{t('audit.col.office')}</th>
                <th scope="col">{t('audit.col.school')}</th>
                <th scope="col">{t('audit.drill.reportedOn')}</th>
                <th scope="col">{t('audit.drill.status')}</th>
                <th scope="col">{t('audit.drill.parties')}</th>
              </tr>
            </thead>
            <tbody>
              {data.cases.map((c) => (
                <tr key={c.id} data-testid={`drill-case-${c.caseNumber}`}>
                  <th scope="row" className="nowrap">
                    {c.canOpen ? (
                      <Link href={`/cases/${c.id}`} data-testid="drill-case-link">
                        {c.caseNumber}
                      </Link>
                    ) : (
                      c.caseNumber
                    )}
                    {c.restricted ? (
                      <>
                        {' '}
                        <span className="badge restricted" title={t('home.list.restrictedHint')}>
                          {t('home.list.restricted')}
                        </span>
                      </>
                    ) : null}
                  </th>
                  <td className="nowrap">{c.officeName}</td>
                  <td className="nowrap">{c.schoolName}</td>
                  <td style={{ whiteSpace: 'nowrap' }}>{format.dateTime(c.reportedAt, { dateStyle: 'medium' })}</td>
                  <td className="nowrap">{tr(`vocab.status.${c.status}`)}</td>
                  <td data-testid="drill-parties">
                    {c.canOpen ? (
                      c.parties.map((p, i) => (
                        <span key={i} className="pseudonym">
                          {tr(`vocab.partyRole.${p.role}`)} {p.pseudonym}
                        </span>
                      ))
                    ) : (
                      <span className="muted">{t('audit.drill.restrictedParties')}</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pagination
        basePath="/audit/cases"
        params={Object.fromEntries(listHref.searchParams)}
        page={Math.min(q.page, data.pageCount)}
        pageCount={data.pageCount}
      />
    </>
  );
}

function metricTitle(q: DrillQuery, t: Tr): string {
  switch (q.metric) {
    case 'cases':
      return t('audit.drill.titleCases');
    case 'gap':
      return t('audit.drill.titleGap');
    case 'fact':
      return t('audit.drill.titleFact', { fact: t(`audit.facts.${q.fact}`) });
    case 'clock':
      return t('audit.drill.titleClock', {
        key: q.key === 'all' ? t('audit.allKeys') : t(`vocab.deadline.${q.key}`),
        outcome: t(`audit.outcome.${q.outcome}`),
      });
  }
}
