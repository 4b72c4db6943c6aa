import 'server-only';
import { asc, eq } from 'drizzle-orm';
import { db } from '@/db/client';
import { extraHolidays, users } from '@/db/schema';
import { appendAudit } from '@/lib/audit/append';
import { can } from '@/lib/auth/permissions';
import type { Actor } from '@/lib/auth/roles';
import type { Ctx } from '@/lib/cases/ctx';
import { DomainError } from '@/lib/errors';
import { koreanHolidays } from '@/lib/rules';
import type { AddHolidayData, RemoveHolidayData } from './schemas';

function assertCalendarManager(actor: Actor) {
  if (!can(actor, 'calendar.manage')) throw new DomainError('forbidden');
}

/** The admin-added non-working days, oldest date first, with who added them. */
export async function listExtraHolidays(actor: Actor) {
  assertCalendarManager(actor);
  return db
    .select({ date: extraHolidays.date, name: extraHolidays.name, createdAt: extraHolidays.createdAt, createdByName: users.name })
    .from(extraHolidays)
    .leftJoin(users, eq(users.id, extraHolidays.createdBy))
    .orderBy(asc(extraHolidays.date));
}

/**
 * Adds a non-working day for every deadline computed from now on. A day the
 * built-in calendar already has is refused: adding it would change nothing,
 * and removing it later would look as if it stopped being a holiday.
 */
export async function addHoliday(input: AddHolidayData, { actor, ip, now }: Ctx): Promise<void> {
  assertCalendarManager(actor);
  const year = Number(input.date.slice(0, 4));
  if (koreanHolidays(year, year).includes(input.date)) throw new DomainError('invalid_input', 'built-in holiday', { date: ['builtInHoliday'] });
  await db.transaction(async (tx) => {
    const inserted = await tx
      .insert(extraHolidays)
      .values({ date: input.date, name: input.name, createdBy: actor.userId })
      .onConflictDoNothing()
      .returning({ date: extraHolidays.date });
    if (inserted.length === 0) throw new DomainError('invalid_input', 'duplicate date', { date: ['duplicateDate'] });
    await appendAudit(
      tx,
      {
        action: 'admin.holiday_added',
        actorId: actor.userId,
        targetType: 'calendar',
        targetId: input.date,
        ip,
        detail: { date: input.date, name: input.name },
      },
      now,
    );
  });
}

export async function removeHoliday(input: RemoveHolidayData, { actor, ip, now }: Ctx): Promise<void> {
  assertCalendarManager(actor);
  await db.transaction(async (tx) => {
    const removed = await tx.delete(extraHolidays).where(eq(extraHolidays.date, input.date)).returning({ date: extraHolidays.date });
    if (removed.length === 0) throw new DomainError('not_found');
    await appendAudit(
      tx,
      { action: 'admin.holiday_removed', actorId: actor.userId, targetType: 'calendar', targetId: input.date, ip, detail: { date: input.date } },
      now,
    );
  });
}
