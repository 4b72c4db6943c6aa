'use server';
import { revalidatePath } from 'next/cache';
import type { z } from 'zod';
import { requireActor, requestIp } from '@/lib/auth/session';
import type { Ctx } from '@/lib/cases/service';
import { fieldErrors, runAction, type ActionState } from '@/lib/errors';
import { closeCase } from '@/lib/execution/close-case';
import { fileAppeal } from '@/lib/execution/file-appeal';
import { notifyVictimOfAppeal } from '@/lib/execution/notify-victim-of-appeal';
import { recordAppealOutcome } from '@/lib/execution/record-appeal-outcome';
import { recordProgress } from '@/lib/execution/record-progress';
import { requestTransfer } from '@/lib/execution/request-transfer';
import { reviewRecordDeletion } from '@/lib/execution/review-record-deletion';
import {
  appealStepInput,
  closeCaseInput,
  fileAppealInput,
  recordAppealOutcomeInput,
  recordProgressInput,
  requestTransferInput,
  reviewRecordDeletionInput,
  type AppealStepData,
} from '@/lib/execution/schemas';
import { grantStay, liftStay } from '@/lib/execution/stay';

/**
 * Parse, authenticate, run the use-case (which authorizes against the
 * workflow table and audits in its transaction), revalidate. The lists move
 * too, since most of these steps change the case's status.
 */
async function perform<S extends z.ZodType<{ caseId: string }>, R>(schema: S, raw: unknown, useCase: (data: z.output<S>, ctx: Ctx) => Promise<R>): Promise<ActionState<R>> {
  const parsed = schema.safeParse(raw);
  if (!parsed.success) return fieldErrors(parsed.error);
  const data = parsed.data;
  return runAction(async () => {
    const result = await useCase(data, { actor: await requireActor(), ip: await requestIp() });
    revalidatePath(`/cases/${data.caseId}`);
    revalidatePath('/school');
    revalidatePath('/office');
    return result;
  });
}

export async function recordProgressAction(raw: unknown) {
  return perform(recordProgressInput, raw, recordProgress);
}

export async function requestTransferAction(raw: unknown) {
  return perform(requestTransferInput, raw, requestTransfer);
}

export async function closeCaseAction(raw: unknown) {
  return perform(closeCaseInput, raw, closeCase);
}

export async function fileAppealAction(raw: unknown) {
  return perform(fileAppealInput, raw, fileAppeal);
}

const APPEAL_STEP_USE_CASES = { notify_victim_of_appeal: notifyVictimOfAppeal, grant_stay: grantStay, lift_stay: liftStay } as const;

export async function recordAppealStepAction(raw: unknown) {
  return perform(appealStepInput, raw, (data: AppealStepData, ctx) => APPEAL_STEP_USE_CASES[data.type](data, ctx));
}

export async function recordAppealOutcomeAction(raw: unknown) {
  return perform(recordAppealOutcomeInput, raw, recordAppealOutcome);
}

export async function reviewRecordDeletionAction(raw: unknown) {
  return perform(reviewRecordDeletionInput, raw, reviewRecordDeletion);
}
