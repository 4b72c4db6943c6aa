'use server';
import { serverAction } from '@/lib/actions/case-action';
import { caseRecordPaths } from '@/lib/actions/revalidation';
import { env } from '@/lib/env';
import type { ActionState } from '@/lib/errors';
import { beginEvidenceViewInput, confirmEvidenceViewInput, markEvidenceSensitiveInput, uploadEvidenceInput } from '@/lib/evidence/schemas';
import { beginEvidenceView, confirmEvidenceView, markEvidenceSensitive, uploadEvidence } from '@/lib/evidence/service';

/**
 * The vault's server actions (lib/actions/case-action.ts: parse, authenticate,
 * run the use-case, which writes the custody and audit rows in one
 * transaction, revalidate). Downloads and the bytes of a view go through
 * route handlers (app/api/evidence), which stream files.
 */

/**
 * The file travels inside the input object: React sends a File argument as a
 * multipart part. The size limit is read per call, so the schema is built here.
 */
export async function uploadEvidenceAction(raw: unknown): Promise<ActionState<{ evidenceId: string; contentType: string }>> {
  return serverAction(
    uploadEvidenceInput(env().EVIDENCE_MAX_BYTES),
    async ({ file, ...rest }, ctx) => uploadEvidence({ ...rest, fileName: file.name, bytes: Buffer.from(await file.arrayBuffer()) }, ctx),
    { revalidate: ({ caseId }) => caseRecordPaths(caseId), reply: ({ evidenceId, contentType }) => ({ evidenceId, contentType }) },
  )(raw);
}

/** Opening a file writes only custody and audit rows, which no page lists: nothing to revalidate. */
export const beginEvidenceViewAction = serverAction(beginEvidenceViewInput, beginEvidenceView, { revalidate: () => [] });
export const confirmEvidenceViewAction = serverAction(confirmEvidenceViewInput, confirmEvidenceView, { revalidate: () => [] });

/** The input names the file, not the case: the use-case tells which case page to refresh. */
export const markEvidenceSensitiveAction = serverAction(markEvidenceSensitiveInput, markEvidenceSensitive, {
  revalidate: (_, { caseId }) => caseRecordPaths(caseId),
  reply: () => undefined,
});
