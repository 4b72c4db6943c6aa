/**
 * `npm run evidence:purge`: one retention purge of closed cases' evidence,
 * then exit. Safe to run beside another purge or the worker: files are
 * claimed with SKIP LOCKED and each is purged once. Exit 1 if any file failed.
 */
import { closeDb } from '../db/client';
import { purgeExpiredEvidence } from '../lib/evidence/purge';

async function main(): Promise<number> {
  const started = Date.now();
  const result = await purgeExpiredEvidence({ now: new Date() });
  await closeDb();
  console.log(
    `[evidence-purge] ${new Date().toISOString()} dueCases=${result.dueCases} purged=${result.purged} skipped=${result.skipped} failed=${result.failed} (${Date.now() - started} ms)`,
  );
  return result.failed > 0 ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(e);
    process.exit(2);
  },
);
