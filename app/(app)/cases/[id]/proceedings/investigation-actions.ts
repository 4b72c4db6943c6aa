'use server';
import { caseAction } from '@/lib/actions/case-action';
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

/** The investigation and school-body steps (lib/actions/case-action.ts: parse, authenticate, run the use-case, revalidate the case and its lists). */
export const assignInvestigatorAction = caseAction(assignInvestigatorInput, assignInvestigator);
export const recordStatementAction = caseAction(recordStatementInput, recordStatement);
export const extendInvestigationAction = caseAction(extendInvestigationInput, extendInvestigation);
export const submitInvestigationReportAction = caseAction(submitInvestigationReportInput, submitInvestigationReport);
export const recordSchoolReviewAction = caseAction(recordSchoolReviewInput, recordSchoolReview);
export const selfResolveAction = caseAction(selfResolveInput, selfResolve);
export const requestCommitteeAction = caseAction(requestCommitteeInput, requestCommittee);
export const reopenCaseAction = caseAction(reopenCaseInput, reopenCase);
export const closeNotViolenceAction = caseAction(closeNotViolenceInput, closeNotViolence);
