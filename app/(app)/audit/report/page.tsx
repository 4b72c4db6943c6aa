import Form from 'next/form';
import { getFormatter, getTranslations } from 'next-intl/server';
import { loadMonthlyReport } from '@/lib/audit-dashboard/service';
import { delaysTable, keysTable, outcomesTable, schoolsTable, separationTable, type TableModel, type Tr } from '@/lib/audit-dashboard/tables';
import { requirePageActor } from '@/lib/auth/session';
import { AuditTable } from '../audit-table';
import { PrintButton } from './print-button';

export const dynamic = 'force-dynamic';

/** The worst schools on the report: one A4 page has room for ten. */
const REPORT_SCHOOLS = 10;

/**
 * The monthly report of one office, laid out to print on one A4 page: the
 * clocks of cases reported that month, the schools with the highest late
 * share, separation and protection, delay causes and case outcomes.
 */
export default async function MonthlyReportPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePageActor('audit.view_dashboard');
  const now = new Date();
  const [report, t, format] = await Promise.all([loadMonthlyReport(actor, await searchParams, now), getTranslations(), getFormatter()]);
  const tr: Tr = (key, values) => t(key as never, values as never);
  const monthLabel = format.dateTime(new Date(`${report.month}T00:00:00+09:00`), { year: 'numeric', month: 'long' });

  const picker = (
    <Form action="/audit/report" className="card row no-print" aria-label={t('audit.report.pick')} style={{ alignItems: 'flex-end' }}>
      <div>
        <label htmlFor="report-office">{t('audit.filters.office')}</label>
        <select id="report-office" name="office" defaultValue={report.office?.id ?? ''} required>
          <option value="" disabled>
            {t('audit.report.chooseOffice')}
          </option>
          {report.offices.map((o) => (
            <option key={o.id} value={o.id}>
              {o.name}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="report-month">{t('audit.report.month')}</label>
        <input id="report-month" name="month" type="month" defaultValue={report.month.slice(0, 7)} />
      </div>
      <button type="submit">{t('audit.report.show')}</button>
    </Form>
  );

  if (!report.dashboard || !report.query || !report.office) {
    return (
      <>
        <h1 data-testid="monthly-report-title">{t('audit.report.title')}</h1>
        {picker}
      </>
    );
  }
  const d = report.dashboard;
  const q = report.query;
  const worst: TableModel = (() => {
    const model = schoolsTable({ ...d, schools: { ...d.schools, rows: d.schools.rows.filter((s) => s.figures.late > 0).slice(0, REPORT_SCHOOLS) } }, tr, 'all');
    return { ...model, title: t('audit.report.worstSchools', { count: REPORT_SCHOOLS }) };
  })();
  const f = d.facts.total;
  const committeeLate = d.keys.find((k) => k.key === 'committee_meeting')?.figures.lateShare ?? null;

  return (
    <div className="monthly-report">
      {picker}
      <header className="report-head">
        <h1 data-testid="monthly-report-title">{t('audit.report.heading', { office: report.office.name, month: monthLabel })}</h1>
        <p className="muted small">
          {t('audit.report.generated', { time: format.dateTime(now, { dateStyle: 'medium', timeStyle: 'short', hourCycle: 'h23' }) })}
        </p>
        <PrintButton />
      </header>
      <ul className="report-kpis">
        <li>
          <strong>{format.number(f.cases)}</strong> {t('audit.report.kpiCases')}
        </li>
        <li>
          <strong>{committeeLate === null ? t('audit.report.none') : format.number(committeeLate, { style: 'percent', maximumFractionDigits: 1 })}</strong>{' '}
          {t('audit.report.kpiCommitteeLate')}
        </li>
        <li>
          <strong>{format.number(d.keys.reduce((n, k) => n + (k.window ? 0 : k.figures.breachedOpen), 0))}</strong> {t('audit.report.kpiBreachedOpen')}
        </li>
        <li>
          <strong>{format.number(f.gap_cases + d.facts.openGaps.newCases)}</strong> {t('audit.report.kpiGaps')}
        </li>
      </ul>
      <section className="report-section">
        <AuditTable model={keysTable(d, tr)} q={q} chart={false} exportLink={false} />
      </section>
      <section className="report-section">
        <AuditTable model={worst} q={q} chart={false} exportLink={false} />
      </section>
      <div className="report-columns">
        <section className="report-section">
          <AuditTable model={separationTable(d, tr)} q={q} chart={false} exportLink={false} />
        </section>
        <section className="report-section">
          <AuditTable model={delaysTable(d, tr)} q={q} chart={false} exportLink={false} />
          <AuditTable model={outcomesTable(d, tr)} q={q} chart={false} exportLink={false} />
        </section>
      </div>
    </div>
  );
}
