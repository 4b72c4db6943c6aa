import { getFormatter, getTranslations } from 'next-intl/server';
import type { Deadline } from '@/lib/rules';
import { DeadlineBadge } from './deadline-badge';
import { formatDateTime, formatDue } from './format';

/** Every statutory clock of the case, applicable or not, with its status in colour and in words. */
export async function DeadlinePanel({ deadlines }: { deadlines: readonly Deadline[] }) {
  const [t, tv, format] = await Promise.all([getTranslations('cases.deadlines'), getTranslations('vocab'), getFormatter()]);
  const endOfDay = (date: string) => t('endOfDay', { date });
  return (
    <section data-testid="deadline-panel" aria-labelledby="deadline-panel-title">
      <h2 id="deadline-panel-title">{t('title')}</h2>
      <div className="table-scroll">
        <table className="deadlines">
          <thead>
            <tr>
              <th scope="col">{t('key')}</th>
              <th scope="col">{t('status')}</th>
              <th scope="col">{t('dueAt')}</th>
              <th scope="col">{t('metAt')}</th>
              <th scope="col">{t('basis')}</th>
            </tr>
          </thead>
          <tbody>
            {deadlines.map((d) => (
              <tr key={d.key} data-testid={`deadline-${d.key}`} className={d.status === 'not_applicable' ? 'not-applicable' : undefined}>
                <th scope="row">{tv(`deadline.${d.key}`)}</th>
                <td>
                  <DeadlineBadge status={d.status} testId={`deadline-status-${d.key}`} />
                </td>
                <td>{d.dueAt ? formatDue(format, endOfDay, d.dueAt) : '—'}</td>
                <td>{d.metAt ? formatDateTime(format, d.metAt) : '—'}</td>
                <td className="basis">{d.basis}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
