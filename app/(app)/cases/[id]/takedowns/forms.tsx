'use client';
import { useState, type ReactNode } from 'react';
import { useTranslations } from 'next-intl';
import type { DefaultValues, FieldValues, UseFormRegisterReturn } from 'react-hook-form';
import type { z } from 'zod';
import { Field } from '@/app/_components/field';
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
import { kstNowLocal } from '../../form-helpers';
import { useStepForm } from '../proceedings/investigation-form-kit';
import { changeTakedownStatusAction, recordLocationAction, requestTakedownAction } from './actions';

/**
 * The case page's step-form kit (schema on both sides, pending state, server
 * refresh after saving), with `takedowns.fieldErrors` and no clock-following
 * time field: the dates here are when something was seen or requested.
 */
function useTakedownForm<S extends z.ZodType<FieldValues, FieldValues>, R>(
  name: string,
  schema: S,
  action: (input: z.input<S>) => Promise<ActionState<R>>,
  defaults: (now?: number) => DefaultValues<z.input<S>>,
  serverNow: number,
) {
  return useStepForm(name, schema, action, { defaults, serverNow, timeField: null, namespace: 'takedowns' });
}

type Kit = Pick<ReturnType<typeof useTakedownForm>, 'name' | 'id' | 'err' | 'control' | 'busy' | 'done' | 'message'>;
type FieldProps = { kit: Kit; field: string; label: string; registration: UseFormRegisterReturn; hint?: string };

function SelectField({ kit, field, label, registration, options }: FieldProps & { options: readonly { value: string; label: string }[] }) {
  const t = useTranslations('takedowns.forms');
  return (
    <Field id={kit.id(field)} label={label} error={kit.err(field)}>
      <select {...registration} {...kit.control(field)}>
        <option value="">{t('select')}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </Field>
  );
}

function InputField({ kit, field, label, registration, hint, type = 'text', max, full }: FieldProps & { type?: 'text' | 'url' | 'datetime-local'; max?: number; full?: boolean }) {
  const input = (
    <Field id={kit.id(field)} label={label} error={kit.err(field)} hint={hint}>
      <input type={type} autoComplete="off" spellCheck={type === 'text' ? undefined : false} maxLength={max} {...registration} {...kit.control(field)} />
    </Field>
  );
  return full ? <div className="full">{input}</div> : input;
}

function NoteField({ kit, field, label, registration }: FieldProps) {
  return (
    <div className="full">
      <Field id={kit.id(field)} label={label} error={kit.err(field)}>
        <textarea rows={2} maxLength={2000} {...registration} {...kit.control(field)} />
      </Field>
    </div>
  );
}

function FormCard({ kit, title, hint, onSubmit, children, footer }: { kit: Kit; title: string; hint?: string; onSubmit: (e: React.FormEvent<HTMLFormElement>) => void; children: ReactNode; footer: ReactNode }) {
  const t = useTranslations('takedowns.forms');
  return (
    <section className="card step-form" aria-labelledby={kit.id('title')}>
      <h3 id={kit.id('title')}>{title}</h3>
      {hint ? <p className="muted small">{hint}</p> : null}
      <form onSubmit={onSubmit} noValidate className="step-fields" data-testid={`form-${kit.name}`}>
        {children}
        <div className="full" aria-live="polite">
          {kit.message ? (
            <p className="alert error" data-testid={`form-${kit.name}-error`}>
              {kit.message}
            </p>
          ) : null}
          {kit.done && !kit.busy ? (
            <p className="alert success" data-testid={`form-${kit.name}-done`}>
              {t('done')}
            </p>
          ) : null}
        </div>
        <div className="full">{footer}</div>
      </form>
    </section>
  );
}

function SubmitButton({ kit, label }: { kit: Kit; label: string }) {
  const t = useTranslations('takedowns.forms');
  return (
    <button type="submit" disabled={kit.busy} aria-busy={kit.busy} data-testid={`form-${kit.name}-submit`}>
      {kit.busy ? t('saving') : label}
    </button>
  );
}

