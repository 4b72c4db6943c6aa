import { getFormatter, getTranslations } from 'next-intl/server';
import type { Actor } from '@/lib/auth/roles';
import { COMMON_PLATFORMS } from '@/lib/takedowns/schemas';
import { loadTakedownPanel } from '@/lib/takedowns/service';
import type { TakedownStatus } from '@/lib/takedowns/status';
import { formatDateTime } from '../../format';
import { ChangeStatusForm, RecordLocationForm, RequestTakedownForm } from './forms';

/** Colour backs the word, never replaces it: green gone, red back or refused, amber being worked on, grey closed. */
const STATUS_TONE: Record<TakedownStatus, { background: string; color: string; borderColor: string; fontWeight?: number }> = {
  requested: { background: 'var(--info-bg)', color: 'var(--primary)', borderColor: 'var(--primary)' },
  in_progress: { background: 'var(--warn-bg)', color: 'var(--warn)', borderColor: 'var(--warn)' },
  removed: { background: 'var(--ok-bg)', color: 'var(--ok)', borderColor: 'var(--ok)', fontWeight: 700 },
  refused: { background: 'var(--danger-bg)', color: 'var(--danger)', borderColor: 'var(--danger)' },
  reuploaded: { background: 'var(--danger-bg)', color: 'var(--danger)', borderColor: 'var(--danger)', fontWeight: 700 },
  closed: { background: 'var(--surface)', color: 'var(--muted)', borderColor: 'var(--border)' },
};

const isCommonPlatform = (p: string): p is (typeof COMMON_PLATFORMS)[number] => (COMMON_PLATFORMS as readonly string[]).includes(p);

/**
 * Online locations and their takedown requests: the summary
 * "N locations, M removed", each location with its requests, badges, next
 * follow-up and history, and the forms for those who chase takedowns. The
 * address is plain text, never a link: opening it would show the material.
 */
export async function TakedownSection({ caseId, actor }: { caseId: string; actor: Actor }) {
  const [panel, t, format] = await Promise.all([loadTakedownPanel(caseId, actor), getTranslations('takedowns'), getFormatter()]);
  const serverNow = panel.asOf.getTime();
  const when = (at: Date) => formatDateTime(format, at);
  const platformName = (p: string) => (isCommonPlatform(p) ? t(`platforms.${p}`) : p);
  const { summary } = panel;

  return (
    <section data-testid="section-takedowns" aria-labelledby="takedowns-title">
      <h2 id="takedowns-title">{t('title')}</h2>
      <p className="muted small">{t('intro', { days: panel.reminderDays })}</p>
      <p className="row" data-testid="takedown-summary" data-locations={summary.locations} data-removed={summary.removed} data-open={summary.open}>
        <strong>{t('summary', { locations: summary.locations, removed: summary.removed })}</strong>
        {summary.open > 0 ? <span className="muted">{t('summaryOpen', { open: summary.open })}</span> : null}
      </p>

      {panel.locations.length === 0 ? (
        <p className="card muted" data-testid="takedowns-empty">
          {panel.mayManage ? t('empty') : t('emptyReadOnly')}
        </p>
      ) : null}
      {panel.locations.length > 0 && !panel.mayManage ? <p className="muted small">{t('urlHidden')}</p> : null}

      {panel.locations.map((l) => (
        <article key={l.id} className="card" data-testid="takedown-location" data-location-id={l.id}>
          <dl className="meta">
            <dt>{t('location.platform')}</dt>
            <dd data-testid="takedown-platform">{platformName(l.platform)}</dd>
            {l.url !== null ? (
              <>
                <dt>{t('location.url')}</dt>
                <dd>
                  <code data-testid="takedown-url" style={{ wordBreak: 'break-all', userSelect: 'all' }}>
                    {l.url}
                  </code>
                  <p className="muted small" style={{ margin: '2px 0 0' }}>
                    {t('urlWarning')}
                  </p>
                </dd>
              </>
            ) : null}
            <dt>{t('location.firstSeenAt')}</dt>
            <dd>{when(l.firstSeenAt)}</dd>
            {l.firstSeenBy !== null ? (
              <>
                <dt>{t('location.firstSeenBy')}</dt>
                <dd>{l.firstSeenBy}</dd>
              </>
            ) : null}
          </dl>
          <p className="muted small">{t('location.recorded', { name: l.recordedByName, at: when(l.recordedAt) })}</p>

          <h3>{t('requests.title')}</h3>
          {l.requests.length === 0 ? (
            <p className="muted" data-testid="takedown-no-requests">
              {t('requests.none')}
            </p>
          ) : (
            <div style={{ overflowX: 'auto' }}>
              <table>
                <thead>
                  <tr>
                    <th scope="col">{t('requests.target')}</th>
                    <th scope="col">{t('requests.requestedAt')}</th>
                    <th scope="col">{t('requests.referenceNo')}</th>
                    <th scope="col">{t('requests.status')}</th>
                    <th scope="col">{t('requests.nextReminder')}</th>
                  </tr>
                </thead>
                <tbody>
                  {l.requests.map((r) => (
                    <tr key={r.id} data-testid="takedown-request" data-request-id={r.id} data-status={r.status}>
                      <th scope="row">{t(`target.${r.target}`)}</th>
                      <td>{when(r.requestedAt)}</td>
                      <td data-testid="takedown-reference">{r.referenceNo ?? <span className="muted">{t('requests.noReference')}</span>}</td>
                      <td>
                        <span className="badge" style={STATUS_TONE[r.status]} data-testid="takedown-status" data-status={r.status}>
                          {t(`status.${r.status}`)}
                        </span>
                        <div className="muted small">{when(r.statusAt)}</div>
                        <details>
                          <summary className="small">{t('requests.history', { count: r.updates.length })}</summary>
                          <ol className="small" style={{ paddingLeft: 18, margin: '4px 0' }}>
                            {r.updates.map((u, i) => (
                              <li key={i}>
                                {t('requests.historyEntry', { status: t(`status.${u.status}`), at: when(u.at), actor: u.actorName ?? t('requests.system') })}
                                {u.note ? <div className="muted">{u.note}</div> : null}
                              </li>
                            ))}
                          </ol>
                        </details>
                      </td>
                      <td data-testid="takedown-next-reminder">
                        {r.nextReminderAt ? when(r.nextReminderAt) : <span className="muted">{t('requests.noReminder')}</span>}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}

          {panel.mayManage ? (
            <div className="grid2 no-print" style={{ marginTop: 12 }}>
              {l.requests
                .filter((r) => r.allowed.length > 0)
                .map((r) => (
                  <ChangeStatusForm
                    key={`${r.id}-${r.version}`}
                    caseId={caseId}
                    requestId={r.id}
                    version={r.version}
                    allowed={r.allowed}
                    hasReference={r.referenceNo !== null}
                    subject={t(`target.${r.target}`)}
                    serverNow={serverNow}
                  />
                ))}
              <RequestTakedownForm caseId={caseId} locationId={l.id} serverNow={serverNow} />
            </div>
          ) : null}
        </article>
      ))}

      {panel.mayManage ? (
        <div className="grid2 no-print">
          <RecordLocationForm caseId={caseId} serverNow={serverNow} />
        </div>
      ) : null}
    </section>
  );
}
