'use server';
import { caseAction } from '@/lib/actions/case-action';
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

/** Execution, appeals and record deletion (lib/actions/case-action.ts: parse, authenticate, run the use-case, revalidate the case and its lists). */
export const recordProgressAction = caseAction(recordProgressInput, recordProgress);
export const requestTransferAction = caseAction(requestTransferInput, requestTransfer);
export const closeCaseAction = caseAction(closeCaseInput, closeCase);
export const fileAppealAction = caseAction(fileAppealInput, fileAppeal);
export const recordAppealOutcomeAction = caseAction(recordAppealOutcomeInput, recordAppealOutcome);
export const reviewRecordDeletionAction = caseAction(reviewRecordDeletionInput, reviewRecordDeletion);

const APPEAL_STEP_USE_CASES = { notify_victim_of_appeal: notifyVictimOfAppeal, grant_stay: grantStay, lift_stay: liftStay } as const;
export const recordAppealStepAction = caseAction(appealStepInput, (data: AppealStepData, ctx) => APPEAL_STEP_USE_CASES[data.type](data, ctx));
