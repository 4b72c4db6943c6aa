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
