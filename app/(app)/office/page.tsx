import { getTranslations } from 'next-intl/server';
import { requirePageActor } from '@/lib/auth/session';

export default async function OfficeHome() {
  await requirePageActor('office.view_home');
  const t = await getTranslations('home');
  return (
    <>
      <h1 data-testid="home-office">{t('officeTitle')}</h1>
      <div className="card empty">{t('officeEmpty')}</div>
    </>
  );
}
