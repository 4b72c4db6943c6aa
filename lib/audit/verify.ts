import 'server-only';
import { asc, gt } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { auditLog } from '@/db/schema';
import { GENESIS_HASH, verifyChain, type VerifyResult } from './chain';

const PAGE = 5000;

/** Verifies the whole chain in pages, so a large log is never loaded at once. */
export async function verifyAuditLog(db: Db): Promise<VerifyResult> {
  let prev = GENESIS_HASH;
  let afterId = 0;
  let checked = 0;
  for (;;) {
    const rows = await db.select().from(auditLog).where(gt(auditLog.id, afterId)).orderBy(asc(auditLog.id)).limit(PAGE);
    if (rows.length === 0) return { ok: true, checked, lastHash: prev };
    const result = verifyChain(
      rows.map((r) => ({ ...r, at: r.at.toISOString() })),
      prev,
      checked,
    );
    if (!result.ok) return result;
    prev = result.lastHash;
    checked = result.checked;
    afterId = rows[rows.length - 1]!.id;
  }
}
