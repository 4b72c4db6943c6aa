import { getFormatter, getTranslations } from 'next-intl/server';
import { SELF_RESOLUTION_CONDITIONS } from '@/lib/cases/self-resolution';
import { loadInvestigation } from '@/lib/proceedings/investigation';
import { loadSchoolReview } from '@/lib/proceedings/review';
import { DeadlineBadge } from '../../deadline-badge';
import { formatDateTime, formatDue } from '../../format';
import { AssignInvestigatorForm, ExtendInvestigationForm, ReportForm, StatementForm, type PartyOption } from './investigation-forms';
import { CloseNotViolenceForm, ReopenCaseForm, RequestCommitteeForm, SelfResolveForm } from './investigation-outcome-forms';
import { SchoolReviewForm } from './investigation-review-form';
import { ReviewVerdict } from './investigation-verdict';
import type { SectionProps } from './types';

/** Statuses before the investigation: nothing to show yet. */
const BEFORE = new Set(['reported', 'initial_response']);
const PERPETRATOR_ROLES = new Set(['alleged_perpetrator', 'both']);
const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

/**
 * The investigator's work (assignment, statements, extension, report) and
 * the school body's review with its verdict, then the head's way out. Forms
 * appear only for steps the workflow offers this actor now (`view.actions`),
 * narrowed by this area's own rules: only the assigned investigator records,
 * and self-resolution only after an eligible review.
 */
