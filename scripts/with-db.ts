/**
 * The launcher behind `npm start`, `npm run dev`, `db:*` and the tests.
 *
 *   tsx scripts/with-db.ts [--migrate] [--seed] [--test] [-- command args…]
 *
 * Without DATABASE_URL it starts the embedded PostgreSQL under .data/ and
 * points the command at it; with DATABASE_URL it uses that server. Outside
 * production it also supplies the development secrets kept in .data/.
 */
import { spawn } from 'node:child_process';
import { migrateDatabase } from '../db/migrate';
import { loadDevSecrets, startEmbedded, type RunningDb } from './lib/embedded';

async function main() {
  const argv = process.argv.slice(2);
  const sep = argv.indexOf('--');
  const flags = new Set(sep === -1 ? argv : argv.slice(0, sep));
  const command = sep === -1 ? [] : argv.slice(sep + 1);

  let embedded: RunningDb | undefined;
  if (!process.env.DATABASE_URL) {
    embedded = flags.has('--test')
      ? await startEmbedded({ name: 'pg-test', port: 54339, database: 'dolbom_test', fast: true })
      : await startEmbedded({ name: 'pg', port: 54329, database: 'dolbom' });
    process.env.DATABASE_URL = embedded.url;
    process.env.DOLBOM_ADMIN_DATABASE_URL ??= embedded.adminUrl;
    console.error(`[dolbom] embedded PostgreSQL at ${embedded.url.replace(/:[^:@/]+@/, ':***@')}`);
  }
  if (process.env.NODE_ENV !== 'production') {
    const secrets = loadDevSecrets();
    process.env.AUTH_SECRET ??= secrets.authSecret;
    process.env.DOLBOM_ENCRYPTION_KEY ??= secrets.encryptionKey;
  }
  process.env.NEXTAUTH_URL ??= `http://127.0.0.1:${process.env.PORT ?? '3000'}`;

  let code = 0;
  try {
    if (flags.has('--migrate') || flags.has('--seed')) {
      await migrateDatabase(process.env.DATABASE_URL);
      console.error('[dolbom] migrations applied');
    }
    if (flags.has('--seed')) {
      code = await run(['tsx', '--conditions=react-server', 'db/seed/index.ts']);
    }
    if (code === 0 && command.length > 0) code = await run(command);
  } finally {
    await embedded?.stop();
  }
  process.exit(code);
}

function run(cmd: string[]): Promise<number> {
  return new Promise((resolve) => {
    const [bin, ...args] = cmd;
    const child = spawn(bin!, args, { stdio: 'inherit', env: process.env });
    const forward = (sig: NodeJS.Signals) => child.kill(sig);
    process.on('SIGINT', forward);
    process.on('SIGTERM', forward);
    child.on('exit', (code, signal) => {
      process.off('SIGINT', forward);
      process.off('SIGTERM', forward);
      resolve(code ?? (signal ? 1 : 0));
    });
  });
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
