import { sql } from 'drizzle-orm';
import { db } from '@/db/client';

export const dynamic = 'force-dynamic';

/** Public liveness and readiness: says whether the app and its database answer, nothing more. */
export async function GET() {
  const started = Date.now();
  let database: 'ok' | 'down' = 'ok';
  try {
    await db.execute(sql`select 1`);
  } catch {
    database = 'down';
  }
  const body = { app: 'ok', database, latencyMs: Date.now() - started };
  return Response.json(body, { status: database === 'ok' ? 200 : 503, headers: { 'cache-control': 'no-store' } });
}
