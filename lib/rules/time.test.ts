import { describe, expect, it } from 'vitest';
import { addCalendarDays, addYearsToDate, dayOfWeek, endOfKstDay, formatKst, kstDateOf, parseInstant, startOfKstDay, toKstIso } from './time';

describe('KST time arithmetic (fixed +09:00, no DST since 1988)', () => {
  it('parses offsets and re-formats in +09:00', () => {
    expect(toKstIso('2026-03-02T01:00:00Z')).toBe('2026-03-02T10:00:00+09:00');
    expect(toKstIso('2026-03-01T20:00:00-05:00')).toBe('2026-03-02T10:00:00+09:00');
    expect(toKstIso('2026-03-02T10:00:00.250+09:00')).toBe('2026-03-02T10:00:00.250+09:00');
  });

  it('reads a bare date as 00:00 KST of that day', () => {
    expect(toKstIso('2024-03-01')).toBe('2024-03-01T00:00:00+09:00');
  });

  it('rejects instants without an offset and impossible dates', () => {
    expect(() => parseInstant('2026-03-02T10:00:00')).toThrow(RangeError);
    expect(() => parseInstant('2026-02-30T10:00:00+09:00')).toThrow(RangeError);
    expect(() => parseInstant('not a date')).toThrow(RangeError);
  });

  it('places an instant on its KST day, not its UTC day', () => {
    expect(kstDateOf('2026-03-01T15:00:00Z')).toBe('2026-03-02');
    expect(kstDateOf('2026-03-01T14:59:59Z')).toBe('2026-03-01');
  });

  it('writes 24:00 KST as 00:00 of the next day', () => {
    expect(formatKst(endOfKstDay('2026-12-31'))).toBe('2027-01-01T00:00:00+09:00');
    expect(formatKst(startOfKstDay('2026-03-02'))).toBe('2026-03-02T00:00:00+09:00');
  });

  it('adds calendar days across months, years and leap days', () => {
    expect(addCalendarDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addCalendarDays('2026-12-25', 10)).toBe('2027-01-04');
    expect(addCalendarDays('2026-03-01', -1)).toBe('2026-02-28');
  });

  it('knows the weekday (2026-03-02 is a Monday)', () => {
    expect(dayOfWeek('2026-03-02')).toBe(1);
    expect(dayOfWeek('2026-03-07')).toBe(6);
  });

  it('adds years like date-fns addYears: Feb 29 → Feb 28 in a common year', () => {
    expect(addYearsToDate('2024-02-29', 2)).toBe('2026-02-28');
    expect(addYearsToDate('2024-02-29', 4)).toBe('2028-02-29');
    expect(addYearsToDate('2025-02-28', 2)).toBe('2027-02-28');
  });
});
