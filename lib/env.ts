import { z } from 'zod';

/**
 * The environment, parsed once. Launchers (scripts/with-db.ts) fill in the
 * development defaults — an embedded database URL, a generated secret and key
 * kept in the data folder — so the app itself never invents a secret.
 */
const envSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    DATABASE_URL: z.string().url({ message: 'DATABASE_URL must be a postgres:// URL' }),
    AUTH_SECRET: z.string().min(32, 'AUTH_SECRET must be at least 32 characters').optional(),
    NEXTAUTH_URL: z.string().url().optional(),
    DOLBOM_ENCRYPTION_KEY: z
      .string()
      .regex(/^[A-Za-z0-9+/]{43}=$/, 'DOLBOM_ENCRYPTION_KEY must be 32 bytes in base64')
      .optional(),
    OIDC_ISSUER: z.string().url().optional(),
    OIDC_CLIENT_ID: z.string().min(1).optional(),
    OIDC_CLIENT_SECRET: z.string().min(1).optional(),
    OIDC_NAME: z.string().default('SSO'),
    SMTP_URL: z.string().url().optional(),
    MAIL_FROM: z.string().default('Dolbom <no-reply@dolbom.local>'),
    /** Set by `npm run demo`: the sign-in page shows the demo accounts. */
    DOLBOM_DEMO: z.enum(['0', '1']).default('0'),
    DB_POOL_MAX: z.coerce.number().int().positive().default(10),
    /** Where the local-disk evidence store keeps its encrypted files. */
    EVIDENCE_DIR: z.string().min(1).default('.data/evidence'),
    /** Largest evidence upload accepted, in bytes (50 MiB). */
    EVIDENCE_MAX_BYTES: z.coerce.number().int().positive().default(50 * 1024 * 1024),
  })
  .superRefine((env, ctx) => {
    if (env.NODE_ENV === 'production' && !env.AUTH_SECRET) {
      ctx.addIssue({ code: 'custom', path: ['AUTH_SECRET'], message: 'AUTH_SECRET must be set in production' });
    }
    if (env.NODE_ENV === 'production' && !env.DOLBOM_ENCRYPTION_KEY) {
      ctx.addIssue({ code: 'custom', path: ['DOLBOM_ENCRYPTION_KEY'], message: 'DOLBOM_ENCRYPTION_KEY must be set in production' });
    }
  });

export type Env = z.infer<typeof envSchema>;

let cached: Env | undefined;

export function env(): Env {
  if (cached) return cached;
  const parsed = envSchema.safeParse(process.env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid environment:\n${lines.join('\n')}`);
  }
  cached = parsed.data;
  return cached;
}

export function oidcConfigured(e: Env = env()): boolean {
  return Boolean(e.OIDC_ISSUER && e.OIDC_CLIENT_ID && e.OIDC_CLIENT_SECRET);
}
