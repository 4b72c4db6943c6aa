import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import type { Actor } from '@/lib/auth/roles';
import { loadRetention, type RetentionView } from '@/lib/evidence/holds';
import { ReleaseHoldButton, SetHoldForm } from './retention-hold-forms';

type Tr = Awaited<ReturnType<typeof getTranslations<'retention'>>>;
type Formatter = Awaited<ReturnType<typeof getFormatter>>;

/**
 * Retention status, legal holds and the chain-of-custody export of one case.
 * The status line says what the purge job will do, from the same
 * rule it uses; an automatic hold (a pending appeal or lawsuit) is shown
 * with the manual ones but has no row to release. Auditors get nothing.
 */
export async function RetentionPanel({ caseId, actor }: { caseId: string; actor: Actor }) {
  const view = await loadRetention(caseId, actor, new Date());
  if (!view) return null;
  const [t, tx, format, locale] = await Promise.all([getTranslations('retention'), getTranslations('execution.appeals.kinds'), getFormatter(), getLocale()]);
  const day = (d: Date) => format.dateTime(d, { dateStyle: 'long' });

  return (
    <section className="card stack" aria-labelledby="retention-title" data-testid="retention-panel">
      <h3 id="retention-title">{t('title')}</h3>
      <StatusLine view={view} t={t} day={day} />

      {view.state.kind === 'held' ? (
        <ul className="stack" data-testid="retention-hold-reasons">
          {view.state.reasons.map((reason) => (
            <li key={reason} data-testid="retention-hold-reason" data-reason={reason}>
              <strong>{t(`holdReason.${reason}`)}</strong>
              {reason === 'appeal_pending' ? (
                <ul>
                  {view.pendingAppeals.map((a) => (
                    <li key={a.id} className="muted small">
                      {t('appeal', { kind: tx(a.kind), date: day(a.filedAt) })}
                    </li>
                  ))}
                </ul>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}

      <div className="stack">
        <h4>{t('holds.title')}</h4>
        {view.holds.length === 0 ? (
          <p className="muted small" data-testid="retention-holds-empty">
            {t('holds.empty')}
          </p>
        ) : (
          <ul className="stack" data-testid="retention-holds">
            {view.holds.map((h) => (
              <li key={h.id} data-testid="retention-hold" data-hold-id={h.id} data-active={!h.releasedAt}>
                <span className={`badge${h.releasedAt ? ' closed' : ' restricted'}`}>{h.releasedAt ? t('holds.released') : t('holds.active')}</span>{' '}
                <span style={{ whiteSpace: 'pre-wrap' }}>{h.reason}</span>
                <p className="muted small" style={{ margin: 0 }}>
                  {t('holds.setBy', { name: h.setByName ?? t('holds.unknown'), date: formatStamp(format, h.setAt) })}
                  {h.releasedAt
                    ? ` · ${t('holds.releasedBy', { name: h.releasedByName ?? t('holds.unknown'), date: formatStamp(format, h.releasedAt) })}`
                    : null}
                </p>
                {!h.releasedAt && view.mayManageHolds ? <ReleaseHoldButton caseId={caseId} holdId={h.id} /> : null}
              </li>
            ))}
          </ul>
        )}
        {view.mayManageHolds ? <SetHoldForm caseId={caseId} /> : null}
      </div>

      {view.mayExport ? (
        <div className="stack" data-testid="custody-export">
          <h4>{t('export.title')}</h4>
          <p className="muted small">{t('export.hint')}</p>
          <p className="row">
            {/* Plain links: the route streams the file with Content-Disposition and records the export. */}
            <a className="button secondary" href={`/api/cases/${caseId}/custody?format=pdf&lang=${locale}`} data-testid="custody-export-pdf" download>
              {t('export.pdf')}
            </a>
            <a className="button secondary" href={`/api/cases/${caseId}/custody?format=csv&lang=${locale}`} data-testid="custody-export-csv" download>
              {t('export.csv')}
            </a>
          </p>
        </div>
      ) : null}
    </section>
  );
}

function formatStamp(format: Formatter, d: Date): string {
  return format.dateTime(d, { dateStyle: 'medium', timeStyle: 'short', hourCycle: 'h23' });
}

/** One line: purged, or what the rule says now (kept, held, scheduled, due), with any partial purge. */
function StatusLine({ view, t, day }: { view: RetentionView; t: Tr; day: (d: Date) => string }) {
  const { state, files, retentionDays: days } = view;
  const allPurged = files.total > 0 && files.purged === files.total && files.lastPurgedAt;
  let line: string;
  if (allPurged) line = t('status.purged', { date: day(files.lastPurgedAt!), count: files.total });
  else if (state.kind === 'kept') line = t('status.kept', { days });
  else if (state.kind === 'held') line = state.purgeAt ? `${t('status.held')} ${t('status.heldUntil', { date: day(state.purgeAt), days })}` : t('status.held');
  else if (state.kind === 'scheduled') line = t('status.scheduled', { date: day(state.purgeAt), days });
  else line = t('status.due', { date: day(state.purgeAt) });
  return (
    <>
      <p className="alert info" data-testid="retention-status" data-state={allPurged ? 'purged' : state.kind} role="status">
        {line}
      </p>
      {!allPurged && files.purged > 0 ? (
        <p className="muted small" data-testid="retention-partly-purged">
          {t('status.partlyPurged', { count: files.purged, total: files.total })}
        </p>
      ) : null}
    </>
  );
}
