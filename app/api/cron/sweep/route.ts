import { env } from '@/lib/env';
import { bearerMatches } from '@/lib/notifications/cron-auth';
import { deliverOutbox, runSweep } from '@/lib/notifications/sweep';
import { purgeExpiredEvidence } from '@/lib/evidence/purge';
import { sweepTakedownReminders } from '@/lib/takedowns/reminders';

export const dynamic = 'force-dynamic';

const noStore = { 'cache-control': 'no-store' };

/**
 * For an external scheduler: one notification sweep, one takedown reminder
 * sweep, one outbox delivery and one evidence retention purge.
 * Without CRON_SECRET configured the route does not exist (404); a wrong or
 * missing bearer token is 401. Overlapping calls are safe (see runSweep).
 */
export async function POST(request: Request) {
  const { CRON_SECRET } = env();
  if (!CRON_SECRET) return Response.json({ error: 'not_found' }, { status: 404, headers: noStore });
  if (!bearerMatches(request.headers.get('authorization'), CRON_SECRET)) {
    return Response.json({ error: 'unauthenticated' }, { status: 401, headers: { ...noStore, 'www-authenticate': 'Bearer' } });
  }
  try {
    const sweep = await runSweep(new Date());
    const reminders = await sweepTakedownReminders(new Date());
    const delivery = await deliverOutbox(new Date());
    const purge = await purgeExpiredEvidence({ now: new Date() });
    // `notifications` and `emails` count everything this call created: deadline notices and takedown reminders.
    return Response.json(
      { cases: sweep.cases, notifications: sweep.notifications + reminders.notifications, emails: sweep.emails + reminders.emails, ...delivery, evidencePurged: purge.purged },
      { headers: noStore },
    );
  } catch (e) {
    console.error('[cron] sweep failed', e);
    return Response.json({ error: 'unexpected' }, { status: 500, headers: noStore });
  }
}
