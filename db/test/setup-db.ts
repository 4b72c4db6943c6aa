import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { afterAll, inject } from 'vitest';
import { siblingUrl, TEST_SECRETS } from '../../scripts/lib/test-env';

/**
 * Runs before each integration test file's imports: a private copy of the
 * migrated template, set as DATABASE_URL so the app's own client uses it.
 */
const base = inject('dbBaseUrl');
const template = inject('dbTemplate');
const name = `t_${randomBytes(6).toString('hex')}`;
const admin = postgres(base, { max: 1, onnotice: () => {} });
await admin.unsafe(`create database "${name}" template "${template}" strategy file_copy`);
process.env.DATABASE_URL = siblingUrl(base, name);
Object.assign(process.env, TEST_SECRETS, { NODE_ENV: 'test' });

afterAll(async () => {
  const { closeDb } = await import('../client');
  await closeDb();
  await admin.unsafe(`drop database if exists "${name}" with (force)`);
  await admin.end();
});
