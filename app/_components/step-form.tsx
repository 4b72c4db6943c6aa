'use client';
import { useEffect, useRef, useState, useTransition, type ReactNode } from 'react';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import type { DefaultValues, FieldValues, Path, PathValue, UseFormRegisterReturn } from 'react-hook-form';
import type { z } from 'zod';
import type { ActionState } from '@/lib/errors';
import type { ErrorArea } from '@/lib/i18n/error-message';
import { Field, type FieldKit } from './field';
import { errorProps, kstNowLocal } from './form-helpers';
import { useActionForm } from './use-action-form';

type TimeField = 'occurredAt' | 'takenAt';

/**
 * One step of the case workflow as a form: the schema on both sides
 * (`useActionForm`), error keys in the words of the step's `area` first
 * (lib/i18n/error-message.ts), a "when" that follows the clock until someone
 * types a time, a pending state, and a server refresh after success (the
 * page's status, clocks and available steps come from the server).
 */
export function useStepForm<S extends z.ZodType<FieldValues, FieldValues>, R>(
  /** The step: test ids `form-<name>…` and, unless `idPrefix` says otherwise, control ids `<name>-<field>`. */
  name: string,
  schema: S,
  action: (input: z.input<S>) => Promise<ActionState<R>>,
  opts: {
    area: ErrorArea;
    /** The values of an empty form; `now` is the server's render time on the first render, so both render the same value. */
    defaults: (now?: number) => DefaultValues<z.input<S>>;
    serverNow?: number;
    /** The field that follows the clock, 'occurredAt' unless told; null for none. */
    timeField?: TimeField | null;
    /** Keep the answers after saving (a review is often re-recorded once the missing consent arrives; a schedule is corrected in place). */
    keepValues?: boolean;
    /** When it changes (the recorded values behind the defaults changed), the form takes the new defaults. */
    resetKey?: string;
    idPrefix?: string;
  },
) {
  const router = useRouter();
  const [refreshing, startRefresh] = useTransition();
  const timeField = opts.timeField === undefined ? 'occurredAt' : opts.timeField;
  const [initial] = useState(() => opts.defaults(opts.serverNow));
  const latest = useRef(opts.defaults);
  useEffect(() => {
    latest.current = opts.defaults;
  });
  const timeOf = (values: unknown) => (timeField ? (values as Record<string, unknown>)[timeField] : undefined);
  const autoTime = useRef(timeOf(initial));
  const { form, onSubmit, result, errorFor, formError, pending } = useActionForm(schema, action, {
    area: opts.area,
    defaultValues: initial,
    onSuccess: () => {
      if (!opts.keepValues) {
        const next = latest.current();
        autoTime.current = timeOf(next);
        form.reset(next);
      }
      startRefresh(() => router.refresh());
    },
  });
  const seenKey = useRef(opts.resetKey);
  const { reset } = form;
  useEffect(() => {
    if (seenKey.current === opts.resetKey) return;
    seenKey.current = opts.resetKey;
    const next = latest.current();
    autoTime.current = timeOf(next);
    reset(next);
    // timeOf reads only timeField, fixed for the form's life.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [opts.resetKey, reset]);

  const freshen = () => {
    if (!timeField || form.getValues(timeField as Path<z.input<S>>) !== autoTime.current) return;
    const now = kstNowLocal();
    autoTime.current = now;
    form.setValue(timeField as Path<z.input<S>>, now as PathValue<z.input<S>, Path<z.input<S>>>);
  };
  const prefix = opts.idPrefix ?? name;
  const id = (field: string) => `${prefix}-${field.replaceAll('.', '-')}`;
  const err = errorFor;

  return {
    name,
    form,
    result,
    err,
    id,
    register: (field: string) => form.register(field as Path<z.input<S>>) as UseFormRegisterReturn,
    /** Props tying a control to its `Field` error slot. */
    control: (field: string) => errorProps(id(field), err(field)),
    busy: pending || refreshing,
    done: Boolean(result?.ok),
    // A specific reason from the server (e.g. "already extended once") beats the generic one for its code.
    message: result && !result.ok ? (err('_form') ?? formError) : null,
    timeField,
    submit: (e?: React.BaseSyntheticEvent) => {
      freshen();
      return onSubmit(e);
    },
    freshen,
  };
}

/**
 * Defaults of an execution-area step, whose fields the server fills from what
 * is recorded: the values as given and "when" now. Typed loosely because the
 * values come from recorded rows, not from the schema; the schema parses them on submit.
 */
export function withNow(values: Record<string, unknown>): (now?: number) => DefaultValues<FieldValues> {
  return (now) => ({ ...values, occurredAt: kstNowLocal(now) });
}

export type StepKit = FieldKit & Pick<ReturnType<typeof useStepForm>, 'name' | 'control' | 'busy' | 'done' | 'message' | 'timeField' | 'submit' | 'freshen'>;

/** Wide cards lay their fields out in fewer, wider columns. */
export const WIDE_FIELDS = { gridTemplateColumns: 'repeat(auto-fit, minmax(240px, 1fr))' } as const;

/**
 * One step's card: title, hint, the "when" field, the step's own fields, an
 * optional note, the outcome (behind aria-live) and the submit button.
 * Test ids are `<testId>`, `<testId>-error`, `<testId>-done` and
 * `<testId>-submit`, `testId` being `form-<name>` unless given. `frame`:
 * a card of its own (`section`, the test id on the section or on the form),
 * or a bare form inside a card the page draws (`inline`, titled by an h4).
 */
export function StepCard({
  kit,
  title,
  hint,
  submitLabel,
  doneLabel,
  timeLabel,
  note,
  children,
  footer,
  wide,
  wideFields = wide,
  testId = `form-${kit.name}`,
  frame = 'form',
  onSubmit = kit.submit,
  disabled,
}: {
  kit: StepKit;
  title?: string;
  hint?: ReactNode;
  submitLabel: string;
  doneLabel?: string;
  timeLabel?: string;
  /** A free-text note after the step's fields. */
  note?: { label: string; rows?: number };
  children?: ReactNode;
  /** Replaces the submit button (a confirmation step, say). */
  footer?: ReactNode;
  wide?: boolean;
  wideFields?: boolean | undefined;
  testId?: string;
  frame?: 'section' | 'form' | 'inline';
  onSubmit?: (e?: React.BaseSyntheticEvent) => Promise<void> | void;
  disabled?: boolean;
}) {
  const t = useTranslations('common.stepForm');
  const body = (
    <>
      {kit.timeField ? (
        <div className="full">
          <Field id={kit.id(kit.timeField)} label={timeLabel ?? t(kit.timeField)} error={kit.err(kit.timeField)}>
            <input type="datetime-local" {...kit.register(kit.timeField)} {...kit.control(kit.timeField)} />
          </Field>
        </div>
      ) : null}
      {children}
      {note ? (
        <div className="full">
          <Field id={kit.id('note')} label={note.label} error={kit.err('note')}>
            <textarea rows={note.rows ?? 2} maxLength={2000} {...kit.register('note')} {...kit.control('note')} />
          </Field>
        </div>
      ) : null}
      <div className="full" aria-live="polite">
        {kit.message ? (
          <p className="alert error" data-testid={`${testId}-error`}>
            {kit.message}
          </p>
        ) : null}
        {kit.done && !kit.busy ? (
          <p className="alert success" data-testid={`${testId}-done`}>
            {doneLabel ?? t('recorded')}
          </p>
        ) : null}
      </div>
      <div className="full">
        {footer ?? (
          <button type="submit" disabled={kit.busy || disabled} aria-busy={kit.busy} data-testid={`${testId}-submit`}>
            {kit.busy ? t('saving') : submitLabel}
          </button>
        )}
      </div>
    </>
  );
  const formProps = {
    onSubmit,
    // Entering a field refreshes an untouched "when"; buttons are left out, since submitting refreshes it anyway.
    onFocusCapture: (e: React.FocusEvent) => (e.target instanceof HTMLButtonElement ? undefined : kit.freshen()),
    noValidate: true,
    className: 'step-fields',
  };

  if (frame === 'inline') {
    return (
      <form {...formProps} data-testid={testId} aria-label={title ?? submitLabel}>
        {title ? (
          <h4 className="full" style={{ margin: '4px 0' }}>
            {title}
          </h4>
        ) : null}
        {hint ? <div className="full muted small">{hint}</div> : null}
        {body}
      </form>
    );
  }
  return (
    <section
      className="card step-form"
      style={wide ? { gridColumn: '1 / -1' } : undefined}
      data-testid={frame === 'section' ? testId : undefined}
      aria-labelledby={kit.id('title')}
    >
      <h3 id={kit.id('title')}>{title}</h3>
      {hint ? <div className="muted small">{hint}</div> : null}
      <form {...formProps} style={wideFields ? WIDE_FIELDS : undefined} data-testid={frame === 'form' ? testId : undefined}>
        {body}
      </form>
    </section>
  );
}

/** After a save the server renders the new state; a transition keeps the button busy until it arrives. */
export function useRefresh() {
  const router = useRouter();
  const [refreshing, start] = useTransition();
  return { refreshing, refresh: () => start(() => router.refresh()) };
}

/** The form-level outcome of a form outside a `StepCard`: the step's own refusal (`_form`), the generic error, or the success line. */
export function FormOutcome({
  formError,
  formIssue,
  done,
  testId,
}: {
  formError: string | null;
  formIssue: string | undefined;
  done: string | null;
  testId: string;
}) {
  return (
    <div className="full" aria-live="polite">
      {formIssue ? <p className="alert error">{formIssue}</p> : formError ? <p className="alert error">{formError}</p> : null}
      {done ? (
        <p className="alert success" data-testid={`${testId}-done`}>
          {done}
        </p>
      ) : null}
    </div>
  );
}
