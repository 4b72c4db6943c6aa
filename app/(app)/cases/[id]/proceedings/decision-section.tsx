import { getTranslations } from 'next-intl/server';
import { emergenciesAwaiting, finalisedMeasures, hearingHeld, isNoticeRecipient, isPerpetrator, isVictim } from '@/lib/decisions/case-facts';
import { loadDecisionBoard, type DecisionBoard } from '@/lib/decisions/load-decision-board';
import type { PerpetratorMeasure, VictimMeasure } from '@/lib/decisions/measures';
import { NOTICE_LANGS } from '@/lib/i18n/config';
import { DecisionForm } from './decision-form';
import { DispositionNoticeForm, FinaliseDecisionForm, VictimMeasuresForm, VictimMeasuresTakenForm } from './decision-steps';
import type { SectionProps } from './types';

/**
 * The committee's decision (Act 16–17): a form per alleged perpetrator and per
 * victim while the secretary may still decide, the workflow steps the table
 * offers now, and the notices once the decision is final. Others see the
 * decision read-only. Shown from the hearing on.
 */
export async function DecisionSection({ view, actor, now }: SectionProps) {
  const finalised = finalisedMeasures(view.events);
  if (!hearingHeld(view.events) && !finalised) return null;
  const c = view.case;
  const [t, board] = await Promise.all([getTranslations('decision'), loadDecisionBoard(c.id, actor)]);
  // Decisions are written by whoever the table lets take the decision steps now (drafting or finalised, before delivery).
  const canEdit = view.actions.includes('record_decision') || view.actions.includes('record_disposition_notice');
  const perpetrators = view.parties.filter((p) => isPerpetrator(p.role));
  const victims = view.parties.filter((p) => isVictim(p.role));
  const emergencies = emergenciesAwaiting(view.events);
  const stored = new Map(board.decisions.map((d) => [d.perpetratorPartyId, d]));
  const victimRows = new Map(board.victimMeasures.map((v) => [v.victimPartyId, v]));
  const serverNow = now.getTime();

  const perpetratorText = (d: DecisionBoard['decisions'][number]) => {
    if (d.notSchoolViolence) return t('readOnly.notViolence');
    const measures = d.measures.map(({ measure, periodDays }) => {
      const label = t(`measures.perpetrator.${measure as PerpetratorMeasure}`);
      return periodDays ? t('measures.withPeriod', { number: measure, label, days: periodDays }) : t('measures.numbered', { number: measure, label });
    });
    return t('readOnly.decided', { measures: measures.length ? measures.join(', ') : t('recommendation.none') });
  };
  const victimText = (measures: number[]) =>
    measures.length
      ? measures.map((m) => t('measures.numbered', { number: m, label: t(`measures.victim.${m as VictimMeasure}`) })).join(', ')
      : t('recommendation.none');

  return (
    <section data-testid="section-decision" aria-labelledby="decision-title">
      <h2 id="decision-title">{t('title')}</h2>
      {canEdit ? <p className="muted">{t('hint')}</p> : null}

      {perpetrators.length === 0 ? <p className="muted">{t('noPerpetrator')}</p> : null}
      {perpetrators.map((p) => {
        const d = stored.get(p.id) ?? null;
        if (canEdit) {
          return (
            <DecisionForm
              key={p.id}
              caseId={c.id}
              party={{ id: p.id, label: p.label }}
              schoolLevel={board.schoolLevels[p.id] ?? c.schoolLevel}
              stored={d}
              emergencies={emergencies.filter((e) => e.perpetratorPartyId === p.id)}
            />
          );
        }
        return (
          <div key={p.id} className="card" data-testid={`decision-${p.id}`}>
            <h3>{t('perpetratorTitle', { name: p.label })}</h3>
            <p>{d ? perpetratorText(d) : t('unsaved')}</p>
            {d?.differsFromRecommendation ? (
              <p className="muted small">{d.overrideReason ? t('readOnly.differs', { reason: d.overrideReason }) : t('readOnly.differsNoReason')}</p>
            ) : null}
          </div>
        );
      })}

      <h3>{t('victims.title')}</h3>
      {victims.length === 0 ? <p className="muted">{t('victims.none')}</p> : null}
      <div className="grid2">
        {victims.map((v) => {
          const row = victimRows.get(v.id);
          return canEdit ? (
            <VictimMeasuresForm key={v.id} caseId={c.id} party={{ id: v.id, label: v.label }} measures={row?.measures ?? []} note={row?.note ?? null} />
          ) : (
            <div key={v.id} className="card" data-testid={`victim-measures-${v.id}`}>
              <h4 style={{ margin: 0 }}>{t('victims.for', { name: v.label })}</h4>
              <p>{row ? t('victims.recorded', { measures: victimText(row.measures) }) : t('unsaved')}</p>
            </div>
          );
        })}
      </div>

      <div className="step-grid no-print">
        {view.actions.includes('record_decision') ? <FinaliseDecisionForm caseId={c.id} serverNow={serverNow} /> : null}
        {view.actions.includes('record_victim_measures_taken') &&
        (finalised?.victimMeasures.length ?? 0) > 0 &&
        !view.events.some((e) => e.type === 'victim_measures_taken') ? (
          <VictimMeasuresTakenForm caseId={c.id} serverNow={serverNow} />
        ) : null}
        {view.actions.includes('record_disposition_notice') ? (
          <DispositionNoticeForm
            caseId={c.id}
            recipients={view.parties.filter((p) => isNoticeRecipient(p.role)).map((p) => ({ id: p.id, label: p.label }))}
            serverNow={serverNow}
          />
        ) : null}
      </div>

      {finalised && view.identities ? (
        <div className="card no-print">
          <h3>{t('notices.title')}</h3>
          <p className="muted small">{t('notices.hint')}</p>
          <ul>
            {view.parties
              .filter((p) => isNoticeRecipient(p.role))
              .map((p) => (
                <li key={p.id} className="row">
                  {NOTICE_LANGS.map((lang) => (
                    <a
                      key={lang}
                      data-testid="notice-link"
                      data-party={p.id}
                      data-lang={lang}
                      href={`/api/cases/${c.id}/notice?party=${p.id}&lang=${lang}`}
                      download
                    >
                      {t('notices.link', { name: p.label, lang: t(`notices.${lang}`) })}
                    </a>
                  ))}
                </li>
              ))}
          </ul>
        </div>
      ) : null}
    </section>
  );
}
