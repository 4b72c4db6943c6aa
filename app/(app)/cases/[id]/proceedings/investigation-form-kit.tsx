'use client';
import { useRef, useState, useTransition, type ReactNode } from 'react';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import type { DefaultValues, FieldValues, Path, PathValue, UseFormRegisterReturn } from 'react-hook-form';
import type { z } from 'zod';
import { Field } from '@/app/_components/field';
import { useActionForm } from '@/app/_components/use-action-form';
import type { ActionState } from '@/lib/errors';
import { errorProps, kstNowLocal } from '../../form-helpers';

/**
 * What every investigation and school-body form shares: the schema on both
 * sides (`useActionForm`), field errors translated from `errors` or
 * `investigation.fieldErrors`, a "when" that follows the clock until someone
 * types a time, a pending state, and a server refresh after success (the
 * page's status, clocks and available steps come from the server).
 */
export function useStepForm<S extends z.ZodType<FieldValues, FieldValues>, R>(
  name: string,
  schema: S,
  action: (input: z.input<S>) => Promise<ActionState<R>>,
  opts: {
    defaults: (now?: number) => DefaultValues<z.input<S>>;
    serverNow: number;
    timeField?: 'occurredAt' | 'takenAt' | null;
    /** Keep the answers after saving (a review is often re-recorded once the missing consent arrives). */
    keepValues?: boolean;
    /** Whose `fieldErrors` translate the server's codes. */
    namespace?: 'investigation' | 'takedowns';
  },
) {
  const t = useTranslations(opts.namespace ?? 'investigation');
  const router = useRouter();
  const [refreshing, startRefresh] = useTransition();
  const timeField = opts.timeField === undefined ? 'occurredAt' : opts.timeField;
  // The server's render time first, so the server and the browser render the same value.
  const [initial] = useState(() => opts.defaults(opts.serverNow));
  const timeOf = (values: unknown) => (timeField ? (values as Record<string, unknown>)[timeField] : undefined);
  const autoTime = useRef(timeOf(initial));
  const { form, onSubmit, result, errorFor, formError, pending } = useActionForm(schema, action, {
    defaultValues: initial,
    onSuccess: () => {
      if (!opts.keepValues) {
        const next = opts.defaults();
        autoTime.current = timeOf(next);
        form.reset(next);
      }
      startRefresh(() => router.refresh());
    },
  });

  const err = (field: string): string | undefined => {
    const message = errorFor(field);
    if (!message) return undefined;
    const key = `fieldErrors.${message}`;
    return t.has(key as never) ? t(key as never) : message;
  };
  const freshen = () => {
    if (!timeField || form.getValues(timeField as Path<z.input<S>>) !== autoTime.current) return;
    const now = kstNowLocal();
    autoTime.current = now;
    form.setValue(timeField as Path<z.input<S>>, now as PathValue<z.input<S>, Path<z.input<S>>>);
  };
  const id = (field: string) => `${name}-${field.replaceAll('.', '-')}`;

  return {
    name,
    form,
    err,
    id,
    /** Props tying a control to its `Field` error slot. */
    control: (field: string) => errorProps(id(field), err(field)),
    busy: pending || refreshing,
    done: Boolean(result?.ok),
    // A specific reason from the server (e.g. "already extended once") beats the generic one for its code.
    message: result && !result.ok ? (err('_form') ?? formError) : null,
    timeField,
    timeProps: timeField ? (form.register(timeField as Path<z.input<S>>) as UseFormRegisterReturn) : null,
    submit: (e: React.FormEvent<HTMLFormElement>) => {
      freshen();
      return onSubmit(e);
    },
    freshen,
  };
}

/** A free-text field across the card: the reasons, notes, summaries and the report. */
export function LongText({ kit, field, label, registration, rows = 3, max = 2000 }: { kit: Pick<Kit, 'id' | 'err' | 'control'>; field: string; label: string; registration: UseFormRegisterReturn; rows?: number; max?: number }) {
  return (
    <div className="full">
      <Field id={kit.id(field)} label={label} error={kit.err(field)}>
        <textarea rows={rows} maxLength={max} {...registration} {...kit.control(field)} />
      </Field>
    </div>
  );
}

/** Wide cards lay their fields out in fewer, wider columns. */
export const WIDE_FIELDS = { gridTemplateColumns: 'repeat(auto-fit, minmax(240px, 1fr))' } as const;

type Kit = Pick<ReturnType<typeof useStepForm>, 'name' | 'err' | 'id' | 'control' | 'busy' | 'done' | 'message' | 'timeField' | 'timeProps' | 'submit' | 'freshen'>;

/** One step's card: title, hint, the "when" field, the step's own fields, status and submit. */
export function StepCard({ kit, title, hint, submitLabel, doneLabel, children, wide }: { kit: Kit; title: string; hint?: ReactNode; submitLabel: string; doneLabel?: string; children?: ReactNode; wide?: boolean }) {
  const t = useTranslations('investigation.form');
  const timeLabel = kit.timeField === 'takenAt' ? t('takenAt') : t('occurredAt');
  return (
    <section className="card step-form" aria-labelledby={kit.id('title')} style={wide ? { gridColumn: '1 / -1' } : undefined}>
      <h3 id={kit.id('title')}>{title}</h3>
      {hint ? <p className="muted small">{hint}</p> : null}
      {/* Entering a field refreshes an untouched "when"; buttons are left out, since submitting refreshes it anyway. */}
      <form onSubmit={kit.submit} onFocusCapture={(e) => (e.target instanceof HTMLButtonElement ? undefined : kit.freshen())} noValidate className="step-fields" style={wide ? WIDE_FIELDS : undefined} data-testid={`form-${kit.name}`}>
        {kit.timeField && kit.timeProps ? (
          <div className="full">
            <Field id={kit.id(kit.timeField)} label={timeLabel} error={kit.err(kit.timeField)}>
              <input type="datetime-local" {...kit.timeProps} {...kit.control(kit.timeField)} />
            </Field>
          </div>
        ) : null}
        {children}
        <div className="full" aria-live="polite">
          {kit.message ? (
            <p className="alert error" data-testid={`form-${kit.name}-error`}>
              {kit.message}
            </p>
          ) : null}
          {kit.done && !kit.busy ? (
            <p className="alert success" data-testid={`form-${kit.name}-done`}>
              {doneLabel ?? t('done')}
            </p>
          ) : null}
        </div>
        <div className="full">
          <button type="submit" disabled={kit.busy} aria-busy={kit.busy} data-testid={`form-${kit.name}-submit`}>
            {kit.busy ? t('saving') : submitLabel}
          </button>
        </div>
      </form>
    </section>
  );
}
