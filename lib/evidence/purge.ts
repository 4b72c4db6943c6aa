import 'server-only';
import { and, asc, eq, exists, isNotNull, isNull, sql } from 'drizzle-orm';
import { db } from '@/db/client';
import { appeals, cases, evidenceCustody, evidenceFiles, legalHolds } from '@/db/schema';
import { appendAudit } from '@/lib/audit/append';
import { holdCounts, retentionOfCase } from './holds';
import { evidenceStore, type EvidenceStore } from './storage';

export type PurgeResult = {
  /** Closed cases with stored evidence whose retention is due and not held. */
  dueCases: number;
  purged: number;
  /** Files another run holds, or that were purged or held since they were listed. */
  skipped: number;
  failed: number;
};

/**
 * The retention purge: for every closed case whose period has
 * ended and that nothing holds, deletes each file's ciphertext and its
 * wrapped key, keeping the hash and the custody record, so what existed can
 * be proved without keeping it.
 *
 * One transaction per file, and each re-checks under locks, so a crash or a
 * concurrent run leaves every file either fully purged (bytes, keys, custody
 * row, audit row) or untouched. Concurrent runs share the work: a file row
 * another run holds is skipped (SKIP LOCKED), and a file already purged no
 * longer matches. The case row is read under a share lock, which a legal hold
 * or an appeal being recorded (both lock it for update) waits for, so neither
 * slips in between the re-check and the delete.
 */
export async function purgeExpiredEvidence({ now, store = evidenceStore() }: { now: Date; store?: EvidenceStore }): Promise<PurgeResult> {
  const result: PurgeResult = { dueCases: 0, purged: 0, skipped: 0, failed: 0 };
  for (const caseId of await dueCaseIds(now)) {
    result.dueCases += 1;
    const files = await db
      .select({ id: evidenceFiles.id })
      .from(evidenceFiles)
      .where(and(eq(evidenceFiles.caseId, caseId), isNull(evidenceFiles.purgedAt)))
      .orderBy(asc(evidenceFiles.uploadedAt));
    for (const file of files) {
      try {
        result[(await purgeOne(caseId, file.id, now, store)) ? 'purged' : 'skipped'] += 1;
      } catch (e) {
        // One unreadable store entry must not stop the others; the file stays as it was and is retried next run.
        console.error(`[evidence-purge] file ${file.id} failed`, e);
        result.failed += 1;
      }
    }
  }
  return result;
}

/** Closed cases with unpurged files whose retention is due at `now`, by the same rule the case page shows. */
async function dueCaseIds(now: Date): Promise<string[]> {
  const rows = await db
    .select({
      id: cases.id,
      status: cases.status,
      closedAt: cases.closedAt,
      reportedAt: cases.reportedAt,
      openAppeals: sql<number>`(select count(*)::int from ${appeals} where ${appeals.caseId} = ${cases.id} and ${appeals.outcome} = 'pending')`,
      activeHolds: sql<number>`(select count(*)::int from ${legalHolds} where ${legalHolds.caseId} = ${cases.id} and ${legalHolds.releasedAt} is null)`,
    })
    .from(cases)
    .where(
      and(
        eq(cases.status, 'closed'),
        isNotNull(cases.closedAt),
        exists(
          db
            .select({ one: sql`1` })
            .from(evidenceFiles)
            .where(and(eq(evidenceFiles.caseId, cases.id), isNull(evidenceFiles.purgedAt))),
        ),
      ),
    )
    .orderBy(asc(cases.closedAt));
  return rows.filter((c) => retentionOfCase(c, c, now).kind === 'due').map((c) => c.id);
}

/** Purges one file if it is still unpurged, unlocked and due; false when it was skipped. */
async function purgeOne(caseId: string, fileId: string, now: Date, store: EvidenceStore): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [c] = await tx
      .select({ status: cases.status, closedAt: cases.closedAt, reportedAt: cases.reportedAt })
      .from(cases)
      .where(eq(cases.id, caseId))
      .for('share', { skipLocked: true });
    if (!c) return false;
    const [file] = await tx
      .select({ id: evidenceFiles.id, sha256: evidenceFiles.sha256, storageKey: evidenceFiles.storageKey })
      .from(evidenceFiles)
      .where(and(eq(evidenceFiles.id, fileId), eq(evidenceFiles.caseId, caseId), isNull(evidenceFiles.purgedAt)))
      .for('update', { skipLocked: true });
    if (!file) return false;
    if (retentionOfCase(c, await holdCounts(tx, caseId), now).kind !== 'due') return false;

    // Deleted before the row changes: if the commit then fails, the row still points at a key the store no longer has, and the next run finishes the purge.
    if (file.storageKey) await store.delete(file.storageKey);
    await tx.update(evidenceFiles).set({ storageKey: null, wrappedKey: null, purgedAt: now }).where(eq(evidenceFiles.id, file.id));
    await tx.insert(evidenceCustody).values({ evidenceId: file.id, caseId, action: 'purged', actorId: null, at: now, sha256: file.sha256 });
    await appendAudit(
      tx,
      { action: 'evidence.purged', actorId: null, targetType: 'case', targetId: caseId, detail: { evidenceId: file.id, sha256: file.sha256 } },
      now,
    );
    return true;
  });
}
