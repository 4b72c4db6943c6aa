'use server';
import { revalidatePath } from 'next/cache';
import { requireActor, requestIp } from '@/lib/auth/session';
import { addMember, setMemberActive } from '@/lib/committee/members';
import { addMemberInput, setMemberActiveInput } from '@/lib/committee/schemas';
import { fieldErrors, runAction, type ActionState } from '@/lib/errors';

/** Parse, authenticate, run the use-case (which authorizes and audits in its transaction), revalidate. */

export async function addMemberAction(raw: unknown): Promise<ActionState<{ id: string }>> {
  const parsed = addMemberInput.safeParse(raw);
  if (!parsed.success) return fieldErrors(parsed.error);
  return runAction(async () => {
    const result = await addMember(parsed.data, { actor: await requireActor(), ip: await requestIp() });
    revalidatePath('/committee');
    return result;
  });
}

export async function setMemberActiveAction(raw: unknown): Promise<ActionState> {
  const parsed = setMemberActiveInput.safeParse(raw);
  if (!parsed.success) return fieldErrors(parsed.error);
  return runAction(async () => {
    await setMemberActive(parsed.data, { actor: await requireActor(), ip: await requestIp() });
    revalidatePath('/committee');
    return undefined;
  });
}
