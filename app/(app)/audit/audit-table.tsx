import Link from 'next/link';
import { useFormatter, useTranslations } from 'next-intl';
import { dashboardHref, drillHref, scopeParams, type DashboardQuery } from '@/lib/audit-dashboard/filters';
import type { Cell, TableModel } from '@/lib/audit-dashboard/tables';
import { BarChart } from './bar-chart';

type Formatter = ReturnType<typeof useFormatter>;

/** A chart of more bars than this (176 offices) says nothing; it shows the table's first rows, in the table's order. */
const CHART_ROWS = 30;

export function formatCell(format: Formatter, cell: Cell): string {
  if (cell.value === null) return '—';
  if (typeof cell.value === 'string') {
    if (cell.format === 'month') return format.dateTime(new Date(`${cell.value}-01T00:00:00+09:00`), { year: 'numeric', month: 'short' });
    return cell.value;
  }
  switch (cell.format) {
    case 'pct':
      return format.number(cell.value, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 });
    case 'days':
      return format.number(cell.value, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
    default:
      return format.number(cell.value);
  }
}

/** The CSV of one table for the same scope and options as the page. */
export function exportHref(q: DashboardQuery, table: string, extra: Record<string, string> = {}): string {
  const p = scopeParams(q);
  if (q.tableKey !== 'all') p.set('tkey', q.tableKey);
  p.set('sort', q.schoolSort.by);
  p.set('dir', q.schoolSort.dir);
  for (const [k, v] of Object.entries(extra)) p.set(k, v);
  p.set('table', table);
  return `/api/audit/export?${p.toString()}`;
}

/**
 * One dashboard table: every number links to the cases behind it, sortable
 * columns link to the same page sorted, and a CSV link exports it.
 */
export function AuditTable({ model, q, chart = true, exportLink = true }: { model: TableModel; q: DashboardQuery; chart?: boolean; exportLink?: boolean }) {
  const t = useTranslations('audit');
  const format = useFormatter();
  const current = model.id === 'offices' ? q.officeSort : q.schoolSort;
  const sortHref = (by: NonNullable<TableModel['columns'][number]['sort']>) => {
    const dir = current.by === by && current.dir === 'desc' ? 'asc' : 'desc';
    return model.id === 'offices' ? dashboardHref(q, { osort: by, odir: dir, hash: model.id }) : dashboardHref(q, { sort: by, dir, hash: model.id });
  };
  const chartRows =
    chart && model.chart !== undefined
      ? model.rows.slice(0, CHART_ROWS).map((r) => {
          const cell = r[model.chart!]!;
          const head = r[0]!;
          // Month bars are narrow: 2026-03 is drawn as 26.03.
          const label =
            head.format === 'month' && typeof head.value === 'string' ? `${head.value.slice(2, 4)}.${head.value.slice(5, 7)}` : formatCell(format, head);
          return { label, value: typeof cell.value === 'number' ? cell.value : null, text: formatCell(format, cell) };
        })
      : null;
  return (
    <div className="audit-table" data-testid={`table-${model.id}`}>
      <div className="row audit-table-head">
        <h2 id={`${model.id}-title`}>{model.title}</h2>
        {exportLink ? (
          <a className="button secondary small no-print" href={exportHref(q, model.id)} download data-testid={`export-${model.id}`}>
            {t('exportCsv')}
          </a>
        ) : null}
      </div>
      {model.note ? <p className="muted small">{model.note}</p> : null}
      <div className="table-scroll">
        <table aria-labelledby={`${model.id}-title`}>
          <thead>
            <tr>
              {model.columns.map((c, i) => (
                <th
                  key={c.id}
                  scope="col"
                  className={i > 0 && model.rows[0]?.[i]?.format !== 'text' ? 'num' : undefined}
                  aria-sort={c.sort && current.by === c.sort ? (current.dir === 'asc' ? 'ascending' : 'descending') : undefined}
                >
                  {c.sort ? (
                    <Link href={sortHref(c.sort)} data-testid={`sort-${model.id}-${c.id}`}>
                      {c.label}
                      {current.by === c.sort ? (current.dir === 'asc' ? ' ▲' : ' ▼') : ''}
                    </Link>
                  ) : (
                    c.label
                  )}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {model.rows.map((row, r) => (
              <tr key={r}>
                {row.map((cell, i) => {
                  const shown = formatCell(format, cell);
                  // Plain anchors: a national table holds a thousand of these, and next/link would add a client component and a prefetch for each.
                  const body =
                    cell.drill && cell.value !== null ? (
                      <a href={drillHref(q, cell.drill, cell.override)} data-testid={cell.testId}>
                        {shown}
                      </a>
                    ) : (
                      <span data-testid={cell.testId}>{shown}</span>
                    );
                  return i === 0 ? (
                    <th key={i} scope="row">
                      {body}
                    </th>
                  ) : (
                    <td key={i} className={cell.format === 'text' ? undefined : 'num'}>
                      {body}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {model.rows.length === 0 ? <p className="muted">{t('noRows')}</p> : null}
      {chartRows && chartRows.some((r) => r.value) ? (
        <BarChart
          title={
            model.rows.length > CHART_ROWS
              ? t('chartFirstRows', { title: model.columns[model.chart!]!.label, count: CHART_ROWS })
              : model.columns[model.chart!]!.label
          }
          rows={chartRows}
          percent={model.rows[0]?.[model.chart!]?.format === 'pct'}
          vertical={model.id === 'trend'}
        />
      ) : null}
    </div>
  );
}
