import Link from 'next/link';
import { useTranslations } from 'next-intl';

/**
 * Previous/next links and "page x of y". `params` are the list's other URL
 * parameters (its filters), kept on every link.
 */
export function Pagination({ basePath, params, page, pageCount }: { basePath: string; params: Record<string, string>; page: number; pageCount: number }) {
  const t = useTranslations('home.pagination');
  if (pageCount <= 1) return null;
  const href = (p: number) => {
    const search = new URLSearchParams(params);
    search.delete('page');
    if (p > 1) search.set('page', String(p));
    const qs = search.toString();
    return qs ? `${basePath}?${qs}` : basePath;
  };
  return (
    <nav className="row" aria-label={t('label')} data-testid="pagination" style={{ justifyContent: 'center', marginTop: 16 }}>
      {page > 1 ? (
        <Link className="button secondary" href={href(page - 1)} rel="prev" data-testid="pagination-prev">
          {t('prev')}
        </Link>
      ) : (
        <span className="button secondary" aria-disabled="true" style={{ opacity: 0.5, cursor: 'default' }}>
          {t('prev')}
        </span>
      )}
      <span aria-current="page" data-testid="pagination-status">
        {t('pageOf', { page, pageCount })}
      </span>
      {page < pageCount ? (
        <Link className="button secondary" href={href(page + 1)} rel="next" data-testid="pagination-next">
          {t('next')}
        </Link>
      ) : (
        <span className="button secondary" aria-disabled="true" style={{ opacity: 0.5, cursor: 'default' }}>
          {t('next')}
        </span>
      )}
    </nav>
  );
}
