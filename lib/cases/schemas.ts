import { z } from 'zod';
import { kstDateTime, optionalText, required } from '@/lib/schema-fields';
import { CATEGORIES, SEPARATION_EXEMPTION_REASONS } from '@/lib/rules';
import { EMERGENCY_MEASURES, GUARDIAN_NOTICE_METHODS, LEARNED_VIA, PARTY_ROLES, REPORTER_TYPES, SCHOOL_BODY_DECISIONS, SEPARATION_METHODS } from './constants';

/**
 * The intake and step schemas, shared by the browser form and the server.
 * Messages are keys under `errors`; date-times arrive as `YYYY-MM-DDTHH:mm`
 * in Korean time (the form's datetime-local) or as ISO instants.
 */

const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'invalidDate');
const optionalDate = z.preprocess((v) => (v === '' ? undefined : v), date.optional());
const optionalInt = (min: number, max: number) =>
  z.preprocess(
    (v) => (v === '' || v === null || v === undefined ? undefined : Number(v)),
    z.number({ message: 'invalidNumber' }).int('invalidNumber').min(min, 'invalidNumber').max(max, 'invalidNumber').optional(),
  );

export const partyInput = z
  .object({
    name: required(60),
    role: z.enum(PARTY_ROLES, { message: 'required' }),
    schoolMode: z.enum(['own', 'listed', 'other']),
    schoolId: z.preprocess((v) => (v === '' ? undefined : v), z.string().uuid('required').optional()),
    otherSchoolName: optionalText(100),
    grade: optionalInt(1, 12),
    classNo: optionalText(10),
    birthDate: optionalDate,
    guardianName: optionalText(60),
    guardianContact: optionalText(100),
  })
  .superRefine((p, ctx) => {
    if (p.schoolMode === 'listed' && !p.schoolId) ctx.addIssue({ code: 'custom', path: ['schoolId'], message: 'required' });
    if (p.schoolMode === 'other' && !p.otherSchoolName) ctx.addIssue({ code: 'custom', path: ['otherSchoolName'], message: 'required' });
  });
export type PartyInput = z.input<typeof partyInput>;

export const fileCaseInput = z
  .object({
    idempotencyKey: z.string().uuid(),
    schoolId: z.string().uuid('required'),
    occurredAt: kstDateTime,
    reportedAt: kstDateTime,
    location: required(200),
    learnedVia: z.enum(LEARNED_VIA, { message: 'required' }),
    reporterType: z.enum(REPORTER_TYPES, { message: 'required' }),
    categories: z.array(z.enum(CATEGORIES)).min(1, 'categoryRequired'),
    summary: required(5000),
    // The victim check sits on the array itself, so it reports even while other fields are still empty.
    parties: z
      .array(partyInput)
      .min(1, 'victimRequired')
      .max(50, 'tooLong')
      .refine((ps) => ps.some((p) => p.role === 'victim' || p.role === 'both'), 'victimRequired'),
  })
  .superRefine((v, ctx) => {
    if (v.occurredAt > v.reportedAt) ctx.addIssue({ code: 'custom', path: ['occurredAt'], message: 'occurredAfterReport' });
  });
export type FileCaseInput = z.input<typeof fileCaseInput>;
export type FileCaseData = z.output<typeof fileCaseInput>;

const step = <K extends string, T extends z.ZodRawShape>(type: K, shape: T) =>
  z.object({ type: z.literal(type), caseId: z.string().uuid(), occurredAt: kstDateTime, note: optionalText(2000) }).extend(shape);

/** One schema per school-stage step; `type` picks which. */
export const caseStepInput = z.discriminatedUnion('type', [
  step('record_guardian_notice', { guardianPartyId: z.string().uuid('required'), method: z.enum(GUARDIAN_NOTICE_METHODS, { message: 'required' }) }),
  step('record_office_report', {}),
  step('start_separation', { method: z.enum(SEPARATION_METHODS, { message: 'required' }), plannedEnd: date }),
  step('exempt_separation', { reason: z.enum(SEPARATION_EXEMPTION_REASONS, { message: 'required' }), note: required(2000) }),
  step('end_separation', {}),
  step('record_separation_request', {}),
  step('record_separation_review', { decision: z.enum(SCHOOL_BODY_DECISIONS, { message: 'required' }) }),
  step('take_emergency_measure', { measure: z.enum(EMERGENCY_MEASURES, { message: 'required' }), perpetratorPartyId: z.string().uuid('required') }),
  step('record_police_report', { station: required(100), reportNumber: required(60), officer: optionalText(60) }),
]);
export type CaseStepInput = z.input<typeof caseStepInput>;
export type CaseStepData = z.output<typeof caseStepInput>;

/**
 * The step form of a sexual case, where the police report must also name the
 * officer. The browser uses it to flag the field before sending; the server
 * enforces the same rule from the case itself (workflow `applyAction`).
 */
export const sexualCaseStepInput = caseStepInput.superRefine((v, ctx) => {
  if (v.type === 'record_police_report' && !v.officer) ctx.addIssue({ code: 'custom', path: ['officer'], message: 'required' });
});

export const caseListQuery = z.object({
  status: z.enum(['open', 'all', 'closed']).catch('open').default('open'),
  category: z.enum(CATEGORIES).optional().catch(undefined),
  breached: z.enum(['1']).optional().catch(undefined),
  q: z.string().trim().max(40).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).catch(1).default(1),
});
export type CaseListQuery = z.output<typeof caseListQuery>;

/** The admin's case-team page: a case number to look up (blank lists the restricted cases). */
export const caseTeamQuery = z.object({ q: z.string().trim().max(40).optional().catch(undefined) });

export const addTeamMemberInput = z.object({
  caseId: z.string().uuid(),
  userId: z.string().uuid('required'),
  reason: optionalText(500),
});
export type AddTeamMemberInput = z.input<typeof addTeamMemberInput>;
export type AddTeamMemberData = z.output<typeof addTeamMemberInput>;

/** Removing someone takes a stated reason and an explicit confirmation, both checked again on the server. */
export const removeTeamMemberInput = z.object({
  caseId: z.string().uuid(),
  userId: z.string().uuid(),
  reason: required(500),
  confirmed: z.literal(true, { message: 'confirmRequired' }),
});
export type RemoveTeamMemberInput = z.input<typeof removeTeamMemberInput>;
export type RemoveTeamMemberData = z.output<typeof removeTeamMemberInput>;
