import Link from 'next/link';
import { getTranslations } from 'next-intl/server';

export async function AdminTabs() {
  const t = await getTranslations('admin');
  return (
    <nav className="row" style={{ marginBottom: 16 }} aria-label={t('title')}>
      <Link className="button secondary" href="/admin">
        {t('usersTab')}
      </Link>
      <Link className="button secondary" href="/admin/orgs">
        {t('orgsTab')}
      </Link>
      <Link className="button secondary" href="/admin/audit-log">
        {t('auditLog')}
      </Link>
      <Link className="button secondary" href="/admin/holidays">
        {(await getTranslations('home'))('holidays.tab')}
      </Link>
      <Link className="button secondary" href="/admin/case-teams" data-testid="admin-tab-case-teams">
        {(await getTranslations('team'))('tab')}
      </Link>
    </nav>
  );
}
