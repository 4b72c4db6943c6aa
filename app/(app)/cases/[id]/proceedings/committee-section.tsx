import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { loadCommitteeView } from '@/lib/committee/committee-view';
import { HEARING_DOCUMENT_KINDS, HEARING_PARTY_ROLES, HEARING_PROPOSAL_COUNT } from '@/lib/committee/constants';
import { daysUntil } from '@/lib/committee/rules';
import { buildCalendar, kstDateOf, proposeHearingDates } from '@/lib/rules';
import { DeadlineBadge } from '../../deadline-badge';
import { formatDateTime, formatDue } from '../../format';
import { ExtendCommitteeForm, HearingNoticeForm, MemberConflictForm, ScheduleHearingForm } from './committee-forms';
import { RecordHearingForm } from './committee-hearing-form';
import type { SectionProps } from './types';

const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);
const OPEN = new Set(['pending', 'due_soon', 'breached']);
const DOCUMENT_ORDER = [
  HEARING_DOCUMENT_KINDS.victimStatement,
  HEARING_DOCUMENT_KINDS.perpetratorStatement,
  HEARING_DOCUMENT_KINDS.expertOpinion,
  HEARING_DOCUMENT_KINDS.minutes,
] as string[];

/**
 * The committee stage (docs/domain-process.md §3 rows 12–13): the meeting clock, the
 * hearing and its panel with conflicts, the notices, the attendance once
 * held, and the secretary's forms for the steps open now.
 */
