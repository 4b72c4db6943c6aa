/**
 * `npm test`: every check, in order of cost. Without DATABASE_URL it starts one
 * embedded PostgreSQL (throwaway settings) for the integration and e2e stages;
 * with DATABASE_URL it uses that server (CI). In CI it also smoke-tests the
 * embedded path from a fresh data folder. The lint stage is `npm run lint`:
 * eslint, then prettier's format check.
 */
import { spawnSync } from 'node:child_process';
import { startEmbedded, type RunningDb } from './lib/embedded';

type Step = { name: string; cmd: string[]; env?: NodeJS.ProcessEnv };

function run(step: Step): { ok: boolean; seconds: number } {
  const started = Date.now();
  console.log(`\n━━ ${step.name} ━━ ${step.cmd.join(' ')}`);
  const r = spawnSync(step.cmd[0]!, step.cmd.slice(1), { stdio: 'inherit', env: { ...process.env, ...step.env } });
  return { ok: r.status === 0, seconds: Math.round((Date.now() - started) / 1000) };
}

async function main() {
  const bin = (name: string) => `node_modules/.bin/${name}`;
  const results: { name: string; ok: boolean; seconds: number }[] = [];
  const stage = (step: Step) => {
    const r = run(step);
    results.push({ name: step.name, ...r });
    return r.ok;
  };

  let embedded: RunningDb | undefined;
  let ok =
    stage({ name: 'typecheck', cmd: [bin('tsc'), '--noEmit'] }) &&
    stage({ name: 'lint', cmd: ['npm', 'run', 'lint'] }) &&
    stage({ name: 'unit', cmd: [bin('vitest'), 'run', '--project', 'unit'] });

  if (ok) {
    if (!process.env.DATABASE_URL) {
      embedded = await startEmbedded({ name: 'pg-test', port: 54339, database: 'dolbom_test', fast: true });
      process.env.DATABASE_URL = embedded.url;
    }
    try {
      ok =
        stage({ name: 'integration', cmd: [bin('vitest'), 'run', '--project', 'integration'] }) &&
        stage({ name: 'e2e', cmd: [bin('tsx'), 'scripts/e2e.ts', '--build'] });
    } finally {
      await embedded?.stop();
    }
  }
  if (ok && (process.env.CI || process.env.DOLBOM_SMOKE)) {
    ok = stage({ name: 'embedded smoke', cmd: [bin('tsx'), 'scripts/smoke-embedded.ts'] });
  }

  console.log('\n━━ summary ━━');
  for (const r of results) console.log(`${r.ok ? 'PASS' : 'FAIL'}  ${r.name.padEnd(16)} ${r.seconds}s`);
  const passed = results.filter((r) => r.ok).length;
  console.log(`\n${passed} passed, ${results.length - passed} failed`);
  process.exit(ok ? 0 : 1);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
