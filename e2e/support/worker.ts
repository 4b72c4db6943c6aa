import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const ROOT = path.resolve(__dirname, '..', '..');

export type WorkerRun = { cases: number; notifications: number; queued: number; sent: number; failed: number; output: string };

/**
 * Runs one notification sweep and outbox delivery (scripts/worker.ts) against
 * the e2e database, as `npm run worker` would in production, and returns the
 * counts it printed. `appUrl` becomes NEXTAUTH_URL, which the queued mail links to.
 */
export async function runWorkerOnce(appUrl: string): Promise<WorkerRun> {
  const databaseUrl = process.env.E2E_DATABASE_URL;
  if (!databaseUrl) throw new Error('E2E_DATABASE_URL is not set: run the suite with `npm run test:e2e`');
  const { stdout, stderr } = await run(path.join(ROOT, 'node_modules/.bin/tsx'), ['--conditions=react-server', 'scripts/worker.ts'], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      NODE_ENV: 'production',
      DATABASE_URL: databaseUrl,
      AUTH_SECRET: process.env.AUTH_SECRET,
      DOLBOM_ENCRYPTION_KEY: process.env.DOLBOM_ENCRYPTION_KEY,
      NEXTAUTH_URL: appUrl,
    },
    timeout: 30_000,
    maxBuffer: 16 * 1024 * 1024,
  });
  const output = `${stdout}${stderr}`;
  const line = /\[worker\] \S+ cases=(\d+) notifications=(\d+) queued=(\d+) sent=(\d+) failed=(\d+)/.exec(stdout);
  if (!line) throw new Error(`the worker printed no summary line:\n${output}`);
  const [cases, notifications, queued, sent, failed] = line.slice(1).map(Number) as [number, number, number, number, number];
  return { cases, notifications, queued, sent, failed, output };
}
