import 'server-only';
import { cache } from 'react';
import { getServerSession } from 'next-auth';
import { headers } from 'next/headers';
import { notFound, redirect } from 'next/navigation';
import { db } from '@/db/client';
import { loadActor } from '@/db/queries/actors';
import { DomainError } from '@/lib/errors';
import { clientIp } from '@/lib/request-ip';
import { authOptions } from './options';
import { can, type Permission, type Resource } from './permissions';
import type { Actor } from './roles';

/** The signed-in actor with grants read fresh from the database, once per request. */
export const getActor = cache(async (): Promise<Actor | null> => {
  const session = await getServerSession(authOptions());
  const userId = session?.user?.id;
  if (!userId) return null;
  return loadActor(db, userId);
});

/** For server actions and route handlers: no session is an error, never a redirect mid-mutation. */
export async function requireActor(): Promise<Actor> {
  const actor = await getActor();
  if (!actor) throw new DomainError('unauthenticated');
  return actor;
}

export async function requirePermission(action: Permission, resource?: Resource): Promise<Actor> {
  const actor = await requireActor();
  if (!can(actor, action, resource)) throw new DomainError('forbidden');
  return actor;
}

/**
 * For pages: no session goes to sign-in; a missing permission is a 404, so a
 * page never confirms that something exists to someone who may not see it.
 */
export async function requirePageActor(action?: Permission, resource?: Resource): Promise<Actor> {
  const actor = await getActor();
  if (!actor) redirect('/login');
  if (action && !can(actor, action, resource)) notFound();
  return actor;
}

export async function requestIp(): Promise<string | null> {
  return clientIp(await headers());
}
