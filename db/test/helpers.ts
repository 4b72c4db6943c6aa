import { eq } from 'drizzle-orm';
import { db } from '@/db/client';
import { loadActor } from '@/db/queries/actors';
import { users } from '@/db/schema';
import type { Actor } from '@/lib/auth/roles';

/** The demo actor with that e-mail, as the app would load it. */
export async function actorByEmail(email: string): Promise<Actor> {
  const [u] = await db.select({ id: users.id }).from(users).where(eq(users.email, email));
  if (!u) throw new Error(`no user ${email}`);
  const actor = await loadActor(db, u.id);
  if (!actor) throw new Error(`user ${email} inactive`);
  return actor;
}
