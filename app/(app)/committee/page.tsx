import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { requirePageActor } from '@/lib/auth/session';
import { COMMITTEE_SIZE } from '@/lib/committee/constants';
import { listManagedOffices, listMembers } from '@/lib/committee/members';
import { committeeSizeWarning, parentShare } from '@/lib/committee/rules';
import { AddMemberForm, MemberActiveButton } from './member-forms';

/**
 * The office committee's member pool (Act 13①: 10–50 members, parents at
 * least a third). The office's committee secretary manages their own
 * office; an admin picks any office.
 */
export default async function CommitteePoolPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePageActor();
  const managed = await listManagedOffices(actor);
  if (managed.length === 0) notFound();
  const requested = z
    .string()
    .uuid()
    .safeParse((await searchParams).office);
  const office = managed.find((o) => requested.success && o.id === requested.data) ?? managed[0]!;
  const [t, members] = await Promise.all([getTranslations('committee'), listMembers(actor, office.id)]);
  const share = parentShare(members);
  const size = committeeSizeWarning(share.active);

  return (
    <>
      <h1 data-testid="committee-pool">{t('pool.title')}</h1>
      {managed.length > 1 ? (
        <nav className="row" style={{ marginBottom: 16 }} aria-label={t('pool.office')}>
          {managed.map((o) => (
            <Link
              key={o.id}
              className={`button${o.id === office.id ? '' : ' secondary'}`}
              href={`/committee?office=${o.id}`}
              aria-current={o.id === office.id ? 'page' : undefined}
            >
              {o.shortName}
            </Link>
          ))}
        </nav>
      ) : null}
      <p>
        <strong>{office.name}</strong>
      </p>
      <p className="muted">{t('pool.intro')}</p>

      <p data-testid="parent-share" data-ok={share.ok}>
        {t('pool.share', { parents: share.parents, active: share.active })}
      </p>
      {!share.ok ? (
        <p className="alert warn" role="alert" data-testid="parent-share-warning">
          {t('pool.parentShareWarning', { parents: share.parents, active: share.active, needed: Math.ceil(share.active / 3) })}
        </p>
      ) : null}
      {size ? (
        <p className="alert warn" data-testid="pool-size-warning">
          {t(`pool.size.${size}`, { min: COMMITTEE_SIZE.min, max: COMMITTEE_SIZE.max, active: share.active })}
        </p>
      ) : null}

      <section className="card">
        <h2 style={{ marginTop: 0 }}>{t('pool.addTitle')}</h2>
        <AddMemberForm officeId={office.id} />
      </section>

      <section>
        <h2>{t('pool.members')}</h2>
        {members.length === 0 ? (
          <p className="card empty" data-testid="pool-empty">
            {t('pool.empty')}
          </p>
        ) : (
          <div className="table-scroll">
            <table data-testid="pool-members">
              <thead>
                <tr>
                  <th scope="col">{t('pool.name')}</th>
                  <th scope="col">{t('pool.category')}</th>
                  <th scope="col">{t('pool.status')}</th>
                  <th />
                </tr>
              </thead>
              <tbody>
                {members.map((m) => (
                  <tr key={m.id} data-testid={`pool-member-${m.id}`} data-active={m.active}>
                    <td>{m.name}</td>
                    <td>{t(`category.${m.category}`)}</td>
                    <td>{m.active ? <span className="badge met">{t('pool.active')}</span> : <span className="badge closed">{t('pool.inactive')}</span>}</td>
                    <td>
                      <MemberActiveButton memberId={m.id} name={m.name} active={m.active} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  );
}
