'use client';
import { useMemo } from 'react';
import { useFormatter, useTranslations } from 'next-intl';
import { useWatch } from 'react-hook-form';
import { checkLabel, Field } from '@/app/_components/field';
import { fieldIds } from '@/app/_components/form-helpers';
import { FormOutcome, useRefresh } from '@/app/_components/step-form';
import { useActionForm } from '@/app/_components/use-action-form';
import type { EmergencyMeasure } from '@/lib/decisions/case-facts';
import { decisionFormValues, type StoredDecision } from '@/lib/decisions/form-values';
import {
  ADJUSTMENTS,
  EXPULSION_MEASURE,
  PERIOD_MEASURES,
  PERPETRATOR_MEASURES,
  RUBRIC_FACTORS,
  expulsionBarred,
  isPeriodMeasure,
  sameMeasures,
  type PerpetratorMeasure,
} from '@/lib/decisions/measures';
import { RATIFICATION_OUTCOMES, saveDecisionInputFor } from '@/lib/decisions/schemas';
import { recommendMeasures } from '@/lib/rules/rubric';
import type { SchoolLevel, Score } from '@/lib/rules/types';
import { saveDecisionAction } from './decision-actions';

type Props = {
  caseId: string;
  party: { id: string; label: string };
  schoolLevel: SchoolLevel;
  stored: (StoredDecision & { updatedAt: Date }) | null;
  emergencies: EmergencyMeasure[];
};

const INVERTED = new Set<string>(['remorse', 'reconciliation']);

/**
 * The committee's decision on one alleged perpetrator: the five scores and
 * flags give the rubric's recommendation live (the same pure function the
 * server records), the measures decided, and the reason when they differ.
 * Saves carry the version the form was loaded at; a stale save is refused and
 * the form keeps what was typed.
 */
