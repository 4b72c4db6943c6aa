/**
 * KST instant and day arithmetic.
 *
 * Korea has kept a fixed UTC+09:00 offset without daylight saving since 1988, so
 * plain offset arithmetic on epoch milliseconds is exact for every case the
 * product can see, and it keeps the module independent of the host time zone.
 */

export const KST_OFFSET_MS = 9 * 60 * 60 * 1000;
export const HOUR_MS = 60 * 60 * 1000;
export const DAY_MS = 24 * HOUR_MS;

const INSTANT_RE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|z|[+-]\d{2}(?::?\d{2})?))?$/;
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function checkDateParts(y: number, m: number, d: number, source: string): void {
  if (m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) {
    throw new RangeError(`Invalid calendar date: ${source}`);
  }
}

/**
 * Epoch milliseconds of an ISO-8601 instant.
 * An offset is required, because a string without one would be read in the host's
 * zone and make the result depend on the server. A bare 'YYYY-MM-DD' is accepted
 * as 00:00 KST of that day, the way Korean school documents date events.
 */
export function parseInstant(iso: string): number {
  const m = INSTANT_RE.exec(iso);
  if (!m) throw new RangeError(`Invalid instant (ISO-8601 with offset required): ${iso}`);
  const [, ys, mos, ds, hs, mis, ss, frac, off] = m;
  const y = Number(ys);
  const mo = Number(mos);
  const d = Number(ds);
  checkDateParts(y, mo, d, iso);
  if (hs === undefined) return Date.UTC(y, mo - 1, d) - KST_OFFSET_MS;
  if (off === undefined) throw new RangeError(`Invalid instant (offset required): ${iso}`);
  const h = Number(hs);
  const mi = Number(mis);
  const s = ss === undefined ? 0 : Number(ss);
  if (h > 24 || mi > 59 || s > 59 || (h === 24 && (mi !== 0 || s !== 0))) {
    throw new RangeError(`Invalid time of day: ${iso}`);
  }
  const ms = frac === undefined ? 0 : Math.floor(Number(`0.${frac}`) * 1000);
  let offsetMs = 0;
  if (off !== 'Z' && off !== 'z') {
    const sign = off.startsWith('-') ? -1 : 1;
    const digits = off.slice(1).replace(':', '');
    const oh = Number(digits.slice(0, 2));
    const om = digits.length > 2 ? Number(digits.slice(2, 4)) : 0;
    if (oh > 23 || om > 59) throw new RangeError(`Invalid offset: ${iso}`);
    offsetMs = sign * (oh * HOUR_MS + om * 60 * 1000);
  }
  return Date.UTC(y, mo - 1, d, h, mi, s, ms) - offsetMs;
}

/** True when `iso` is an instant parseInstant accepts. */
export function isInstant(iso: string): boolean {
  try {
    parseInstant(iso);
    return true;
  } catch {
    return false;
  }
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** `YYYY-MM-DDTHH:mm:ss+09:00` (milliseconds only when not zero). */
export function formatKst(ms: number): string {
  if (!Number.isFinite(ms)) throw new RangeError(`Invalid epoch milliseconds: ${ms}`);
  const d = new Date(ms + KST_OFFSET_MS);
  const base =
    `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}` +
    `T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
  const millis = d.getUTCMilliseconds();
  return `${base}${millis === 0 ? '' : `.${pad(millis, 3)}`}+09:00`;
}

/** Re-expresses any instant in +09:00. */
export function toKstIso(iso: string): string {
  return formatKst(parseInstant(iso));
}

/** The KST calendar day ('YYYY-MM-DD') an instant falls on. */
export function kstDate(ms: number): string {
  return formatKst(ms).slice(0, 10);
}

/** The KST calendar day of an ISO instant. */
export function kstDateOf(iso: string): string {
  return kstDate(parseInstant(iso));
}

export function parseDate(date: string): { year: number; month: number; day: number } {
  const m = DATE_RE.exec(date);
  if (!m) throw new RangeError(`Invalid date (YYYY-MM-DD required): ${date}`);
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  checkDateParts(year, month, day, date);
  return { year, month, day };
}

export function isDate(date: string): boolean {
  try {
    parseDate(date);
    return true;
  } catch {
    return false;
  }
}

function dateFromUtcMs(ms: number): string {
  const d = new Date(ms);
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/** Epoch milliseconds of 00:00 KST on `date`. */
export function startOfKstDay(date: string): number {
  const { year, month, day } = parseDate(date);
  return Date.UTC(year, month - 1, day) - KST_OFFSET_MS;
}

/** Epoch milliseconds of 24:00 KST on `date`, written as 00:00 of the next day. */
export function endOfKstDay(date: string): number {
  return startOfKstDay(date) + DAY_MS;
}

/** `date` plus `days` calendar days (negative allowed). */
export function addCalendarDays(date: string, days: number): string {
  if (!Number.isInteger(days)) throw new RangeError(`Whole days required: ${days}`);
  const { year, month, day } = parseDate(date);
  return dateFromUtcMs(Date.UTC(year, month - 1, day + days));
}

/** 0 = Sunday … 6 = Saturday. */
export function dayOfWeek(date: string): number {
  const { year, month, day } = parseDate(date);
  return new Date(Date.UTC(year, month - 1, day)).getUTCDay();
}

/**
 * `date` plus whole years with date-fns `addYears` semantics: Feb 29 becomes
 * Feb 28 in a common year. Implemented on UTC parts so it cannot drift with the
 * host zone the way a local-time Date would.
 */
export function addYearsToDate(date: string, years: number): string {
  if (!Number.isInteger(years)) throw new RangeError(`Whole years required: ${years}`);
  const { year, month, day } = parseDate(date);
  const y = year + years;
  const d = Math.min(day, daysInMonth(y, month));
  return `${pad(y, 4)}-${pad(month)}-${pad(d)}`;
}
