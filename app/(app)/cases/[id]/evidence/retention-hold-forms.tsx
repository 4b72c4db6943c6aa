'use client';
import { useTransition } from 'react';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { ConfirmButton } from '@/app/_components/confirm-button';
import { Field } from '@/app/_components/field';
import { useActionForm } from '@/app/_components/use-action-form';
import { setLegalHoldInput } from '@/lib/evidence/holds-schemas';
import { errorProps } from '@/app/_components/form-helpers';
import { releaseLegalHoldAction, setLegalHoldAction } from './holds-actions';

/** Sets a manual legal hold with its reason; the panel above re-renders from the server once it is saved. */
export function SetHoldForm({ caseId }: { caseId: string }) {
  const t = useTranslations('retention.form');
  const router = useRouter();
  const [refreshing, startRefresh] = useTransition();
  const { form, onSubmit, result, errorFor, formError, pending } = useActionForm(setLegalHoldInput, setLegalHoldAction, {
    area: 'evidence',
    defaultValues: { caseId, reason: '' },
    resetOnSuccess: true,
    onSuccess: () => startRefresh(() => router.refresh()),
  });
  const busy = pending || refreshing;
  const reasonError = errorFor('reason');
  return (
    <form onSubmit={onSubmit} noValidate className="stack" data-testid="hold-set-form" aria-labelledby="hold-set-title">
      <h4 id="hold-set-title">{t('title')}</h4>
      <p className="muted small">{t('hint')}</p>
      <input type="hidden" {...form.register('caseId')} />
      <Field id="hold-reason" label={t('reason')} error={reasonError}>
        <textarea rows={2} maxLength={500} {...form.register('reason')} {...errorProps('hold-reason', reasonError)} data-testid="hold-reason" />
      </Field>
      <div aria-live="polite">
        {result && !result.ok && !reasonError ? (
          <p className="alert error" data-testid="hold-set-error">
            {formError}
          </p>
        ) : null}
        {result?.ok && !busy ? (
          <p className="alert success" data-testid="hold-set-done">
            {t('done')}
          </p>
        ) : null}
      </div>
      <div>
        <button type="submit" disabled={busy} aria-busy={busy} data-testid="hold-set-submit">
          {busy ? t('saving') : t('submit')}
        </button>
      </div>
    </form>
  );
}

/** Releasing a hold may let the purge delete the evidence, so it asks first. */
export function ReleaseHoldButton({ caseId, holdId }: { caseId: string; holdId: string }) {
  const t = useTranslations('retention.form');
  const router = useRouter();
  return (
    <ConfirmButton
      label={t('release')}
      question={t('releaseQuestion')}
      testId="hold-release"
      onConfirm={async () => {
        const result = await releaseLegalHoldAction({ caseId, holdId });
        if (result?.ok) router.refresh();
        return result;
      }}
    />
  );
}
