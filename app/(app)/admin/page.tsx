import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { db } from '@/db/client';
import { listOrganisations, listUsersWithGrants } from '@/db/queries/admin';
import { requirePageActor } from '@/lib/auth/session';
import { AdminTabs } from './admin-tabs';
import { CreateUserForm } from './create-user-form';
import { scopeLabel } from './scope-label';

export default async function AdminUsersPage() {
  await requirePageActor('admin.manage_users');
  const [t, tc, orgs, userList] = await Promise.all([getTranslations('admin'), getTranslations('common'), listOrganisations(db), listUsersWithGrants(db)]);
  return (
    <>
      <h1 data-testid="home-admin">{t('title')}</h1>
      <AdminTabs />
      <section className="card">
        <h2>{t('createUser')}</h2>
        <CreateUserForm offices={orgs.offices.map(({ id, name }) => ({ id, name }))} schools={orgs.schools.map(({ id, name }) => ({ id, name }))} />
      </section>
      <section>
        <h2>{t('users')}</h2>
        {userList.length === 0 ? (
          <p className="card empty">{t('noUsers')}</p>
        ) : (
          <table data-testid="users-table">
            <thead>
              <tr>
                <th>{t('name')}</th>
                <th>{t('email')}</th>
                <th>{t('grants')}</th>
                <th>{t('status')}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {userList.map((u) => (
                <tr key={u.id}>
                  <td>{u.name}</td>
                  <td>{u.email}</td>
                  <td>
                    {u.grants.length === 0
                      ? t('noGrants')
                      : u.grants.map((g) => `${tc(`roles.${g.role}`)} · ${scopeLabel(g, orgs, t('allScopes'))}`).join(', ')}
                  </td>
                  <td>{u.active ? t('active') : t('inactive')}</td>
                  <td>
                    <Link href={`/admin/users/${u.id}`}>{t('open')}</Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </>
  );
}
