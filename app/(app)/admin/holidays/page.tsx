import { getFormatter, getTranslations } from 'next-intl/server';
import { listExtraHolidays } from '@/lib/calendar/service';
import { requirePageActor } from '@/lib/auth/session';
import { kstDateOf, koreanHolidayEntries } from '@/lib/rules';
import { AdminTabs } from '../admin-tabs';
import { AddHolidayForm, RemoveHolidayButton } from './holiday-forms';

export default async function AdminHolidaysPage() {
  const actor = await requirePageActor('calendar.manage');
  const year = Number(kstDateOf(new Date().toISOString()).slice(0, 4));
  const [t, format, added] = await Promise.all([getTranslations('home.holidays'), getFormatter(), listExtraHolidays(actor)]);
  const weekday = (date: string) => format.dateTime(new Date(`${date}T00:00:00+09:00`), { weekday: 'short' });
  return (
    <>
      <h1 data-testid="admin-holidays">{t('title')}</h1>
      <AdminTabs />
      <p>{t('intro')}</p>
      <p className="alert info" data-testid="holiday-snapshot-note">
        {t('snapshotNote')}
      </p>
      <section className="card">
        <h2 style={{ marginTop: 0 }}>{t('add')}</h2>
        <AddHolidayForm />
      </section>
      <section>
        <h2>{t('added')}</h2>
        {added.length === 0 ? (
          <p className="card empty">{t('none')}</p>
        ) : (
          <table data-testid="extra-holidays">
            <thead>
              <tr>
                <th scope="col">{t('date')}</th>
                <th scope="col">{t('name')}</th>
                <th scope="col">{t('addedBy')}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {added.map((h) => (
                <tr key={h.date} data-testid={`holiday-row-${h.date}`}>
                  <td style={{ whiteSpace: 'nowrap' }}>
                    {h.date} ({weekday(h.date)})
                  </td>
                  <td>{h.name}</td>
                  <td className="muted">
                    {h.createdByName ?? '—'} · {format.dateTime(h.createdAt, { dateStyle: 'short' })}
                  </td>
                  <td>
                    <RemoveHolidayButton date={h.date} name={h.name} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <p className="muted">{t('builtInNote')}</p>
      <div className="grid2">
        {[year, year + 1].map((y) => (
          <section key={y} data-testid={`builtin-holidays-${y}`}>
            <h2>{t('builtIn', { year: y })}</h2>
            <table>
              <tbody>
                {koreanHolidayEntries(y, y).map((h) => (
                  <tr key={`${h.date}-${h.name}`}>
                    <td style={{ whiteSpace: 'nowrap' }}>
                      {h.date} ({weekday(h.date)})
                    </td>
                    <td>
                      {h.name}
                      {h.substitute ? <span className="muted"> · {t('substitute')}</span> : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        ))}
      </div>
    </>
  );
}
