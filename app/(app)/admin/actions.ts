'use server';
import { revalidatePath } from 'next/cache';
import {
  createOffice,
  createSchool,
  createUser,
  grantRole,
  resetPassword,
  revokeRole,
  setUserActive,
} from '@/lib/admin/service';
import {
  createOfficeInput,
  createSchoolInput,
  createUserInput,
  grantRoleInput,
  resetPasswordInput,
  revokeRoleInput,
  setUserActiveInput,
} from '@/lib/admin/schemas';
import { requireActor, requestIp } from '@/lib/auth/session';
import { fieldErrors, runAction, type ActionState } from '@/lib/errors';

/** Each action: parse, authenticate, run the use-case (which authorizes and audits in its transaction), revalidate. */

export async function createUserAction(raw: unknown): Promise<ActionState<{ id: string }>> {
  const parsed = createUserInput.safeParse(raw);
  if (!parsed.success) return fieldErrors(parsed.error);
  return runAction(async () => {
    const user = await createUser(parsed.data, { actor: await requireActor(), ip: await requestIp() });
    revalidatePath('/admin');
    return user;
  });
}

export async function grantRoleAction(raw: unknown): Promise<ActionState> {
  const parsed = grantRoleInput.safeParse(raw);
  if (!parsed.success) return fieldErrors(parsed.error);
  return runAction(async () => {
    await grantRole(parsed.data, { actor: await requireActor(), ip: await requestIp() });
    revalidatePath(`/admin/users/${parsed.data.userId}`);
    return undefined;
  });
}

export async function revokeRoleAction(raw: unknown): Promise<ActionState> {
  const parsed = revokeRoleInput.safeParse(raw);
  if (!parsed.success) return fieldErrors(parsed.error);
  return runAction(async () => {
    await revokeRole(parsed.data.grantId, { actor: await requireActor(), ip: await requestIp() });
    revalidatePath('/admin', 'layout');
    return undefined;
  });
}

export async function resetPasswordAction(raw: unknown): Promise<ActionState> {
  const parsed = resetPasswordInput.safeParse(raw);
  if (!parsed.success) return fieldErrors(parsed.error);
  return runAction(async () => {
    await resetPassword(parsed.data, { actor: await requireActor(), ip: await requestIp() });
    return undefined;
  });
}

export async function setUserActiveAction(raw: unknown): Promise<ActionState> {
  const parsed = setUserActiveInput.safeParse(raw);
  if (!parsed.success) return fieldErrors(parsed.error);
  return runAction(async () => {
    await setUserActive(parsed.data, { actor: await requireActor(), ip: await requestIp() });
    revalidatePath('/admin', 'layout');
    return undefined;
  });
}

export async function createOfficeAction(raw: unknown): Promise<ActionState<{ id: string }>> {
  const parsed = createOfficeInput.safeParse(raw);
  if (!parsed.success) return fieldErrors(parsed.error);
  return runAction(async () => {
    const office = await createOffice(parsed.data, { actor: await requireActor(), ip: await requestIp() });
    revalidatePath('/admin/orgs');
    return office;
  });
}

export async function createSchoolAction(raw: unknown): Promise<ActionState<{ id: string }>> {
  const parsed = createSchoolInput.safeParse(raw);
  if (!parsed.success) return fieldErrors(parsed.error);
  return runAction(async () => {
    const school = await createSchool(parsed.data, { actor: await requireActor(), ip: await requestIp() });
    revalidatePath('/admin/orgs');
    return school;
  });
}
