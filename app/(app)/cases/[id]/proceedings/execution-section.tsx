import { getFormatter, getTranslations } from 'next-intl/server';
import type { CaseStatus } from '@/lib/cases/constants';
import type { CaseActionName } from '@/lib/cases/workflow';
import { loadExecutionPanel, type ExecutionPanel } from '@/lib/execution/load';
import { estimateGraduationDate, recordField, requirementsFor, type Progress, type Requirement } from '@/lib/execution/rules';
import { kstDateOf, recordRetention, type MeasureNumber } from '@/lib/rules';
import { formatDateTime } from '../../format';
import { AppealOutcomeForm, AppealStepForm, FileAppealForm } from './execution-appeal-forms';
import { CloseCaseForm, ProgressForm, RequestTransferForm } from './execution-forms';
import { RecordPanel, type RecordStudent } from './execution-record';
import type { SectionProps } from './types';

/** Statuses in which a decision can exist; before them there is nothing to execute. */
const SHOWN_IN: readonly CaseStatus[] = ['decided', 'disposition_issued', 'in_execution', 'appeal_pending', 'closed'];

const STATUS_BADGE = { waiting: 'not_applicable', in_progress: 'pending', completed: 'met', paused: 'due_soon' } as const;

type Execution = ExecutionPanel['executions'][number];

/**
 * Execution, appeals and the student record: each decided measure tracked to
 * completion (transfer first), the appeals with their stays and the victim's
 * notice, closing, and the record panel with the deletion review.
 */
