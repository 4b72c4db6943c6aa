import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getFormatter, getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { requirePageActor } from '@/lib/auth/session';
import { SYSTEM_TEAM_REASONS } from '@/lib/cases/team';
import { loadCaseTeam } from '@/lib/cases/team-admin';
import { AdminTabs } from '../../admin-tabs';
import { AddTeamMemberForm, RemoveTeamMemberButton } from './team-forms';

/**
 * One restricted case's team. The admin is not on the team, so the page
 * carries the case's number, school and stage and the team, nothing of the
 * case itself.
 */
export default async function CaseTeamPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePageActor('case.manage_team');
  const id = z
    .string()
    .uuid()
    .safeParse((await params).id);
  if (!id.success) notFound();
  const [team, t, tv, tc, format] = await Promise.all([
    loadCaseTeam(actor, id.data),
    getTranslations('team'),
    getTranslations('vocab'),
    getTranslations('common'),
    getFormatter(),
  ]);
  if (!team) notFound();
  const c = team.case;
  const when = (d: Date) => format.dateTime(d, { dateStyle: 'medium', timeStyle: 'short' });
  const reason = (r: string | null) => {
    const key = Object.entries(SYSTEM_TEAM_REASONS).find(([, v]) => v === r)?.[0];
    return key ? t(`reasons.${key}` as never) : (r ?? '—');
  };
  const active = team.members.filter((m) => m.removedAt === null);
  const removed = team.members.filter((m) => m.removedAt !== null);

  return (
    <>
      <p>
        <Link href="/admin/case-teams">{t('back')}</Link>
      </p>
      <h1 data-testid="case-team-number">{c.caseNumber}</h1>
      <AdminTabs />
      <section className="card">
        <dl className="meta">
          <dt>{t('col.school')}</dt>
          <dd data-testid="case-team-school">{c.schoolName}</dd>
          <dt>{t('col.office')}</dt>
          <dd>{c.officeName}</dd>
          <dt>{t('col.status')}</dt>
          <dd>{tv(`status.${c.status}`)}</dd>
        </dl>
        <p className="muted small">{c.restricted ? t('caseOnlyNote') : t('notRestrictedNote')}</p>
      </section>

      <section aria-labelledby="team-members-title">
        <h2 id="team-members-title">{t('members')}</h2>
        {active.length === 0 ? (
          <p className="card empty">{t('noMembers')}</p>
        ) : (
          <table data-testid="case-team-members">
            <thead>
              <tr>
                <th scope="col">{t('col.name')}</th>
                <th scope="col">{t('col.email')}</th>
                <th scope="col">{t('col.teamRole')}</th>
                <th scope="col">{t('col.added')}</th>
                <th scope="col">{t('col.reason')}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {active.map((m) => (
                <tr key={m.id} data-testid={`team-member-${m.email}`}>
                  <th scope="row">{m.name}</th>
                  <td>{m.email}</td>
                  <td>{t(`roles.${m.teamRole}`)}</td>
                  <td className="muted">{t('addedBy', { who: m.addedByName ?? t('system'), at: when(m.addedAt) })}</td>
                  <td>{reason(m.reason)}</td>
                  <td>{c.restricted ? <RemoveTeamMemberButton caseId={c.id} userId={m.userId} name={m.name} /> : null}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      {c.restricted ? (
        <section className="card" aria-labelledby="team-add-title">
          <h2 id="team-add-title" style={{ marginTop: 0 }}>
            {t('add.title')}
          </h2>
          <p className="muted small">{t('add.hint')}</p>
          {team.candidates.length === 0 ? (
            <p className="muted">{t('add.noCandidates')}</p>
          ) : (
            <AddTeamMemberForm
              caseId={c.id}
              candidates={team.candidates.map((u) => ({ id: u.id, label: `${u.name} (${u.email}) · ${u.roles.map((r) => tc(`roles.${r}`)).join(', ')}` }))}
            />
          )}
        </section>
      ) : null}

      {removed.length ? (
        <section aria-labelledby="team-history-title">
          <h2 id="team-history-title">{t('history')}</h2>
          <table data-testid="case-team-history">
            <thead>
              <tr>
                <th scope="col">{t('col.name')}</th>
                <th scope="col">{t('col.teamRole')}</th>
                <th scope="col">{t('col.added')}</th>
                <th scope="col">{t('col.removed')}</th>
                <th scope="col">{t('col.reason')}</th>
              </tr>
            </thead>
            <tbody>
              {removed.map((m) => (
                <tr key={m.id} data-testid={`team-history-${m.email}`}>
                  <th scope="row">{m.name}</th>
                  <td>{t(`roles.${m.teamRole}`)}</td>
                  <td className="muted">{t('addedBy', { who: m.addedByName ?? t('system'), at: when(m.addedAt) })}</td>
                  <td className="muted">{t('addedBy', { who: m.removedByName ?? t('system'), at: when(m.removedAt!) })}</td>
                  <td>{reason(m.reason)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ) : null}
    </>
  );
}
