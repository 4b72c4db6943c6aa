import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getFormatter, getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { hasRole } from '@/lib/auth/permissions';
import { SCHOOL_ROLES, type Actor } from '@/lib/auth/roles';
import { requestIp, requirePageActor } from '@/lib/auth/session';
import { viewCase, type CaseView } from '@/lib/cases/service';
import { DomainError } from '@/lib/errors';
import { isSexualCase, nextDeadline, rulebookFor } from '@/lib/rules';
import { Chronology } from '../chronology';
import { Countdown } from '../countdown';
import { DeadlineBadge } from '../deadline-badge';
import { DeadlinePanel } from '../deadline-panel';
import { formatDateTime, formatDue } from '../format';
import { Parties } from '../parties';
import { isSchoolStepAction } from '@/lib/cases/workflow';
import { StepForms } from '../step-forms';
import { Proceedings } from './proceedings';
import { EvidenceSection } from './evidence/section';
import { TakedownSection } from './takedowns/section';
import { TeamCard } from './team-card';

/** The case as of one instant, which the countdown also starts from until the browser's clock takes over. */
async function loadCase(id: string, actor: Actor): Promise<{ view: CaseView; now: Date }> {
  const now = new Date();
  try {
    return { view: await viewCase(id, { actor, ip: await requestIp(), now }), now };
  } catch (e) {
    // A case the actor may not open is indistinguishable from one that does not exist.
    if (e instanceof DomainError && (e.code === 'not_found' || e.code === 'forbidden')) notFound();
    throw e;
  }
}

export default async function CasePage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePageActor('case.view');
  const id = z
    .string()
    .uuid()
    .safeParse((await params).id);
  if (!id.success) notFound();
  const [{ view, now }, t, tv, format] = await Promise.all([loadCase(id.data, actor), getTranslations('cases'), getTranslations('vocab'), getFormatter()]);
  const c = view.case;
  const stepActions = view.actions.filter(isSchoolStepAction);
  const endOfDay = (date: string) => t('deadlines.endOfDay', { date });
  const next = nextDeadline(view.deadlines);
  const police = view.deadlines.find((d) => d.key === 'police_report');
  const sexual = isSexualCase(c.categories);
  // Act 16①: the separation cap in force on the report date (7 days from 2023-09-01, 3 before).
  const separationCapDays = rulebookFor(c.reportedAt.toISOString()).deadlines.separation_limit.period;
  const noActionsReason = c.status === 'closed' ? t('steps.noneClosed') : hasRole(actor, ...SCHOOL_ROLES) ? t('steps.noneStage') : t('steps.noneViewOnly');

  return (
    <>
      <p className="no-print">
        <Link href="/school">← {t('backToList')}</Link>
      </p>
      <header className="case-head">
        <h1 data-testid="case-number">{c.caseNumber}</h1>
        <span className="badge status" data-testid="case-status" data-status={c.status}>
          {tv(`status.${c.status}`)}
        </span>
        {c.restricted ? (
          <span className="badge restricted" data-testid="case-restricted" title={t('page.restrictedHint')}>
            {t('page.restricted')}
          </span>
        ) : null}
      </header>

      {sexual ? (
        <section className="police-banner" role="note" data-testid="police-banner">
          <h2>{t('police.title')}</h2>
          <p>{t('police.body')}</p>
          {police?.dueAt ? (
            <p className="row">
              <span>{t('police.deadline', { due: formatDue(format, endOfDay, police.dueAt) })}</span>
              <DeadlineBadge status={police.status} testId="police-deadline-status" />
            </p>
          ) : null}
        </section>
      ) : null}

      <div className="case-top">
        <section className="card" aria-label={c.caseNumber}>
          <dl className="meta">
            <dt>{t('page.school')}</dt>
            <dd data-testid="case-school">{c.schoolName}</dd>
            <dt>{t('page.office')}</dt>
            <dd>{c.officeName}</dd>
            <dt>{t('page.categories')}</dt>
            <dd className="row" data-testid="case-categories">
              {c.categories.map((cat) => (
                <span key={cat} className="badge">
                  {tv(`category.${cat}`)}
                </span>
              ))}
            </dd>
            <dt>{t('page.occurredAt')}</dt>
            <dd>{formatDateTime(format, c.occurredAt)}</dd>
            <dt>{t('page.reportedAt')}</dt>
            <dd>{formatDateTime(format, c.reportedAt)}</dd>
            <dt>{t('page.location')}</dt>
            <dd>{c.location}</dd>
            <dt>{t('page.learnedVia')}</dt>
            <dd>{t(`learnedVia.${c.learnedVia}`)}</dd>
            <dt>{t('page.reporterType')}</dt>
            <dd>{t(`reporterType.${c.reporterType}`)}</dd>
          </dl>
        </section>
        <section className={`card next-deadline${next ? ` ${next.status}` : ''}`} data-testid="next-deadline" data-key={next?.key} data-status={next?.status}>
          <h2>{t('next.title')}</h2>
          {next?.dueAt ? (
            <>
              <p className="row next-label">
                <strong>{tv(`deadline.${next.key}`)}</strong>
                <DeadlineBadge status={next.status} />
              </p>
              <p className="countdown-line">
                <Countdown dueAt={next.dueAt} serverNow={now.getTime()} />
              </p>
              <p className="muted">{t('next.due', { date: formatDue(format, endOfDay, next.dueAt) })}</p>
            </>
          ) : (
            <p className="muted">{t('next.none')}</p>
          )}
        </section>
      </div>

      {view.team ? <TeamCard team={view.team} /> : null}

      <section aria-labelledby="steps-title" className="no-print">
        <h2 id="steps-title">{t('steps.title')}</h2>
        {stepActions.length ? <p className="muted">{t('steps.occurredAtHint')}</p> : null}
        {stepActions.length ? (
          <StepForms
            actions={stepActions}
            caseId={c.id}
            parties={view.parties.map((p) => ({ id: p.id, role: p.role, label: p.label, guardianName: p.guardianName }))}
            separationCapDays={separationCapDays}
            serverNow={now.getTime()}
            sexual={sexual}
          />
        ) : view.actions.length ? null : (
          <p className="muted" data-testid="no-actions">
            {noActionsReason}
          </p>
        )}
      </section>

      <Proceedings view={view} actor={actor} now={now} />

      <EvidenceSection caseId={c.id} restricted={c.restricted} actor={actor} />

      <TakedownSection caseId={c.id} actor={actor} />

      <DeadlinePanel deadlines={view.deadlines} />

      <Parties parties={view.parties} identities={view.identities} />

      <section aria-labelledby="summary-title">
        <h2 id="summary-title">{t('page.summary')}</h2>
        {c.summary ? (
          <p className="card summary" data-testid="case-summary">
            {c.summary}
          </p>
        ) : (
          <p className="muted">{t('page.summaryHidden')}</p>
        )}
      </section>

      <Chronology events={view.events} parties={view.parties} identities={view.identities} />
    </>
  );
}
