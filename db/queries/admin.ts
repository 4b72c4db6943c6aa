import 'server-only';
import { asc, desc, eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { auditLog, offices, roleGrants, schools, users } from '@/db/schema';

export async function listOrganisations(db: Db) {
  const [officeRows, schoolRows] = await Promise.all([
    db.select().from(offices).orderBy(asc(offices.name)),
    db.select().from(schools).orderBy(asc(schools.name)),
  ]);
  return { offices: officeRows, schools: schoolRows };
}

export async function listUsersWithGrants(db: Db) {
  const [userRows, grantRows] = await Promise.all([
    db.select({ id: users.id, name: users.name, email: users.email, active: users.active }).from(users).orderBy(asc(users.email)),
    db.select().from(roleGrants),
  ]);
  return userRows.map((u) => ({ ...u, grants: grantRows.filter((g) => g.userId === u.id) }));
}

export async function getUserWithGrants(db: Db, id: string) {
  const [user] = await db.select({ id: users.id, name: users.name, email: users.email, active: users.active }).from(users).where(eq(users.id, id));
  if (!user) return null;
  const grants = await db.select().from(roleGrants).where(eq(roleGrants.userId, id)).orderBy(asc(roleGrants.createdAt));
  return { ...user, grants };
}

export async function recentAuditRows(db: Db, limit = 100) {
  return db
    .select({
      id: auditLog.id,
      at: auditLog.at,
      action: auditLog.action,
      targetType: auditLog.targetType,
      targetId: auditLog.targetId,
      ip: auditLog.ip,
      actorName: users.name,
    })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorId))
    .orderBy(desc(auditLog.id))
    .limit(limit);
}
