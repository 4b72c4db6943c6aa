import 'server-only';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { and, desc, eq, gte, ne } from 'drizzle-orm';
import type { z } from 'zod';
import { db, type Tx } from '@/db/client';
import { getCaseRow } from '@/db/queries/cases';
import { cases, evidenceCustody, evidenceFiles, users } from '@/db/schema';
import { appendAudit } from '@/lib/audit/append';
import type { AuditEvent } from '@/lib/audit/events';
import type { Actor } from '@/lib/auth/roles';
import type { Ctx } from '@/lib/cases/ctx';
import { decrypt, decryptOptional, encrypt, encryptOptional, masterKey } from '@/lib/crypto/keys';
import { env } from '@/lib/env';
import { DomainError, fieldErrors } from '@/lib/errors';
import { evidenceRights, isSensitive, type EvidenceRights } from './access';
import { canRenderPreview, canShowInline, detectEvidenceType, typeInfo, type EvidenceKind } from './content-type';
import { generateFileKey, openFile, sealFile, sha256Hex, unwrapFileKey, wrapFileKey } from './crypto';
import { blurredPreview, RENDERED_MIME, thumbnail } from './render';
import {
  beginEvidenceViewInput,
  confirmEvidenceViewInput,
  downloadEvidenceInput,
  markEvidenceSensitiveInput,
  uploadEvidenceFields,
  type BeginEvidenceViewInput,
  type ConfirmEvidenceViewInput,
  type DownloadEvidenceInput,
  type MarkEvidenceSensitiveInput,
} from './schemas';
import { evidenceStore, type EvidenceStore } from './storage';
import { signViewToken, verifyViewToken, viewTokenKey, type ViewStage } from './view-token';

/**
 * The evidence vault: upload, the chain of custody, the two-step
 * view of sensitive files and the download of originals. Every access to a
 * file's content writes its custody row and its audit row in one
 * transaction with the access itself, so a failed transaction serves
 * nothing and an access that was served was recorded. A view is recorded
 * by the action that grants it; the GET that then streams the bytes needs
 * the short-lived token only that committed action hands out. Each use-case takes
 * the store as an argument, defaulting to the configured one, so tests run
 * against a store of their own.
 */

export type EvidenceCtx = Ctx;

/** A sensitive original opens only within this long after its blurred preview was shown to the same person. */
const CONFIRM_WINDOW_MS = 15 * 60 * 1000;
/** The custody reason recorded for a list thumbnail, which nobody types. */
export const THUMBNAIL_REASON = 'thumbnail';

type FileRow = typeof evidenceFiles.$inferSelect;
type CaseRef = { id: string; schoolId: string; officeId: string; restricted: boolean; teamUserIds: string[] };
type Opened = { file: FileRow; c: CaseRef; rights: EvidenceRights; sensitive: boolean };
type CustodyAction = (typeof evidenceCustody.action.enumValues)[number];

/**
 * The file and its case, if the actor may see the vault. Anyone else,
 * auditors included, gets `not_found`, exactly as for a file that does not
 * exist.
 */
async function openEvidence(conn: Tx | typeof db, evidenceId: string, actor: Actor, opts: { forUpdate?: boolean } = {}): Promise<Opened> {
  const q = conn
    .select({
      file: evidenceFiles,
      c: { id: cases.id, schoolId: cases.schoolId, officeId: cases.officeId, restricted: cases.restricted, teamUserIds: cases.teamUserIds },
    })
    .from(evidenceFiles)
    .innerJoin(cases, eq(cases.id, evidenceFiles.caseId))
    .where(eq(evidenceFiles.id, evidenceId))
    .limit(1);
  const [row] = opts.forUpdate ? await q.for('update', { of: evidenceFiles }) : await q;
  if (!row) throw new DomainError('not_found');
  const rights = evidenceRights(actor, row.c);
  if (!rights.view) throw new DomainError('not_found');
  return { file: row.file, c: row.c, rights, sensitive: isSensitive(row.file, row.c) };
}

/**
 * The actions parse already; the use-cases parse again, because a reason is
 * the whole point of a reasoned access and a caller that skipped the form
 * (a script, a future API) must not record a view without one.
 */
function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw new DomainError('invalid_input', 'invalid evidence input', fieldErrors(parsed.error).fieldErrors);
  return parsed.data;
}

