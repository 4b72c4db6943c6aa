'use server';
import { revalidatePath } from 'next/cache';
import { requireActor, requestIp } from '@/lib/auth/session';
import { caseStepInput, fileCaseInput } from '@/lib/cases/schemas';
import { fileCase, recordStep } from '@/lib/cases/service';
import { fieldErrors, runAction, type ActionState } from '@/lib/errors';

/** Each action: parse, authenticate, run the use-case (which authorizes and audits in its transaction), revalidate. */

export async function fileCaseAction(raw: unknown): Promise<ActionState<{ id: string; caseNumber: string }>> {
  const parsed = fileCaseInput.safeParse(raw);
  if (!parsed.success) return fieldErrors(parsed.error);
  return runAction(async () => {
    const { id, caseNumber } = await fileCase(parsed.data, { actor: await requireActor(), ip: await requestIp() });
    revalidatePath('/school');
    revalidatePath(`/cases/${id}`);
    return { id, caseNumber };
  });
}

export async function recordStepAction(raw: unknown): Promise<ActionState<{ status: string }>> {
  const parsed = caseStepInput.safeParse(raw);
  if (!parsed.success) return fieldErrors(parsed.error);
  return runAction(async () => {
    const result = await recordStep(parsed.data, { actor: await requireActor(), ip: await requestIp() });
    revalidatePath(`/cases/${parsed.data.caseId}`);
    revalidatePath('/school');
    return result;
  });
}
