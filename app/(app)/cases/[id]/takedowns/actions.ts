'use server';
import { revalidatePath } from 'next/cache';
import type { z } from 'zod';
import { requestIp, requireActor } from '@/lib/auth/session';
import type { Ctx } from '@/lib/cases/service';
import { fieldErrors, runAction, type ActionState } from '@/lib/errors';
import { changeTakedownStatusInput, recordLocationInput, requestTakedownInput } from '@/lib/takedowns/schemas';
import { changeTakedownStatus, recordLocation, requestTakedown } from '@/lib/takedowns/service';

/**
 * Locations and takedown requests. Each action parses with its form's own
 * schema, authenticates, and runs the use-case, which authorizes against the
 * case and writes its rows and audit row in one transaction.
 */
function takedownAction<S extends z.ZodType<{ caseId: string }>, R>(schema: S, useCase: (input: z.output<S>, ctx: Ctx) => Promise<R>) {
  return async (raw: unknown): Promise<ActionState<R>> => {
    const parsed = schema.safeParse(raw);
    if (!parsed.success) return fieldErrors(parsed.error);
    return runAction(async () => {
      const result = await useCase(parsed.data, { actor: await requireActor(), ip: await requestIp() });
      revalidatePath(`/cases/${parsed.data.caseId}`);
      return result;
    });
  };
}

export async function recordLocationAction(raw: unknown) {
  return takedownAction(recordLocationInput, recordLocation)(raw);
}

export async function requestTakedownAction(raw: unknown) {
  return takedownAction(requestTakedownInput, requestTakedown)(raw);
}

export async function changeTakedownStatusAction(raw: unknown) {
  return takedownAction(changeTakedownStatusInput, changeTakedownStatus)(raw);
}
