'use client';
import { useTranslations } from 'next-intl';
import { useTransition } from 'react';
import { useRouter } from 'next/navigation';
import { errorProps } from '../../form-helpers';

/**
 * `useActionForm.errorFor` translates keys under `errors`; the decision
 * steps' own keys ('overrideReasonRequired', …) live under
 * `decision.fieldErrors`. Returns the message and the props tying a control to its slot.
 */
export function useDecisionErrors(errorFor: (field: string) => string | undefined, prefix: string) {
  const t = useTranslations('decision.fieldErrors');
  const err = (field: string): string | undefined => {
    const message = errorFor(field);
    if (!message) return undefined;
    return t.has(message as never) ? t(message as never) : message;
  };
  const id = (field: string) => `${prefix}-${field}`;
  return { err, id, control: (field: string) => errorProps(id(field), err(field)) };
}

/** A checkbox and its label on one line, the label wrapping beside the box rather than below it. */
export const checkLabel = { className: 'row', style: { flexWrap: 'nowrap', alignItems: 'flex-start' } } as const;

/** After a save the server renders the new state; a transition keeps the button busy until it arrives. */
export function useRefresh() {
  const router = useRouter();
  const [refreshing, start] = useTransition();
  return { refreshing, refresh: () => start(() => router.refresh()) };
}

/** The form-level outcome: the step's own refusal (`_form`), the generic error, or the success line. */
export function FormOutcome({ formError, formIssue, done, testId }: { formError: string | null; formIssue: string | undefined; done: string | null; testId: string }) {
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
