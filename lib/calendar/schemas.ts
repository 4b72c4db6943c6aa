import { z } from 'zod';
import { isDate } from '@/lib/rules';

/** Messages are i18n keys under `errors`. The same schemas run in the browser and on the server. */
const day = z
  .string()
  .trim()
  .refine((v) => /^\d{4}-\d{2}-\d{2}$/.test(v) && isDate(v), 'invalidDate')
  // The built-in calendar and the deadline arithmetic cover these years; anything else is a typo.
  .refine((v) => v >= '2000-01-01' && v <= '2099-12-31', 'invalidDate');

export const addHolidayInput = z.object({
  date: day,
  name: z.string().trim().min(1, 'required').max(100, 'tooLong'),
});
export type AddHolidayInput = z.input<typeof addHolidayInput>;
export type AddHolidayData = z.output<typeof addHolidayInput>;

export const removeHolidayInput = z.object({ date: day });
export type RemoveHolidayData = z.output<typeof removeHolidayInput>;
