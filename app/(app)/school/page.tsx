import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { CaseList } from '@/app/_components/case-list';
import { db } from '@/db/client';
import { listCases } from '@/db/queries/case-list';
import { can, queryScope } from '@/lib/auth/permissions';
import { SCHOOL_ROLES } from '@/lib/auth/roles';
import { requirePageActor } from '@/lib/auth/session';
import { caseListQueryFrom, clockSummary } from '@/lib/cases/list';

/** The school's cases, most urgent clock first: what the teacher in charge opens every morning. */
export default async function SchoolHome({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePageActor('school.view_home');
  const query = caseListQueryFrom(await searchParams);
  const now = new Date();
  const scope = queryScope(actor, SCHOOL_ROLES);
  const [t, list] = await Promise.all([getTranslations('home'), listCases(db, query, { actor, scope, now })]);
  const newCase = (testId: string) =>
    can(actor, 'case.file') ? (
      <Link href="/cases/new" className="button" data-testid={testId}>
        {t('newCase')}
      </Link>
    ) : null;
  return (
    <>
      <div className="row" style={{ justifyContent: 'space-between', marginBottom: 16 }}>
        <h1 data-testid="home-school" style={{ margin: 0 }}>
          {t('schoolTitle')}
        </h1>
        {newCase('new-case')}
      </div>
      <CaseList
        basePath="/school"
        query={query}
        list={{ ...list, items: list.rows.map((r) => ({ ...r, ...clockSummary(r, now) })) }}
        showSchool={scope.schoolIds.length > 1}
        now={now}
        empty={
          <>
            <p>{t('schoolEmpty')}</p>
            {newCase('new-case-empty')}
          </>
        }
      />
    </>
  );
}
