import { getTranslations } from 'next-intl/server';
import { db } from '@/db/client';
import { listOrganisations } from '@/db/queries/admin';
import { requirePageActor } from '@/lib/auth/session';
import { AdminTabs } from '../admin-tabs';
import { CreateOfficeForm, CreateSchoolForm } from './org-forms';

export default async function AdminOrgsPage() {
  await requirePageActor('admin.manage_orgs');
  const [t, tc, orgs] = await Promise.all([getTranslations('admin'), getTranslations('common'), listOrganisations(db)]);
  return (
    <>
      <h1>{t('orgsTab')}</h1>
      <AdminTabs />
      <div className="grid2">
        <section className="card">
          <h2>{t('createOffice')}</h2>
          <CreateOfficeForm />
        </section>
        <section className="card">
          <h2>{t('createSchool')}</h2>
          {orgs.offices.length === 0 ? (
            <p className="muted">{t('noOffices')}</p>
          ) : (
            <CreateSchoolForm offices={orgs.offices.map(({ id, name }) => ({ id, name }))} />
          )}
        </section>
      </div>
      {orgs.offices.map((o) => (
        <section key={o.id}>
          <h2>
            {o.name} <span className="muted">({o.shortName})</span>
          </h2>
          <table>
            <thead>
              <tr>
                <th>{t('name')}</th>
                <th>{t('level')}</th>
                <th>{t('phone')}</th>
              </tr>
            </thead>
            <tbody>
              {orgs.schools
                .filter((s) => s.officeId === o.id)
                .map((s) => (
                  <tr key={s.id}>
                    <td>{s.name}</td>
                    <td>{tc(`levels.${s.level}`)}</td>
                    <td>{s.phone ?? ''}</td>
                  </tr>
                ))}
            </tbody>
          </table>
        </section>
      ))}
    </>
  );
}
