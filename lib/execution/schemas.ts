import { z } from 'zod';
import { kstDateTime, optionalText, required } from '@/lib/schema-fields';
import { APPEAL_KINDS, APPEAL_RESULTS, APPEAL_SIDES, patchFor, progressErrors } from './rules';

/**
 * The execution, appeal and student-record steps, shared by the browser forms
 * and the server actions. Messages are keys under `errors`, or under
 * `execution.errors` for this area's own.
 */
const blank = (v: unknown) => v === '' || v === null || v === undefined;
const optionalDate = z.preprocess(
  (v) => (blank(v) ? undefined : v),
  z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'invalidDate')
    .optional(),
);
const optionalHours = z.preprocess(
  (v) => (blank(v) ? undefined : Number(v)),
  z.number({ message: 'invalidNumber' }).min(0, 'invalidNumber').max(2000, 'invalidNumber').optional(),
);
const id = z.string().uuid('required');
const yesNo = z.enum(['yes', 'no'], { message: 'required' }).transform((v) => v === 'yes');

const step = { caseId: z.string().uuid(), occurredAt: kstDateTime, note: optionalText(2000) };

export const recordProgressInput = z
  .object({
    ...step,
    executionId: z.string().uuid(),
    measure: z.coerce.number().int().min(1).max(9),
    deliveredOn: optionalDate,
    startDate: optionalDate,
    endDate: optionalDate,
    hoursRequired: optionalHours,
    hoursDone: optionalHours,
    newClass: optionalText(20),
    changedOn: optionalDate,
    transferredOn: optionalDate,
    newSchool: optionalText(100),
    expelledOn: optionalDate,
    guardianHoursRequired: optionalHours,
    guardianHoursDone: optionalHours,
  })
  .superRefine((v, ctx) => {
    const patch = patchFor(v.measure, v);
    if (Object.keys(patch).length === 0) ctx.addIssue({ code: 'custom', path: ['_form'], message: 'nothingToRecord' });
    for (const [field, keys] of Object.entries(progressErrors(v.measure, patch))) {
      for (const message of keys) ctx.addIssue({ code: 'custom', path: [field], message });
    }
  });
export type RecordProgressInput = z.input<typeof recordProgressInput>;
export type RecordProgressData = z.output<typeof recordProgressInput>;

export const requestTransferInput = z.object({ ...step, executionId: z.string().uuid() });
export type RequestTransferInput = z.input<typeof requestTransferInput>;
export type RequestTransferData = z.output<typeof requestTransferInput>;

export const closeCaseInput = z.object(step);
export type CloseCaseInput = z.input<typeof closeCaseInput>;
export type CloseCaseData = z.output<typeof closeCaseInput>;

export const fileAppealInput = z.object({
  ...step,
  side: z.enum(APPEAL_SIDES, { message: 'required' }),
  kind: z.enum(APPEAL_KINDS, { message: 'required' }),
  body: required(100),
  decisionId: id,
});
export type FileAppealInput = z.input<typeof fileAppealInput>;
export type FileAppealData = z.output<typeof fileAppealInput>;

/** The steps taken on one filed appeal; `type` picks which. */
export const APPEAL_STEPS = ['notify_victim_of_appeal', 'grant_stay', 'lift_stay'] as const;
export type AppealStep = (typeof APPEAL_STEPS)[number];
export const appealStepInput = z.object({ ...step, type: z.enum(APPEAL_STEPS), appealId: z.string().uuid() });
export type AppealStepInput = z.input<typeof appealStepInput>;
export type AppealStepData = z.output<typeof appealStepInput>;

export const recordAppealOutcomeInput = z.object({ ...step, appealId: z.string().uuid(), outcome: z.enum(APPEAL_RESULTS, { message: 'required' }) });
export type RecordAppealOutcomeInput = z.input<typeof recordAppealOutcomeInput>;
export type RecordAppealOutcomeData = z.output<typeof recordAppealOutcomeInput>;

export const DELETION_OUTCOMES = ['deleted', 'kept'] as const;
export const reviewRecordDeletionInput = z.object({
  ...step,
  decisionId: z.string().uuid(),
  measure: z.coerce.number().int().min(1).max(9),
  /** The date the panel computed the deletion date from; kept with the review. */
  graduationDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'invalidDate'),
  victimConsent: yesNo,
  litigationPending: yesNo,
  outcome: z.enum(DELETION_OUTCOMES, { message: 'required' }),
});
export type ReviewRecordDeletionInput = z.input<typeof reviewRecordDeletionInput>;
export type ReviewRecordDeletionData = z.output<typeof reviewRecordDeletionInput>;
