import { createHash } from 'node:crypto';

/** The content of an audit row that its hash covers. */
export type AuditContent = {
  at: string;
  actorId: string | null;
  action: string;
  targetType: string;
  targetId: string | null;
  ip: string | null;
  detail: Record<string, unknown>;
};

export type ChainedRow = AuditContent & { id: number; prevHash: string; hash: string };

export const GENESIS_HASH = '0'.repeat(64);

/** JSON with object keys sorted at every depth, so jsonb's key reordering cannot change a hash. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map((v) => canonicalJson(v === undefined ? null : v)).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

export function hashAuditRow(prevHash: string, content: AuditContent): string {
  return createHash('sha256')
    .update(prevHash)
    .update('\n')
    .update(
      canonicalJson({
        at: content.at,
        actorId: content.actorId,
        action: content.action,
        targetType: content.targetType,
        targetId: content.targetId,
        ip: content.ip,
        detail: content.detail,
      }),
    )
    .digest('hex');
}

export type VerifyResult =
  { ok: true; checked: number; lastHash: string } | { ok: false; checked: number; brokenId: number; reason: 'prev_hash_mismatch' | 'hash_mismatch' };

/**
 * Walks rows in id order. `prevHash` lets a caller verify in pages: pass the
 * last hash of the previous page.
 */
export function verifyChain(rows: Iterable<ChainedRow>, prevHash: string = GENESIS_HASH, checkedSoFar = 0): VerifyResult {
  let expectedPrev = prevHash;
  let checked = checkedSoFar;
  for (const row of rows) {
    if (row.prevHash !== expectedPrev) return { ok: false, checked, brokenId: row.id, reason: 'prev_hash_mismatch' };
    if (hashAuditRow(row.prevHash, row) !== row.hash) return { ok: false, checked, brokenId: row.id, reason: 'hash_mismatch' };
    expectedPrev = row.hash;
    checked += 1;
  }
  return { ok: true, checked, lastHash: expectedPrev };
}
