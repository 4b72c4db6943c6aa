import type { ReactNode } from 'react';
import type { UseFormRegisterReturn } from 'react-hook-form';
import { errorProps } from './form-helpers';

/** A labelled control with its error slot announced to screen readers. */
export function Field({
  id,
  label,
  error,
  children,
  hint,
}: {
  id: string;
  label: string;
  error?: string | undefined;
  children: ReactNode;
  hint?: string | undefined;
}) {
  return (
    <div>
      <label htmlFor={id}>{label}</label>
      {children}
      {hint ? (
        <p className="muted" style={{ margin: '2px 0 0', fontSize: '0.85rem' }}>
          {hint}
        </p>
      ) : null}
      <p className="field-error" id={`${id}-error`} aria-live="polite">
        {error ?? ''}
      </p>
    </div>
  );
}

/** What the wrappers need from a step form (app/_components/step-form.tsx) to find a field's id, error and registration. */
export type FieldKit = {
  id: (field: string) => string;
  err: (field: string) => string | undefined;
  register: (field: string) => UseFormRegisterReturn;
};

/** A wrapper names its control either through a step form's kit and the field, or by id, error and registration. */
type Source =
  | { kit: FieldKit; field: string; registration?: UseFormRegisterReturn }
  | { kit?: undefined; id: string; error?: string | undefined; registration: UseFormRegisterReturn };

function resolve(source: Source): { id: string; error: string | undefined; registration: UseFormRegisterReturn } {
  if (source.kit)
    return { id: source.kit.id(source.field), error: source.kit.err(source.field), registration: source.registration ?? source.kit.register(source.field) };
  return { id: source.id, error: source.error, registration: source.registration };
}

type Option = { value: string; label: string };

/** A labelled select; `placeholder` adds the empty first choice. */
export function SelectField(props: Source & { label: string; options: readonly Option[]; placeholder?: string; testId?: string; hint?: string }) {
  const { id, error, registration } = resolve(props);
  return (
    <Field id={id} label={props.label} error={error} hint={props.hint}>
      <select {...registration} {...errorProps(id, error)} data-testid={props.testId}>
        {props.placeholder !== undefined ? <option value="">{props.placeholder}</option> : null}
        {props.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </Field>
  );
}

/** A labelled text input; `full` gives it the whole row of the card's grid. */
export function InputField(props: Source & { label: string; hint?: string; type?: 'text' | 'url' | 'date' | 'datetime-local'; max?: number; full?: boolean }) {
  const { id, error, registration } = resolve(props);
  const type = props.type ?? 'text';
  const input = (
    <Field id={id} label={props.label} error={error} hint={props.hint}>
      <input
        type={type}
        autoComplete="off"
        spellCheck={type === 'text' ? undefined : false}
        maxLength={props.max}
        {...registration}
        {...errorProps(id, error)}
      />
    </Field>
  );
  return props.full ? <div className="full">{input}</div> : input;
}

/** A labelled text area on the whole row: the reasons, notes, summaries and reports. */
export function TextAreaField(props: Source & { label: string; rows?: number; maxLength?: number; hint?: string }) {
  const { id, error, registration } = resolve(props);
  return (
    <div className="full">
      <Field id={id} label={props.label} error={error} hint={props.hint}>
        <textarea rows={props.rows ?? 3} maxLength={props.maxLength ?? 2000} {...registration} {...errorProps(id, error)} />
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
            {item.disabled ? (
              <input type="checkbox" disabled />
            ) : (
              <input type="checkbox" value={item.value} {...registration} data-testid={testIdPrefix ? `${testIdPrefix}${item.value}` : undefined} />
            )}
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

/** A checkbox and its label on one line, the label wrapping beside the box rather than below it. */
export const checkLabel = { className: 'row', style: { flexWrap: 'nowrap', alignItems: 'flex-start' } } as const;
