import { z } from 'zod';

/**
 * The one schema for the app's runtime environment (README, "Secrets and
 * configuration"). Everything the app reads from the environment is declared
 * here and read through `env()`; instrumentation.ts validates it once when the
 * server starts and next.config.js reads its build-time subset through
 * `configEnv()`. Launchers (scripts/with-db.ts) fill in the development
 * defaults — an embedded database URL, a generated secret and key kept in the
 * data folder — so the app itself never invents a secret.
 *
 * This module imports nothing but zod: next.config.js loads it outside the
 * bundler (through tsx), where neither `@/` paths nor `server-only` resolve.
 */

/** An empty value counts as unset, so `CRON_SECRET=` in a deployment's env file turns the route off. */
const emptyAsUnset = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (v === '' ? undefined : v), schema);

const url = (name: string, example: string) => z.string(`${name} must be a URL`).url(`${name} must be a URL such as ${example}`);
const positiveInt = (name: string, fallback: number) => {
  const message = `${name} must be a positive whole number`;
  return z.coerce.number(message).int(message).positive(message).default(fallback);
};

const fields = {
  NODE_ENV: z.enum(['development', 'production', 'test'], 'NODE_ENV must be development, production or test').default('development'),
  DATABASE_URL: z.string('DATABASE_URL must be set (the launcher scripts/with-db.ts sets it)').url('DATABASE_URL must be a postgres:// URL'),
  AUTH_SECRET: z.string().min(32, 'AUTH_SECRET must be at least 32 characters').optional(),
  /** The public URL; `https://…` turns on secure cookies and HSTS (next.config.js). */
  NEXTAUTH_URL: url('NEXTAUTH_URL', 'https://dolbom.example.kr').optional(),
  DOLBOM_ENCRYPTION_KEY: z
    .string()
    .regex(/^[A-Za-z0-9+/]{43}=$/, 'DOLBOM_ENCRYPTION_KEY must be 32 bytes in base64')
    .optional(),
  OIDC_ISSUER: url('OIDC_ISSUER', 'https://sso.example.kr/realms/school').optional(),
  OIDC_CLIENT_ID: z.string().min(1, 'OIDC_CLIENT_ID must not be empty').optional(),
  OIDC_CLIENT_SECRET: z.string().min(1, 'OIDC_CLIENT_SECRET must not be empty').optional(),
  OIDC_NAME: z.string().default('SSO'),
  SMTP_URL: url('SMTP_URL', 'smtps://user:pass@smtp.example.kr:465').optional(),
  MAIL_FROM: z.string().default('Dolbom <no-reply@dolbom.local>'),
  /** Set by `npm run demo`: the sign-in page shows the demo accounts. */
  DOLBOM_DEMO: z.enum(['0', '1'], 'DOLBOM_DEMO must be 0 or 1').default('0'),
  DB_POOL_MAX: positiveInt('DB_POOL_MAX', 10),
  /** Where the local-disk evidence store keeps its encrypted files. */
  EVIDENCE_DIR: z.string().min(1, 'EVIDENCE_DIR must not be empty').default('.data/evidence'),
  /** Largest evidence upload accepted, in bytes (50 MiB); next.config.js sizes the request body limits from it. */
  EVIDENCE_MAX_BYTES: positiveInt('EVIDENCE_MAX_BYTES', 50 * 1024 * 1024),
  /** The scheduler's shared secret for POST /api/cron/sweep; unset (or empty) turns the route off. */
  CRON_SECRET: emptyAsUnset(z.string().min(16, 'CRON_SECRET must be at least 16 characters').optional()),
};

const envSchema = z.object(fields).superRefine((env, ctx) => {
  if (env.NODE_ENV === 'production' && !env.AUTH_SECRET) {
    ctx.addIssue({ code: 'custom', path: ['AUTH_SECRET'], message: 'AUTH_SECRET must be set in production' });
  }
  if (env.NODE_ENV === 'production' && !env.DOLBOM_ENCRYPTION_KEY) {
    ctx.addIssue({ code: 'custom', path: ['DOLBOM_ENCRYPTION_KEY'], message: 'DOLBOM_ENCRYPTION_KEY must be set in production' });
  }
});

/**
 * What next.config.js needs. `next build` runs without the database and
 * without the production secrets, so the config checks only these three.
 */
const configEnvSchema = z.object(fields).pick({ NODE_ENV: true, NEXTAUTH_URL: true, EVIDENCE_MAX_BYTES: true });

export type Env = z.infer<typeof envSchema>;
export type ConfigEnv = z.infer<typeof configEnvSchema>;
export type EnvSource = Record<string, string | undefined>;

function parseWith<T>(schema: z.ZodType<T>, source: EnvSource): T {
  const parsed = schema.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => {
      const name = i.path.join('.');
      return `  ${i.message.startsWith(name) ? i.message : `${name}: ${i.message}`}`;
    });
    throw new Error(`Invalid environment:\n${lines.join('\n')}`);
  }
  return parsed.data;
}

/** Parses an environment; throws one error naming every bad variable. */
export function parseEnv(source: EnvSource): Env {
  return parseWith(envSchema, source);
}

/** The build-time subset next.config.js reads. */
export function configEnv(source: EnvSource = process.env): ConfigEnv {
  return parseWith(configEnvSchema, source);
}

let cached: Env | undefined;

/** The process's environment, parsed on first use and kept. */
export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

/**
 * Called by instrumentation.ts when a server starts, so a bad or missing value
 * stops `next start` / `next dev` before the first request instead of failing
 * that request. `next build` also loads instrumentation while prerendering; it
 * runs without the database and the production secrets, so it is skipped
 * there (Next sets NEXT_PHASE=phase-production-build for the build's workers).
 */
export function validateEnvAtStartup(): void {
  if (process.env.NEXT_PHASE === 'phase-production-build') return;
  env();
}

export function oidcConfigured(e: Env = env()): boolean {
  return Boolean(e.OIDC_ISSUER && e.OIDC_CLIENT_ID && e.OIDC_CLIENT_SECRET);
}
