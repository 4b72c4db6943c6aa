'use client';
import { useState, useTransition } from 'react';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { ConfirmButton } from '@/app/_components/confirm-button';
import { Field } from '@/app/_components/field';
import { useActionForm } from '@/app/_components/use-action-form';
import { useErrorMessage } from '@/app/_components/use-error-message';
import type { ActionState } from '@/lib/errors';
import { beginEvidenceViewInput, downloadEvidenceInput, REASON_MIN, type DownloadEvidenceInput } from '@/lib/evidence/schemas';
import type { ViewGrant } from '@/lib/evidence/service';
import { errorProps } from '@/app/_components/form-helpers';
import { beginEvidenceViewAction, confirmEvidenceViewAction, markEvidenceSensitiveAction } from './actions';

export type EvidenceItem = {
  id: string;
  fileName: string;
  sensitive: boolean;
  previewable: boolean;
  inline: boolean;
};

type Panel =
  | { step: 'closed' }
  | { step: 'view-reason' }
  | { step: 'preview'; grant: ViewGrant; reason: string }
  | { step: 'original'; grant: ViewGrant }
  | { step: 'download' };

const fileUrl = (id: string, grant: ViewGrant) => `/api/evidence/${id}/view?stage=${grant.stage}&token=${encodeURIComponent(grant.token)}`;

/**
 * One file's buttons and the steps behind them. Viewing: a reason, then for
 * a sensitive file the server-blurred preview, then an explicit second
 * confirmation before the original. Downloading: a reason, then the file
 * (a POST, so the reason stays out of URLs). Each step is recorded on the
 * server before anything is shown.
 */
export function EvidenceActions({ item, canDownload, canMark }: { item: EvidenceItem; canDownload: boolean; canMark: boolean }) {
  const t = useTranslations('evidence');
  const router = useRouter();
  const [panel, setPanel] = useState<Panel>({ step: 'closed' });
  const viewable = item.sensitive || item.inline;

  return (
    <div className="stack" style={{ gap: 8 }}>
      <div className="row">
        {viewable ? (
          <button
            type="button"
            className="secondary button small"
            onClick={() => setPanel({ step: 'view-reason' })}
            disabled={panel.step !== 'closed'}
            data-testid="evidence-view"
          >
            {t('view.open')}
          </button>
        ) : null}
        {canDownload ? (
          <button
            type="button"
            className="secondary button small"
            onClick={() => setPanel({ step: 'download' })}
            disabled={panel.step !== 'closed'}
            data-testid="evidence-download"
          >
            {t('download.open')}
          </button>
        ) : null}
        {canMark ? (
          <ConfirmButton
            label={t('mark.label')}
            question={t('mark.question')}
            testId="evidence-mark-sensitive"
            onConfirm={() => markSensitive(item.id, () => router.refresh())}
          />
        ) : null}
      </div>
      {!viewable && !canDownload ? <p className="muted small">{t('view.notViewable')}</p> : null}
      {panel.step === 'view-reason' ? (
        <ReasonForm
          evidenceId={item.id}
          mode="view"
          submitLabel={item.sensitive ? t('view.startSensitive') : t('view.start')}
          onCancel={() => setPanel({ step: 'closed' })}
          onGranted={(grant, reason) => setPanel(grant.stage === 'preview' ? { step: 'preview', grant, reason } : { step: 'original', grant })}
        />
      ) : null}
      {panel.step === 'download' ? (
        <ReasonForm
          evidenceId={item.id}
          mode="download"
          fileName={item.fileName}
          submitLabel={t('download.submit')}
          onCancel={() => setPanel({ step: 'closed' })}
        />
      ) : null}
      {panel.step === 'preview' ? (
        <PreviewPanel
          item={item}
          grant={panel.grant}
          reason={panel.reason}
          onOriginal={(grant) => setPanel({ step: 'original', grant })}
          onClose={() => setPanel({ step: 'closed' })}
        />
      ) : null}
      {panel.step === 'original' ? <OriginalPanel item={item} grant={panel.grant} onClose={() => setPanel({ step: 'closed' })} /> : null}
    </div>
  );
}

