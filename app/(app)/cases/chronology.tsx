import { getFormatter, getTranslations } from 'next-intl/server';
import type { CaseView } from '@/lib/cases/service';
import { formatDateTime } from './format';

type Event = CaseView['events'][number];
type Party = CaseView['parties'][number];

const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);
/** Late recording is normal (the law's clocks run from when a step happened); a minute's gap is not "late". */
const LATE_MS = 60_000;

/** Every event as it happened and as it was recorded, with who recorded it and the facts it carries. */
export async function Chronology({ events, parties, identities }: { events: CaseView['events']; parties: CaseView['parties']; identities: boolean }) {
  const [t, tc, tv, format] = await Promise.all([getTranslations('cases.chronology'), getTranslations('cases'), getTranslations('vocab'), getFormatter()]);
  const byId = new Map(parties.map((p) => [p.id, p]));
  /** A stored enum value in its label, or as stored when the vocabulary does not know it. */
  const term = (ns: 'guardianMethod' | 'separationMethod' | 'exemptionReason' | 'decision' | 'emergencyMeasure', value: unknown) => {
    const v = str(value);
    if (!v) return undefined;
    const key = `${ns}.${v}`;
    return tc.has(key as never) ? tc(key as never) : v;
  };
  const guardianOf = (p: Party | undefined) =>
    p
      ? p.guardianName
        ? tc('steps.guardianOf', { guardian: p.guardianName, student: p.label })
        : tc('steps.guardianOfUnnamed', { student: p.label })
      : undefined;

  const details = (e: Event): string[] => {
    const d = e.data;
    const out: (string | undefined | false)[] = [];
    switch (e.type) {
      case 'guardians_notified': {
        const who = guardianOf(byId.get(str(d.guardianPartyId) ?? ''));
        const method = term('guardianMethod', d.method);
        out.push(who && t('guardian', { who }), method && t('method', { method }));
        break;
      }
      case 'separation_started': {
        const method = term('separationMethod', d.method);
        const date = str(d.plannedEnd);
        out.push(method && t('method', { method }), date && t('plannedEnd', { date }));
        break;
      }
      case 'separation_exempted': {
        const reason = term('exemptionReason', d.reason);
        out.push(reason && t('reason', { reason }));
        break;
      }
      case 'separation_request_reviewed': {
        const decision = term('decision', d.decision);
        out.push(decision && t('decision', { decision }));
        break;
      }
      case 'emergency_measure_taken': {
        const measure = term('emergencyMeasure', d.measure);
        const who = byId.get(str(d.perpetratorPartyId) ?? '')?.label;
        out.push(measure && t('measure', { measure }), who && t('target', { who }));
        break;
      }
      case 'police_reported': {
        const [station, number, officer] = [str(d.station), str(d.reportNumber), str(d.officer)];
        out.push(station && t('station', { station }), number && t('reportNumber', { number }), officer && t('officer', { officer }));
        break;
      }
      case 'contact_ban_in_force':
        out.push(d.automatic === true && t('automatic'));
        break;
    }
    // Free-text notes may name students; people who see pseudonyms do not see them.
    const note = identities ? str(d.note) : undefined;
    out.push(note && t('note', { note }));
    return out.filter((x): x is string => Boolean(x));
  };

  return (
    <section data-testid="chronology" aria-labelledby="chronology-title">
      <h2 id="chronology-title">{t('title')}</h2>
      {events.length === 0 ? (
        <p className="card empty">{t('empty')}</p>
      ) : (
        <ol className="timeline">
          {events.map((e) => {
            const late = Math.abs(new Date(e.recordedAt).getTime() - new Date(e.occurredAt).getTime()) > LATE_MS;
            const typeKey = `event.${e.type}`;
            return (
              <li key={e.id} data-testid={`event-${e.type}`} data-event-type={e.type}>
                <div className="row">
                  <strong>{tv.has(typeKey as never) ? tv(typeKey as never) : e.type}</strong>
                  {e.data.awaitingRatification === true ? (
                    <span className="badge due_soon" data-testid="awaiting-ratification">
                      {t('awaitingRatification')}
                    </span>
                  ) : null}
                </div>
                <div className="muted small">
                  <time dateTime={new Date(e.occurredAt).toISOString()}>{formatDateTime(format, e.occurredAt)}</time>
                  {late ? (
                    <>
                      {' · '}
                      <time dateTime={new Date(e.recordedAt).toISOString()} data-testid="recorded-at">
                        {t('recordedAt', { time: formatDateTime(format, e.recordedAt) })}
                      </time>
                    </>
                  ) : null}
                  {' · '}
                  {t('by', { name: e.actorName ?? t('system') })}
                </div>
                {details(e).map((line) => (
                  <div key={line} className="detail">
                    {line}
                  </div>
                ))}
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
