/**
 * `npm run audit:backfill`: fills the audit dashboard's tables for cases
 * whose events changed before they existed (migration 0004_audit_stats),
 * and rebuilds the monthly rollups from the per-case rows. Safe to run again
 * and while the app runs: each case is locked and stored as refreshDeadlines
 * would, and the rollups are rebuilt in one transaction that the app's
 * refreshes wait for.
 */
import { asc, eq, gt } from 'drizzle-orm';
import { closeDb, db } from '@/db/client';
import { loadExtraHolidays } from '@/db/queries/cases';
import { caseEvents, cases } from '@/db/schema';
import { caseDeadlines } from '@/lib/cases/deadlines';
import { rebuildAuditRollups, storeAuditStats } from './store';

const BATCH = 500;

export async function backfillAuditStats(log: (m: string) => void = () => {}, now: () => Date = () => new Date()): Promise<number> {
  const extraHolidays = await loadExtraHolidays(db);
  let done = 0;
  let after = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const batch = await db.select({ id: cases.id }).from(cases).where(gt(cases.id, after)).orderBy(asc(cases.id)).limit(BATCH);
    if (batch.length === 0) break;
    for (const { id } of batch) {
      await db.transaction(async (tx) => {
        const [row] = await tx.select().from(cases).where(eq(cases.id, id)).for('update');
        if (!row) return;
        const events = await tx
          .select({ id: caseEvents.id, type: caseEvents.type, occurredAt: caseEvents.occurredAt, data: caseEvents.data })
          .from(caseEvents)
          .where(eq(caseEvents.caseId, id));
        const at = now();
        const deadlines = caseDeadlines({ reportedAt: row.reportedAt, categories: row.categories, events, extraHolidays }, at);
        await storeAuditStats(tx, { caseRow: row, events, deadlines, now: at });
      });
    }
    done += batch.length;
    after = batch.at(-1)!.id;
    log(`${done} cases`);
  }
  await db.transaction((tx) => rebuildAuditRollups(tx));
  return done;
}

if (require.main === module) {
  backfillAuditStats((m) => console.info(`[audit:backfill] ${m}`))
    .then(async (n) => {
      console.info(`[audit:backfill] ${n} cases stored, rollups rebuilt`);
      await closeDb();
    })
    .catch(async (e) => {
      console.error(e);
      await closeDb();
      process.exit(1);
    });
}