async function markSensitive(evidenceId: string, refresh: () => void): Promise<ActionState> {
  const result = await markEvidenceSensitiveAction({ evidenceId });
  if (result?.ok) refresh();
  return result;
}

/** The POST that downloads, as an action for the reason form: the file arrives as a blob and is saved under its real name. */
async function downloadFile(evidenceId: string, fileName: string, input: DownloadEvidenceInput): Promise<ActionState> {
  const res = await fetch(`/api/evidence/${evidenceId}/download`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ reason: input.reason }),
    cache: 'no-store',
  });
  if (!res.ok) {
    const body = (await res.json().catch(() => ({}))) as { error?: string; reason?: string; fieldErrors?: Record<string, string[]> };
    const error = (body.error ?? 'unexpected') as Exclude<ActionState, null | { ok: true }>['error'];
    return { ok: false, error, fieldErrors: body.fieldErrors ?? (body.reason ? { _form: [body.reason] } : undefined) };
  }
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  // The browser has the bytes once the download starts; the object URL should not outlive that by much.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return { ok: true };
}

function ReasonForm({
  evidenceId,
  mode,
  fileName = '',
  submitLabel,
  onCancel,
  onGranted,
}: {
  evidenceId: string;
  mode: 'view' | 'download';
  fileName?: string;
  submitLabel: string;
  onCancel: () => void;
  onGranted?: (grant: ViewGrant, reason: string) => void;
}) {
  const t = useTranslations('evidence');
  const schema = mode === 'view' ? beginEvidenceViewInput : downloadEvidenceInput;
  const action = (input: DownloadEvidenceInput) => (mode === 'view' ? beginEvidenceViewAction(input) : downloadFile(evidenceId, fileName, input));
  const { form, onSubmit, result, errorFor, formError, pending } = useActionForm(schema, action, {
    area: 'evidence',
    defaultValues: { evidenceId, reason: '' },
    onSuccess: (grant) => {
      if (grant && onGranted) onGranted(grant as ViewGrant, form.getValues('reason').trim());
    },
  });
  const id = `evidence-${mode}-reason-${evidenceId}`;
  const reasonError = errorFor('reason');
  const message = result && !result.ok ? (errorFor('_form') ?? (reasonError ? null : formError)) : null;
  const label = mode === 'view' ? t('view.reasonLabel') : t('download.reasonLabel');
  const hint = mode === 'view' ? t('view.reasonHint', { min: REASON_MIN }) : t('download.reasonHint', { min: REASON_MIN });

  return (
    <form onSubmit={onSubmit} noValidate className="stack card" style={{ gap: 8 }} data-testid={`evidence-${mode}-form`}>
      <Field id={id} label={label} error={reasonError} hint={hint}>
        <textarea rows={2} maxLength={500} {...form.register('reason')} {...errorProps(id, reasonError)} data-testid={`evidence-${mode}-reason`} />
      </Field>
      <div aria-live="polite">
        {message ? (
          <p className="alert error" data-testid={`evidence-${mode}-error`}>
            {message}
          </p>
        ) : null}
        {mode === 'download' && result?.ok && !pending ? (
          <p className="alert success" data-testid="evidence-download-done">
            {t('download.done')}
          </p>
        ) : null}
      </div>
      <div className="row">
        <button type="submit" disabled={pending} aria-busy={pending} data-testid={`evidence-${mode}-submit`}>
          {pending ? (mode === 'view' ? t('view.opening') : t('download.downloading')) : submitLabel}
        </button>
        <button type="button" className="secondary" onClick={onCancel} disabled={pending}>
          {mode === 'download' && result?.ok ? t('view.close') : t('cancel')}
        </button>
      </div>
    </form>
  );
}

