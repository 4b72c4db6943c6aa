'use server';
import { serverAction } from '@/lib/actions/case-action';
import { EVERY_CASE_PAGE } from '@/lib/actions/revalidation';
import { addHolidayInput, removeHolidayInput } from '@/lib/calendar/schemas';
import { addHoliday, removeHoliday } from '@/lib/calendar/service';

/**
 * Extra holidays move the business-day clocks the committee section of every
 * case page computes (lib/committee/committee-view.ts reads them), so those
 * pages are revalidated with the holiday list.
 */
const revalidate = () => ['/admin/holidays', EVERY_CASE_PAGE] as const;

export const addHolidayAction = serverAction(addHolidayInput, addHoliday, { revalidate });
export const removeHolidayAction = serverAction(removeHolidayInput, removeHoliday, { revalidate });
