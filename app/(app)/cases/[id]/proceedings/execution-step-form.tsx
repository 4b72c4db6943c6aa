'use client';
import { useEffect, useRef, useState, useTransition, type BaseSyntheticEvent, type ReactNode } from 'react';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import type { DefaultValues, FieldValues, Path, UseFormRegisterReturn } from 'react-hook-form';
import type { z } from 'zod';
import { Field } from '@/app/_components/field';
import { useActionForm } from '@/app/_components/use-action-form';
import type { ActionState } from '@/lib/errors';
import { errorProps, kstNowLocal } from '../../form-helpers';

/**
 * One execution-area step as a form: the shared zod schema on both sides,
 * "when it happened" and a note on every step, this area's own error keys
 * (`execution.errors`, including whole-form refusals sent as `_form`), and a
 * page refresh after success so clocks, chronology and rows come from the
 * server. When `resetKey` changes (the recorded values behind the defaults
 * changed), the form takes the new defaults.
 */
export function useStepForm<S extends z.ZodType<FieldValues, FieldValues>, R>(
  schema: S,
  action: (input: z.input<S>) => Promise<ActionState<R>>,
  defaults: Record<string, unknown>,
  serverNow: number,
  resetKey?: string,
) {
  const t = useTranslations('execution.errors');
  const router = useRouter();
  const [refreshing, startRefresh] = useTransition();
  // The server's render time first, so the server and the browser render the same value.
  const [initial] = useState(() => ({ ...defaults, occurredAt: kstNowLocal(serverNow) }) as DefaultValues<z.input<S>>);
  const latest = useRef(defaults);
  useEffect(() => {
    latest.current = defaults;
  });
  const fresh = () => ({ ...latest.current, occurredAt: kstNowLocal() }) as DefaultValues<z.input<S>>;
  const state = useActionForm(schema, action, {
    defaultValues: initial,
    onSuccess: () => {
      state.form.reset(fresh());
      startRefresh(() => router.refresh());
    },
  });
  const seenKey = useRef(resetKey);
  const { reset } = state.form;
  useEffect(() => {
    if (seenKey.current === resetKey) return;
    seenKey.current = resetKey;
    reset({ ...latest.current, occurredAt: kstNowLocal() } as DefaultValues<z.input<S>>);
  }, [resetKey, reset]);
  const err = (field: string): string | undefined => {
    const message = state.errorFor(field);
    if (!message) return undefined;
    return t.has(message as never) ? t(message as never) : message;
  };
  const register = (name: string) => state.form.register(name as Path<z.input<S>>);
  return { ...state, register, err, formMessage: err('_form') ?? state.formError, done: Boolean(state.result?.ok), busy: state.pending || refreshing };
}

/** What the shared frame needs from a step's form, whatever its schema. */
export type StepForm = {
  register: (name: string) => UseFormRegisterReturn;
  onSubmit: (e?: BaseSyntheticEvent) => Promise<void>;
  err: (field: string) => string | undefined;
  formMessage: string | null;
  done: boolean;
  busy: boolean;
};

/** The frame every step shares; `form-<action>` and `form-<action>-submit` for the tests. */
export function StepShell({
  name,
  idPrefix,
  step,
  title,
  submitLabel,
  occurredAtLabel,
  children,
  disabled,
}: {
  name: string;
  idPrefix: string;
  step: StepForm;
  title?: string;
  submitLabel: string;
  occurredAtLabel?: string;
  children?: ReactNode;
  disabled?: boolean;
}) {
  const t = useTranslations('execution.form');
  const id = (field: string) => `${idPrefix}-${field}`;
  return (
    <form onSubmit={step.onSubmit} noValidate className="step-fields" data-testid={`form-${name}`} aria-label={title ?? submitLabel}>
      {title ? <h4 className="full" style={{ margin: '4px 0' }}>{title}</h4> : null}
      <div className="full">
        <Field id={id('occurredAt')} label={occurredAtLabel ?? t('occurredAt')} error={step.err('occurredAt')}>
          <input type="datetime-local" {...step.register('occurredAt')} {...errorProps(id('occurredAt'), step.err('occurredAt'))} />
        </Field>
      </div>
      {children}
      <div className="full">
        <Field id={id('note')} label={t('note')} error={step.err('note')}>
          <textarea rows={2} maxLength={2000} {...step.register('note')} {...errorProps(id('note'), step.err('note'))} />
        </Field>
      </div>
      <div className="full" aria-live="polite">
        {step.formMessage ? <p className="alert error">{step.formMessage}</p> : null}
        {step.done ? (
          <p className="alert success" data-testid={`form-${name}-done`}>
            {t('done')}
          </p>
        ) : null}
      </div>
      <div className="full">
        <button type="submit" disabled={step.busy || disabled} aria-busy={step.busy} data-testid={`form-${name}-submit`}>
          {step.busy ? t('saving') : submitLabel}
        </button>
      </div>
    </form>
  );
}

/** A labelled select whose options are value/label pairs. */
export function SelectField({ step, idPrefix, field, label, options, placeholder }: { step: StepForm; idPrefix: string; field: string; label: string; options: { value: string; label: string }[]; placeholder: string }) {
  const id = `${idPrefix}-${field}`;
  return (
    <Field id={id} label={label} error={step.err(field)}>
      <select {...step.register(field)} {...errorProps(id, step.err(field))}>
        <option value="">{placeholder}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </Field>
  );
}
