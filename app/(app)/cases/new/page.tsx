import { asc, eq } from 'drizzle-orm';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { db } from '@/db/client';
import { offices, schools } from '@/db/schema';
import { can } from '@/lib/auth/permissions';
import { requirePageActor } from '@/lib/auth/session';
import { IntakeForm, type SchoolOption } from './intake-form';

export default async function NewCasePage() {
  const actor = await requirePageActor('case.file');
  const [t, all] = await Promise.all([
    getTranslations('cases'),
    db
      .select({ id: schools.id, name: schools.name, officeId: offices.id, officeName: offices.name })
      .from(schools)
      .innerJoin(offices, eq(offices.id, schools.officeId))
      .orderBy(asc(offices.name), asc(schools.name)),
  ]);
  // The filing school must be one the actor's own grants reach; any listed school may be a party's school.
  const filing: SchoolOption[] = all.filter((s) => can(actor, 'case.file', { kind: 'school', schoolId: s.id, officeId: s.officeId }));
  if (filing.length === 0) notFound();
  return (
    <>
      <p className="no-print">
        <Link href="/school">← {t('backToList')}</Link>
      </p>
      <h1>{t('intake.title')}</h1>
      <p className="muted">{t('intake.intro')}</p>
      <IntakeForm filingSchools={filing} allSchools={all} />
    </>
  );
}
