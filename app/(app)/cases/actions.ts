'use server';
import { caseAction, serverAction } from '@/lib/actions/case-action';
import { caseStepPaths } from '@/lib/actions/revalidation';
import { caseStepInput, fileCaseInput } from '@/lib/cases/schemas';
import { fileCase, recordStep } from '@/lib/cases/service';

/** Filing a case and the generic workflow step (lib/actions/case-action.ts: parse, authenticate, run the use-case, revalidate the case and its lists). */
export const fileCaseAction = serverAction(fileCaseInput, fileCase, {
  revalidate: (_, { id }) => caseStepPaths(id),
  reply: ({ id, caseNumber }) => ({ id, caseNumber }),
});

export const recordStepAction = caseAction(caseStepInput, recordStep);
