import Form from 'next/form';
import Link from 'next/link';
import type { ReactNode } from 'react';
import { useFormatter, useTranslations } from 'next-intl';
import { formatDateTime, formatDue } from '@/app/(app)/cases/format';
import type { CaseStatus } from '@/lib/cases/constants';
import { caseListParams, isFiltered, type NextClock } from '@/lib/cases/list';
import type { CaseListQuery } from '@/lib/cases/schemas';
import { CATEGORIES, type Category } from '@/lib/rules';
import { Pagination } from './pagination';

export type CaseListItem = {
  id: string;
  caseNumber: string;
  schoolName: string;
  status: CaseStatus;
  categories: readonly Category[];
  reportedAt: Date;
  restricted: boolean;
  next: NextClock | null;
  breached: number;
};

/** The list's filters as a plain GET form: it works without JavaScript, and submitting starts again at page 1. */
export function CaseListFilters({ basePath, query, resetHref }: { basePath: string; query: CaseListQuery; resetHref: string }) {
  const t = useTranslations('home.filters');
  const tv = useTranslations('vocab');
  return (
    <Form action={basePath} className="card row" aria-label={t('label')} data-testid="case-filters" style={{ alignItems: 'flex-end', gap: 12 }}>
      <div style={{ flex: '1 1 200px' }}>
        <label htmlFor="filter-q">{t('q')}</label>
        <input id="filter-q" name="q" type="search" defaultValue={query.q ?? ''} placeholder={t('qPlaceholder')} maxLength={40} />
      </div>
      <div style={{ flex: '0 1 150px' }}>
        <label htmlFor="filter-status">{t('status')}</label>
        <select id="filter-status" name="status" defaultValue={query.status}>
          <option value="open">{t('statusOpen')}</option>
          <option value="closed">{t('statusClosed')}</option>
          <option value="all">{t('statusAll')}</option>
        </select>
      </div>
      <div style={{ flex: '0 1 180px' }}>
        <label htmlFor="filter-category">{t('category')}</label>
        <select id="filter-category" name="category" defaultValue={query.category ?? ''}>
          <option value="">{t('anyCategory')}</option>
          {CATEGORIES.map((c) => (
            <option key={c} value={c}>
              {tv(`category.${c}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="row" style={{ paddingBottom: 8 }}>
        <input id="filter-breached" name="breached" type="checkbox" value="1" defaultChecked={query.breached === '1'} />
        <label htmlFor="filter-breached" style={{ margin: 0 }}>
          {t('breachedOnly')}
        </label>
      </div>
      <div className="row">
        <button type="submit">{t('apply')}</button>
        <Link href={resetHref} className="button secondary">
          {t('reset')}
        </Link>
      </div>
    </Form>
  );
}

/** Cases most urgent first: the clock each row leads with, and how many of its clocks are breached now. */
export function CaseTable({ items, showSchool, now }: { items: readonly CaseListItem[]; showSchool: boolean; now: Date }) {
  const t = useTranslations('home.list');
  const tv = useTranslations('vocab');
  const td = useTranslations('cases.deadlines');
  const format = useFormatter();
  const endOfDay = (date: string) => td('endOfDay', { date });
  return (
    <div style={{ overflowX: 'auto' }}>
      <table data-testid="case-list">
        <thead>
          <tr>
            <th scope="col">{t('caseNumber')}</th>
            {showSchool ? <th scope="col">{t('school')}</th> : null}
            <th scope="col">{t('status')}</th>
            <th scope="col">{t('categories')}</th>
            <th scope="col">{t('reportedAt')}</th>
            <th scope="col">{t('nextDeadline')}</th>
            <th scope="col">{t('breachedCount')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((c) => (
            <tr key={c.id} data-testid={`case-row-${c.caseNumber}`}>
              <td>
                <Link href={`/cases/${c.id}`} style={{ fontWeight: 600, whiteSpace: 'nowrap' }}>
                  {c.caseNumber}
                </Link>
                {c.restricted ? (
                  <>
                    <br />
                    <span className="badge" title={t('restrictedHint')}>
                      {t('restricted')}
                    </span>
                  </>
                ) : null}
              </td>
              {showSchool ? <td style={{ whiteSpace: 'nowrap' }}>{c.schoolName}</td> : null}
              <td>{tv(`status.${c.status}`)}</td>
              <td>{c.categories.map((cat) => tv(`category.${cat}`)).join(', ')}</td>
              <td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(format, c.reportedAt)}</td>
              <td>
                {c.next ? (
                  <>
                    <div className="row" style={{ gap: 6 }}>
                      <span>{tv(`deadline.${c.next.key}`)}</span>
                      <span className={`badge ${c.next.status}`} data-testid="next-deadline-status" data-status={c.next.status}>
                        {tv(`deadlineStatus.${c.next.status}`)}
                      </span>
                    </div>
                    <span className="muted" style={{ fontSize: '0.85rem', whiteSpace: 'nowrap' }}>
                      <time dateTime={c.next.dueAt}>{formatDue(format, endOfDay, c.next.dueAt)}</time> ({format.relativeTime(new Date(c.next.dueAt), now)})
                    </span>
                  </>
                ) : (
                  <span className="muted">{t('noDeadline')}</span>
                )}
              </td>
              <td data-testid="breached-count">
                {c.breached > 0 ? (
                  <span className="count-badge" aria-label={t('breachedClocks', { count: c.breached })}>
                    {c.breached}
                  </span>
                ) : (
                  <span className="muted">0</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Filters, then the table (or the empty state), then the page links; the links keep the filters. */
export function CaseList({
  basePath,
  query,
  list,
  showSchool,
  now,
  empty,
}: {
  basePath: string;
  query: CaseListQuery;
  list: { items: readonly CaseListItem[]; total: number; page: number; pageCount: number };
  showSchool: boolean;
  now: Date;
  empty: ReactNode;
}) {
  const t = useTranslations('home');
  return (
    <>
      <CaseListFilters basePath={basePath} query={query} resetHref={basePath} />
      {list.items.length === 0 ? (
        <div className="card empty" data-testid="case-list-empty">
          {isFiltered(query) ? (
            <>
              <p>{t('noMatches')}</p>
              <Link href={basePath}>{t('filters.reset')}</Link>
            </>
          ) : (
            empty
          )}
        </div>
      ) : (
        <>
          <p className="muted" data-testid="case-count">
            {t('list.total', { count: list.total })}
          </p>
          <CaseTable items={list.items} showSchool={showSchool} now={now} />
          <Pagination basePath={basePath} params={caseListParams(query, list.page)} page={list.page} pageCount={list.pageCount} />
        </>
      )}
    </>
  );
}
