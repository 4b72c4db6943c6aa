'use client';
import { useTransition, type ReactNode } from 'react';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import type { DefaultValues, FieldValues, UseFormRegisterReturn } from 'react-hook-form';
import type { z } from 'zod';
import { Field } from '@/app/_components/field';
import { useActionForm } from '@/app/_components/use-action-form';
import type { MemberCategory } from '@/lib/committee/constants';
import type { ActionState } from '@/lib/errors';
import { errorProps } from '../../form-helpers';

/** The committee forms' common frame: one card per step, test ids `form-<action>` and `form-<action>-submit`. */

export type CommitteeStep = 'schedule_hearing' | 'extend_committee' | 'record_member_conflict' | 'send_hearing_notice' | 'record_hearing';
export type PanelMember = { id: string; name: string | null; category: MemberCategory };
export type HearingParty = { id: string; role: string; label: string; guardianName: string | null };

/** A datetime-local value in Korean time as an instant, or null while incomplete. */
export function localToInstant(value: string | undefined): string | null {
  if (!value || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value)) return null;
  const d = new Date(`${value.slice(0, 16)}:00+09:00`);
  return Number.isNaN(d.getTime()) ? null : d.toISOString();
}

/** react-hook-form on a committee action; after success the page's state comes back from the server. */
export function useCommitteeForm<S extends z.ZodType<FieldValues, FieldValues>, R>(schema: S, action: (input: z.input<S>) => Promise<ActionState<R>>, defaultValues: DefaultValues<z.input<S>>, reset = true) {
  const router = useRouter();
  const [refreshing, startRefresh] = useTransition();
  const kit = useActionForm(schema, action, {
    defaultValues,
    onSuccess: () => {
      if (reset) kit.form.reset(defaultValues);
      startRefresh(() => router.refresh());
    },
  });
  const te = useTranslations('committee.fieldErrors');
  /** Committee-specific keys ('quorumNotMet', …) from `committee.fieldErrors`, the rest from `errors`. */
  const err = (field: string): string | undefined => {
    const message = kit.errorFor(field);
    if (!message) return undefined;
    return te.has(message as never) ? te(message as never) : message;
  };
  return { ...kit, err, busy: kit.pending || refreshing };
}

export function StepCard({
  name,
  onSubmit,
  busy,
  formError,
  done,
  children,
  hint,
  wide = false,
}: {
  name: CommitteeStep;
  /** Forms with a member list and long texts take the whole row of the grid. */
  wide?: boolean;
  onSubmit: (e?: React.BaseSyntheticEvent) => Promise<void>;
  busy: boolean;
  formError: string | null;
  done: boolean;
  children: ReactNode;
  hint?: ReactNode;
}) {
  const t = useTranslations('committee');
  return (
    <section className="card step-form" style={wide ? { gridColumn: '1 / -1' } : undefined} data-testid={`form-${name}`} aria-labelledby={`${name}-title`}>
      <h3 id={`${name}-title`}>{t(`steps.${name}.title`)}</h3>
      {hint ? <div className="muted small">{hint}</div> : null}
      <form onSubmit={onSubmit} noValidate className="step-fields">
        {children}
        <div className="full" aria-live="polite">
          {formError ? <p className="alert error">{formError}</p> : null}
          {done ? (
            <p className="alert success" data-testid={`form-${name}-done`}>
              {t('steps.done')}
            </p>
          ) : null}
        </div>
        <div className="full">
          <button type="submit" disabled={busy} aria-busy={busy} data-testid={`form-${name}-submit`}>
            {busy ? t('steps.saving') : t(`steps.${name}.submit`)}
          </button>
        </div>
      </form>
    </section>
  );
}

type Option = { value: string; label: string };

/** A labelled select; `placeholder` adds the empty first choice. */
export function SelectField({ id, label, error, registration, options, placeholder, testId }: { id: string; label: string; error?: string; registration: UseFormRegisterReturn; options: readonly Option[]; placeholder?: string; testId?: string }) {
  return (
    <Field id={id} label={label} error={error}>
      <select {...registration} {...errorProps(id, error)} data-testid={testId}>
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </Field>
  );
}

/** A labelled text area on the whole row. */
export function TextAreaField({ id, label, error, registration, rows, maxLength, hint }: { id: string; label: string; error?: string; registration: UseFormRegisterReturn; rows: number; maxLength: number; hint?: string }) {
  return (
    <div className="full">
      <Field id={id} label={label} error={error} {...(hint ? { hint } : {})}>
        <textarea rows={rows} maxLength={maxLength} {...registration} {...errorProps(id, error)} />
      </Field>
    </div>
  );
}

/** A group of checkboxes sharing one field (a list of ids), with its error slot; `children` follow the error. */
export function CheckList({
  id,
  legend,
  error,
  registration,
  items,
  testIdPrefix,
  children,
}: {
  id: string;
  legend: string;
  error?: string | ReactNode;
  registration: UseFormRegisterReturn;
  items: readonly (Option & { hint?: string; disabled?: boolean })[];
  testIdPrefix?: string;
  children?: ReactNode;
}) {
  return (
    <fieldset className="full plain" aria-describedby={`${id}-error`}>
      <legend className="label">{legend}</legend>
      <div className="check-grid">
        {items.map((item) => (
          <label key={item.value} className={item.disabled ? 'check muted' : 'check'}>
            {item.disabled ? <input type="checkbox" disabled /> : <input type="checkbox" value={item.value} {...registration} data-testid={testIdPrefix ? `${testIdPrefix}${item.value}` : undefined} />}
            <span>
              {item.label}
              {item.hint ? <span className="hint muted">{item.hint}</span> : null}
            </span>
          </label>
        ))}
      </div>
      {children}
      <p className="field-error" id={`${id}-error`} aria-live="polite">
        {error ?? ''}
      </p>
    </fieldset>
  );
}

export { errorProps };