function requireStored(file: FileRow): { storageKey: string; wrappedKey: string } {
  if (file.purgedAt || !file.storageKey || !file.wrappedKey) throw new DomainError('invalid_transition', 'evidence purged', { _form: ['purged'] });
  return { storageKey: file.storageKey, wrappedKey: file.wrappedKey };
}

/**
 * The original bytes, decrypted and checked against the hash recorded at
 * upload. A missing, altered or wrongly keyed file is refused rather than
 * served as if it were the evidence.
 */
async function readOriginal(store: EvidenceStore, file: FileRow): Promise<Buffer> {
  const { storageKey, wrappedKey } = requireStored(file);
  let original: Buffer;
  try {
    original = openFile(unwrapFileKey(masterKey(), wrappedKey), await store.get(storageKey));
  } catch (e) {
    console.error('[evidence] cannot open stored file', file.id, e);
    throw new DomainError('conflict', 'evidence cannot be decrypted', { _form: ['integrity'] });
  }
  if (sha256Hex(original) !== file.sha256) {
    console.error('[evidence] hash mismatch', file.id);
    throw new DomainError('conflict', 'evidence hash mismatch', { _form: ['integrity'] });
  }
  return original;
}

/** One custody row and its audit row, in the caller's transaction. */
async function recordCustody(
  tx: Tx,
  entry: { file: FileRow; action: CustodyAction; reason: string | null; ctx: EvidenceCtx; now: Date },
  audit: AuditEvent,
): Promise<void> {
  await tx.insert(evidenceCustody).values({
    evidenceId: entry.file.id,
    caseId: entry.file.caseId,
    action: entry.action,
    actorId: entry.ctx.actor.userId,
    at: entry.now,
    reason: entry.reason,
    sha256: entry.file.sha256,
    ip: entry.ctx.ip,
  });
  await appendAudit(tx, audit, entry.now);
}

type ViewedAction = 'preview_viewed' | 'original_viewed' | 'downloaded';

function recordAccess(tx: Tx, file: FileRow, action: ViewedAction, reason: string, ctx: EvidenceCtx, now: Date): Promise<void> {
  const common = { actorId: ctx.actor.userId, targetType: 'case', targetId: file.caseId, ip: ctx.ip, detail: { evidenceId: file.id, reason } } as const;
  const audit: AuditEvent =
    action === 'preview_viewed'
      ? { ...common, action: 'evidence.preview_viewed' }
      : action === 'original_viewed'
        ? { ...common, action: 'evidence.original_viewed' }
        : { ...common, action: 'evidence.downloaded' };
  return recordCustody(tx, { file, action, reason, ctx, now }, audit);
}

/** The name as the uploader's device gave it, without any folder part, kept only encrypted. */
function cleanFileName(name: string, fallbackExt: string): string {
  const base = path.posix.basename(name.replaceAll('\\', '/'));
  let clean = '';
  for (const ch of base.normalize('NFC')) if (ch.charCodeAt(0) >= 0x20 && ch !== '\u007f') clean += ch;
  clean = clean.trim().slice(0, 200);
  return clean || `evidence.${fallbackExt}`;
}

export type UploadEvidenceData = { caseId: string; fileName: string; bytes: Buffer; description?: string | undefined; sensitive: boolean };

/**
 * Stores one file. The type is read from the bytes; a type the vault does
 * not accept, an empty file or one over the size limit is refused before
 * anything is written. The ciphertext is written inside the
 * transaction, and removed again if the transaction fails, so the store never
 * keeps a file the database does not know.
 */
