import 'server-only';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { db } from '@/db/client';
import { notifications } from '@/db/schema';
import type { Ctx as CaseCtx } from '@/lib/cases/ctx';
import { DomainError } from '@/lib/errors';

/**
 * Reading one's own inbox. Every write is scoped to the actor's own rows in its
 * WHERE clause, so someone else's notification id is simply not found. Marking
 * read changes no case, so it writes no audit row.
 */
type Ctx = Pick<CaseCtx, 'actor' | 'now'>;

export async function markNotificationRead(notificationId: string, { actor, now = new Date() }: Ctx): Promise<void> {
  const updated = await db
    .update(notifications)
    .set({ readAt: sql`coalesce(${notifications.readAt}, ${now.toISOString()}::timestamptz)` })
    .where(and(eq(notifications.id, notificationId), eq(notifications.userId, actor.userId)))
    .returning({ id: notifications.id });
  if (updated.length === 0) throw new DomainError('not_found');
}

export async function markAllNotificationsRead({ actor, now = new Date() }: Ctx): Promise<number> {
  const updated = await db
    .update(notifications)
    .set({ readAt: now })
    .where(and(eq(notifications.userId, actor.userId), isNull(notifications.readAt)))
    .returning({ id: notifications.id });
  return updated.length;
}
