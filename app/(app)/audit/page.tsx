import { getTranslations } from 'next-intl/server';
import { requirePageActor } from '@/lib/auth/session';

export default async function AuditHome() {
  await requirePageActor('audit.view_dashboard');
  const t = await getTranslations('home');
  return (
    <>
      <h1 data-testid="home-audit">{t('auditTitle')}</h1>
      <div className="card empty">{t('auditEmpty')}</div>
    </>
  );
}
