'use client';
import { useTranslations } from 'next-intl';
import { checkLabel, Field } from '@/app/_components/field';
import { fieldIds, kstNowLocal } from '@/app/_components/form-helpers';
import { FormOutcome, StepCard, useRefresh, useStepForm } from '@/app/_components/step-form';
import { useActionForm } from '@/app/_components/use-action-form';
import { DELIVERY_METHODS, VICTIM_MEASURES, type VictimMeasure } from '@/lib/decisions/measures';
import { finaliseDecisionInput, recordDispositionNoticeInput, recordVictimMeasuresTakenInput, saveVictimMeasuresInput } from '@/lib/decisions/schemas';
import { finaliseDecisionAction, recordDispositionNoticeAction, recordVictimMeasuresTakenAction, saveVictimMeasuresAction } from './decision-actions';

type Party = { id: string; label: string };

/** Act 16① protective measures for one victim; saving again replaces them. */
export function VictimMeasuresForm({ caseId, party, measures, note }: { caseId: string; party: Party; measures: number[]; note: string | null }) {
  const t = useTranslations('decision');
  const { refreshing, refresh } = useRefresh();
  const { form, onSubmit, result, errorFor, formError, pending } = useActionForm(saveVictimMeasuresInput, saveVictimMeasuresAction, {
    area: 'decision',
    defaultValues: { caseId, victimPartyId: party.id, measures: measures.map(String), note: note ?? '' },
    onSuccess: refresh,
  });
  const { err, id, control } = fieldIds(`victim-${party.id}`, errorFor);
  const testId = `form-victim-measures-${party.id}`;
  const busy = pending || refreshing;
  return (
    <form onSubmit={onSubmit} noValidate className="card stack" data-testid={testId} aria-labelledby={id('title')}>
      <h4 id={id('title')} style={{ margin: 0 }}>
        {t('victims.for', { name: party.label })}
      </h4>
      <div className="check-grid" aria-describedby={id('measures-error')}>
        {VICTIM_MEASURES.map((m) => (
          <label key={m} {...checkLabel}>
            <input type="checkbox" value={String(m)} {...form.register('measures')} data-testid={`victim-measure-${m}`} />{' '}
            {t('measures.numbered', { number: m, label: t(`measures.victim.${m as VictimMeasure}`) })}
          </label>
        ))}
      </div>
      <p className="field-error" id={id('measures-error')} aria-live="polite">
        {err('measures') ?? ''}
      </p>
      <Field id={id('note')} label={t('victims.note')} error={err('note')}>
        <textarea rows={2} maxLength={1000} {...form.register('note')} {...control('note')} />
      </Field>
      <FormOutcome formError={formError} formIssue={err('_form') ?? err('victimPartyId')} done={result?.ok ? t('victims.saved') : null} testId={testId} />
      <div>
        <button type="submit" className="secondary" disabled={busy} aria-busy={busy} data-testid={`${testId}-submit`}>
          {busy ? t('saving') : t('victims.save')}
        </button>
      </div>
    </form>
  );
}

/** `record_decision`: the committee's decision as a whole; the status moves to decided and the clocks start. */
export function FinaliseDecisionForm({ caseId, serverNow }: { caseId: string; serverNow: number }) {
  const t = useTranslations('decision');
  // The decision's forms keep what was entered: the page shows the recorded step from the server.
  const kit = useStepForm('record_decision', finaliseDecisionInput, finaliseDecisionAction, {
    area: 'decision',
    defaults: (now) => ({ caseId, occurredAt: kstNowLocal(now) }),
    serverNow,
    timeField: null,
    keepValues: true,
  });
  const { form, err, id, control } = kit;
  return (
    <StepCard kit={kit} title={t('finalise.title')} hint={t('finalise.hint')} submitLabel={t('finalise.submit')} doneLabel={t('finalise.done')}>
      <Field id={id('occurredAt')} label={t('finalise.occurredAt')} error={err('occurredAt')}>
        <input type="datetime-local" {...form.register('occurredAt')} {...control('occurredAt')} />
      </Field>
    </StepCard>
  );
}

