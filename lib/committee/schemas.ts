import { z } from 'zod';
import { kstDateTime, optionalText, required } from '@/lib/schema-fields';
import { ATTENDANCE_MODES, CHALLENGE_OUTCOMES, CONFLICT_KINDS, EXTENSION_REASONS, MEMBER_CATEGORIES, NOTICE_METHODS } from './constants';

/**
 * The committee's form schemas, shared by the browser (zodResolver) and the
 * server (safeParse). Messages are keys under `committee.fieldErrors`, then
 * `errors`; date-times arrive as datetime-local values in Korean time.
 */
const blankToUndefined = (v: unknown) => (v === '' || v === null ? undefined : v);
const uuid = z.string().uuid('required');
/** A checkbox group: react-hook-form gives an array, a lone checkbox a string or a boolean. */
const idList = (list: z.ZodArray<typeof uuid> = z.array(uuid)) => z.preprocess((v) => (Array.isArray(v) ? v : typeof v === 'string' && v ? [v] : []), list);
const checkbox = z.preprocess((v) => v === true || v === 'true' || v === 'on', z.boolean());

export const addMemberInput = z.object({
  officeId: uuid,
  name: required(60),
  category: z.enum(MEMBER_CATEGORIES, { message: 'required' }),
});
export type AddMemberInput = z.input<typeof addMemberInput>;
export type AddMemberData = z.output<typeof addMemberInput>;

export const setMemberActiveInput = z.object({ memberId: uuid, active: z.boolean() });
export type SetMemberActiveData = z.output<typeof setMemberActiveInput>;

export const scheduleHearingInput = z.object({
  caseId: uuid,
  scheduledAt: kstDateTime,
  location: required(200),
  panel: idList(z.array(uuid).min(1, 'panelRequired').max(50, 'tooLong')),
  /** A date after the committee_meeting deadline must be confirmed. */
  acknowledgeLate: checkbox.optional().default(false),
});
export type ScheduleHearingInput = z.input<typeof scheduleHearingInput>;
export type ScheduleHearingData = z.output<typeof scheduleHearingInput>;

export const extendCommitteeInput = z
  .object({
    caseId: uuid,
    reason: z.enum(EXTENSION_REASONS, { message: 'required' }),
    note: optionalText(2000),
  })
  .superRefine((v, ctx) => {
    if (v.reason === 'other' && !v.note) ctx.addIssue({ code: 'custom', path: ['note'], message: 'required' });
  });
export type ExtendCommitteeInput = z.input<typeof extendCommitteeInput>;
export type ExtendCommitteeData = z.output<typeof extendCommitteeInput>;

export const recordMemberConflictInput = z
  .object({
    caseId: uuid,
    occurredAt: kstDateTime,
    memberId: uuid,
    kind: z.enum(CONFLICT_KINDS, { message: 'required' }),
    raisedByPartyId: z.preprocess(blankToUndefined, uuid.optional()),
    outcome: z.preprocess(blankToUndefined, z.enum(CHALLENGE_OUTCOMES, { message: 'required' }).optional()),
    note: optionalText(2000),
  })
  .superRefine((v, ctx) => {
    if (v.kind !== 'challenge') return;
    if (!v.raisedByPartyId) ctx.addIssue({ code: 'custom', path: ['raisedByPartyId'], message: 'required' });
    if (!v.outcome) ctx.addIssue({ code: 'custom', path: ['outcome'], message: 'required' });
  })
  // Only a challenge has a party behind it and a ruling; the others always exclude.
  .transform((v) => (v.kind === 'challenge' ? v : { ...v, raisedByPartyId: undefined, outcome: undefined }));
export type RecordMemberConflictInput = z.input<typeof recordMemberConflictInput>;
export type RecordMemberConflictData = z.output<typeof recordMemberConflictInput>;

export const sendHearingNoticeInput = z.object({
  caseId: uuid,
  occurredAt: kstDateTime,
  partyIds: idList(z.array(uuid).min(1, 'partyRequired')),
  method: z.enum(NOTICE_METHODS, { message: 'required' }),
  note: optionalText(2000),
});
export type SendHearingNoticeInput = z.input<typeof sendHearingNoticeInput>;
export type SendHearingNoticeData = z.output<typeof sendHearingNoticeInput>;

export const recordHearingInput = z
  .object({
    caseId: uuid,
    occurredAt: kstDateTime,
    presentMemberIds: idList(),
    parties: z.array(z.object({ partyId: uuid, mode: z.enum(ATTENDANCE_MODES, { message: 'required' }) })).max(50, 'tooLong'),
    victimRequestedExpert: checkbox.optional().default(false),
    victimStatement: optionalText(20_000),
    perpetratorStatement: optionalText(20_000),
    expertOpinion: optionalText(20_000),
    minutes: required(50_000),
  })
  .superRefine((v, ctx) => {
    // Act 16②: experts are heard when the victim side asks.
    if (v.victimRequestedExpert && !v.expertOpinion) ctx.addIssue({ code: 'custom', path: ['expertOpinion'], message: 'expertOpinionRequired' });
  });
export type RecordHearingInput = z.input<typeof recordHearingInput>;
export type RecordHearingData = z.output<typeof recordHearingInput>;