export function DecisionForm({ caseId, party, schoolLevel, stored, emergencies }: Props) {
  const t = useTranslations('decision');
  const format = useFormatter();
  const { refreshing, refresh } = useRefresh();
  const schema = useMemo(() => saveDecisionInputFor(schoolLevel), [schoolLevel]);
  const { form, onSubmit, result, errorFor, formError, pending } = useActionForm(schema, saveDecisionAction, {
    area: 'decision',
    defaultValues: decisionFormValues(caseId, party.id, stored, emergencies),
    onSuccess: (data) => {
      // The next save is an edit of the version just written.
      if (data) form.setValue('version', data.version);
      refresh();
    },
  });
  const { err, id, control } = fieldIds(`decision-${party.id}`, errorFor);
  const [scores, adjustment, protectionNeeded, guidanceNeeded, selected, notSchoolViolence] = useWatch({
    control: form.control,
    name: ['scores', 'adjustment', 'protectionNeeded', 'guidanceNeeded', 'measures', 'notSchoolViolence'],
  });

  const recommendation = recommendMeasures({
    scores: Object.fromEntries(RUBRIC_FACTORS.map((f) => [f, Number(scores?.[f] ?? 0) as Score])) as Record<(typeof RUBRIC_FACTORS)[number], Score>,
    schoolLevel,
    adjustment: adjustment === 'none' ? null : adjustment,
    protectionNeeded: Boolean(protectionNeeded),
    guidanceNeeded: Boolean(guidanceNeeded),
  });
  const chosen = (Array.isArray(selected) ? selected : []).map(Number);
  const differs = !sameMeasures(notSchoolViolence ? [] : chosen, recommendation.measures);
  const barred = expulsionBarred(schoolLevel);
  const measureName = (m: number) => t('measures.numbered', { number: m, label: t(`measures.perpetrator.${m as PerpetratorMeasure}`) });
  const names = (ms: readonly number[]) => (ms.length ? ms.map(measureName).join(', ') : t('recommendation.none'));
  const conflict = result?.ok === false && result.error === 'conflict';
  const busy = pending || refreshing;
  const testId = `form-decision-${party.id}`;

  return (
    <section className="card" aria-labelledby={id('title')}>
      <h3 id={id('title')}>{t('perpetratorTitle', { name: party.label })}</h3>
      <p className="muted small">
        {stored
          ? t('savedVersion', { version: stored.version, time: format.dateTime(stored.updatedAt, { dateStyle: 'medium', timeStyle: 'short' }) })
          : t('unsaved')}
      </p>
      <form onSubmit={onSubmit} noValidate className="stack" data-testid={testId}>
        <fieldset className="party-row">
          <legend>{t('rubric.title')}</legend>
          <div className="grid3">
            {RUBRIC_FACTORS.map((f) => (
              <Field key={f} id={id(`scores.${f}`)} label={t(`rubric.factors.${f}`)} error={err(`scores.${f}`)}>
                <select {...form.register(`scores.${f}`)} {...control(`scores.${f}`)}>
                  {(['0', '1', '2', '3', '4'] as const).map((s) => (
                    <option key={s} value={s}>
                      {t(`rubric.level.${INVERTED.has(f) ? 'inverted' : 'direct'}.${s}`)}
                    </option>
                  ))}
                </select>
              </Field>
            ))}
            <Field id={id('adjustment')} label={t('rubric.adjustment')} error={err('adjustment')}>
              <select {...form.register('adjustment')} {...control('adjustment')}>
                {ADJUSTMENTS.map((a) => (
                  <option key={a} value={a}>
                    {t(`rubric.adjustments.${a}`)}
                  </option>
                ))}
              </select>
            </Field>
          </div>
          <label {...checkLabel}>
            <input type="checkbox" {...form.register('protectionNeeded')} /> {t('rubric.protectionNeeded')}
          </label>
          <label {...checkLabel}>
            <input type="checkbox" {...form.register('guidanceNeeded')} /> {t('rubric.guidanceNeeded')}
          </label>
        </fieldset>

        <div className="alert info" data-testid="recommendation" data-measures={recommendation.measures.join(',')} aria-live="polite">
          <strong>{t('recommendation.title')}</strong>
          <div>{t('recommendation.total', { total: recommendation.total })}</div>
          <div>{t('recommendation.band', { measures: names(recommendation.bandMeasures) })}</div>
          <div>{t('recommendation.measures', { measures: names(recommendation.measures) })}</div>
          {recommendation.studentEducationRequired ? <div>{t('recommendation.studentEducation')}</div> : null}
          {recommendation.notes.map((note) => (
            <div key={note}>{t.has(`recommendation.notes.${note}` as never) ? t(`recommendation.notes.${note}` as never) : note}</div>
          ))}
        </div>

        <label {...checkLabel}>
          <input
            type="checkbox"
            {...form.register('notSchoolViolence', { onChange: (e: { target: { checked: boolean } }) => e.target.checked && form.setValue('measures', []) })}
            data-testid="notSchoolViolence"
          />{' '}
          {t('notSchoolViolence')}
        </label>

        <fieldset className="party-row" disabled={Boolean(notSchoolViolence)} aria-describedby={id('measures-error')}>
          <legend>{t('measuresTitle')}</legend>
          <div className="check-grid">
            {PERPETRATOR_MEASURES.map((m) => {
              const off = m === EXPULSION_MEASURE && barred;
              return (
                <div key={m}>
                  <label {...checkLabel} title={off ? t('expulsionBarred') : undefined}>
                    <input type="checkbox" value={String(m)} {...form.register('measures')} disabled={off} data-testid={`measure-${m}`} /> {measureName(m)}
                  </label>
                  {isPeriodMeasure(m) ? (
                    <Field id={id(`periodDays.m${m}`)} label={t('periodDays')} error={err(`periodDays.m${m}`)}>
                      <input
                        type="number"
                        min={1}
                        inputMode="numeric"
                        {...form.register(`periodDays.m${m as (typeof PERIOD_MEASURES)[number]}`)}
                        {...control(`periodDays.m${m}`)}
                      />
                    </Field>
                  ) : null}
                </div>
              );
            })}
          </div>
          {barred ? <p className="muted small">{t('expulsionBarred')}</p> : null}
          <p className="field-error" id={id('measures-error')} aria-live="polite">
            {err('measures') ?? ''}
          </p>
        </fieldset>

        {differs ? (
          <div>
            <p className="alert warn">{t('differs')}</p>
            <Field id={id('overrideReason')} label={t('overrideReason')} error={err('overrideReason')}>
              <textarea rows={3} maxLength={2000} {...form.register('overrideReason')} {...control('overrideReason')} data-testid="overrideReason" />
            </Field>
          </div>
        ) : null}

        {emergencies.length ? (
          <fieldset className="party-row">
            <legend>{t('ratification.title')}</legend>
            {emergencies.map((e, i) => (
              <div key={e.eventId} className="grid3">
                <p className="static-value">
                  {t('ratification.item', {
                    measure: t.has(`emergencyMeasure.${e.measure}` as never) ? t(`emergencyMeasure.${e.measure}` as never) : e.measure,
                    date: format.dateTime(new Date(e.occurredAt), { dateStyle: 'medium' }),
                  })}
                </p>
                <Field id={id(`ratifications.${i}.outcome`)} label={t('ratification.outcome')} error={err(`ratifications.${i}.outcome`)}>
                  <select {...form.register(`ratifications.${i}.outcome`)} {...control(`ratifications.${i}.outcome`)} data-testid={`ratification-${e.eventId}`}>
                    {RATIFICATION_OUTCOMES.map((o) => (
                      <option key={o} value={o}>
                        {t(`ratification.${o || 'pending'}`)}
                      </option>
                    ))}
                  </select>
                </Field>
                <Field id={id(`ratifications.${i}.note`)} label={t('ratification.note')} error={err(`ratifications.${i}.note`)}>
                  <input maxLength={1000} {...form.register(`ratifications.${i}.note`)} {...control(`ratifications.${i}.note`)} />
                </Field>
              </div>
            ))}
            <p className="field-error" aria-live="polite">
              {err('ratifications') ?? ''}
            </p>
          </fieldset>
        ) : null}

        {conflict ? (
          <p className="alert error" role="alert" data-testid="decision-conflict">
            {t('conflict')} <a href={`/cases/${caseId}`}>{t('reload')}</a>
          </p>
        ) : (
          <FormOutcome
            formError={formError}
            formIssue={err('_form') ?? err('perpetratorPartyId')}
            done={result?.ok ? t('saved', { version: result.data?.version ?? 0 }) : null}
            testId={testId}
          />
        )}
        <div>
          <button type="submit" disabled={busy} aria-busy={busy} data-testid={`${testId}-submit`}>
            {busy ? t('saving') : t('save')}
          </button>
        </div>
      </form>
    </section>
  );
}