/** `record_victim_measures_taken`: meets the 7-day victim measures clock (Act 16③). */
export function VictimMeasuresTakenForm({ caseId, serverNow }: { caseId: string; serverNow: number }) {
  const t = useTranslations('decision');
  // The decision's forms keep what was entered: the page shows the recorded step from the server.
  const kit = useStepForm('record_victim_measures_taken', recordVictimMeasuresTakenInput, recordVictimMeasuresTakenAction, {
    area: 'decision',
    defaults: (now) => ({ caseId, occurredAt: kstNowLocal(now), guardianConsent: false, note: '' }),
    serverNow,
    timeField: null,
    keepValues: true,
  });
  const { form, err, id, control } = kit;
  return (
    <StepCard kit={kit} title={t('victimTaken.title')} hint={t('victimTaken.hint')} submitLabel={t('victimTaken.submit')} doneLabel={t('victimTaken.done')}>
      <Field id={id('occurredAt')} label={t('victimTaken.occurredAt')} error={err('occurredAt')}>
        <input type="datetime-local" {...form.register('occurredAt')} {...control('occurredAt')} />
      </Field>
      <div className="full">
        <label {...checkLabel}>
          <input type="checkbox" {...form.register('guardianConsent')} {...control('guardianConsent')} /> {t('victimTaken.guardianConsent')}
        </label>
        <p className="field-error" id={`${id('guardianConsent')}-error`} aria-live="polite">
          {err('guardianConsent') ?? ''}
        </p>
      </div>
      <div className="full">
        <Field id={id('note')} label={t('note')} error={err('note')}>
          <textarea rows={2} maxLength={2000} {...form.register('note')} {...control('note')} />
        </Field>
      </div>
    </StepCard>
  );
}

/** `record_disposition_notice`: delivery of the written disposition; the case moves into execution. */
export function DispositionNoticeForm({ caseId, recipients, serverNow }: { caseId: string; recipients: Party[]; serverNow: number }) {
  const t = useTranslations('decision');
  // The decision's forms keep what was entered: the page shows the recorded step from the server.
  const kit = useStepForm('record_disposition_notice', recordDispositionNoticeInput, recordDispositionNoticeAction, {
    area: 'decision',
    defaults: (now) => ({ caseId, occurredAt: kstNowLocal(now), recipientPartyIds: recipients.map((r) => r.id), note: '' }),
    serverNow,
    timeField: null,
    keepValues: true,
  });
  const { form, err, id, control } = kit;
  return (
    <StepCard kit={kit} title={t('disposition.title')} hint={t('disposition.hint')} submitLabel={t('disposition.submit')} doneLabel={t('disposition.done')}>
      <Field id={id('occurredAt')} label={t('disposition.occurredAt')} error={err('occurredAt')}>
        <input type="datetime-local" {...form.register('occurredAt')} {...control('occurredAt')} />
      </Field>
      <Field id={id('method')} label={t('disposition.method')} error={err('method')}>
        <select {...form.register('method')} {...control('method')}>
          <option value="">{t('select')}</option>
          {DELIVERY_METHODS.map((m) => (
            <option key={m} value={m}>
              {t(`disposition.methods.${m}`)}
            </option>
          ))}
        </select>
      </Field>
      <fieldset className="full party-row" aria-describedby={`${id('recipientPartyIds')}-error`}>
        <legend>{t('disposition.recipients')}</legend>
        {recipients.map((r) => (
          <label key={r.id} {...checkLabel}>
            <input type="checkbox" value={r.id} {...form.register('recipientPartyIds')} /> {r.label}
          </label>
        ))}
        <p className="field-error" id={`${id('recipientPartyIds')}-error`} aria-live="polite">
          {err('recipientPartyIds') ?? ''}
        </p>
      </fieldset>
      <div className="full">
        <Field id={id('note')} label={t('note')} error={err('note')}>
          <textarea rows={2} maxLength={2000} {...form.register('note')} {...control('note')} />
        </Field>
      </div>
    </StepCard>
  );
}