function PreviewPanel({
  item,
  grant,
  reason,
  onOriginal,
  onClose,
}: {
  item: EvidenceItem;
  grant: ViewGrant;
  reason: string;
  onOriginal: (g: ViewGrant) => void;
  onClose: () => void;
}) {
  const t = useTranslations('evidence');
  const te = useErrorMessage('evidence');
  const [asking, setAsking] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [failed, setFailed] = useState(false);
  const [pending, startTransition] = useTransition();

  const confirm = () =>
    startTransition(async () => {
      setError(null);
      const result = await confirmEvidenceViewAction({ evidenceId: item.id, reason, confirmed: true });
      if (result?.ok && result.data) onOriginal(result.data);
      else if (result && !result.ok) setError(te(result.fieldErrors?._form?.[0] ?? result.error));
    });

  return (
    <ViewerCard title={t('view.previewTitle')} testId="evidence-preview-panel" onClose={onClose}>
      {grant.previewable && !failed ? (
        <>
          {/* Served by our own route with no-store; next/image would cache a copy in its optimizer. */}
          {/* eslint-disable-next-line @next/next/no-img-element */}
          <img
            src={fileUrl(item.id, grant)}
            alt={t('view.previewAlt')}
            width={320}
            style={{ maxWidth: '100%', height: 'auto' }}
            onError={() => setFailed(true)}
            data-testid="evidence-preview"
          />
          <p className="muted small">{t('view.previewNote')}</p>
        </>
      ) : (
        <p className="empty" style={{ padding: 16 }} data-testid="evidence-no-preview">
          {failed ? t('view.loadFailed') : t('view.noPreview')}
        </p>
      )}
      {grant.inline ? (
        asking ? (
          <div className="alert warn stack" role="group" aria-label={t('view.confirmQuestion')} style={{ gap: 8 }}>
            <span data-testid="evidence-confirm-question">{t('view.confirmQuestion')}</span>
            <div className="row">
              <button type="button" className="danger" disabled={pending} aria-busy={pending} onClick={confirm} data-testid="evidence-confirm-original">
                {pending ? t('view.confirming') : t('view.confirm')}
              </button>
              <button type="button" className="secondary" disabled={pending} onClick={() => setAsking(false)}>
                {t('cancel')}
              </button>
            </div>
          </div>
        ) : (
          <div className="row">
            <button type="button" onClick={() => setAsking(true)} data-testid="evidence-show-original">
              {t('view.showOriginal')}
            </button>
          </div>
        )
      ) : (
        <p className="muted small">{t('view.notViewable')}</p>
      )}
      <div aria-live="polite">
        {error ? (
          <p className="alert error" data-testid="evidence-confirm-error">
            {error}
          </p>
        ) : null}
      </div>
    </ViewerCard>
  );
}

function OriginalPanel({ item, grant, onClose }: { item: EvidenceItem; grant: ViewGrant; onClose: () => void }) {
  const t = useTranslations('evidence');
  const [failed, setFailed] = useState(false);
  const src = fileUrl(item.id, grant);
  let body: React.ReactNode;
  if (failed) body = <p className="alert error">{t('view.loadFailed')}</p>;
  else if (grant.kind === 'image')
    body = (
      // eslint-disable-next-line @next/next/no-img-element
      <img src={src} alt={t('view.originalAlt')} style={{ maxWidth: '100%', height: 'auto' }} onError={() => setFailed(true)} data-testid="evidence-original" />
    );
  else if (grant.kind === 'video')
    body = <video src={src} controls preload="metadata" style={{ maxWidth: '100%' }} onError={() => setFailed(true)} data-testid="evidence-original" />;
  else if (grant.kind === 'audio') body = <audio src={src} controls preload="metadata" onError={() => setFailed(true)} data-testid="evidence-original" />;
  else
    body = (
      <a className="button" href={src} target="_blank" rel="noopener noreferrer" data-testid="evidence-original-link">
        {t('view.openInNewTab')}
      </a>
    );
  return (
    <ViewerCard title={t('view.originalTitle')} testId="evidence-original-panel" onClose={onClose}>
      {body}
    </ViewerCard>
  );
}

/** The frame of what a granted view shows: its title, a note that the links expire, and the way out. */
function ViewerCard({ title, testId, onClose, children }: { title: string; testId: string; onClose: () => void; children: React.ReactNode }) {
  const t = useTranslations('evidence');
  return (
    <section className="card stack" style={{ gap: 8 }} aria-label={title} data-testid={testId}>
      <h4 style={{ margin: 0 }}>{title}</h4>
      {children}
      <p className="muted small">{t('view.expires')}</p>
      <div>
        <button type="button" className="secondary" onClick={onClose} data-testid="evidence-close">
          {t('view.close')}
        </button>
      </div>
    </section>
  );
}
