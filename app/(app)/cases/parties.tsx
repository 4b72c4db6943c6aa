import { getTranslations } from 'next-intl/server';
import type { CaseView } from '@/lib/cases/service';

/** The students on the case; names, birth dates and guardians arrive only when the viewer may see identities. */
export async function Parties({ parties, identities }: { parties: CaseView['parties']; identities: boolean }) {
  const [t, tv] = await Promise.all([getTranslations('cases.parties'), getTranslations('vocab')]);
  return (
    <section data-testid="parties" aria-labelledby="parties-title">
      <h2 id="parties-title">{t('title')}</h2>
      {identities ? null : <p className="muted">{t('pseudonymNote')}</p>}
      <div className="table-scroll">
        <table>
          <thead>
            <tr>
              <th scope="col">{t('role')}</th>
              <th scope="col">{t('name')}</th>
              <th scope="col">{t('school')}</th>
              <th scope="col">{t('gradeClass')}</th>
              {identities ? <th scope="col">{t('guardian')}</th> : null}
            </tr>
          </thead>
          <tbody>
            {parties.map((p) => {
              const gradeClass = [p.grade != null ? t('grade', { grade: p.grade }) : null, p.classNo ? t('classNo', { classNo: p.classNo }) : null]
                .filter(Boolean)
                .join(' ');
              return (
                <tr key={p.id} data-testid={`party-${p.id}`}>
                  <td>
                    <span className={`badge role-${p.role}`}>{tv(`partyRole.${p.role}`)}</span>
                  </td>
                  <td>
                    {p.label}
                    {p.birthDate ? <div className="muted small">{p.birthDate}</div> : null}
                  </td>
                  <td>{p.school ?? t('unknown')}</td>
                  <td>{gradeClass || t('unknown')}</td>
                  {identities ? (
                    <td>
                      {p.guardianName || p.guardianContact ? (
                        <>
                          {p.guardianName ?? ''}
                          {p.guardianContact ? <div className="muted small">{p.guardianContact}</div> : null}
                        </>
                      ) : (
                        t('unknown')
                      )}
                    </td>
                  ) : null}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}
