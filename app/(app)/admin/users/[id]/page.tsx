import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { db } from '@/db/client';
import { getUserWithGrants, listOrganisations } from '@/db/queries/admin';
import { requirePageActor } from '@/lib/auth/session';
import { AdminTabs } from '../../admin-tabs';
import { scopeLabel } from '../../scope-label';
import { ActiveToggle, GrantRoleForm, ResetPasswordForm, RevokeGrantButton } from './user-forms';

export default async function AdminUserPage({ params }: { params: Promise<{ id: string }> }) {
  await requirePageActor('admin.manage_users');
  const id = z
    .string()
    .uuid()
    .safeParse((await params).id);
  if (!id.success) notFound();
  const [user, orgs, t, tc] = await Promise.all([getUserWithGrants(db, id.data), listOrganisations(db), getTranslations('admin'), getTranslations('common')]);
  if (!user) notFound();
  const offices = orgs.offices.map(({ id, name }) => ({ id, name }));
  const schools = orgs.schools.map(({ id, name }) => ({ id, name }));
  return (
    <>
      <h1>{user.name}</h1>
      <AdminTabs />
      <div className="card">
        <dl className="meta">
          <dt>{t('email')}</dt>
          <dd>{user.email}</dd>
          <dt>{t('status')}</dt>
          <dd className="row">
            {user.active ? t('active') : t('inactive')} <ActiveToggle userId={user.id} active={user.active} />
          </dd>
        </dl>
      </div>
      <div className="grid2">
        <section className="card">
          <h2>{t('grants')}</h2>
          {user.grants.length === 0 ? <p className="muted">{t('noGrants')}</p> : null}
          <ul data-testid="grant-list">
            {user.grants.map((g) => (
              <li key={g.id} className="row" style={{ marginBottom: 6 }}>
                <span>
                  {tc(`roles.${g.role}`)} · {scopeLabel(g, orgs, t('allScopes'))}
                </span>
                <RevokeGrantButton grantId={g.id} roleLabel={tc(`roles.${g.role}`)} />
              </li>
            ))}
          </ul>
          <h2>{t('grantRole')}</h2>
          <GrantRoleForm userId={user.id} offices={offices} schools={schools} />
        </section>
        <section className="card">
          <h2>{t('resetPassword')}</h2>
          <ResetPasswordForm userId={user.id} />
        </section>
      </div>
    </>
  );
}
