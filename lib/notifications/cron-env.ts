import { createHash, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';

/**
 * The scheduler's shared secret for POST /api/cron/sweep. Kept apart from
 * lib/env.ts because only the sweep route needs it; parsed once, like the rest.
 * Unset (or empty) turns the route off.
 */
const cronEnvSchema = z.object({
  CRON_SECRET: z.preprocess((v) => (v === '' ? undefined : v), z.string().min(16, 'CRON_SECRET must be at least 16 characters').optional()),
});

let cached: z.infer<typeof cronEnvSchema> | undefined;

export function cronEnv(): z.infer<typeof cronEnvSchema> {
  if (cached) return cached;
  const parsed = cronEnvSchema.safeParse(process.env);
  if (!parsed.success) throw new Error(`Invalid environment:\n${parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n')}`);
  cached = parsed.data;
  return cached;
}

const digest = (s: string) => createHash('sha256').update(s).digest();

/** `Authorization: Bearer <secret>`, compared in constant time (hashed first, so lengths leak nothing). */
export function bearerMatches(header: string | null, secret: string): boolean {
  const match = /^Bearer\s+(.+)$/i.exec(header?.trim() ?? '');
  if (!match?.[1]) return false;
  return timingSafeEqual(digest(match[1]), digest(secret));
}
