import { getTranslations } from 'next-intl/server';
import { CaseList } from '@/app/_components/case-list';
import { db } from '@/db/client';
import { listCases } from '@/db/queries/case-list';
import { PERMISSIONS, queryScope } from '@/lib/auth/permissions';
import { requirePageActor } from '@/lib/auth/session';
import { caseListQueryFrom, clockSummary } from '@/lib/cases/list';

/** Every case of the office's schools, most urgent clock first. */
export default async function OfficeHome({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePageActor('office.view_home');
  const query = caseListQueryFrom(await searchParams);
  const now = new Date();
  const scope = queryScope(actor, PERMISSIONS['office.view_home']);
  const [t, list] = await Promise.all([getTranslations('home'), listCases(db, query, { actor, scope, now })]);
  return (
    <>
      <h1 data-testid="home-office">{t('officeTitle')}</h1>
      <CaseList
        basePath="/office"
        query={query}
        list={{ ...list, items: list.rows.map((r) => ({ ...r, ...clockSummary(r, now) })) }}
        showSchool
        now={now}
        empty={<p>{t('officeEmpty')}</p>}
      />
    </>
  );
}
