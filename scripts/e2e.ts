/**
 * `npm run test:e2e` (through with-db.ts): a fresh database next to
 * DATABASE_URL, migrated and seeded, a production build, then Playwright.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import postgres from 'postgres';
import { migrateDatabase } from '../db/migrate';
import { siblingUrl, TEST_SECRETS } from './lib/test-env';

async function recreate(adminUrl: string, name: string) {
  const sql = postgres(adminUrl, { max: 1, onnotice: () => {} });
  try {
    await sql.unsafe(`drop database if exists "${name}" with (force)`);
    await sql.unsafe(`create database "${name}"`);
  } finally {
    await sql.end();
  }
}

function run(cmd: string, args: string[], env: NodeJS.ProcessEnv): number {
  const r = spawnSync(cmd, args, { stdio: 'inherit', env });
  return r.status ?? 1;
}

async function main() {
  const base = process.env.DATABASE_URL;
  if (!base) throw new Error('DATABASE_URL is not set: run through scripts/with-db.ts');
  // E2E_DB_NAME lets two checkouts run their e2e suites side by side (with E2E_PORT).
  const name = process.env.E2E_DB_NAME ?? 'dolbom_e2e';
  const e2eUrl = siblingUrl(base, name);
  await recreate(base, name);
  await migrateDatabase(e2eUrl);
  const env = { ...process.env, ...TEST_SECRETS, DATABASE_URL: e2eUrl, E2E_DATABASE_URL: e2eUrl };
  if (run('node_modules/.bin/tsx', ['--conditions=react-server', 'db/seed/index.ts'], env) !== 0) process.exit(1);
  if (process.argv.includes('--build') || !existsSync('.next/BUILD_ID')) {
    if (run('node_modules/.bin/next', ['build'], { ...env, NODE_ENV: 'production' }) !== 0) process.exit(1);
  }
  const extra = process.argv.slice(2).filter((a) => a !== '--build');
  process.exit(run('node_modules/.bin/playwright', ['test', ...extra], env));
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
