import 'server-only';
import { eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { roleGrants, users } from '@/db/schema';
import type { Actor, Grant } from '@/lib/auth/roles';

export async function loadGrants(db: Db, userId: string): Promise<Grant[]> {
  return db
    .select({ role: roleGrants.role, schoolId: roleGrants.schoolId, officeId: roleGrants.officeId })
    .from(roleGrants)
    .where(eq(roleGrants.userId, userId));
}

/** The actor as the database knows them now; null for an unknown or deactivated user. */
export async function loadActor(db: Db, userId: string): Promise<Actor | null> {
  const [user] = await db.select({ id: users.id, name: users.name, email: users.email, active: users.active }).from(users).where(eq(users.id, userId)).limit(1);
  if (!user || !user.active) return null;
  return { userId: user.id, name: user.name, email: user.email, grants: await loadGrants(db, user.id) };
}
