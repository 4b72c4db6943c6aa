import 'server-only';
import { desc, sql } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { auditLog } from '@/db/schema';
import { GENESIS_HASH, hashAuditRow, type AuditContent } from './chain';
import type { AuditEvent } from './events';

/** One key for the whole log: appends serialize, so ids follow commit order and the chain never forks. */
const AUDIT_LOCK_KEY = 0x646f6c62; // "dolb"

/**
 * Appends one row in the caller's transaction. If the transaction rolls back,
 * so does the row: there is no audit of a change that did not happen, and no
 * change without its audit.
 */
export async function appendAudit(tx: Tx, event: AuditEvent, now: Date = new Date()): Promise<{ id: number; hash: string }> {
  await tx.execute(sql`select pg_advisory_xact_lock(${AUDIT_LOCK_KEY})`);
  const [last] = await tx.select({ hash: auditLog.hash }).from(auditLog).orderBy(desc(auditLog.id)).limit(1);
  const prevHash = last?.hash ?? GENESIS_HASH;
  const content: AuditContent = {
    at: now.toISOString(),
    actorId: event.actorId,
    action: event.action,
    targetType: event.targetType,
    targetId: event.targetId,
    ip: event.ip ?? null,
    // A JSON round trip drops undefined and turns dates into strings, as jsonb will.
    detail: JSON.parse(JSON.stringify(event.detail)) as Record<string, unknown>,
  };
  const hash = hashAuditRow(prevHash, content);
  const [row] = await tx
    .insert(auditLog)
    .values({ ...content, at: new Date(content.at), prevHash, hash })
    .returning({ id: auditLog.id });
  if (!row) throw new Error('audit insert returned no row');
  return { id: row.id, hash };
}
