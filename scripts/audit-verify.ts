/** `npm run audit:verify`: walks the hash chain and names the first broken row. Exit 1 if broken. */
import { closeDb, db } from '../db/client';
import { verifyAuditLog } from '../lib/audit/verify';

async function main() {
  const result = await verifyAuditLog(db);
  await closeDb();
  if (result.ok) {
    console.log(`audit log intact: ${result.checked} rows verified`);
    return 0;
  }
  console.error(`audit log BROKEN at row id ${result.brokenId} (${result.reason}); ${result.checked} rows before it verified`);
  return 1;
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(e);
    process.exit(2);
  },
);
