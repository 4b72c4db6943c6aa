import { count, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { auditLog, extraHolidays } from '@/db/schema';
import { seed } from '@/db/seed';
import { demoActors } from '@/db/test/fixtures';
import type { Actor } from '@/lib/auth/roles';
import { addHolidayInput } from './schemas';
import { addHoliday, listExtraHolidays, removeHoliday } from './service';

let admin: Actor;
let teacher: Actor;

beforeAll(async () => {
  await seed();
  [admin, teacher] = await demoActors('admin', 'teacher');
});

const audits = async (date: string) =>
  db.select({ action: auditLog.action, detail: auditLog.detail }).from(auditLog).where(eq(auditLog.targetId, date)).orderBy(auditLog.id);
const holidayCount = async () => (await db.select({ n: count() }).from(extraHolidays))[0]!.n;

describe('extra non-working days', () => {
  it('an admin adds a day, and its audit row is written with it', async () => {
    await addHoliday(addHolidayInput.parse({ date: '2027-04-14', name: '임시공휴일' }), { actor: admin, ip: null });
    expect((await listExtraHolidays(admin)).map((h) => [h.date, h.name, h.createdByName])).toContainEqual(['2027-04-14', '임시공휴일', admin.name]);
    expect(await audits('2027-04-14')).toEqual([{ action: 'admin.holiday_added', detail: { date: '2027-04-14', name: '임시공휴일' } }]);
  });

  it('the same date twice is a field error on the date, and writes nothing', async () => {
    await addHoliday(addHolidayInput.parse({ date: '2027-05-12', name: '첫째' }), { actor: admin, ip: null });
    const before = await holidayCount();
    await expect(addHoliday(addHolidayInput.parse({ date: '2027-05-12', name: '둘째' }), { actor: admin, ip: null })).rejects.toMatchObject({
      code: 'invalid_input',
      fieldErrors: { date: ['duplicateDate'] },
    });
    expect(await holidayCount()).toBe(before);
    expect(await audits('2027-05-12')).toHaveLength(1);
  });

  it('a day the built-in calendar already has is refused', async () => {
    await expect(addHoliday(addHolidayInput.parse({ date: '2027-12-25', name: '성탄절' }), { actor: admin, ip: null })).rejects.toMatchObject({
      fieldErrors: { date: ['builtInHoliday'] },
    });
  });

  it('only an admin manages the calendar', async () => {
    await expect(addHoliday(addHolidayInput.parse({ date: '2027-06-09', name: 'x' }), { actor: teacher, ip: null })).rejects.toMatchObject({
      code: 'forbidden',
    });
    await expect(removeHoliday({ date: '2027-04-14' }, { actor: teacher, ip: null })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(listExtraHolidays(teacher)).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('removing a day deletes it with an audit row; removing an unknown day is not found', async () => {
    await addHoliday(addHolidayInput.parse({ date: '2027-07-07', name: '삭제 예정' }), { actor: admin, ip: null });
    await removeHoliday({ date: '2027-07-07' }, { actor: admin, ip: null });
    expect((await listExtraHolidays(admin)).map((h) => h.date)).not.toContain('2027-07-07');
    expect((await audits('2027-07-07')).map((a) => a.action)).toEqual(['admin.holiday_added', 'admin.holiday_removed']);
    await expect(removeHoliday({ date: '2027-07-07' }, { actor: admin, ip: null })).rejects.toMatchObject({ code: 'not_found' });
  });

  it('impossible dates and empty names never reach the service', () => {
    expect(addHolidayInput.safeParse({ date: '2027-02-30', name: 'x' }).success).toBe(false);
    expect(addHolidayInput.safeParse({ date: '2027-03-03', name: '  ' }).success).toBe(false);
  });
});
