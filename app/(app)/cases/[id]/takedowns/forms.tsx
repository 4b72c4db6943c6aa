'use client';
import { useState } from 'react';
import { useTranslations } from 'next-intl';
import type { DefaultValues, FieldValues } from 'react-hook-form';
import type { z } from 'zod';
import { InputField, SelectField, TextAreaField } from '@/app/_components/field';
import { kstNowLocal } from '@/app/_components/form-helpers';
import { StepCard, useStepForm } from '@/app/_components/step-form';
import type { ActionState } from '@/lib/errors';
import {
  changeTakedownStatusInput,
  COMMON_PLATFORMS,
  MAX_URL_LENGTH,
  recordLocationInput,
  requestTakedownInput,
  type ChangeTakedownStatusInput,
  type RecordLocationInput,
  type RequestTakedownInput,
} from '@/lib/takedowns/schemas';
import { TAKEDOWN_TARGETS, type TakedownStatus } from '@/lib/takedowns/status';
import { changeTakedownStatusAction, recordLocationAction, requestTakedownAction } from './actions';

/** The dates here are when something was seen or requested, so no "when" follows the clock. */
function useTakedownForm<S extends z.ZodType<FieldValues, FieldValues>, R>(
  name: string,
  schema: S,
  action: (input: z.input<S>) => Promise<ActionState<R>>,
  defaults: (now?: number) => DefaultValues<z.input<S>>,
  serverNow: number,
) {
  return useStepForm(name, schema, action, { defaults, serverNow, timeField: null, area: 'takedowns' });
}

export function RecordLocationForm({ caseId, serverNow }: { caseId: string; serverNow: number }) {
  const t = useTranslations('takedowns.forms.location');
  const tf = useTranslations('takedowns.forms');
  const tp = useTranslations('takedowns.platforms');
  const kit = useTakedownForm(
    'record_location',
    recordLocationInput,
    recordLocationAction,
    (now): RecordLocationInput => ({
      caseId,
      platform: '' as RecordLocationInput['platform'],
      platformOther: '',
      url: '',
      firstSeenAt: kstNowLocal(now),
      firstSeenBy: '',
    }),
    serverNow,
  );
  const other = kit.form.watch('platform') === 'other';
  const reg = kit.form.register;
  return (
    <StepCard kit={kit} title={t('title')} hint={t('hint')} submitLabel={t('submit')} doneLabel={tf('done')}>
      <SelectField
        kit={kit}
        field="platform"
        label={t('platform')}
        placeholder={tf('select')}
        registration={reg('platform')}
        options={COMMON_PLATFORMS.map((p) => ({ value: p, label: tp(p) }))}
      />
      {other ? <InputField kit={kit} field="platformOther" label={t('platformOther')} registration={reg('platformOther')} max={100} /> : null}
      <InputField kit={kit} field="url" label={t('url')} hint={t('urlHint')} registration={reg('url')} type="url" max={MAX_URL_LENGTH} full />
      <InputField kit={kit} field="firstSeenAt" label={t('firstSeenAt')} registration={reg('firstSeenAt')} type="datetime-local" />
      <InputField kit={kit} field="firstSeenBy" label={t('firstSeenBy')} hint={t('firstSeenByHint')} registration={reg('firstSeenBy')} max={200} />
    </StepCard>
  );
}

export function RequestTakedownForm({ caseId, locationId, serverNow }: { caseId: string; locationId: string; serverNow: number }) {
  const t = useTranslations('takedowns.forms.request');
  const tf = useTranslations('takedowns.forms');
  const tt = useTranslations('takedowns.target');
  const kit = useTakedownForm(
    `request_takedown-${locationId}`,
    requestTakedownInput,
    requestTakedownAction,
    (now): RequestTakedownInput => ({
      caseId,
      locationId,
      target: '' as RequestTakedownInput['target'],
      requestedAt: kstNowLocal(now),
      referenceNo: '',
      note: '',
    }),
    serverNow,
  );
  const reg = kit.form.register;
  return (
    <StepCard kit={kit} title={t('title')} submitLabel={t('submit')} doneLabel={tf('done')}>
      <SelectField
        kit={kit}
        field="target"
        label={t('target')}
        placeholder={tf('select')}
        registration={reg('target')}
        options={TAKEDOWN_TARGETS.map((target) => ({ value: target, label: tt(target) }))}
      />
      <InputField kit={kit} field="requestedAt" label={t('requestedAt')} registration={reg('requestedAt')} type="datetime-local" />
      <InputField kit={kit} field="referenceNo" label={t('referenceNo')} hint={t('referenceNoHint')} registration={reg('referenceNo')} max={100} />
      <TextAreaField kit={kit} field="note" label={t('note')} rows={2} />
    </StepCard>
  );
}

/**
 * Mount it with `key` including the request's version: after a change the
 * server's new version and allowed statuses replace the form's.
 */
export function ChangeStatusForm({
  caseId,
  requestId,
  version,
  allowed,
  hasReference,
  subject,
  serverNow,
}: {
  caseId: string;
  requestId: string;
  version: number;
  allowed: readonly TakedownStatus[];
  hasReference: boolean;
  /** Which request, in the card's title: the body it went to. */
  subject: string;
  serverNow: number;
}) {
  const t = useTranslations('takedowns.forms.status');
  const tf = useTranslations('takedowns.forms');
  const ts = useTranslations('takedowns.status');
  const kit = useTakedownForm(
    `change_status-${requestId}`,
    changeTakedownStatusInput,
    changeTakedownStatusAction,
    (now): ChangeTakedownStatusInput => ({
      caseId,
      requestId,
      version,
      status: '' as ChangeTakedownStatusInput['status'],
      at: kstNowLocal(now),
      referenceNo: '',
      note: '',
    }),
    serverNow,
  );
  // Closing stops the reminders, so it is asked once more before it is sent.
  const [confirming, setConfirming] = useState(false);
  const closing = kit.form.watch('status') === 'closed';
  const submit = (e?: React.BaseSyntheticEvent) => {
    if (closing && !confirming) {
      e?.preventDefault();
      setConfirming(true);
      return;
    }
    setConfirming(false);
    return kit.submit(e);
  };
  const footer =
    closing && confirming ? (
      <div className="alert warn" role="alertdialog" aria-labelledby={kit.id('confirm')} data-testid={`form-${kit.name}-confirm`}>
        <p id={kit.id('confirm')}>{t('confirmClose')}</p>
        <div className="row">
          <button type="submit" className="danger" disabled={kit.busy} data-testid={`form-${kit.name}-confirm-yes`}>
            {kit.busy ? tf('saving') : t('confirm')}
          </button>
          <button type="button" className="secondary" onClick={() => setConfirming(false)} disabled={kit.busy}>
            {t('cancel')}
          </button>
        </div>
      </div>
    ) : undefined;
  const reg = kit.form.register;
  return (
    <StepCard kit={kit} title={`${t('title')}: ${subject}`} submitLabel={t('submit')} doneLabel={tf('done')} onSubmit={submit} footer={footer}>
      <SelectField
        kit={kit}
        field="status"
        label={t('status')}
        placeholder={tf('select')}
        registration={reg('status', { onChange: () => setConfirming(false) })}
        options={allowed.map((v) => ({ value: v, label: ts(v) }))}
      />
      <InputField kit={kit} field="at" label={t('at')} registration={reg('at')} type="datetime-local" />
      {hasReference ? null : <InputField kit={kit} field="referenceNo" label={t('referenceNo')} registration={reg('referenceNo')} max={100} />}
      <TextAreaField kit={kit} field="note" label={t('note')} rows={2} />
    </StepCard>
  );
}