export function RecordLocationForm({ caseId, serverNow }: { caseId: string; serverNow: number }) {
  const t = useTranslations('takedowns.forms.location');
  const tp = useTranslations('takedowns.platforms');
  const kit = useTakedownForm(
    'record_location',
    recordLocationInput,
    recordLocationAction,
    (now): RecordLocationInput => ({ caseId, platform: '' as RecordLocationInput['platform'], platformOther: '', url: '', firstSeenAt: kstNowLocal(now), firstSeenBy: '' }),
    serverNow,
  );
  const other = kit.form.watch('platform') === 'other';
  const reg = kit.form.register;
  return (
    <FormCard kit={kit} title={t('title')} hint={t('hint')} onSubmit={kit.submit} footer={<SubmitButton kit={kit} label={t('submit')} />}>
      <SelectField kit={kit} field="platform" label={t('platform')} registration={reg('platform')} options={COMMON_PLATFORMS.map((p) => ({ value: p, label: tp(p) }))} />
      {other ? <InputField kit={kit} field="platformOther" label={t('platformOther')} registration={reg('platformOther')} max={100} /> : null}
      <InputField kit={kit} field="url" label={t('url')} hint={t('urlHint')} registration={reg('url')} type="url" max={MAX_URL_LENGTH} full />
      <InputField kit={kit} field="firstSeenAt" label={t('firstSeenAt')} registration={reg('firstSeenAt')} type="datetime-local" />
      <InputField kit={kit} field="firstSeenBy" label={t('firstSeenBy')} hint={t('firstSeenByHint')} registration={reg('firstSeenBy')} max={200} />
    </FormCard>
  );
}

export function RequestTakedownForm({ caseId, locationId, serverNow }: { caseId: string; locationId: string; serverNow: number }) {
  const t = useTranslations('takedowns.forms.request');
  const tt = useTranslations('takedowns.target');
  const kit = useTakedownForm(
    `request_takedown-${locationId}`,
    requestTakedownInput,
    requestTakedownAction,
    (now): RequestTakedownInput => ({ caseId, locationId, target: '' as RequestTakedownInput['target'], requestedAt: kstNowLocal(now), referenceNo: '', note: '' }),
    serverNow,
  );
  const reg = kit.form.register;
  return (
    <FormCard kit={kit} title={t('title')} onSubmit={kit.submit} footer={<SubmitButton kit={kit} label={t('submit')} />}>
      <SelectField kit={kit} field="target" label={t('target')} registration={reg('target')} options={TAKEDOWN_TARGETS.map((target) => ({ value: target, label: tt(target) }))} />
      <InputField kit={kit} field="requestedAt" label={t('requestedAt')} registration={reg('requestedAt')} type="datetime-local" />
      <InputField kit={kit} field="referenceNo" label={t('referenceNo')} hint={t('referenceNoHint')} registration={reg('referenceNo')} max={100} />
      <NoteField kit={kit} field="note" label={t('note')} registration={reg('note')} />
    </FormCard>
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
    (now): ChangeTakedownStatusInput => ({ caseId, requestId, version, status: '' as ChangeTakedownStatusInput['status'], at: kstNowLocal(now), referenceNo: '', note: '' }),
    serverNow,
  );
  // Closing stops the reminders, so it is asked once more before it is sent.
  const [confirming, setConfirming] = useState(false);
  const closing = kit.form.watch('status') === 'closed';
  const submit = (e: React.FormEvent<HTMLFormElement>) => {
    if (closing && !confirming) {
      e.preventDefault();
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
    ) : (
      <SubmitButton kit={kit} label={t('submit')} />
    );
  const reg = kit.form.register;
  return (
    <FormCard kit={kit} title={`${t('title')}: ${subject}`} onSubmit={submit} footer={footer}>
      <SelectField kit={kit} field="status" label={t('status')} registration={reg('status', { onChange: () => setConfirming(false) })} options={allowed.map((v) => ({ value: v, label: ts(v) }))} />
      <InputField kit={kit} field="at" label={t('at')} registration={reg('at')} type="datetime-local" />
      {hasReference ? null : <InputField kit={kit} field="referenceNo" label={t('referenceNo')} registration={reg('referenceNo')} max={100} />}
      <NoteField kit={kit} field="note" label={t('note')} registration={reg('note')} />
    </FormCard>
  );
}
