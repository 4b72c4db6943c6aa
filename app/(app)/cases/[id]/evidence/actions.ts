'use server';
import { revalidatePath } from 'next/cache';
import { requestIp, requireActor } from '@/lib/auth/session';
import { env } from '@/lib/env';
import { fieldErrors, runAction, type ActionState } from '@/lib/errors';
import { beginEvidenceViewInput, confirmEvidenceViewInput, markEvidenceSensitiveInput, uploadEvidenceInput } from '@/lib/evidence/schemas';
import { beginEvidenceView, confirmEvidenceView, markEvidenceSensitive, uploadEvidence, type ViewGrant } from '@/lib/evidence/service';

/**
 * The vault's server actions: parse with the form's schema, authenticate,
 * run the use-case (which authorizes, writes the custody and audit rows in
 * one transaction), revalidate. Downloads and the bytes of a view go
 * through route handlers (app/api/evidence), which stream files.
 */

/** The file travels inside the input object: React sends a File argument as a multipart part. */
export async function uploadEvidenceAction(raw: unknown): Promise<ActionState<{ evidenceId: string; contentType: string }>> {
  const parsed = uploadEvidenceInput(env().EVIDENCE_MAX_BYTES).safeParse(raw);
  if (!parsed.success) return fieldErrors(parsed.error);
  const { caseId, file, description, sensitive } = parsed.data;
  return runAction(async () => {
    const actor = await requireActor();
    const bytes = Buffer.from(await file.arrayBuffer());
    const { evidenceId, contentType } = await uploadEvidence({ caseId, fileName: file.name, bytes, description, sensitive }, { actor, ip: await requestIp() });
    revalidatePath(`/cases/${caseId}`);
    return { evidenceId, contentType };
  });
}

export async function beginEvidenceViewAction(raw: unknown): Promise<ActionState<ViewGrant>> {
  const parsed = beginEvidenceViewInput.safeParse(raw);
  if (!parsed.success) return fieldErrors(parsed.error);
  return runAction(async () => beginEvidenceView(parsed.data, { actor: await requireActor(), ip: await requestIp() }));
}

export async function confirmEvidenceViewAction(raw: unknown): Promise<ActionState<ViewGrant>> {
  const parsed = confirmEvidenceViewInput.safeParse(raw);
  if (!parsed.success) return fieldErrors(parsed.error);
  return runAction(async () => confirmEvidenceView(parsed.data, { actor: await requireActor(), ip: await requestIp() }));
}

export async function markEvidenceSensitiveAction(raw: unknown): Promise<ActionState> {
  const parsed = markEvidenceSensitiveInput.safeParse(raw);
  if (!parsed.success) return fieldErrors(parsed.error);
  const result = await runAction(async () => {
    const { caseId } = await markEvidenceSensitive(parsed.data, { actor: await requireActor(), ip: await requestIp() });
    revalidatePath(`/cases/${caseId}`);
  });
  return result.ok ? { ok: true } : result;
}
