/**
 * `npm run demo`: the app on the embedded database with demo data, from a
 * fresh clone. Installs if needed, migrates, seeds, builds, starts.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { DEMO_PASSWORD, DEMO_USERS } from '../db/seed/demo-org';

function sh(cmd: string, args: string[], env: NodeJS.ProcessEnv = process.env) {
  const r = spawnSync(cmd, args, { stdio: 'inherit', env });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

const port = process.env.PORT ?? '3000';
if (!existsSync('.next/BUILD_ID') || process.argv.includes('--build')) sh('node_modules/.bin/next', ['build']);

console.log(`\nDolbom is starting at http://127.0.0.1:${port}\nDemo sign-ins (password ${DEMO_PASSWORD}):`);
for (const u of DEMO_USERS) console.log(`  ${u.email.padEnd(28)} ${u.grants.map((g) => g.role).join(', ')}`);
console.log('');
sh('node_modules/.bin/tsx', ['scripts/with-db.ts', '--seed', '--', 'node_modules/.bin/next', 'start', '-H', '127.0.0.1', '-p', port], {
  ...process.env,
  DOLBOM_DEMO: '1',
  PORT: port,
});
