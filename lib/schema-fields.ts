import { z } from 'zod';

/** Field builders every form schema shares. Messages are i18n keys under `errors`. */
export const required = (max: number) => z.string().trim().min(1, 'required').max(max, 'tooLong');

/** Optional free text: blank becomes undefined, so nothing empty is stored. */
export const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, 'tooLong')
    .optional()
    .transform((v) => (v ? v : undefined));

/** A local Korean date-time from a form, or an instant with an offset, as an ISO instant. */
export const kstDateTime = z
  .string()
  .trim()
  .min(1, 'required')
  .transform((v, ctx) => {
    const withOffset = /([+-]\d{2}:?\d{2}|Z)$/.test(v) ? v : `${v.length === 16 ? `${v}:00` : v}+09:00`;
    const d = new Date(withOffset);
    if (Number.isNaN(d.getTime())) {
      ctx.addIssue({ code: 'custom', message: 'invalidDate' });
      return z.NEVER;
    }
    return d.toISOString();
  });
