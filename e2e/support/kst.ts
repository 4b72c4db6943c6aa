/**
 * Korean wall-clock values for form inputs. The app reads a datetime-local
 * value as Korean time whatever the browser's zone (lib/cases/schemas.ts
 * `kstDateTime`), and Korea has no daylight saving, so a fixed offset is exact.
 */
const KST_OFFSET_MS = 9 * 60 * 60 * 1000;
export const HOUR_MS = 60 * 60 * 1000;
export const DAY_MS = 24 * HOUR_MS;

/** 'YYYY-MM-DDTHH:mm' in Korean time, for an `<input type="datetime-local">`. */
export function kstLocal(at: Date | number): string {
  return new Date(new Date(at).getTime() + KST_OFFSET_MS).toISOString().slice(0, 16);
}

/** 'YYYY-MM-DD' in Korean time, for an `<input type="date">`. */
export function kstDate(at: Date | number): string {
  return kstLocal(at).slice(0, 10);
}

/** The instant `hours` before `from` (default: now). */
export function hoursAgo(hours: number, from: number = Date.now()): Date {
  return new Date(from - hours * HOUR_MS);
}

/** Today in Korea plus `days` calendar days, as 'YYYY-MM-DD'. */
export function kstDaysFromToday(days: number, from: number = Date.now()): string {
  return kstDate(from + days * DAY_MS);
}