export async function uploadEvidence(
  input: UploadEvidenceData,
  ctx: EvidenceCtx,
  store: EvidenceStore = evidenceStore(),
): Promise<{ evidenceId: string; sha256: string; contentType: string }> {
  const now = ctx.now ?? new Date();
  const fields = parseInput(uploadEvidenceFields, { caseId: input.caseId, description: input.description, sensitive: input.sensitive });
  if (input.bytes.length === 0) throw new DomainError('invalid_input', 'empty file', { file: ['fileEmpty'] });
  if (input.bytes.length > env().EVIDENCE_MAX_BYTES) throw new DomainError('invalid_input', 'file too large', { file: ['fileTooLarge'] });
  const detected = await detectEvidenceType(input.bytes);
  if (!detected) throw new DomainError('invalid_input', 'file type refused', { file: ['fileTypeRefused'] });

  const evidenceId = randomUUID();
  const storageKey = randomUUID();
  const sha256 = sha256Hex(input.bytes);
  let written = false;
  try {
    await db.transaction(async (tx) => {
      const c = await getCaseRow(tx, fields.caseId);
      const rights = c ? evidenceRights(ctx.actor, c) : null;
      if (!c || !rights?.view) throw new DomainError('not_found');
      if (!rights.upload) throw new DomainError('forbidden', 'may not upload evidence', { _form: ['uploadForbidden'] });

      const fileKey = generateFileKey();
      const [file] = await tx
        .insert(evidenceFiles)
        .values({
          id: evidenceId,
          caseId: c.id,
          fileNameEnc: encrypt(cleanFileName(input.fileName, detected.ext)),
          descriptionEnc: encryptOptional(fields.description),
          contentType: detected.mime,
          sizeBytes: input.bytes.length,
          sha256,
          // A file of a restricted case keeps its own flag too, so it stays sensitive whatever becomes of the case.
          sensitive: fields.sensitive || c.restricted,
          storageKey,
          wrappedKey: wrapFileKey(masterKey(), fileKey),
          uploadedBy: ctx.actor.userId,
          uploadedAt: now,
        })
        .returning();
      // The bytes go to the store before the audit row, whose log-wide lock is then held only briefly.
      await store.put(storageKey, sealFile(fileKey, input.bytes));
      written = true;
      await recordCustody(
        tx,
        { file: file!, action: 'uploaded', reason: null, ctx, now },
        {
          action: 'evidence.uploaded',
          actorId: ctx.actor.userId,
          targetType: 'case',
          targetId: c.id,
          ip: ctx.ip,
          detail: { evidenceId, sha256, sizeBytes: input.bytes.length, contentType: detected.mime, sensitive: isSensitive({ sensitive: fields.sensitive }, c) },
        },
      );
    });
  } catch (e) {
    if (written) await store.delete(storageKey).catch((err: unknown) => console.error('[evidence] orphan ciphertext left', storageKey, err));
    throw e;
  }
  return { evidenceId, sha256, contentType: detected.mime };
}

export type EvidenceListItem = {
  id: string;
  fileName: string;
  description: string | null;
  contentType: string;
  kind: EvidenceKind;
  sizeBytes: number;
  sha256: string;
  /** Sensitive by its own flag or by the case. */
  sensitive: boolean;
  /** Its own flag: only this can be switched on later. */
  markedSensitive: boolean;
  uploadedByName: string | null;
  uploadedAt: Date;
  purgedAt: Date | null;
  /** The server can draw a blurred preview (a raster image). */
  previewable: boolean;
  /** The browser can show the original itself; other types can only be downloaded. */
  inline: boolean;
  /** A small thumbnail in the list: non-sensitive raster images only. */
  thumbnail: boolean;
};

export type EvidenceList = { rights: EvidenceRights; restricted: boolean; files: EvidenceListItem[] };

/**
 * The case's files, newest first, for someone who may see the vault; null
 * for anyone else (the page then shows no section at all). The list shows
 * names and hashes, never content, so it writes no custody row; the case
 * page's own opening is audited by `viewCase`.
 */
export async function listEvidence(caseId: string, actor: Actor): Promise<EvidenceList | null> {
  const c = await getCaseRow(db, caseId);
  if (!c) return null;
  const rights = evidenceRights(actor, c);
  if (!rights.view) return null;
  const rows = await db
    .select({ f: evidenceFiles, uploadedByName: users.name })
    .from(evidenceFiles)
    .leftJoin(users, eq(users.id, evidenceFiles.uploadedBy))
    .where(eq(evidenceFiles.caseId, caseId))
    .orderBy(desc(evidenceFiles.uploadedAt), desc(evidenceFiles.id));
  const files = rows.map(({ f, uploadedByName }): EvidenceListItem => {
    const sensitive = isSensitive(f, c);
    const stored = !f.purgedAt && Boolean(f.storageKey);
    return {
      id: f.id,
      fileName: decrypt(f.fileNameEnc),
      description: decryptOptional(f.descriptionEnc),
      contentType: f.contentType,
      kind: typeInfo(f.contentType).kind,
      sizeBytes: f.sizeBytes,
      sha256: f.sha256,
      sensitive,
      markedSensitive: f.sensitive,
      uploadedByName,
      uploadedAt: f.uploadedAt,
      purgedAt: f.purgedAt,
      previewable: stored && canRenderPreview(f.contentType),
      inline: stored && canShowInline(f.contentType),
      thumbnail: stored && !sensitive && canRenderPreview(f.contentType),
    };
  });
  return { rights, restricted: c.restricted, files };
}

