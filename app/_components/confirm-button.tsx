'use client';
import { useState, useTransition } from 'react';
import { useTranslations } from 'next-intl';
import type { ActionState } from '@/lib/errors';

/** A destructive step asks first, inline, and shows its pending state and any error. */
export function ConfirmButton({
  label,
  question,
  onConfirm,
  testId,
}: {
  label: string;
  question: string;
  onConfirm: () => Promise<ActionState<unknown>>;
  testId?: string;
}) {
  const t = useTranslations('common');
  const te = useTranslations('errors');
  const [asking, setAsking] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  if (!asking) {
    return (
      <button type="button" className="secondary" onClick={() => setAsking(true)} data-testid={testId}>
        {label}
      </button>
    );
  }
  return (
    <span className="row" role="group" aria-label={question}>
      <span>{question}</span>
      <button
        type="button"
        className="danger"
        disabled={pending}
        data-testid={testId ? `${testId}-confirm` : undefined}
        onClick={() =>
          startTransition(async () => {
            const result = await onConfirm();
            if (result && !result.ok) setError(te(result.error));
            else setAsking(false);
          })
        }
      >
        {pending ? t('saving') : t('confirm')}
      </button>
      <button type="button" className="secondary" onClick={() => setAsking(false)} disabled={pending}>
        {t('cancel')}
      </button>
      {error ? (
        <span className="field-error" aria-live="polite">
          {error}
        </span>
      ) : null}
    </span>
  );
}
