import { getTranslations } from 'next-intl/server';
import { requirePageActor } from '@/lib/auth/session';

export default async function SchoolHome() {
  await requirePageActor('school.view_home');
  const t = await getTranslations('home');
  return (
    <>
      <h1 data-testid="home-school">{t('schoolTitle')}</h1>
      <div className="card empty">{t('schoolEmpty')}</div>
    </>
  );
}
