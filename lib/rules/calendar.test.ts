import { describe, expect, it } from 'vitest';
import { buildCalendar, isWorkingDay, koreanHolidayEntries, koreanHolidays, nextWorkingDay, rollForward } from './calendar';

describe('built-in Korean calendar (date-holidays, corrected and supplemented)', () => {
  it('includes the 2025 substitute holidays (3·1절, 어린이날·부처님오신날, 추석)', () => {
    const h = koreanHolidays(2025, 2025);
    expect(h).toEqual(expect.arrayContaining(['2025-03-03', '2025-05-06', '2025-10-08']));
  });

  it('includes the 2026 substitute holidays (3·1절, 부처님오신날, 광복절, 개천절)', () => {
    const h = koreanHolidays(2026, 2026);
    expect(h).toEqual(expect.arrayContaining(['2026-03-02', '2026-05-25', '2026-08-17', '2026-10-05']));
  });

  it('marks substitute holidays as such', () => {
    const sub = koreanHolidayEntries(2026, 2026)
      .filter((e) => e.substitute)
      .map((e) => e.date);
    expect(sub).toEqual(['2026-03-02', '2026-05-25', '2026-08-17', '2026-10-05']);
  });

  it('spans 설날 over the day before, the day and the day after the lunar new year', () => {
    const h = koreanHolidays(2024, 2026);
    expect(h).toEqual(expect.arrayContaining(['2024-02-09', '2024-02-10', '2024-02-11', '2024-02-12']));
    expect(h).toEqual(expect.arrayContaining(['2025-01-28', '2025-01-29', '2025-01-30']));
    expect(h).toEqual(expect.arrayContaining(['2026-02-16', '2026-02-17', '2026-02-18']));
    expect(h).not.toContain('2025-01-31');
    expect(h).not.toContain('2026-02-19');
  });

  it('spans 추석 over three days', () => {
    expect(koreanHolidays(2026, 2026)).toEqual(expect.arrayContaining(['2026-09-24', '2026-09-25', '2026-09-26']));
    expect(koreanHolidays(2025, 2025)).toEqual(expect.arrayContaining(['2025-10-05', '2025-10-06', '2025-10-07']));
  });

  it('adds election days and temporary holidays date-holidays cannot derive', () => {
    expect(koreanHolidays(2025, 2026)).toEqual(expect.arrayContaining(['2025-01-27', '2025-06-03', '2026-06-03']));
  });

  it('leaves out observances that are not days off (제헌절 before 2026)', () => {
    expect(koreanHolidays(2025, 2025)).not.toContain('2025-07-17');
  });

  it('returns sorted unique days within the years asked', () => {
    const h = koreanHolidays(2025, 2026);
    expect(h).toEqual([...new Set(h)].sort());
    expect(h.every((d) => d.startsWith('2025') || d.startsWith('2026'))).toBe(true);
    expect(h.filter((d) => d === '2025-05-05')).toHaveLength(1);
  });

  it('buildCalendar merges extra days into the built-in holidays', () => {
    const cal = buildCalendar(['2026-04-20'], { from: 2026, to: 2026 });
    expect(cal.holidays).toContain('2026-04-20');
    expect(cal.holidays).toContain('2026-09-25');
    expect(() => buildCalendar(['2026-4-20'], { from: 2026, to: 2026 })).toThrow(RangeError);
  });
});

describe('working days', () => {
  it('treats Saturday, Sunday and calendar holidays as non-working', () => {
    expect(isWorkingDay('2026-03-07', { holidays: [] })).toBe(false);
    expect(isWorkingDay('2026-03-08', { holidays: [] })).toBe(false);
    expect(isWorkingDay('2026-03-09', { holidays: ['2026-03-09'] })).toBe(false);
    expect(isWorkingDay('2026-03-09', { holidays: [] })).toBe(true);
  });

  it('uses the built-in calendar when none is given', () => {
    expect(isWorkingDay('2026-03-02')).toBe(false);
    expect(isWorkingDay('2026-03-02', { holidays: [] })).toBe(true);
  });

  it('rolls forward past a holiday run (추석 2025 + 한글날)', () => {
    expect(rollForward('2025-10-03')).toBe('2025-10-10');
    expect(rollForward('2025-10-10')).toBe('2025-10-10');
    expect(nextWorkingDay('2025-10-10')).toBe('2025-10-13');
  });
});
