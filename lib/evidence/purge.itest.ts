import { randomUUID } from 'node:crypto';
import { access, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { auditLog, evidenceCustody, evidenceFiles } from '@/db/schema';
import { seed } from '@/db/seed';
import { closeCaseForTest, decideAppealForTest, demoActors, fileAppealForTest, intake } from '@/db/test/fixtures';
import type { Actor } from '@/lib/auth/roles';
import { fileCaseInput } from '@/lib/cases/schemas';
import { fileCase } from '@/lib/cases/service';
import { rulebookFor } from '@/lib/rules';
import { releaseLegalHold, setLegalHold } from './holds';
import { purgeExpiredEvidence } from './purge';
import { purgeDate } from './retention';
import { uploadEvidence } from './service';
import { LocalDiskStore } from './storage';

let teacher: Actor;
let head: Actor;
let schoolId: string;
let dir: string;
let store: LocalDiskStore;

const uploadedAt = new Date('2026-03-03T10:00:00+09:00');
const closedAt = new Date('2026-07-01T17:00:00+09:00');
const endOfRetention = purgeDate(closedAt, rulebookFor('2026-03-02T10:00:00+09:00').evidence);
const afterRetention = new Date(endOfRetention.getTime() + 60_000);

beforeAll(async () => {
  await seed();
  [teacher, head] = await demoActors('teacher', 'head');
  schoolId = teacher.grants[0]!.schoolId!;
  dir = await mkdtemp(path.join(tmpdir(), 'dolbom-purge-'));
  store = new LocalDiskStore(dir);
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const onDisk = (key: string) =>
  access(path.join(dir, key.slice(0, 2), key)).then(
    () => true,
    () => false,
  );

async function closedCaseWithEvidence(files = 2, categories: string[] = ['physical']) {
  const { id } = await fileCase(fileCaseInput.parse(intake(schoolId, { categories: categories as never })), {
    actor: teacher,
    ip: null,
    now: new Date('2026-03-02T10:05:00+09:00'),
  });
  const stored = [];
  for (let i = 0; i < files; i++) stored.push(await upload(id, new Date(uploadedAt.getTime() + i * 1000)));
  await closeCaseForTest(id, closedAt);
  return { caseId: id, stored };
}

/** A chat export through the vault's own upload: real ciphertext on disk under a wrapped per-file key. */
async function upload(caseId: string, at: Date) {
  const bytes = Buffer.from(`2026-03-02 21:03 ${randomUUID()}\n`, 'utf8');
  const { evidenceId, sha256 } = await uploadEvidence(
    { caseId, fileName: '대화 내보내기.txt', bytes, sensitive: false },
    { actor: teacher, ip: '10.0.0.7', now: at },
    store,
  );
  const row = await fileRow(evidenceId);
  expect(row.wrappedKey).not.toBeNull();
  return { id: evidenceId, sha256, storageKey: row.storageKey!, size: bytes.length };
}

async function fileRow(id: string) {
  const [row] = await db.select().from(evidenceFiles).where(eq(evidenceFiles.id, id));
  return row!;
}

async function custody(evidenceId: string) {
  return db.select().from(evidenceCustody).where(eq(evidenceCustody.evidenceId, evidenceId)).orderBy(asc(evidenceCustody.id));
}

async function purgeAudits(caseId: string) {
  return db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.targetId, caseId), eq(auditLog.action, 'evidence.purged')))
    .orderBy(asc(auditLog.id));
}

