import { z } from 'zod';
import { kstDateTime, optionalText, required } from '@/lib/schema-fields';
import { TAKEDOWN_STATUSES, TAKEDOWN_TARGETS } from './status';

/**
 * Online locations and takedown requests, shared by the browser forms and the
 * server actions. Messages are keys under `errors` or `takedowns.fieldErrors`.
 */

/** Services where school cases' material turns up most; anything else is typed in. */
export const COMMON_PLATFORMS = ['instagram', 'x', 'telegram', 'kakaotalk', 'discord', 'youtube', 'tiktok', 'facebook', 'naver', 'other'] as const;
export type CommonPlatform = (typeof COMMON_PLATFORMS)[number];

export const MAX_URL_LENGTH = 2048;

/** An absolute http(s) address; anything else (javascript:, data:, a bare host) cannot be taken down by anyone. */
export const takedownUrl = z
  .string()
  .trim()
  .min(1, 'required')
  .max(MAX_URL_LENGTH, 'tooLong')
  .refine((v) => {
    if (!URL.canParse(v)) return false;
    const u = new URL(v);
    return (u.protocol === 'http:' || u.protocol === 'https:') && u.hostname.length > 0;
  }, 'invalidUrl');

const blankToUndefined = (v: unknown) => (v === '' || v === null ? undefined : v);
const caseId = z.string().uuid();

export const recordLocationInput = z
  .object({
    caseId,
    platform: z.enum(COMMON_PLATFORMS, { message: 'required' }),
    platformOther: optionalText(100),
    url: takedownUrl,
    /** Not in the future: checked on the server, which knows the time. */
    firstSeenAt: kstDateTime,
    /** A description, not necessarily a name ("피해학생 보호자", "같은 반 학생"). */
    firstSeenBy: required(200),
  })
  .superRefine((v, ctx) => {
    if (v.platform === 'other' && !v.platformOther) ctx.addIssue({ code: 'custom', path: ['platformOther'], message: 'required' });
  })
  .transform(({ platform, platformOther, ...rest }) => ({ ...rest, platform: platform === 'other' ? platformOther! : platform }));
export type RecordLocationInput = z.input<typeof recordLocationInput>;
export type RecordLocationData = z.output<typeof recordLocationInput>;

export const requestTakedownInput = z.object({
  caseId,
  locationId: z.string().uuid('required'),
  target: z.enum(TAKEDOWN_TARGETS, { message: 'required' }),
  requestedAt: kstDateTime,
  /** Often only known once the body acknowledges the request; it can be added with a later status change. */
  referenceNo: optionalText(100),
  note: optionalText(2000),
});
export type RequestTakedownInput = z.input<typeof requestTakedownInput>;
export type RequestTakedownData = z.output<typeof requestTakedownInput>;

export const changeTakedownStatusInput = z.object({
  caseId,
  requestId: z.string().uuid(),
  /** The version the form was rendered from: a change made meanwhile by someone else is refused, not overwritten. */
  version: z.coerce.number().int().min(1),
  status: z.enum(TAKEDOWN_STATUSES, { message: 'required' }),
  /** When it happened; blank means now. */
  at: z.preprocess(blankToUndefined, kstDateTime.optional()),
  referenceNo: optionalText(100),
  note: optionalText(2000),
});
export type ChangeTakedownStatusInput = z.input<typeof changeTakedownStatusInput>;
export type ChangeTakedownStatusData = z.output<typeof changeTakedownStatusInput>;