export async function CommitteeSection({ view, actor, now }: SectionProps) {
  const started =
    view.events.some((e) => e.type === 'committee_requested') || view.case.status === 'committee_requested' || view.case.status === 'hearing_scheduled';
  if (!started) return null;

  const [cv, t, tc, tv, format] = await Promise.all([
    loadCommitteeView(view.case.id, actor),
    getTranslations('committee'),
    getTranslations('cases'),
    getTranslations('vocab'),
    getFormatter(),
  ]);
  const endOfDay = (date: string) => tc('deadlines.endOfDay', { date });
  const meeting = view.deadlines.find((d) => d.key === 'committee_meeting');
  const dueAt = meeting?.dueAt ?? null;
  const dueLabel = dueAt ? formatDue(format, endOfDay, dueAt) : null;
  const hearing = cv.hearing;
  const held = hearing?.status === 'held';
  const scheduled = hearing?.status === 'scheduled';
  const extension = view.events.find((e) => e.type === 'committee_extended');
  const lastSchedule = [...view.events].reverse().find((e) => e.type === 'hearing_scheduled');
  const notices = view.events.filter((e) => e.type === 'hearing_notice_sent');
  const partyLabel = new Map(view.parties.map((p) => [p.id, p.label]));
  const hearingParties = view.parties
    .filter((p) => (HEARING_PARTY_ROLES as readonly string[]).includes(p.role))
    .map((p) => ({ id: p.id, role: p.role, label: p.label, guardianName: p.guardianName }));
  // People who see pseudonyms see the panel by seat, not by name.
  const seat = new Map(hearing?.panel.map((m, i) => [m.id, i + 1]));
  const memberLabel = (m: { id: string; name: string | null }) => m.name ?? t('panel.seatNumber', { n: seat.get(m.id) ?? 0 });
  const may = (a: (typeof view.actions)[number]) => view.actions.includes(a);

  const proposals =
    may('schedule_hearing') && !held && dueAt
      ? proposeHearingDates({
          dueAt,
          from: now.toISOString(),
          calendar: buildCalendar(cv.extraHolidays, { from: Number(kstDateOf(now.toISOString()).slice(0, 4)), to: Number(kstDateOf(dueAt).slice(0, 4)) }),
          count: HEARING_PROPOSAL_COUNT,
          minLeadDays: 1,
        }).map((date) => ({ date, label: format.dateTime(new Date(`${date}T12:00:00+09:00`), { month: 'short', day: 'numeric', weekday: 'short' }) }))
      : [];
  const days = dueAt && meeting && OPEN.has(meeting.status) ? daysUntil(dueAt, now) : null;
  const sitting = hearing?.panel.filter((m) => !m.excluded) ?? [];
  const excluded = hearing?.panel.filter((m) => m.excluded) ?? [];

  return (
    <section data-testid="section-committee" aria-labelledby="committee-title">
      <h2 id="committee-title">{t('title')}</h2>

      <div className="card" data-testid="committee-deadline">
        <p className="row" style={{ margin: 0 }}>
          <strong>{tv('deadline.committee_meeting')}</strong>
          {meeting ? <DeadlineBadge status={meeting.status} testId="committee-deadline-status" /> : null}
          {dueLabel ? <span>{t('deadline.due', { due: dueLabel })}</span> : null}
          {days !== null ? (
            <span className="badge" data-testid="committee-days-left" data-days={days}>
              {days >= 0 ? t('deadline.daysLeft', { count: days }) : t('deadline.daysOverdue', { count: -days })}
            </span>
          ) : null}
        </p>
        <p className="muted small" style={{ margin: '4px 0 0' }} data-testid="committee-extension">
          {extension
            ? t('deadline.extended', {
                reason: t(`extensionReason.${str(extension.data.reason) ?? 'other'}` as never),
                date: formatDateTime(format, extension.occurredAt),
              })
            : t('deadline.notExtended')}
        </p>
        {cv.canManagePool ? (
          <p className="small" style={{ margin: '4px 0 0' }}>
            <Link href={`/committee?office=${cv.officeId}`}>{t('pool.manageLink')}</Link>
          </p>
        ) : null}
      </div>

      {hearing ? (
        <div className="card" data-testid="committee-hearing" data-status={hearing.status}>
          <h3 style={{ marginTop: 0 }}>{t('hearing.title')}</h3>
          <dl className="meta">
            <dt>{t('hearing.when')}</dt>
            <dd data-testid="hearing-scheduled-at">
              {formatDateTime(format, hearing.scheduledAt)}
              {lastSchedule?.data.afterDeadline === true ? (
                <span className="badge met_late" style={{ marginLeft: 8 }} data-testid="hearing-after-deadline">
                  {t('hearing.afterDeadline')}
                </span>
              ) : null}
            </dd>
            <dt>{t('hearing.where')}</dt>
            <dd>{hearing.location}</dd>
            <dt>{t('hearing.status')}</dt>
            <dd>
              <span className={`badge ${held ? 'met' : 'pending'}`}>{t(`hearingStatus.${hearing.status}`)}</span>
              {held && hearing.heldAt ? <span className="muted small"> · {formatDateTime(format, hearing.heldAt)}</span> : null}
            </dd>
          </dl>
          {scheduled && cv.canDownloadInvite ? (
            <p className="no-print">
              <a className="button secondary" href={`/api/cases/${view.case.id}/hearing.ics`} download data-testid="hearing-ics">
                {t('hearing.ics')}
              </a>
            </p>
          ) : null}

          <h4>{t('panel.title')}</h4>
          <div className="table-scroll">
            <table data-testid="hearing-panel">
              <thead>
                <tr>
                  <th scope="col">{t('panel.member')}</th>
                  <th scope="col">{t('panel.category')}</th>
                  <th scope="col">{t('panel.seat')}</th>
                  <th scope="col">{t('panel.conflicts')}</th>
                </tr>
              </thead>
              <tbody>
                {hearing.panel.map((m) => {
                  const conflicts = hearing.conflicts.filter((c) => c.memberId === m.id);
                  return (
                    <tr key={m.id} data-testid={`panel-row-${m.id}`} data-excluded={m.excluded}>
                      <td>{memberLabel(m)}</td>
                      <td>{t(`category.${m.category}`)}</td>
                      <td>
                        {m.excluded ? <span className="badge breached">{t('panel.excluded')}</span> : <span className="badge">{t('panel.sitting')}</span>}
                      </td>
                      <td>
                        {conflicts.length === 0
                          ? '—'
                          : conflicts.map((c) => (
                              <div key={c.id} className="small" data-testid={`conflict-${c.id}`}>
                                {t(`conflictKind.${c.kind}` as never)} · {t(`conflictOutcome.${c.outcome}` as never)}
                                {c.raisedByPartyId ? ` · ${t('conflict.raisedByParty', { party: partyLabel.get(c.raisedByPartyId) ?? '—' })}` : ''}
                                <span className="muted"> · {formatDateTime(format, c.recordedAt)}</span>
                                {c.note ? <div className="muted">{c.note}</div> : null}
                              </div>
                            ))}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          <p className="muted small">{t('panel.summary', { sitting: sitting.length, total: hearing.panel.length })}</p>

          <h4>{t('notice.title')}</h4>
          {notices.length === 0 ? (
            <p className="muted small" data-testid="hearing-notices-none">
              {t('notice.none')}
            </p>
          ) : (
            <ul data-testid="hearing-notices">
              {notices.map((n) => {
                const ids = Array.isArray(n.data.partyIds) ? (n.data.partyIds as string[]) : [];
                return (
                  <li key={n.id} className="small">
                    {formatDateTime(format, n.occurredAt)} · {t(`noticeMethod.${str(n.data.method) ?? 'post'}` as never)} ·{' '}
                    {ids.map((id) => partyLabel.get(id) ?? '—').join(', ')}
                    {/* The hearing moved after this notice went out: the parties need a new one. */}
                    {str(n.data.hearingAt) && str(n.data.hearingAt) !== hearing.scheduledAt.toISOString() ? (
                      <span className="badge due_soon" style={{ marginLeft: 8 }} data-testid="notice-outdated">
                        {t('notice.outdated')}
                      </span>
                    ) : null}
                  </li>
                );
              })}
            </ul>
          )}

          {held && hearing.attendance ? (
            <div data-testid="hearing-attendance">
              <h4>{t('attendance.title')}</h4>
              <p className="small">
                {t('attendance.members', {
                  present: hearing.attendance.members.present.length,
                  sitting: hearing.attendance.members.present.length + hearing.attendance.members.absent.length,
                })}
              </p>
              <ul className="small">
                {hearing.attendance.parties.map((p) => (
                  <li key={p.partyId}>
                    {partyLabel.get(p.partyId) ?? '—'}: {t(`attendanceMode.${p.mode}`)}
                  </li>
                ))}
              </ul>
              <p className="small">{hearing.attendance.expertRequested ? t('attendance.expertRequested') : t('attendance.expertNotRequested')}</p>
              {cv.readsRecord && hearing.documents.length ? (
                <details data-testid="hearing-record">
                  <summary>{t('attendance.record')}</summary>
                  {[...hearing.documents]
                    .sort((a, b) => DOCUMENT_ORDER.indexOf(a.kind) - DOCUMENT_ORDER.indexOf(b.kind))
                    .map((d) => (
                      <div key={d.kind}>
                        <h5>{t(`document.${d.kind}` as never)}</h5>
                        <p className="summary" style={{ whiteSpace: 'pre-wrap' }}>
                          {d.body}
                        </p>
                      </div>
                    ))}
                </details>
              ) : null}
            </div>
          ) : null}
        </div>
      ) : (
        <p className="card empty" data-testid="committee-no-hearing">
          {t('hearing.none')}
        </p>
      )}

      <div className="step-grid no-print">
        {may('schedule_hearing') && !held ? (
          <ScheduleHearingForm
            caseId={view.case.id}
            dueAt={dueAt}
            dueLabel={dueLabel}
            proposals={proposals}
            members={cv.activeMembers}
            current={
              hearing && scheduled
                ? { scheduledAt: hearing.scheduledAt.toISOString(), location: hearing.location, panel: hearing.panel.map((m) => m.id) }
                : null
            }
          />
        ) : null}
        {may('extend_committee') && !extension && !held ? <ExtendCommitteeForm caseId={view.case.id} dueLabel={dueLabel} /> : null}
        {may('record_member_conflict') && scheduled && hearing ? (
          <MemberConflictForm caseId={view.case.id} panel={hearing.panel} parties={hearingParties} serverNow={now.getTime()} />
        ) : null}
        {may('send_hearing_notice') && scheduled ? <HearingNoticeForm caseId={view.case.id} parties={hearingParties} serverNow={now.getTime()} /> : null}
        {may('record_hearing') && scheduled && hearing ? (
          <RecordHearingForm
            caseId={view.case.id}
            scheduledAt={hearing.scheduledAt.toISOString()}
            sitting={sitting}
            excluded={excluded}
            parties={hearingParties}
            serverNow={now.getTime()}
          />
        ) : null}
      </div>
    </section>
  );
}
