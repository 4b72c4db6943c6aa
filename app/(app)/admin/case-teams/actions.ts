'use server';
import { revalidatePath } from 'next/cache';
import { requireActor, requestIp } from '@/lib/auth/session';
import { addTeamMemberInput, removeTeamMemberInput } from '@/lib/cases/schemas';
import { addCaseTeamMember, removeCaseTeamMember } from '@/lib/cases/team-admin';
import { fieldErrors, runAction, type ActionState } from '@/lib/errors';

/** Each action: parse, authenticate, run the use-case (which authorizes and audits in its transaction), revalidate. */

export async function addTeamMemberAction(raw: unknown): Promise<ActionState> {
  const parsed = addTeamMemberInput.safeParse(raw);
  if (!parsed.success) return fieldErrors(parsed.error);
  return runAction(async () => {
    await addCaseTeamMember(parsed.data, { actor: await requireActor(), ip: await requestIp() });
    revalidatePath('/admin/case-teams', 'layout');
    revalidatePath(`/cases/${parsed.data.caseId}`);
    return undefined;
  });
}

export async function removeTeamMemberAction(raw: unknown): Promise<ActionState> {
  const parsed = removeTeamMemberInput.safeParse(raw);
  if (!parsed.success) return fieldErrors(parsed.error);
  return runAction(async () => {
    await removeCaseTeamMember(parsed.data, { actor: await requireActor(), ip: await requestIp() });
    revalidatePath('/admin/case-teams', 'layout');
    revalidatePath(`/cases/${parsed.data.caseId}`);
    return undefined;
  });
}
