'use server';
import { revalidatePath } from 'next/cache';
import { addHolidayInput, removeHolidayInput } from '@/lib/calendar/schemas';
import { addHoliday, removeHoliday } from '@/lib/calendar/service';
import { requireActor, requestIp } from '@/lib/auth/session';
import { fieldErrors, runAction, type ActionState } from '@/lib/errors';

/** Parse, authenticate, run the use-case (which authorizes and audits in its transaction), revalidate. */

export async function addHolidayAction(raw: unknown): Promise<ActionState> {
  const parsed = addHolidayInput.safeParse(raw);
  if (!parsed.success) return fieldErrors(parsed.error);
  return runAction(async () => {
    await addHoliday(parsed.data, { actor: await requireActor(), ip: await requestIp() });
    revalidatePath('/admin/holidays');
    return undefined;
  });
}

export async function removeHolidayAction(raw: unknown): Promise<ActionState> {
  const parsed = removeHolidayInput.safeParse(raw);
  if (!parsed.success) return fieldErrors(parsed.error);
  return runAction(async () => {
    await removeHoliday(parsed.data, { actor: await requireActor(), ip: await requestIp() });
    revalidatePath('/admin/holidays');
    return undefined;
  });
}
