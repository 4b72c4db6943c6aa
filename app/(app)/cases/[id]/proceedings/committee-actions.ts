'use server';
import { revalidatePath } from 'next/cache';
import type { z } from 'zod';
import { requireActor, requestIp } from '@/lib/auth/session';
import type { Ctx } from '@/lib/cases/service';
import { extendCommittee } from '@/lib/committee/extend-committee';
import { recordHearing } from '@/lib/committee/record-hearing';
import { recordMemberConflict } from '@/lib/committee/record-member-conflict';
import { scheduleHearing } from '@/lib/committee/schedule-hearing';
import { extendCommitteeInput, recordHearingInput, recordMemberConflictInput, scheduleHearingInput, sendHearingNoticeInput } from '@/lib/committee/schemas';
import { sendHearingNotice } from '@/lib/committee/send-hearing-notice';
import { fieldErrors, runAction, type ActionState } from '@/lib/errors';

/**
 * The committee's steps. Each: parse, authenticate, run the use-case (which
 * authorizes, writes and audits in one transaction), revalidate the case.
 */
async function step<S extends z.ZodType<{ caseId: string }>, R>(schema: S, raw: unknown, run: (data: z.output<S>, ctx: Ctx) => Promise<R>): Promise<ActionState<R>> {
  const parsed = schema.safeParse(raw);
  if (!parsed.success) return fieldErrors(parsed.error);
  return runAction(async () => {
    const result = await run(parsed.data, { actor: await requireActor(), ip: await requestIp() });
    revalidatePath(`/cases/${parsed.data.caseId}`);
    revalidatePath('/office');
    return result;
  });
}

export async function scheduleHearingAction(raw: unknown) {
  return step(scheduleHearingInput, raw, scheduleHearing);
}

export async function extendCommitteeAction(raw: unknown) {
  return step(extendCommitteeInput, raw, extendCommittee);
}

export async function recordMemberConflictAction(raw: unknown) {
  return step(recordMemberConflictInput, raw, recordMemberConflict);
}

export async function sendHearingNoticeAction(raw: unknown) {
  return step(sendHearingNoticeInput, raw, sendHearingNotice);
}

export async function recordHearingAction(raw: unknown) {
  return step(recordHearingInput, raw, recordHearing);
}