export async function ExecutionSection({ view, actor, now }: SectionProps) {
  if (!SHOWN_IN.includes(view.case.status)) return null;
  const panel = await loadExecutionPanel(view.case.id, actor);
  const decisions = panel.decisions.filter((d) => d.measures.length > 0);
  if (decisions.length === 0 && panel.appeals.length === 0) return null;

  const [t, format] = await Promise.all([getTranslations('execution'), getFormatter()]);
  const can = (action: CaseActionName) => view.actions.includes(action);
  const caseId = view.case.id;
  const serverNow = now.getTime();
  const today = kstDateOf(now.toISOString());
  const reportedAt = view.case.reportedAt.toISOString();
  const partyOf = (partyId: string) => view.parties.find((p) => p.id === partyId);
  const studentOf = (decisionId: string | null) => {
    const d = panel.decisions.find((x) => x.id === decisionId);
    return (d && partyOf(d.perpetratorPartyId)?.label) ?? t('unknownStudent');
  };
  const measureName = (m: number) => t(`measures.${m}` as never);
  const when = (at: string) => formatDateTime(format, at);

  const detail = (r: Requirement, p: Progress): string | null => {
    switch (r) {
      case 'deliveredOn':
        return p.deliveredOn ?? null;
      case 'period':
        return p.startDate ? `${p.startDate} ~ ${p.endDate ?? ''}` : null;
      case 'hours':
        return p.hoursRequired !== undefined || p.hoursDone !== undefined ? t('hoursOf', { done: p.hoursDone ?? 0, required: p.hoursRequired ?? '?' }) : null;
      // The new class and school locate the student; pseudonym-only viewers get the dates without them.
      case 'newClass':
        return p.changedOn ? (view.identities && p.newClass ? `${p.newClass} (${p.changedOn})` : p.changedOn) : null;
      case 'transferRequested':
        return p.transferRequestedAt ? when(p.transferRequestedAt) : null;
      case 'transferredOn':
        return p.transferredOn ? `${p.transferredOn}${view.identities && p.newSchool ? ` · ${p.newSchool}` : ''}` : null;
      case 'expelledOn':
        return p.expelledOn ?? null;
      case 'guardianHours':
        return p.guardianHoursRequired !== undefined || p.guardianHoursDone !== undefined
          ? t('hoursOf', { done: p.guardianHoursDone ?? 0, required: p.guardianHoursRequired ?? '?' })
          : null;
    }
  };

  const row = (e: Execution) => {
    const annulled = e.progress.annulled === true;
    const canProgress = can('record_execution') && e.status !== 'paused' && !e.waitingForTransfer && !annulled;
    const progressForm = <ProgressForm caseId={caseId} executionId={e.id} measure={e.measure} progress={e.progress} today={today} serverNow={serverNow} />;
    return (
      <article key={e.id} className="card step-form" data-testid={`execution-${e.measure}`} data-status={e.status} data-execution-id={e.id}>
        <h4 className="row" style={{ margin: '0 0 6px' }}>
          <span>{measureName(e.measure)}</span>
          <span className={`badge ${STATUS_BADGE[e.status]}`} data-testid="execution-status">
            {t(`status.${e.status}`)}
          </span>
          {annulled ? <span className="badge">{t('annulled')}</span> : null}
        </h4>
        {e.periodDays ? <p className="muted small">{t('periodDays', { days: e.periodDays })}</p> : null}
        <ul className="small" style={{ margin: '4px 0 8px', paddingLeft: 18 }}>
          {requirementsFor(e.measure).map((r) => {
            const done = annulled || !e.missing.includes(r);
            const value = detail(r, e.progress);
            return (
              <li key={r} data-done={done}>
                {done ? '✓ ' : '○ '}
                {t(`requirements.${r}`)}
                {value ? <span className="muted"> — {value}</span> : null}
              </li>
            );
          })}
        </ul>
        {e.waitingForTransfer ? <p className="alert info small">{t('waitingForTransfer')}</p> : null}
        {e.status === 'paused' ? <p className="alert warn small">{t('pausedByStay')}</p> : null}
        {e.measure === 8 && !e.progress.transferRequestedAt && can('request_transfer') && e.status !== 'paused' && !annulled ? (
          <RequestTransferForm caseId={caseId} executionId={e.id} serverNow={serverNow} />
        ) : null}
        {canProgress ? (
          e.status === 'completed' ? (
            <details>
              <summary>{t('progress.correct')}</summary>
              {progressForm}
            </details>
          ) : (
            progressForm
          )
        ) : null}
      </article>
    );
  };

  const blockers = panel.closeBlockers.map((b) =>
    b.kind === 'appealPending' ? t('close.appealPending') : t('close.measureOpen', { student: studentOf(b.decisionId), measure: measureName(b.measure) }),
  );
  const noticeTasks = panel.appeals.filter((a) => a.needsVictimNotice);
  const anyAppealPending = panel.appeals.some((a) => a.outcome === 'pending');

  const students: RecordStudent[] = decisions.map((d) => {
    const party = partyOf(d.perpetratorPartyId);
    return {
      decisionId: d.id,
      label: party?.label ?? t('unknownStudent'),
      graduationEstimate: estimateGraduationDate({ schoolLevel: view.case.schoolLevel, grade: party?.grade ?? null, reportedAt }),
      measures: d.measures.map(({ measure }) => {
        const reviews = panel.reviews.filter((r) => r.decisionId === d.id && r.measure === measure);
        return {
          measure,
          field: recordField(measure, reportedAt),
          // Whether a review is allowed does not depend on the graduation date; the report date picks the rulebook.
          reviewable: recordRetention({ measure: measure as MeasureNumber, reportedAt, graduationDate: kstDateOf(reportedAt) }).preGraduationReview,
          annulled: panel.executions.some((e) => e.decisionId === d.id && e.measure === measure && e.progress.annulled === true),
          deleted: reviews.some((r) => r.outcome === 'deleted'),
          reviews: reviews.map((r) => ({ outcome: r.outcome, reviewedAt: r.reviewedAt })),
        };
      }),
    };
  });

  return (
    <section data-testid="section-execution" aria-labelledby="execution-title">
      <h2 id="execution-title">{t('title')}</h2>

      {noticeTasks.map((a) => (
        <div key={a.id} className="alert warn" role="status" data-testid="victim-notice-task" data-appeal-id={a.id}>
          <p style={{ margin: 0 }}>
            <strong>{t('victimNotice.title')}</strong>
          </p>
          <p style={{ margin: '4px 0' }}>{t('victimNotice.body', { student: studentOf(a.decisionId), body: a.body, filedAt: when(a.filedAt) })}</p>
          {can('notify_victim_of_appeal') ? (
            <AppealStepForm caseId={caseId} appealId={a.id} type="notify_victim_of_appeal" serverNow={serverNow} />
          ) : (
            <p className="small" style={{ margin: 0 }}>
              {t('victimNotice.who')}
            </p>
          )}
        </div>
      ))}

      <h3>{t('measuresTitle')}</h3>
      {decisions.length === 0 ? <p className="muted">{t('noMeasures')}</p> : null}
      {decisions.map((d) => {
        const rows = panel.executions.filter((e) => e.decisionId === d.id);
        const untracked = d.measures.filter((m) => !rows.some((r) => r.measure === m.measure));
        return (
          <div key={d.id} className="stack" style={{ marginBottom: 16 }} data-testid="execution-student" data-decision-id={d.id}>
            <h4 style={{ margin: 0 }}>{studentOf(d.id)}</h4>
            {rows.some((r) => r.waitingForTransfer) ? <p className="alert info">{t('transferFirst')}</p> : null}
            <div className="step-grid">{rows.map(row)}</div>
            {untracked.length ? <p className="muted small">{t('untracked', { measures: untracked.map((m) => measureName(m.measure)).join(', ') })}</p> : null}
          </div>
        );
      })}

      {can('close_case') ? (
        <div className="card" data-testid="close-case">
          <h3 style={{ marginTop: 0 }}>{t('close.title')}</h3>
          {blockers.length ? (
            <div className="alert info" data-testid="close-blockers">
              <p style={{ margin: 0 }}>{t('close.blocked')}</p>
              <ul style={{ margin: '4px 0 0' }}>
                {blockers.map((b) => (
                  <li key={b}>{b}</li>
                ))}
              </ul>
            </div>
          ) : (
            <p className="muted small">{t('close.ready')}</p>
          )}
          <CloseCaseForm caseId={caseId} blocked={blockers.length > 0} serverNow={serverNow} />
        </div>
      ) : null}

      <h3>{t('appeals.title')}</h3>
      {panel.appeals.length === 0 ? <p className="muted">{t('appeals.none')}</p> : null}
      <div className="stack">
        {panel.appeals.map((a) => (
          <article key={a.id} className="card" data-testid="appeal" data-appeal-id={a.id} data-outcome={a.outcome}>
            <h4 className="row" style={{ margin: '0 0 6px' }}>
              <span>
                {t(`appeals.kinds.${a.kind}`)} · {t(`appeals.sides.${a.side}`)}
              </span>
              <span className={`badge ${a.outcome === 'pending' ? 'pending' : 'closed'}`}>{t(`appeals.outcomes.${a.outcome}`)}</span>
              {a.stayInForce ? (
                <span className="badge due_soon" data-testid="stay-in-force">
                  {t('appeals.stayInForce')}
                </span>
              ) : null}
            </h4>
            <dl className="meta small">
              <dt>{t('appeals.body')}</dt>
              <dd>{a.body}</dd>
              <dt>{t('appeals.filedAt')}</dt>
              <dd>{when(a.filedAt)}</dd>
              <dt>{t('appeals.decision')}</dt>
              <dd>{studentOf(a.decisionId)}</dd>
              {a.stayGrantedAt ? (
                <>
                  <dt>{t('appeals.stay')}</dt>
                  <dd>
                    {a.stayLiftedAt
                      ? t('appeals.stayPeriod', { from: when(a.stayGrantedAt), to: when(a.stayLiftedAt) })
                      : t('appeals.staySince', { from: when(a.stayGrantedAt) })}
                  </dd>
                </>
              ) : null}
              {a.side === 'perpetrator' ? (
                <>
                  <dt>{t('appeals.victimNotice')}</dt>
                  <dd>{a.victimNotifiedAt ? when(a.victimNotifiedAt) : t('appeals.victimNoticePending')}</dd>
                </>
              ) : null}
              {a.outcomeAt ? (
                <>
                  <dt>{t('appeals.outcome')}</dt>
                  <dd>
                    {t(`appeals.outcomes.${a.outcome}`)} · {when(a.outcomeAt)}
                  </dd>
                </>
              ) : null}
            </dl>
            <div className="step-grid" style={{ marginTop: 8 }}>
              {a.outcome === 'pending' && !a.stayInForce && can('grant_stay') ? (
                <AppealStepForm caseId={caseId} appealId={a.id} type="grant_stay" serverNow={serverNow} />
              ) : null}
              {a.stayInForce && can('lift_stay') ? <AppealStepForm caseId={caseId} appealId={a.id} type="lift_stay" serverNow={serverNow} /> : null}
              {a.outcome === 'pending' && can('record_appeal_outcome') ? (
                a.needsVictimNotice ? (
                  <p className="muted small">{t('appeals.notifyFirst')}</p>
                ) : (
                  <AppealOutcomeForm caseId={caseId} appealId={a.id} serverNow={serverNow} />
                )
              ) : null}
            </div>
          </article>
        ))}
      </div>
      {can('file_appeal') && decisions.length ? (
        <div className="card" style={{ marginTop: 12 }}>
          <FileAppealForm caseId={caseId} decisions={decisions.map((d) => ({ id: d.id, label: studentOf(d.id) }))} serverNow={serverNow} />
        </div>
      ) : null}

      {decisions.length ? (
        <>
          <h3>{t('record.title')}</h3>
          <RecordPanel
            caseId={caseId}
            reportedAt={reportedAt}
            students={students}
            canReview={can('review_record_deletion')}
            litigationPending={anyAppealPending}
            serverNow={serverNow}
          />
        </>
      ) : null}
    </section>
  );
}
