import { getFormatter, getTranslations } from 'next-intl/server';
import type { Actor } from '@/lib/auth/roles';
import { env } from '@/lib/env';
import { listEvidence, type EvidenceListItem } from '@/lib/evidence/service';
import { formatDateTime } from '../../format';
import { EvidenceActions } from './evidence-actions';
import { RetentionPanel } from './retention-panel';
import { UploadForm } from './upload-form';

type Formatter = Awaited<ReturnType<typeof getFormatter>>;

function formatBytes(format: Formatter, bytes: number): string {
  if (bytes < 1024) return `${format.number(bytes)} B`;
  if (bytes < 1024 * 1024) return `${format.number(bytes / 1024, { maximumFractionDigits: 1 })} KB`;
  return `${format.number(bytes / (1024 * 1024), { maximumFractionDigits: 1 })} MB`;
}

/**
 * The evidence vault of one case: the files with their hashes and
 * custody-relevant facts, the upload card, and per file the reasoned view
 * and download. Sensitive files never get an image in this list; the only
 * pictures are thumbnails of files nobody marked sensitive on an
 * unrestricted case. Auditors, and anyone else outside the vault, get no
 * section at all.
 */
export async function EvidenceSection({ caseId, restricted, actor }: { caseId: string; restricted: boolean; actor: Actor }) {
  const list = await listEvidence(caseId, actor);
  if (!list) return null;
  const [t, format] = await Promise.all([getTranslations('evidence'), getFormatter()]);
  const isRestricted = restricted || list.restricted;
  const maxBytes = env().EVIDENCE_MAX_BYTES;

  return (
    <section aria-labelledby="evidence-title" data-testid="evidence-section" className="no-print">
      <h2 id="evidence-title">{t('title')}</h2>
      <p className="muted small">{t('intro')}</p>
      {isRestricted ? (
        <p className="alert warn" data-testid="evidence-restricted-note">
          {t('restrictedNote')}
        </p>
      ) : null}

      {list.files.length === 0 ? (
        <p className="empty" data-testid="evidence-empty">
          {list.rights.upload ? t('emptyUpload') : t('emptyViewOnly')}
        </p>
      ) : (
        <ul className="stack" style={{ listStyle: 'none', padding: 0 }} aria-label={t('listLabel')} data-testid="evidence-list">
          {list.files.map((f) => (
            <EvidenceRow
              key={f.id}
              file={f}
              t={t}
              format={format}
              canDownload={list.rights.download}
              canMark={list.rights.markSensitive && !isRestricted && !f.markedSensitive}
            />
          ))}
        </ul>
      )}

      {list.rights.upload ? <UploadForm caseId={caseId} maxBytes={maxBytes} maxLabel={formatBytes(format, maxBytes)} restricted={isRestricted} /> : null}

      <RetentionPanel caseId={caseId} actor={actor} />
    </section>
  );
}

function EvidenceRow({
  file: f,
  t,
  format,
  canDownload,
  canMark,
}: {
  file: EvidenceListItem;
  t: Awaited<ReturnType<typeof getTranslations<'evidence'>>>;
  format: Formatter;
  canDownload: boolean;
  canMark: boolean;
}) {
  const purged = Boolean(f.purgedAt);
  return (
    <li className="card" data-testid="evidence-row" data-evidence-id={f.id} data-sensitive={f.sensitive} data-purged={purged} data-content-type={f.contentType}>
      <div className="row" style={{ alignItems: 'flex-start', gap: 12, flexWrap: 'nowrap' }}>
        {f.thumbnail ? (
          // Our route serves it with no-store and records the access; next/image would keep a copy in its cache.
          // eslint-disable-next-line @next/next/no-img-element
          <img
            src={`/api/evidence/${f.id}/thumbnail`}
            alt=""
            width={80}
            height={80}
            loading="lazy"
            style={{ objectFit: 'cover', borderRadius: 4, flex: 'none' }}
            data-testid="evidence-thumbnail"
          />
        ) : null}
        <div className="stack" style={{ gap: 4, flex: 1, minWidth: 0 }}>
          <div className="row">
            <strong data-testid="evidence-name" style={{ overflowWrap: 'anywhere' }}>
              {f.fileName}
            </strong>
            <span className="badge">{t(`kind.${f.kind}`)}</span>
            {f.sensitive ? (
              <span className="badge restricted" data-testid="evidence-sensitive-badge">
                {t('badge.sensitive')}
              </span>
            ) : null}
            {purged ? (
              <span className="badge closed" data-testid="evidence-purged-badge">
                {t('badge.purged')}
              </span>
            ) : null}
          </div>
          <p className="muted small row" style={{ margin: 0 }}>
            <span>{formatBytes(format, f.sizeBytes)}</span>
            <span aria-hidden>·</span>
            <span>{t('meta.uploaded', { name: f.uploadedByName ?? t('meta.unknownUploader'), at: formatDateTime(format, f.uploadedAt) })}</span>
            <span aria-hidden>·</span>
            <span title={t('meta.hashTitle', { hash: f.sha256 })}>
              {t('meta.hash')} <code data-testid="evidence-hash">{f.sha256.slice(0, 12)}</code>
            </span>
          </p>
          {f.description ? (
            <p className="small" style={{ margin: 0, whiteSpace: 'pre-wrap' }}>
              {f.description}
            </p>
          ) : null}
          {purged ? (
            <p className="muted small" style={{ margin: 0 }}>
              {t('purgedNote')}
            </p>
          ) : (
            <EvidenceActions
              item={{ id: f.id, fileName: f.fileName, sensitive: f.sensitive, previewable: f.previewable, inline: f.inline }}
              canDownload={canDownload}
              canMark={canMark}
            />
          )}
        </div>
      </div>
    </li>
  );
}
