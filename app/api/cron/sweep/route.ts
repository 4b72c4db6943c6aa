import { env } from '@/lib/env';
import { bearerMatches } from '@/lib/notifications/cron-auth';
import { deliverOutbox, runSweep } from '@/lib/notifications/sweep';
import { purgeExpiredEvidence } from '@/lib/evidence/purge';
import { sweepTakedownReminders } from '@/lib/takedowns/reminders';
import { errorJson, errorResponse, NO_STORE } from '@/lib/http/route';

export const dynamic = 'force-dynamic';

/**
 * For an external scheduler: one notification sweep, one takedown reminder
 * sweep, one outbox delivery and one evidence retention purge.
 * Without CRON_SECRET configured the route does not exist (404); a wrong or
 * missing bearer token is 401. Overlapping calls are safe (see runSweep).
 */
export async function POST(request: Request) {
  const { CRON_SECRET } = env();
  if (!CRON_SECRET) return errorJson('not_found');
  if (!bearerMatches(request.headers.get('authorization'), CRON_SECRET)) {
    return errorJson('unauthenticated', { ...NO_STORE, 'www-authenticate': 'Bearer' });
  }
  try {
    const sweep = await runSweep(new Date());
    const reminders = await sweepTakedownReminders(new Date());
    const delivery = await deliverOutbox(new Date());
    const purge = await purgeExpiredEvidence({ now: new Date() });
    // `notifications` and `emails` count everything this call created: deadline notices and takedown reminders.
    return Response.json(
      {
        cases: sweep.cases,
        notifications: sweep.notifications + reminders.notifications,
        emails: sweep.emails + reminders.emails,
        ...delivery,
        evidencePurged: purge.purged,
      },
      { headers: NO_STORE },
    );
  } catch (e) {
    return errorResponse(e, { where: 'cron sweep' });
  }
}
