import 'server-only';
import { and, count, eq, gt } from 'drizzle-orm';
import { z } from 'zod';
import { db } from '@/db/client';
import { signInAttempts, users } from '@/db/schema';
import { appendAudit } from '@/lib/audit/append';
import { DUMMY_HASH, verifyPassword } from './password';

export const signInInput = z.object({
  email: z.string().trim().toLowerCase().email().max(254),
  password: z.string().min(1).max(200),
});

/** Throttle: a burst of failures locks the account, or the address, for the window. */
export const THROTTLE = { windowMinutes: 15, maxPerAccount: 5, maxPerIp: 30 } as const;

export type SignInResult = { ok: true; user: { id: string; email: string; name: string } } | { ok: false; reason: 'bad_credentials' | 'locked' };

async function isLocked(email: string, ip: string | null, now: Date): Promise<boolean> {
  const since = new Date(now.getTime() - THROTTLE.windowMinutes * 60_000);
  const [byEmail] = await db
    .select({ n: count() })
    .from(signInAttempts)
    .where(and(eq(signInAttempts.email, email), eq(signInAttempts.success, false), gt(signInAttempts.at, since)));
  if ((byEmail?.n ?? 0) >= THROTTLE.maxPerAccount) return true;
  if (!ip) return false;
  const [byIp] = await db
    .select({ n: count() })
    .from(signInAttempts)
    .where(and(eq(signInAttempts.ip, ip), eq(signInAttempts.success, false), gt(signInAttempts.at, since)));
  return (byIp?.n ?? 0) >= THROTTLE.maxPerIp;
}

/**
 * Checks a password sign-in. Every outcome records an attempt and an audit row
 * together; the caller only learns success, a generic failure, or a lock.
 */
export async function signInWithPassword(raw: unknown, ip: string | null, now: Date = new Date()): Promise<SignInResult> {
  const parsed = signInInput.safeParse(raw);
  if (!parsed.success) return { ok: false, reason: 'bad_credentials' };
  const { email, password } = parsed.data;

  const locked = await isLocked(email, ip, now);
  const [user] = locked ? [] : await db.select().from(users).where(eq(users.email, email)).limit(1);
  // Hash even when there is no such user, so timing does not reveal which e-mails exist.
  const passwordOk = locked ? false : await verifyPassword(user?.passwordHash ?? DUMMY_HASH, password);
  const success = Boolean(user && user.active && user.passwordHash && passwordOk);
  const reason = locked ? 'locked' : !success && user && !user.active && passwordOk ? 'inactive' : 'bad_credentials';

  await db.transaction(async (tx) => {
    await tx.insert(signInAttempts).values({ email, ip, success, at: now });
    if (success && user) {
      await appendAudit(tx, { action: 'auth.signed_in', actorId: user.id, targetType: 'user', targetId: user.id, ip, detail: { method: 'credentials' } }, now);
    } else {
      await appendAudit(
        tx,
        { action: 'auth.sign_in_failed', actorId: null, targetType: 'user', targetId: user?.id ?? null, ip, detail: { email, reason } },
        now,
      );
    }
  });

  if (success && user) return { ok: true, user: { id: user.id, email: user.email, name: user.name } };
  return { ok: false, reason: locked ? 'locked' : 'bad_credentials' };
}

/** OIDC maps to an existing, active user by e-mail; nobody is created on the fly. */
export async function signInWithOidc(rawEmail: string | null | undefined, ip: string | null, now: Date = new Date()): Promise<SignInResult> {
  const email = (rawEmail ?? '').trim().toLowerCase();
  const [user] = email ? await db.select().from(users).where(eq(users.email, email)).limit(1) : [];
  const success = Boolean(user?.active);
  await db.transaction(async (tx) => {
    await tx.insert(signInAttempts).values({ email: email || '(none)', ip, success, at: now });
    if (success && user) {
      await appendAudit(tx, { action: 'auth.signed_in', actorId: user.id, targetType: 'user', targetId: user.id, ip, detail: { method: 'oidc' } }, now);
    } else {
      await appendAudit(
        tx,
        {
          action: 'auth.sign_in_failed',
          actorId: null,
          targetType: 'user',
          targetId: user?.id ?? null,
          ip,
          detail: { email, reason: user ? 'inactive' : 'unknown_oidc_user' },
        },
        now,
      );
    }
  });
  return success && user ? { ok: true, user: { id: user.id, email: user.email, name: user.name } } : { ok: false, reason: 'bad_credentials' };
}
