import { getTranslations } from 'next-intl/server';
import type { CaseView } from '@/lib/cases/service';

/** Who can open a restricted case: its team sees the others on it, so it knows who may be told what. */
export async function TeamCard({ team }: { team: NonNullable<CaseView['team']> }) {
  const t = await getTranslations('team');
  return (
    <section className="card" aria-labelledby="case-team-title" data-testid="case-team">
      <h2 id="case-team-title" style={{ marginTop: 0 }}>
        {t('card.title')}
      </h2>
      <p className="muted small">{t('card.hint')}</p>
      <ul className="row" style={{ listStyle: 'none', padding: 0, flexWrap: 'wrap' }}>
        {team.map((m) => (
          <li key={m.userId} className="badge" data-testid="case-team-member">
            {m.name} · {t(`roles.${m.teamRole}`)}
          </li>
        ))}
      </ul>
    </section>
  );
}
