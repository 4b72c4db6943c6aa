import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { requirePageActor } from '@/lib/auth/session';
import { caseTeamQuery } from '@/lib/cases/schemas';
import { listTeamCases } from '@/lib/cases/team-admin';
import { AdminTabs } from '../admin-tabs';

/** Restricted cases by number, school and stage only: the admin picks one to manage its team. */
export default async function CaseTeamsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePageActor('case.manage_team');
  const { q } = caseTeamQuery.parse(await searchParams);
  const [t, tv, rows] = await Promise.all([getTranslations('team'), getTranslations('vocab'), listTeamCases(actor, q)]);
  return (
    <>
      <h1 data-testid="admin-case-teams">{t('title')}</h1>
      <AdminTabs />
      <p>{t('intro')}</p>
      <form method="get" className="row card" role="search" data-testid="case-team-search">
        <div>
          <label htmlFor="case-team-q">{t('search')}</label>
          <input id="case-team-q" name="q" defaultValue={q ?? ''} maxLength={40} aria-describedby="case-team-q-hint" />
          <p className="muted small" id="case-team-q-hint">
            {t('searchHint')}
          </p>
        </div>
        <div>
          <button type="submit">{t('searchSubmit')}</button>
        </div>
      </form>
      {rows.length === 0 ? (
        <p className="card empty" data-testid="case-teams-empty">
          {q ? t('noMatch') : t('noCases')}
        </p>
      ) : (
        <table data-testid="case-teams-table">
          <thead>
            <tr>
              <th scope="col">{t('col.caseNumber')}</th>
              <th scope="col">{t('col.school')}</th>
              <th scope="col">{t('col.office')}</th>
              <th scope="col">{t('col.status')}</th>
              <th scope="col">{t('col.teamSize')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {rows.map((c) => (
              <tr key={c.id} data-testid={`case-team-row-${c.caseNumber}`}>
                <th scope="row" className="nowrap">
                  {c.caseNumber}
                </th>
                <td>{c.schoolName}</td>
                <td>{c.officeName}</td>
                <td>{tv(`status.${c.status}`)}</td>
                <td>{c.teamSize}</td>
                <td>
                  <Link href={`/admin/case-teams/${c.id}`} data-testid="manage-case-team">
                    {t('manage')}
                  </Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
