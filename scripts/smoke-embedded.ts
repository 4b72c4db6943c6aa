/**
 * The embedded path from nothing: a fresh data folder, initdb, migrate, seed,
 * `next start`, and the health route answering. CI runs it after the suite,
 * which itself ran against the server.
 */
import { spawn, spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { migrateDatabase } from '../db/migrate';
import { DATA_DIR, startEmbedded } from './lib/embedded';
import { TEST_SECRETS } from './lib/test-env';

const PORT = 3199;

async function main() {
  const name = 'pg-smoke';
  rmSync(path.join(DATA_DIR, name), { recursive: true, force: true });
  const started = Date.now();
  const pg = await startEmbedded({ name, port: 54349, database: 'dolbom_smoke', fast: true, quiet: true });
  let server: ReturnType<typeof spawn> | undefined;
  try {
    await migrateDatabase(pg.url);
    const env = { ...process.env, ...TEST_SECRETS, DATABASE_URL: pg.url, NEXTAUTH_URL: `http://127.0.0.1:${PORT}` };
    const seeded = spawnSync('node_modules/.bin/tsx', ['--conditions=react-server', 'db/seed/index.ts'], { stdio: 'inherit', env });
    if (seeded.status !== 0) throw new Error('seed failed');
    server = spawn('node_modules/.bin/next', ['start', '-H', '127.0.0.1', '-p', String(PORT)], { stdio: 'ignore', env: { ...env, NODE_ENV: 'production' } });
    const deadline = Date.now() + 60_000;
    for (;;) {
      try {
        const res = await fetch(`http://127.0.0.1:${PORT}/api/health`);
        const body = (await res.json()) as { app: string; database: string };
        if (res.ok && body.database === 'ok') {
          console.log(`embedded smoke: fresh cluster, migrated, seeded, healthy in ${Math.round((Date.now() - started) / 1000)}s`);
          break;
        }
      } catch {
        // not listening yet
      }
      if (Date.now() > deadline) throw new Error('health route did not answer within 60 s');
      await new Promise((r) => setTimeout(r, 500));
    }
  } finally {
    server?.kill('SIGTERM');
    await pg.stop();
    rmSync(path.join(DATA_DIR, name), { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
