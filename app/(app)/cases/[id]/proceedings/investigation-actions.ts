'use server';
import { revalidatePath } from 'next/cache';
import type { z } from 'zod';
import { requestIp, requireActor } from '@/lib/auth/session';
import type { Ctx } from '@/lib/cases/service';
import { fieldErrors, runAction, type ActionState } from '@/lib/errors';
import { assignInvestigator, extendInvestigation, recordStatement, submitInvestigationReport } from '@/lib/proceedings/investigation';
import {
  assignInvestigatorInput,
  closeNotViolenceInput,
  extendInvestigationInput,
  recordSchoolReviewInput,
  recordStatementInput,
  reopenCaseInput,
  requestCommitteeInput,
  selfResolveInput,
  submitInvestigationReportInput,
} from '@/lib/proceedings/investigation-schemas';
import { closeNotViolence, recordSchoolReview, reopenCase, requestCommittee, selfResolve } from '@/lib/proceedings/review';

/**
 * The investigation and school-body steps. Each action: parse with the
 * form's own schema, authenticate, run the use-case (which authorizes, writes
 * and audits in one transaction), revalidate the case page and the lists.
 */
function step<S extends z.ZodType<{ caseId: string }>, R>(schema: S, useCase: (input: z.output<S>, ctx: Ctx) => Promise<R>) {
  return async (raw: unknown): Promise<ActionState<R>> => {
    const parsed = schema.safeParse(raw);
    if (!parsed.success) return fieldErrors(parsed.error);
    return runAction(async () => {
      const result = await useCase(parsed.data, { actor: await requireActor(), ip: await requestIp() });
      revalidatePath(`/cases/${parsed.data.caseId}`);
      revalidatePath('/school');
      revalidatePath('/office');
      return result;
    });
  };
}

export async function assignInvestigatorAction(raw: unknown) {
  return step(assignInvestigatorInput, assignInvestigator)(raw);
}

export async function recordStatementAction(raw: unknown) {
  return step(recordStatementInput, recordStatement)(raw);
}

export async function extendInvestigationAction(raw: unknown) {
  return step(extendInvestigationInput, extendInvestigation)(raw);
}

export async function submitInvestigationReportAction(raw: unknown) {
  return step(submitInvestigationReportInput, submitInvestigationReport)(raw);
}

export async function recordSchoolReviewAction(raw: unknown) {
  return step(recordSchoolReviewInput, recordSchoolReview)(raw);
}

export async function selfResolveAction(raw: unknown) {
  return step(selfResolveInput, selfResolve)(raw);
}

export async function requestCommitteeAction(raw: unknown) {
  return step(requestCommitteeInput, requestCommittee)(raw);
}

export async function reopenCaseAction(raw: unknown) {
  return step(reopenCaseInput, reopenCase)(raw);
}

export async function closeNotViolenceAction(raw: unknown) {
  return step(closeNotViolenceInput, closeNotViolence)(raw);
}