function tokenKey(): Buffer {
  const secret = env().AUTH_SECRET;
  if (!secret) throw new Error('AUTH_SECRET is not set: evidence view tokens cannot be signed');
  return viewTokenKey(secret);
}

export type ViewGrant = { stage: ViewStage; token: string; expiresAt: string; previewable: boolean; inline: boolean; kind: EvidenceKind };

function grant(file: FileRow, actor: Actor, stage: ViewStage, now: Date): ViewGrant {
  const { token, expiresAt } = signViewToken(tokenKey(), { evidenceId: file.id, userId: actor.userId, stage }, now);
  return {
    stage,
    token,
    expiresAt: expiresAt.toISOString(),
    previewable: canRenderPreview(file.contentType),
    inline: canShowInline(file.contentType),
    kind: typeInfo(file.contentType).kind,
  };
}

/**
 * The first step of opening a file, with a stated reason. A sensitive file
 * yields its blurred preview only (custody `preview_viewed`); the original
 * needs `confirmEvidenceView`. A file that is not sensitive opens at once
 * (custody `original_viewed`), if the browser can show its type.
 */
export async function beginEvidenceView(raw: BeginEvidenceViewInput, ctx: EvidenceCtx): Promise<ViewGrant> {
  const now = ctx.now ?? new Date();
  const input = parseInput(beginEvidenceViewInput, raw);
  return db.transaction(async (tx) => {
    const { file, sensitive } = await openEvidence(tx, input.evidenceId, ctx.actor);
    requireStored(file);
    if (sensitive) {
      await recordAccess(tx, file, 'preview_viewed', input.reason, ctx, now);
      return grant(file, ctx.actor, 'preview', now);
    }
    if (!canShowInline(file.contentType)) throw new DomainError('invalid_input', 'type cannot be shown', { _form: ['notViewable'] });
    await recordAccess(tx, file, 'original_viewed', input.reason, ctx, now);
    return grant(file, ctx.actor, 'original', now);
  });
}

/**
 * The second, explicit confirmation that opens a sensitive original. It is
 * refused unless the same person saw the blurred preview (a typed reason,
 * not a thumbnail) within the last quarter of an hour, so the preview
 * cannot be skipped by calling this directly.
 */
export async function confirmEvidenceView(raw: ConfirmEvidenceViewInput, ctx: EvidenceCtx): Promise<ViewGrant> {
  const now = ctx.now ?? new Date();
  const input = parseInput(confirmEvidenceViewInput, raw);
  return db.transaction(async (tx) => {
    const { file, sensitive } = await openEvidence(tx, input.evidenceId, ctx.actor);
    requireStored(file);
    if (!canShowInline(file.contentType)) throw new DomainError('invalid_input', 'type cannot be shown', { _form: ['notViewable'] });
    if (sensitive) {
      const [preview] = await tx
        .select({ id: evidenceCustody.id })
        .from(evidenceCustody)
        .where(
          and(
            eq(evidenceCustody.evidenceId, file.id),
            eq(evidenceCustody.actorId, ctx.actor.userId),
            eq(evidenceCustody.action, 'preview_viewed'),
            ne(evidenceCustody.reason, THUMBNAIL_REASON),
            gte(evidenceCustody.at, new Date(now.getTime() - CONFIRM_WINDOW_MS)),
          ),
        )
        .limit(1);
      if (!preview) throw new DomainError('invalid_transition', 'preview not seen', { _form: ['previewFirst'] });
    }
    await recordAccess(tx, file, 'original_viewed', input.reason, ctx, now);
    return grant(file, ctx.actor, 'original', now);
  });
}

export type ServedFile = { body: Buffer; contentType: string; fileName: string; ext: string };

/**
 * What a view token allows: the blurred preview or the original. The
 * custody row was written when the token was issued; this re-checks that
 * the person still may see the vault, that the token is theirs, for this
 * file and this stage and unexpired, and that the bytes match their hash.
 */