export async function InvestigationSection({ view, actor, now }: SectionProps) {
  const c = view.case;
  const can = (name: (typeof view.actions)[number]) => view.actions.includes(name);
  if (BEFORE.has(c.status)) return null;

  const [inv, review, t, tc, tv, format] = await Promise.all([
    loadInvestigation(c.id, actor, { investigatorOptions: can('assign_investigator') }),
    loadSchoolReview(c.id, actor),
    getTranslations('investigation'),
    getTranslations('cases'),
    getTranslations('vocab'),
    getFormatter(),
  ]);
  const when = (at: Date | string) => formatDateTime(format, at);
  const endOfDay = (date: string) => tc('deadlines.endOfDay', { date });
  const partyById = new Map(view.parties.map((p) => [p.id, p]));
  const partyLabels = Object.fromEntries(view.parties.map((p) => [p.id, p.label]));
  const text = (id: unknown) => inv.texts[str(id) ?? ''] ?? null;
  const lastEvent = (type: string, match: (d: Record<string, unknown>) => boolean = () => true) =>
    view.events.filter((e) => e.type === type && match(e.data)).at(-1);

  const deadline = view.deadlines.find((d) => d.key === 'investigation');
  const extended = lastEvent('investigation_extended');
  const reported = lastEvent('investigation_reported');
  const selfResolved = lastEvent('self_resolved');
  const committee = lastEvent('committee_requested');
  const closed = lastEvent('closed', (d) => d.closure === 'not_school_violence');
  const isAssigned = inv.investigator?.userId === actor.userId;
  const serverNow = now.getTime();
  const partyOptions: PartyOption[] = view.parties.map((p) => ({ id: p.id, label: p.label, role: p.role }));
  const perpetrators = partyOptions.filter((p) => PERPETRATOR_ROLES.has(p.role));

  const assignOptions = inv.mayAssignOthers
    ? inv.investigatorOptions.filter((o) => o.id !== inv.investigator?.userId)
    : inv.investigatorOptions.filter((o) => o.id === actor.userId);
  const showAssign = can('assign_investigator') && (inv.mayAssignOthers || !inv.investigator) && assignOptions.length > 0;
  const investigatorStep = (name: 'record_statement' | 'extend_investigation' | 'submit_investigation_report') => can(name) && isAssigned;
  const notAssignedHint = (can('record_statement') || can('submit_investigation_report')) && !isAssigned;
  const selfResolveBlocked = can('self_resolve') && !review?.eligible;

  const forms = [
    showAssign && (
      <AssignInvestigatorForm key="assign" caseId={c.id} serverNow={serverNow} options={assignOptions} current={inv.investigator?.userId ?? null} />
    ),
    investigatorStep('record_statement') && <StatementForm key="statement" caseId={c.id} serverNow={serverNow} parties={partyOptions} />,
    investigatorStep('extend_investigation') && !extended && (
      <ExtendInvestigationForm
        key="extend"
        caseId={c.id}
        serverNow={serverNow}
        dueLabel={deadline?.dueAt ? formatDue(format, endOfDay, deadline.dueAt) : null}
      />
    ),
    investigatorStep('submit_investigation_report') && <ReportForm key="report" caseId={c.id} serverNow={serverNow} statementCount={inv.statementCount} />,
    can('record_school_review') && <SchoolReviewForm key="review" caseId={c.id} serverNow={serverNow} perpetrators={perpetrators} />,
    can('self_resolve') && review?.eligible && <SelfResolveForm key="self" caseId={c.id} serverNow={serverNow} />,
    can('request_committee') && <RequestCommitteeForm key="committee" caseId={c.id} serverNow={serverNow} />,
    can('reopen_case') && <ReopenCaseForm key="reopen" caseId={c.id} serverNow={serverNow} />,
    can('close_not_violence') && <CloseNotViolenceForm key="close" caseId={c.id} serverNow={serverNow} />,
  ].filter(Boolean);

  return (
    <section data-testid="section-investigation" aria-labelledby="investigation-title">
      <h2 id="investigation-title">{t('title')}</h2>

      <div className="grid2">
        <div className="card">
          <h3 style={{ marginTop: 0 }}>{t('summary.title')}</h3>
          <dl className="meta">
            <dt>{t('summary.investigator')}</dt>
            <dd data-testid="investigator" data-assigned={String(Boolean(inv.investigator))}>
              {inv.investigator ? (
                <>
                  {inv.investigator.name} <span className="muted small">{t('summary.assignedAt', { date: when(inv.investigator.assignedAt) })}</span>
                </>
              ) : (
                <span className="muted">{t('summary.notAssigned')}</span>
              )}
            </dd>
            <dt>{t('summary.deadline')}</dt>
            <dd className="row" data-testid="investigation-deadline" data-status={deadline?.status}>
              {deadline?.dueAt ? <span>{formatDue(format, endOfDay, deadline.dueAt)}</span> : null}
              {deadline ? <DeadlineBadge status={deadline.status} /> : null}
            </dd>
            <dt>{t('summary.extension')}</dt>
            <dd data-testid="investigation-extension" data-extended={String(Boolean(extended))}>
              {extended ? (
                <>
                  {t('summary.extended', { days: Number(extended.data.days ?? 7), date: when(extended.occurredAt) })}
                  {text(extended.data.reasonDocumentId) ? (
                    <div className="muted small summary">{t('summary.reason', { reason: text(extended.data.reasonDocumentId)! })}</div>
                  ) : null}
                </>
              ) : (
                <span className="muted">{t('summary.notExtended')}</span>
              )}
            </dd>
            <dt>{t('summary.report')}</dt>
            <dd data-testid="investigation-report" data-submitted={String(Boolean(reported))}>
              {reported ? t('summary.reportSubmitted', { date: when(reported.occurredAt) }) : <span className="muted">{t('summary.reportPending')}</span>}
              {reported && text(reported.data.documentId) ? (
                <details>
                  <summary>{t('summary.reportShow')}</summary>
                  <p className="summary" data-testid="investigation-report-body">
                    {text(reported.data.documentId)}
                  </p>
                </details>
              ) : null}
            </dd>
            <dt>{t('summary.statements')}</dt>
            <dd data-testid="statement-count">{t('summary.statementCount', { count: inv.statementCount })}</dd>
          </dl>
        </div>

        <div className="card" data-testid="review-summary">
          <h3 style={{ marginTop: 0 }}>{t('review.title')}</h3>
          {review ? (
            <>
              <p className="muted small">{t('review.reviewedAt', { date: when(review.reviewedAt) })}</p>
              <ReviewVerdict eligible={review.eligible} failures={review.failures} partyLabels={partyLabels} />
              <table className="small">
                <tbody>
                  {SELF_RESOLUTION_CONDITIONS.map((cond) => (
                    <tr key={cond}>
                      <th scope="row" style={{ textAlign: 'left', fontWeight: 'normal' }}>
                        {t(`conditions.${cond}.short`)}
                      </th>
                      <td>{review.conditions[cond].holds ? t('form.yes') : t('form.no')}</td>
                      <td className="muted">{review.conditions[cond].note ?? ''}</td>
                    </tr>
                  ))}
                  {review.consents.map((k) => (
                    <tr key={k.perpetratorPartyId}>
                      <th scope="row" style={{ textAlign: 'left', fontWeight: 'normal' }}>
                        {t('review.consentOf', { student: partyById.get(k.perpetratorPartyId)?.label ?? '?' })}
                      </th>
                      <td>{t('review.victimConsent', { state: k.victimConsent ? (k.victimConsentFile ?? t('review.given')) : t('review.missing') })}</td>
                      <td>{t('review.guardianConsent', { state: k.guardianConsent ? (k.guardianConsentFile ?? t('review.given')) : t('review.missing') })}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </>
          ) : (
            <p className="muted">{reported ? t('review.none') : t('review.afterReport')}</p>
          )}
          {selfResolved ? (
            <p className="alert info" data-testid="outcome-self-resolved">
              {t('outcome.selfResolved', { date: when(selfResolved.occurredAt) })}
              {text(selfResolved.data.noteDocumentId) ? <span className="summary"> — {text(selfResolved.data.noteDocumentId)}</span> : null}
            </p>
          ) : null}
          {committee ? (
            <p className="alert info" data-testid="outcome-committee-requested" data-route={str(committee.data.route)}>
              {committee.data.route === 'reopened'
                ? t('outcome.reopened', {
                    date: when(committee.occurredAt),
                    reason: t(`reopenReason.${committee.data.reopenReason === 'new_facts' ? 'new_facts' : 'promise_broken'}`),
                  })
                : t('outcome.committeeRequested', { date: when(committee.occurredAt) })}
              {text(committee.data.noteDocumentId ?? committee.data.reasonDocumentId) ? (
                <span className="summary"> — {text(committee.data.noteDocumentId ?? committee.data.reasonDocumentId)}</span>
              ) : null}
            </p>
          ) : null}
          {closed ? (
            <p className="alert info" data-testid="outcome-closed">
              {t('outcome.closed', { date: when(closed.occurredAt) })}
              {text(closed.data.reasonDocumentId) ? <span className="summary"> — {text(closed.data.reasonDocumentId)}</span> : null}
            </p>
          ) : null}
        </div>
      </div>

      <h3>{t('statements.title')}</h3>
      {inv.statements === null ? (
        <p className="muted" data-testid="statements-hidden">
          {t('statements.countOnly', { count: inv.statementCount })}
        </p>
      ) : inv.statements.length === 0 ? (
        <p className="muted">{t('statements.empty')}</p>
      ) : (
        <ol className="timeline" data-testid="statements">
          {inv.statements.map((s) => {
            const party = s.partyId ? partyById.get(s.partyId) : undefined;
            const who = [party ? `${party.label} (${tv(`partyRole.${party.role}`)})` : null, s.speaker].filter(Boolean).join(' · ');
            return (
              <li key={s.id} data-testid="statement">
                <div className="row">
                  <strong>{who}</strong>
                  <span className="muted small">
                    <time dateTime={s.takenAt.toISOString()}>{when(s.takenAt)}</time>
                    {s.recordedByName ? ` · ${t('statements.recordedBy', { name: s.recordedByName })}` : null}
                  </span>
                </div>
                <p className="summary" style={{ margin: '4px 0' }}>
                  {s.summary}
                </p>
                {s.attachments.length ? (
                  <div className="small" role="group" aria-label={t('statements.attachments')} data-testid="statement-attachments">
                    <span className="muted">{t('statements.attachments')}:</span>
                    {s.attachments.map((a, i) => (
                      <div key={i} className="detail">
                        {a.description} — <code>{a.fileName}</code>
                      </div>
                    ))}
                  </div>
                ) : null}
              </li>
            );
          })}
        </ol>
      )}

      {notAssignedHint ? (
        <p className="muted" data-testid="not-assigned-hint">
          {inv.investigator ? t('hints.otherInvestigator', { name: inv.investigator.name }) : t('hints.assignFirst')}
        </p>
      ) : null}
      {selfResolveBlocked ? (
        <p className="alert warn" data-testid="self-resolve-unavailable">
          {review ? t('hints.selfResolveNotEligible') : t('hints.selfResolveNeedsReview')}
        </p>
      ) : null}
      {forms.length ? <div className="step-grid no-print">{forms}</div> : null}
    </section>
  );
}
