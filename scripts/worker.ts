/**
 * `npm run worker`: one notification sweep, one takedown reminder sweep, one
 * outbox delivery and one evidence retention purge, then exit.
 * `npm run worker -- --loop [--interval=300]` repeats every N seconds until
 * SIGINT/SIGTERM, finishing the run in progress first. Several workers (and
 * the cron route) may run at once: the sweep and the delivery share work
 * through row locks and never notify or send twice.
 */
import { z } from 'zod';
import { closeDb } from '../db/client';
import { deliverOutbox, runSweep } from '../lib/notifications/sweep';
import { purgeExpiredEvidence } from '../lib/evidence/purge';
import { sweepTakedownReminders } from '../lib/takedowns/reminders';

const argsSchema = z.object({
  loop: z.boolean(),
  interval: z.coerce
    .number({ message: '--interval must be a number of seconds' })
    .int('--interval must be whole seconds')
    .min(10, '--interval must be at least 10 seconds')
    .max(86_400, '--interval must be at most a day')
    .default(300),
});

function parseArgs(argv: string[]) {
  const interval = argv.find((a) => a.startsWith('--interval='))?.slice('--interval='.length);
  const unknown = argv.filter((a) => a !== '--loop' && !a.startsWith('--interval='));
  if (unknown.length) throw new Error(`unknown arguments: ${unknown.join(' ')} (use --loop and --interval=<seconds>)`);
  const parsed = argsSchema.safeParse({ loop: argv.includes('--loop'), interval });
  if (!parsed.success) throw new Error(parsed.error.issues.map((i) => i.message).join('; '));
  return parsed.data;
}

async function runOnce() {
  const started = Date.now();
  const sweep = await runSweep(new Date());
  // Before delivery, so this run's reminder mails go out with it.
  const reminders = await sweepTakedownReminders(new Date());
  const delivery = await deliverOutbox(new Date());
  // Evidence of closed cases past its retention, unless a legal hold (or an open appeal) stands.
  const purge = await purgeExpiredEvidence({ now: new Date() });
  console.log(
    `[worker] ${new Date().toISOString()} cases=${sweep.cases} notifications=${sweep.notifications + reminders.notifications} queued=${sweep.emails + reminders.emails} sent=${delivery.sent} failed=${delivery.failed} takedown_reminders=${reminders.notifications} evidence_purged=${purge.purged} (${Date.now() - started} ms)`,
  );
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  if (!args.loop) {
    await runOnce();
    return 0;
  }

  let stopping = false;
  let wake: () => void = () => {};
  const stop = () => {
    stopping = true;
    wake();
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  console.log(`[worker] looping every ${args.interval} s; Ctrl-C to stop`);
  while (!stopping) {
    try {
      await runOnce();
    } catch (e) {
      // One failed run (database restart, SMTP outage) must not stop the loop.
      console.error('[worker] run failed', e);
    }
    if (stopping) break;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, args.interval * 1000);
      wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }
  console.log('[worker] stopped');
  return 0;
}

main()
  .then(async (code) => {
    await closeDb();
    process.exit(code);
  })
  .catch(async (e) => {
    console.error(e);
    await closeDb();
    process.exit(1);
  });
