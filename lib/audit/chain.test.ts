import { describe, expect, it } from 'vitest';
import { canonicalJson, GENESIS_HASH, hashAuditRow, verifyChain, type AuditContent, type ChainedRow } from './chain';

function content(i: number): AuditContent {
  return {
    at: `2026-03-0${i}T01:00:00.000Z`,
    actorId: null,
    action: 'admin.user_created',
    targetType: 'user',
    targetId: `u${i}`,
    ip: '127.0.0.1',
    detail: { email: `u${i}@x`, name: `n${i}` },
  };
}

function chain(n: number): ChainedRow[] {
  const rows: ChainedRow[] = [];
  let prev = GENESIS_HASH;
  for (let i = 1; i <= n; i++) {
    const c = content(i);
    const hash = hashAuditRow(prev, c);
    rows.push({ ...c, id: i, prevHash: prev, hash });
    prev = hash;
  }
  return rows;
}

describe('canonical JSON', () => {
  it('orders keys at every depth so jsonb reordering cannot change a hash', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { z: 1, y: 2 }], c: null } })).toBe('{"a":{"c":null,"d":[1,{"y":2,"z":1}]},"b":1}');
  });
  it('drops undefined members as JSON does', () => {
    expect(canonicalJson({ a: undefined, b: 2 })).toBe('{"b":2}');
  });
});

describe('audit chain', () => {
  it('a hash covers the previous hash: the same content after another row hashes differently', () => {
    expect(hashAuditRow(GENESIS_HASH, content(1))).not.toBe(hashAuditRow('f'.repeat(64), content(1)));
  });

  it('an intact chain verifies', () => {
    expect(verifyChain(chain(5))).toMatchObject({ ok: true, checked: 5 });
  });

  it('an edited detail is found at that row', () => {
    const rows = chain(5);
    rows[2] = { ...rows[2]!, detail: { email: 'forged@x', name: 'n3' } };
    expect(verifyChain(rows)).toEqual({ ok: false, checked: 2, brokenId: 3, reason: 'hash_mismatch' });
  });

  it('a deleted row is found at the row after it', () => {
    const rows = chain(5);
    rows.splice(1, 1);
    expect(verifyChain(rows)).toMatchObject({ ok: false, brokenId: 3, reason: 'prev_hash_mismatch' });
  });

  it('a re-hashed edit is still found, at the next row', () => {
    const rows = chain(4);
    const forged = { ...rows[1]!, actorId: 'someone-else' };
    forged.hash = hashAuditRow(forged.prevHash, forged);
    rows[1] = forged;
    expect(verifyChain(rows)).toMatchObject({ ok: false, brokenId: 3, reason: 'prev_hash_mismatch' });
  });

  it('verification can continue from the last hash of a previous page', () => {
    const rows = chain(6);
    const first = verifyChain(rows.slice(0, 3));
    if (!first.ok) throw new Error('first page should verify');
    expect(verifyChain(rows.slice(3), first.lastHash, first.checked)).toMatchObject({ ok: true, checked: 6 });
  });
});
