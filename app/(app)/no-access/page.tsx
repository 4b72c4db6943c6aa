import { getTranslations } from 'next-intl/server';
import { requirePageActor } from '@/lib/auth/session';

export default async function NoAccessPage() {
  await requirePageActor();
  const t = await getTranslations('common');
  return (
    <div className="card">
      <h1>{t('noAccessTitle')}</h1>
      <p>{t('noAccessBody')}</p>
    </div>
  );
}
