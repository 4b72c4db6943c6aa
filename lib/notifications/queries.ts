import 'server-only';
import { and, asc, count, desc, eq, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { Db, Tx } from '@/db/client';
import { caseEvents, notifications, roleGrants, users } from '@/db/schema';
import type { Person } from './rules';
import { NOTIFIED_ROLES } from './rules';

type Conn = Db | Tx;

export const INBOX_PAGE_SIZE = 30;

/** The header badge: one indexed count (notifications_user_idx leads with user_id, read_at). */
export async function countUnread(conn: Conn, userId: string): Promise<number> {
  const [row] = await conn
    .select({ n: count() })
    .from(notifications)
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)));
  return row?.n ?? 0;
}

/**
 * One page of a person's inbox, newest first, and how many pages there are.
 * A sweep creates many notices at one instant; within it they read case by case, earliest due first.
 */
export async function listNotifications(conn: Conn, userId: string, page: number, pageSize = INBOX_PAGE_SIZE) {
  const [rows, [total]] = await Promise.all([
    conn
      .select({
        id: notifications.id,
        caseId: notifications.caseId,
        kind: notifications.kind,
        params: notifications.params,
        createdAt: notifications.createdAt,
        readAt: notifications.readAt,
      })
      .from(notifications)
      .where(eq(notifications.userId, userId))
      .orderBy(
        desc(notifications.createdAt),
        asc(sql`${notifications.params}->>'caseNumber'`),
        asc(sql`${notifications.params}->>'dueAt'`),
        asc(notifications.id),
      )
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    conn.select({ n: count() }).from(notifications).where(eq(notifications.userId, userId)),
  ]);
  const n = total?.n ?? 0;
  return { rows, total: n, pageCount: Math.max(1, Math.ceil(n / pageSize)) };
}

/** Active people holding a notified role at any of these schools or offices, with those grants. */
export async function notifiablePeople(conn: Conn, where: { schoolIds: string[]; officeIds: string[] }): Promise<Person[]> {
  const places: SQL[] = [];
  if (where.schoolIds.length) places.push(inArray(roleGrants.schoolId, where.schoolIds));
  if (where.officeIds.length) places.push(inArray(roleGrants.officeId, where.officeIds));
  if (places.length === 0) return [];
  const rows = await conn
    .select({ userId: users.id, email: users.email, role: roleGrants.role, schoolId: roleGrants.schoolId, officeId: roleGrants.officeId })
    .from(roleGrants)
    .innerJoin(users, eq(users.id, roleGrants.userId))
    .where(and(eq(users.active, true), inArray(roleGrants.role, [...NOTIFIED_ROLES]), or(...places)));
  const byUser = new Map<string, Person & { grants: Person['grants'][number][] }>();
  for (const r of rows) {
    const person = byUser.get(r.userId) ?? { userId: r.userId, email: r.email, grants: [] };
    person.grants.push({ role: r.role, schoolId: r.schoolId, officeId: r.officeId });
    byUser.set(r.userId, person);
  }
  return [...byUser.values()];
}

/** Every event of these cases, grouped by case. */
export async function eventsByCase(conn: Conn, caseIds: string[]) {
  const out = new Map<string, { type: string; occurredAt: Date; data: Record<string, unknown> }[]>();
  if (caseIds.length === 0) return out;
  const rows = await conn
    .select({ caseId: caseEvents.caseId, type: caseEvents.type, occurredAt: caseEvents.occurredAt, data: caseEvents.data })
    .from(caseEvents)
    .where(inArray(caseEvents.caseId, caseIds));
  for (const { caseId, ...e } of rows) {
    const list = out.get(caseId) ?? [];
    list.push(e);
    out.set(caseId, list);
  }
  return out;
}