describe('the evidence purge', () => {
  it('removes the ciphertext and the keys of a closed case past its retention, but keeps the hash and the whole custody record, audited', async () => {
    const { caseId, stored } = await closedCaseWithEvidence(2);
    for (const f of stored) expect(await onDisk(f.storageKey)).toBe(true);

    const result = await purgeExpiredEvidence({ now: afterRetention, store });
    expect(result).toMatchObject({ purged: 2, failed: 0 });

    for (const f of stored) {
      expect(await onDisk(f.storageKey)).toBe(false);
      const row = await fileRow(f.id);
      expect(row).toMatchObject({ sha256: f.sha256, storageKey: null, wrappedKey: null, purgedAt: afterRetention, sizeBytes: f.size });
      const chain = await custody(f.id);
      expect(chain.map((c) => c.action)).toEqual(['uploaded', 'purged']);
      expect(chain[1]).toMatchObject({ actorId: null, sha256: f.sha256, at: afterRetention, caseId });
    }
    const audits = await purgeAudits(caseId);
    expect(audits).toHaveLength(2);
    expect(audits.map((a) => a.actorId)).toEqual([null, null]);
    expect(audits.map((a) => a.detail).sort((x, y) => String(x.evidenceId).localeCompare(String(y.evidenceId)))).toEqual(
      stored.map((f) => ({ evidenceId: f.id, sha256: f.sha256 })).sort((x, y) => x.evidenceId.localeCompare(y.evidenceId)),
    );
  });

  it('leaves evidence alone until the retention period has ended, and never touches an open case', async () => {
    const closed = await closedCaseWithEvidence(1);
    const { id: openCase } = await fileCase(fileCaseInput.parse(intake(schoolId)), { actor: teacher, ip: null, now: new Date('2026-03-02T10:05:00+09:00') });
    const open = await upload(openCase, uploadedAt);

    await purgeExpiredEvidence({ now: new Date(endOfRetention.getTime() - 1), store });
    await purgeExpiredEvidence({ now: new Date('2099-01-01T00:00:00Z'), store });

    expect((await fileRow(open.id)).purgedAt).toBeNull();
    expect(await onDisk(open.storageKey)).toBe(true);
    expect(await purgeAudits(openCase)).toHaveLength(0);
    // The closed case was not due at the first run, only at the second.
    expect((await fileRow(closed.stored[0]!.id)).purgedAt).toEqual(new Date('2099-01-01T00:00:00Z'));
  });

  it('a manual legal hold blocks the purge until it is released', async () => {
    const { caseId, stored } = await closedCaseWithEvidence(1);
    const { holdId } = await setLegalHold(
      { caseId, reason: '형사재판 증거로 제출 예정' },
      { actor: head, ip: null, now: new Date('2027-01-05T09:00:00+09:00') },
    );

    expect(await purgeExpiredEvidence({ now: afterRetention, store })).toMatchObject({ purged: 0 });
    expect(await onDisk(stored[0]!.storageKey)).toBe(true);
    expect((await fileRow(stored[0]!.id)).wrappedKey).not.toBeNull();
    expect(await purgeAudits(caseId)).toHaveLength(0);

    await releaseLegalHold({ caseId, holdId }, { actor: head, ip: null, now: afterRetention });
    expect(await purgeExpiredEvidence({ now: afterRetention, store })).toMatchObject({ purged: 1 });
    expect(await onDisk(stored[0]!.storageKey)).toBe(false);
  });

  it('an open administrative appeal or lawsuit blocks the purge with no hold row, and its outcome lifts the block', async () => {
    const { caseId, stored } = await closedCaseWithEvidence(1, ['digital_sex_offence']);
    const appealId = await fileAppealForTest(caseId, head, new Date('2026-07-20T10:00:00+09:00'));

    expect(await purgeExpiredEvidence({ now: afterRetention, store })).toMatchObject({ purged: 0 });
    expect(await onDisk(stored[0]!.storageKey)).toBe(true);
    expect((await fileRow(stored[0]!.id)).purgedAt).toBeNull();

    await decideAppealForTest(appealId, new Date('2027-02-01T10:00:00+09:00'));
    expect(await purgeExpiredEvidence({ now: afterRetention, store })).toMatchObject({ purged: 1 });
    expect(await onDisk(stored[0]!.storageKey)).toBe(false);
  });

  it('running twice, in turn or at the same time, purges each file once', async () => {
    const { caseId, stored } = await closedCaseWithEvidence(3);
    const [a, b] = await Promise.all([purgeExpiredEvidence({ now: afterRetention, store }), purgeExpiredEvidence({ now: afterRetention, store })]);
    expect(a.purged + b.purged).toBe(3);
    expect(a.failed + b.failed).toBe(0);
    const again = await purgeExpiredEvidence({ now: new Date(afterRetention.getTime() + 86_400_000), store });
    expect(again).toEqual({ dueCases: 0, purged: 0, skipped: 0, failed: 0 });

    for (const f of stored) {
      expect((await custody(f.id)).filter((c) => c.action === 'purged')).toHaveLength(1);
      expect((await fileRow(f.id)).purgedAt).toEqual(afterRetention);
    }
    expect(await purgeAudits(caseId)).toHaveLength(3);
  });

  it('a store that fails to delete leaves the file untouched and unaudited, to be retried', async () => {
    const { caseId, stored } = await closedCaseWithEvidence(1);
    const broken = { put: store.put.bind(store), get: store.get.bind(store), delete: () => Promise.reject(new Error('store unavailable')) };
    const errors = console.error;
    console.error = () => {};
    try {
      expect(await purgeExpiredEvidence({ now: afterRetention, store: broken })).toMatchObject({ purged: 0, failed: 1 });
    } finally {
      console.error = errors;
    }
    expect(await fileRow(stored[0]!.id)).toMatchObject({ purgedAt: null, storageKey: stored[0]!.storageKey });
    expect((await custody(stored[0]!.id)).map((c) => c.action)).toEqual(['uploaded']);
    expect(await purgeAudits(caseId)).toHaveLength(0);
    expect(await purgeExpiredEvidence({ now: afterRetention, store })).toMatchObject({ purged: 1 });
  });
});
