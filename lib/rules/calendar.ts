/**
 * Korean working-day calendar.
 *
 * Day-period deadlines roll past Saturdays, Sundays and public holidays
 * (관공서의 공휴일에 관한 규정), including lunar holidays and substitute holidays
 * (대체공휴일). The built-in calendar comes from date-holidays, corrected and
 * supplemented below; callers may pass their own `{ holidays }` instead.
 */
import Holidays from 'date-holidays';
import type { Calendar } from './types';
import { addCalendarDays, dayOfWeek, DAY_MS, isDate, parseDate } from './time';

export type HolidayEntry = {
  date: string;
  name: string;
  substitute: boolean;
  source: 'date-holidays' | 'supplement';
};

/**
 * Public holidays date-holidays cannot derive from a recurring rule: election
 * days (공직선거법 34, public holidays by 관공서의 공휴일에 관한 규정 2조 10호) and
 * one-off temporary holidays (임시공휴일) designated by cabinet decision.
 * Later designations must be added here or passed through `calendar.holidays`.
 */
export const KR_SUPPLEMENTARY_HOLIDAYS: readonly { date: string; name: string }[] = [
  { date: '2017-05-09', name: '제19대 대통령 선거일' },
  { date: '2017-10-02', name: '임시공휴일' },
  { date: '2018-06-13', name: '제7회 전국동시지방선거일' },
  { date: '2020-04-15', name: '제21대 국회의원 선거일' },
  { date: '2020-08-17', name: '임시공휴일' },
  { date: '2022-03-09', name: '제20대 대통령 선거일' },
  { date: '2022-06-01', name: '제8회 전국동시지방선거일' },
  { date: '2023-10-02', name: '임시공휴일' },
  { date: '2024-04-10', name: '제22대 국회의원 선거일' },
  { date: '2024-10-01', name: '임시공휴일 (국군의 날)' },
  { date: '2025-01-27', name: '임시공휴일' },
  { date: '2025-06-03', name: '제21대 대통령 선거일' },
  { date: '2026-06-03', name: '제9회 전국동시지방선거일' },
];

let krHolidays: Holidays | undefined;
const entriesByYear = new Map<number, HolidayEntry[]>();

function dateHolidaysKr(): Holidays {
  krHolidays ??= new Holidays('KR', { languages: 'ko', types: ['public'] });
  return krHolidays;
}

/**
 * date-holidays 3.37 anchors the 3-day 설날 span at the lunar new year itself
 * (`korean 01-0-01 P3D`), which drops 전날 and adds a day after 다음날 (its own
 * KR.yaml notes this). The legal span is the day before, the day and the day
 * after, so that rule is re-anchored here; every other span is taken as given.
 */
const SEOLLAL_RULE_PREFIX = 'korean 01-0-01';

function entriesForYear(year: number): HolidayEntry[] {
  const cached = entriesByYear.get(year);
  if (cached) return cached;
  const out: HolidayEntry[] = [];
  for (const h of dateHolidaysKr().getHolidays(year, 'ko')) {
    if (h.type !== 'public') continue;
    const first = h.date.slice(0, 10);
    const substitute = h.substitute === true;
    let days: string[];
    if (!substitute && h.rule.startsWith(SEOLLAL_RULE_PREFIX)) {
      days = [addCalendarDays(first, -1), first, addCalendarDays(first, 1)];
    } else {
      const span = Math.max(1, Math.round((h.end.getTime() - h.start.getTime()) / DAY_MS));
      days = Array.from({ length: span }, (_, i) => addCalendarDays(first, i));
    }
    for (const date of days) out.push({ date, name: h.name, substitute, source: 'date-holidays' });
  }
  for (const s of KR_SUPPLEMENTARY_HOLIDAYS) {
    if (parseDate(s.date).year === year) out.push({ date: s.date, name: s.name, substitute: false, source: 'supplement' });
  }
  out.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  entriesByYear.set(year, out);
  return out;
}

function checkYears(fromYear: number, toYear: number): void {
  if (!Number.isInteger(fromYear) || !Number.isInteger(toYear) || fromYear > toYear) {
    throw new RangeError(`Invalid year range: ${fromYear}..${toYear}`);
  }
}

/**
 * Named Korean public holidays whose date falls in fromYear..toYear (inclusive).
 * A day can appear twice when two holidays coincide (e.g. 2025-05-05).
 */
export function koreanHolidayEntries(fromYear: number, toYear: number): HolidayEntry[] {
  checkYears(fromYear, toYear);
  const out: HolidayEntry[] = [];
  for (let y = fromYear; y <= toYear; y++) {
    for (const e of entriesForYear(y)) if (parseDate(e.date).year === y) out.push({ ...e });
  }
  return out;
}

/** Korean public holidays in fromYear..toYear as sorted, unique 'YYYY-MM-DD' strings. */
export function koreanHolidays(fromYear: number, toYear: number): string[] {
  return [...new Set(koreanHolidayEntries(fromYear, toYear).map((e) => e.date))].sort();
}

const holidaySetByYear = new Map<number, Set<string>>();

function isKoreanHoliday(date: string): boolean {
  const { year } = parseDate(date);
  let set = holidaySetByYear.get(year);
  if (!set) {
    set = new Set(entriesForYear(year).map((e) => e.date));
    holidaySetByYear.set(year, set);
  }
  return set.has(date);
}

/**
 * A plain JSON calendar: the built-in Korean holidays of `years` plus `extraDays`
 * (school foundation days, local temporary holidays, …).
 */
export function buildCalendar(extraDays: string[], years: { from: number; to: number }): Calendar {
  for (const d of extraDays) {
    if (!isDate(d)) throw new RangeError(`Invalid holiday date (YYYY-MM-DD required): ${d}`);
  }
  return { holidays: [...new Set([...koreanHolidays(years.from, years.to), ...extraDays])].sort() };
}

/** Predicate "is this day a holiday" for a given calendar, or the built-in one when omitted. */
export type HolidayLookup = (date: string) => boolean;

/**
 * The Set is rebuilt on every call rather than cached per calendar object: a
 * caller mutating its holiday list between calls must never see a stale answer.
 */
export function holidayLookup(calendar?: Calendar): HolidayLookup {
  if (!calendar) return isKoreanHoliday;
  const set = new Set(calendar.holidays);
  return (date) => set.has(date);
}

export function isWeekend(date: string): boolean {
  const dow = dayOfWeek(date);
  return dow === 0 || dow === 6;
}

/** Not a Saturday, Sunday or holiday. `calendar` omitted → built-in Korean calendar. */
export function isWorkingDay(date: string, calendar?: Calendar | HolidayLookup): boolean {
  const isHoliday = typeof calendar === 'function' ? calendar : holidayLookup(calendar);
  return !isWeekend(date) && !isHoliday(date);
}

/** `date` itself when it is a working day, otherwise the next working day. */
export function rollForward(date: string, calendar?: Calendar | HolidayLookup): string {
  const isHoliday = typeof calendar === 'function' ? calendar : holidayLookup(calendar);
  let d = date;
  // Korean holiday runs are at most about ten days (설날 + weekend + substitute + temporary),
  // so a year is a generous bound that only trips on a malformed calendar.
  for (let i = 0; i < 366; i++) {
    if (isWorkingDay(d, isHoliday)) return d;
    d = addCalendarDays(d, 1);
  }
  throw new RangeError(`No working day within a year after ${date}`);
}

/** The first working day strictly after `date`. */
export function nextWorkingDay(date: string, calendar?: Calendar | HolidayLookup): string {
  return rollForward(addCalendarDays(date, 1), calendar);
}

export { addCalendarDays };
