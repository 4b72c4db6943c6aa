import { createHash, timingSafeEqual } from 'node:crypto';

const digest = (s: string) => createHash('sha256').update(s).digest();

/**
 * `Authorization: Bearer <secret>` for POST /api/cron/sweep (the secret is
 * CRON_SECRET in lib/env.ts), compared in constant time (hashed first, so
 * lengths leak nothing).
 */
export function bearerMatches(header: string | null, secret: string): boolean {
  const match = /^Bearer\s+(.+)$/i.exec(header?.trim() ?? '');
  if (!match?.[1]) return false;
  return timingSafeEqual(digest(match[1]), digest(secret));
}
