import postgres from 'postgres';
import type { TestProject } from 'vitest/node';
import { migrateDatabase } from '../migrate';
import { siblingUrl, TEST_SECRETS } from '../../scripts/lib/test-env';

/**
 * Migrates one template database per run; each test file then copies it
 * (db/test/setup-db.ts), so files never see each other's rows.
 */
export default async function setup(project: TestProject) {
  const base = process.env.DATABASE_URL;
  if (!base) throw new Error('Integration tests need DATABASE_URL: run `npm run test:integration`, which starts the embedded PostgreSQL.');
  const template = `dolbom_tpl_${process.pid}`;
  const admin = postgres(base, { max: 1, onnotice: () => {} });
  await admin.unsafe(`drop database if exists "${template}" with (force)`);
  await admin.unsafe(`create database "${template}"`);
  await migrateDatabase(siblingUrl(base, template));
  project.provide('dbBaseUrl', base);
  project.provide('dbTemplate', template);
  Object.assign(process.env, TEST_SECRETS);
  return async () => {
    await admin.unsafe(`drop database if exists "${template}" with (force)`);
    await admin.end();
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    dbBaseUrl: string;
    dbTemplate: string;
  }
}
