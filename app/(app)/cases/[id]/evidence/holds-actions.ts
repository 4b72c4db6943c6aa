'use server';
import { revalidatePath } from 'next/cache';
import { requestIp, requireActor } from '@/lib/auth/session';
import { fieldErrors, runAction, type ActionState } from '@/lib/errors';
import { releaseLegalHold, setLegalHold } from '@/lib/evidence/holds';
import { releaseLegalHoldInput, setLegalHoldInput } from '@/lib/evidence/holds-schemas';

/**
 * Manual legal holds: parse with the form's schema, authenticate, run the
 * use-case (which authorizes, writes the hold and its audit row in one
 * transaction), revalidate the case page.
 */
export async function setLegalHoldAction(raw: unknown): Promise<ActionState<{ holdId: string }>> {
  const parsed = setLegalHoldInput.safeParse(raw);
  if (!parsed.success) return fieldErrors(parsed.error);
  return runAction(async () => {
    const result = await setLegalHold(parsed.data, { actor: await requireActor(), ip: await requestIp() });
    revalidatePath(`/cases/${parsed.data.caseId}`);
    return result;
  });
}

export async function releaseLegalHoldAction(raw: unknown): Promise<ActionState<undefined>> {
  const parsed = releaseLegalHoldInput.safeParse(raw);
  if (!parsed.success) return fieldErrors(parsed.error);
  return runAction(async () => {
    await releaseLegalHold(parsed.data, { actor: await requireActor(), ip: await requestIp() });
    revalidatePath(`/cases/${parsed.data.caseId}`);
    return undefined;
  });
}