export async function serveEvidenceView(
  input: { evidenceId: string; stage: ViewStage; token: string },
  ctx: EvidenceCtx,
  store: EvidenceStore = evidenceStore(),
): Promise<ServedFile> {
  const now = ctx.now ?? new Date();
  const { file, sensitive } = await openEvidence(db, input.evidenceId, ctx.actor);
  if (!verifyViewToken(tokenKey(), input.token, { evidenceId: file.id, userId: ctx.actor.userId, stage: input.stage }, now)) {
    throw new DomainError('forbidden', 'invalid or expired view token', { _form: ['tokenExpired'] });
  }
  const { ext } = typeInfo(file.contentType);
  if (input.stage === 'preview') {
    if (!sensitive || !canRenderPreview(file.contentType)) throw new DomainError('not_found');
    const body = await blurredPreview(await readOriginal(store, file));
    return { body, contentType: RENDERED_MIME, fileName: `preview-${file.id.slice(0, 8)}.jpg`, ext: 'jpg' };
  }
  if (!canShowInline(file.contentType)) throw new DomainError('not_found');
  return { body: await readOriginal(store, file), contentType: file.contentType, fileName: decrypt(file.fileNameEnc), ext };
}

/**
 * A list thumbnail of a file that is not sensitive. It is an access like
 * any other: custody `preview_viewed` with the reason "thumbnail", written
 * in the transaction that reads the file. A sensitive file has none, and
 * asking for one looks like asking for a file that does not exist.
 */
export async function thumbnailEvidence(evidenceId: string, ctx: EvidenceCtx, store: EvidenceStore = evidenceStore()): Promise<ServedFile> {
  const now = ctx.now ?? new Date();
  return db.transaction(async (tx) => {
    const { file, sensitive } = await openEvidence(tx, evidenceId, ctx.actor);
    if (sensitive || !canRenderPreview(file.contentType) || file.purgedAt) throw new DomainError('not_found');
    const body = await thumbnail(await readOriginal(store, file));
    await recordAccess(tx, file, 'preview_viewed', THUMBNAIL_REASON, ctx, now);
    return { body, contentType: RENDERED_MIME, fileName: `thumbnail-${file.id.slice(0, 8)}.jpg`, ext: 'jpg' };
  });
}

/**
 * The original as a download, for the office's investigator or committee
 * secretary with a reason. The bytes are read, decrypted and checked against
 * the recorded hash inside the transaction that writes the custody row: a
 * file that fails the check is refused and leaves no "downloaded" record.
 */
export async function downloadEvidence(
  raw: DownloadEvidenceInput,
  ctx: EvidenceCtx,
  store: EvidenceStore = evidenceStore(),
): Promise<ServedFile & { sha256: string }> {
  const now = ctx.now ?? new Date();
  const input = parseInput(downloadEvidenceInput, raw);
  return db.transaction(async (tx) => {
    const { file, rights } = await openEvidence(tx, input.evidenceId, ctx.actor);
    if (!rights.download) throw new DomainError('forbidden', 'may not download evidence', { _form: ['downloadForbidden'] });
    const body = await readOriginal(store, file);
    await recordAccess(tx, file, 'downloaded', input.reason, ctx, now);
    return { body, contentType: file.contentType, fileName: decrypt(file.fileNameEnc), ext: typeInfo(file.contentType).ext, sha256: file.sha256 };
  });
}

/** Marks a file sensitive. One way only: once it was treated as sensitive, nobody can make it casual again. */
export async function markEvidenceSensitive(raw: MarkEvidenceSensitiveInput, ctx: EvidenceCtx): Promise<{ caseId: string }> {
  const now = ctx.now ?? new Date();
  const input = parseInput(markEvidenceSensitiveInput, raw);
  return db.transaction(async (tx) => {
    const { file, rights } = await openEvidence(tx, input.evidenceId, ctx.actor, { forUpdate: true });
    if (!rights.markSensitive) throw new DomainError('forbidden', 'may not mark evidence sensitive', { _form: ['markForbidden'] });
    if (file.sensitive) throw new DomainError('conflict', 'already sensitive', { _form: ['alreadySensitive'] });
    await tx.update(evidenceFiles).set({ sensitive: true }).where(eq(evidenceFiles.id, file.id));
    await recordCustody(
      tx,
      { file, action: 'marked_sensitive', reason: null, ctx, now },
      {
        action: 'evidence.marked_sensitive',
        actorId: ctx.actor.userId,
        targetType: 'case',
        targetId: file.caseId,
        ip: ctx.ip,
        detail: { evidenceId: file.id },
      },
    );
    return { caseId: file.caseId };
  });
}
