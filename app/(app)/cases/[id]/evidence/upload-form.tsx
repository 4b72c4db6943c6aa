'use client';
import { useMemo, useRef, useTransition } from 'react';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { Field } from '@/app/_components/field';
import { useActionForm } from '@/app/_components/use-action-form';
import { uploadEvidenceInput, type UploadEvidenceInput } from '@/lib/evidence/schemas';
import { errorProps } from '@/app/_components/form-helpers';
import { uploadEvidenceAction } from './actions';

/**
 * The upload card. The size is checked here for a quick answer; the type is
 * checked on the server from the bytes, and its refusal lands on the file
 * field like any other error. On a restricted case every file is sensitive,
 * so the checkbox gives way to a note.
 */
export function UploadForm({ caseId, maxBytes, maxLabel, restricted }: { caseId: string; maxBytes: number; maxLabel: string; restricted: boolean }) {
  const t = useTranslations('evidence');
  const router = useRouter();
  const fileInput = useRef<HTMLInputElement>(null);
  const [refreshing, startRefresh] = useTransition();
  const schema = useMemo(() => uploadEvidenceInput(maxBytes), [maxBytes]);
  const defaults: Partial<UploadEvidenceInput> = { caseId, description: '', sensitive: false };
  const { form, onSubmit, result, errorFor, formError, pending } = useActionForm(schema, uploadEvidenceAction, {
    area: 'evidence',
    messageParams: { max: maxLabel },
    defaultValues: defaults,
    onSuccess: () => {
      form.reset(defaults);
      if (fileInput.current) fileInput.current.value = '';
      startRefresh(() => router.refresh());
    },
  });
  const err = errorFor;
  const busy = pending || refreshing;
  const fileError = err('file');
  const formMessage = result && !result.ok ? (errorFor('_form') ?? (fileError ? null : formError)) : null;

  return (
    <section className="card step-form" aria-labelledby="evidence-upload-title">
      <h3 id="evidence-upload-title">{t('upload.title')}</h3>
      <form onSubmit={onSubmit} noValidate className="stack" data-testid="evidence-upload-form" aria-busy={busy}>
        <Field id="evidence-file" label={t('upload.file')} error={fileError} hint={t('upload.fileHint', { max: maxLabel })}>
          <input
            ref={fileInput}
            type="file"
            name="file"
            data-testid="evidence-file"
            disabled={busy}
            {...errorProps('evidence-file', fileError)}
            onChange={(e) => form.setValue('file', e.target.files?.[0] as File, { shouldValidate: true })}
          />
        </Field>
        <Field id="evidence-description" label={t('upload.description')} error={err('description')} hint={t('upload.descriptionHint')}>
          <textarea
            rows={2}
            maxLength={1000}
            {...form.register('description')}
            {...errorProps('evidence-description', err('description'))}
            data-testid="evidence-description"
          />
        </Field>
        {restricted ? (
          <p className="muted small" data-testid="evidence-upload-restricted">
            {t('upload.restrictedNote')}
          </p>
        ) : (
          <div>
            <label className="row">
              <input type="checkbox" {...form.register('sensitive')} data-testid="evidence-sensitive" />
              <span>{t('upload.sensitive')}</span>
            </label>
            <p className="muted small" style={{ margin: '2px 0 0' }}>
              {t('upload.sensitiveHint')}
            </p>
          </div>
        )}
        <div aria-live="polite">
          {formMessage ? (
            <p className="alert error" data-testid="evidence-upload-error">
              {formMessage}
            </p>
          ) : null}
          {result?.ok && !busy ? (
            <p className="alert success" data-testid="evidence-upload-done">
              {t('upload.done')}
            </p>
          ) : null}
        </div>
        <div>
          <button type="submit" disabled={busy} aria-busy={busy} data-testid="evidence-upload-submit">
            {busy ? t('upload.uploading') : t('upload.submit')}
          </button>
        </div>
      </form>
    </section>
  );
}
