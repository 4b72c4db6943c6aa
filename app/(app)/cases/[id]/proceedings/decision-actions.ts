'use server';
import { revalidatePath } from 'next/cache';
import type { z } from 'zod';
import { requestIp, requireActor } from '@/lib/auth/session';
import type { Ctx } from '@/lib/cases/service';
import { finaliseDecision } from '@/lib/decisions/finalise-decision';
import { recordDispositionNotice } from '@/lib/decisions/record-disposition-notice';
import { recordVictimMeasuresTaken } from '@/lib/decisions/record-victim-measures-taken';
import { saveDecision } from '@/lib/decisions/save-decision';
import { saveVictimMeasures } from '@/lib/decisions/save-victim-measures';
import {
  finaliseDecisionInput,
  recordDispositionNoticeInput,
  recordVictimMeasuresTakenInput,
  saveDecisionInput,
  saveVictimMeasuresInput,
} from '@/lib/decisions/schemas';
import { fieldErrors, runAction, type ActionState } from '@/lib/errors';

/**
 * The decision steps, each: parse with the form's schema, authenticate, run
 * the use-case (it authorizes, writes and audits in one transaction),
 * revalidate the case page and the lists its status shows in.
 */
function action<S extends z.ZodType<{ caseId: string }>, R>(schema: S, run: (data: z.output<S>, ctx: Ctx) => Promise<R>) {
  return async (raw: unknown): Promise<ActionState<R>> => {
    const parsed = schema.safeParse(raw);
    if (!parsed.success) return fieldErrors(parsed.error);
    return runAction(async () => {
      const result = await run(parsed.data, { actor: await requireActor(), ip: await requestIp() });
      revalidatePath(`/cases/${parsed.data.caseId}`);
      revalidatePath('/office');
      revalidatePath('/school');
      return result;
    });
  };
}

export async function saveDecisionAction(raw: unknown) {
  return action(saveDecisionInput, saveDecision)(raw);
}

export async function saveVictimMeasuresAction(raw: unknown) {
  return action(saveVictimMeasuresInput, saveVictimMeasures)(raw);
}

export async function finaliseDecisionAction(raw: unknown) {
  return action(finaliseDecisionInput, finaliseDecision)(raw);
}

export async function recordVictimMeasuresTakenAction(raw: unknown) {
  return action(recordVictimMeasuresTakenInput, recordVictimMeasuresTaken)(raw);
}

export async function recordDispositionNoticeAction(raw: unknown) {
  return action(recordDispositionNoticeInput, recordDispositionNotice)(raw);
}
