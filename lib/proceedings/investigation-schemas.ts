import { z } from 'zod';
import { kstDateTime, optionalText, required } from '@/lib/schema-fields';
import { SELF_RESOLUTION_CONDITIONS, type SelfResolutionCondition } from '@/lib/cases/self-resolution';

/**
 * The investigation and school-body steps, shared by the browser forms and
 * the server actions. Messages are keys under `errors` or
 * `investigation.fieldErrors`; date-times arrive as the form's
 * datetime-local in Korean time (see `kstDateTime`).
 */
const blankToUndefined = (v: unknown) => (v === '' || v === null ? undefined : v);
const caseId = z.string().uuid();
/** When the step happened; empty means now. Late recording is allowed, the future is not (checked on the server). */
const occurredAt = z.preprocess(blankToUndefined, kstDateTime.optional());

export const assignInvestigatorInput = z.object({ caseId, investigatorId: z.string().uuid('required'), occurredAt });
export type AssignInvestigatorInput = z.input<typeof assignInvestigatorInput>;
export type AssignInvestigatorData = z.output<typeof assignInvestigatorInput>;

export const MAX_ATTACHMENTS = 20;
export const statementAttachment = z.object({ description: required(200), fileName: required(255) });

export const recordStatementInput = z
  .object({
    caseId,
    /** A student on the case, or a free "speaker" (a guardian, a teacher, a bystander not on file), or both. */
    partyId: z.preprocess(blankToUndefined, z.string().uuid('required').optional()),
    speaker: optionalText(100),
    takenAt: kstDateTime,
    summary: required(10_000),
    attachments: z.array(statementAttachment).max(MAX_ATTACHMENTS, 'tooMany').default([]),
  })
  .superRefine((v, ctx) => {
    if (!v.partyId && !v.speaker) ctx.addIssue({ code: 'custom', path: ['partyId'], message: 'speakerRequired' });
  });
export type RecordStatementInput = z.input<typeof recordStatementInput>;
export type RecordStatementData = z.output<typeof recordStatementInput>;

export const extendInvestigationInput = z.object({ caseId, reason: required(2000), occurredAt });
export type ExtendInvestigationInput = z.input<typeof extendInvestigationInput>;
export type ExtendInvestigationData = z.output<typeof extendInvestigationInput>;

export const submitInvestigationReportInput = z.object({ caseId, report: required(50_000), occurredAt });
export type SubmitInvestigationReportInput = z.input<typeof submitInvestigationReportInput>;
export type SubmitInvestigationReportData = z.output<typeof submitInvestigationReportInput>;

/** Each condition is a yes/no question ("yes" = the condition holds) with an optional note. */
const conditionAnswer = z.object({
  holds: z.enum(['yes', 'no'], { message: 'required' }).transform((v) => v === 'yes'),
  note: optionalText(1000),
});
const conditionsShape = Object.fromEntries(SELF_RESOLUTION_CONDITIONS.map((c) => [c, conditionAnswer])) as Record<
  SelfResolutionCondition,
  typeof conditionAnswer
>;

export const reviewConsent = z.object({
  perpetratorPartyId: z.string().uuid(),
  /** The scanned written confirmation's file name; empty means not given. */
  victimConsentFile: optionalText(255),
  guardianConsentFile: optionalText(255),
});

export const recordSchoolReviewInput = z.object({
  caseId,
  occurredAt,
  conditions: z.object(conditionsShape),
  consents: z.array(reviewConsent).max(50, 'tooLong'),
});
export type RecordSchoolReviewInput = z.input<typeof recordSchoolReviewInput>;
export type RecordSchoolReviewData = z.output<typeof recordSchoolReviewInput>;

export const selfResolveInput = z.object({ caseId, occurredAt, note: optionalText(2000) });
export type SelfResolveInput = z.input<typeof selfResolveInput>;
export type SelfResolveData = z.output<typeof selfResolveInput>;

export const requestCommitteeInput = z.object({ caseId, occurredAt, reason: optionalText(2000) });
export type RequestCommitteeInput = z.input<typeof requestCommitteeInput>;
export type RequestCommitteeData = z.output<typeof requestCommitteeInput>;

/** Act 13-2 and its Decree: a self-resolved case goes to the committee when the restoration promise is broken or new facts emerge. */
export const REOPEN_REASONS = ['promise_broken', 'new_facts'] as const;
export type ReopenReason = (typeof REOPEN_REASONS)[number];

export const reopenCaseInput = z.object({ caseId, occurredAt, reason: z.enum(REOPEN_REASONS, { message: 'required' }), note: required(2000) });
export type ReopenCaseInput = z.input<typeof reopenCaseInput>;
export type ReopenCaseData = z.output<typeof reopenCaseInput>;

export const closeNotViolenceInput = z.object({ caseId, occurredAt, reason: required(2000) });
export type CloseNotViolenceInput = z.input<typeof closeNotViolenceInput>;
export type CloseNotViolenceData = z.output<typeof closeNotViolenceInput>;
