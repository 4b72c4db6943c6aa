import 'server-only';
import postgres from 'postgres';
import { drizzle, type PostgresJsDatabase } from 'drizzle-orm/postgres-js';
import { env } from '@/lib/env';
import * as schema from './schema';

export type Db = PostgresJsDatabase<typeof schema>;
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

type Cache = { dolbomDb?: { url: string; sql: postgres.Sql; db: Db } };
const cache = globalThis as unknown as Cache;

/** One pool per process, kept across dev reloads; created on first use so builds need no database. */
export function getDb(): Db {
  const url = env().DATABASE_URL;
  if (cache.dolbomDb?.url !== url) {
    const sql = postgres(url, { max: env().DB_POOL_MAX, onnotice: () => {} });
    cache.dolbomDb = { url, sql, db: drizzle(sql, { schema }) };
  }
  return cache.dolbomDb.db;
}

export const db: Db = new Proxy({} as Db, {
  get(_target, prop) {
    const real = getDb();
    const value = Reflect.get(real, prop, real) as unknown;
    return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(real) : value;
  },
});

export async function closeDb(): Promise<void> {
  const current = cache.dolbomDb;
  cache.dolbomDb = undefined;
  await current?.sql.end({ timeout: 5 });
}
