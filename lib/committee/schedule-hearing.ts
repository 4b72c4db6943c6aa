import 'server-only';
import { eq, inArray } from 'drizzle-orm';
import { db } from '@/db/client';
import { committeeMembers, hearings } from '@/db/schema';
import { withNow, type Ctx } from '@/lib/cases/ctx';
import { applyStep } from '@/lib/cases/step-engine';
import { hearingDateWarning } from './rules';
import { committeeDueAt, currentHearing, invalid } from './hearing-state';
import type { ScheduleHearingData } from './schemas';

/**
 * Schedules the case's hearing, or moves it: date, place and panel. A date
 * after the committee_meeting deadline (21 days, +7 once; MOE guidebook) is
 * allowed only when the secretary confirms it, and the event says so.
 */
export async function scheduleHearing(input: ScheduleHearingData, context: Ctx): Promise<{ hearingId: string; afterDeadline: boolean; rescheduled: boolean }> {
  const ctx = withNow(context);
  const panel = [...new Set(input.panel)];
  return db.transaction(async (tx) => {
    // The table refuses a date before the committee request (`beforeRequest`) and any scheduling once the hearing is held.
    const {
      row,
      value: { existing, afterDeadline },
    } = await applyStep(
      tx,
      input.caseId,
      { type: 'schedule_hearing', occurredAt: ctx.now.toISOString(), scheduledAt: input.scheduledAt, location: input.location, panelSize: panel.length },
      ctx,
      async (row, events) => {
        const existing = await currentHearing(tx, row.id, { forUpdate: true });
        const members = await tx
          .select({ id: committeeMembers.id, officeId: committeeMembers.officeId, active: committeeMembers.active })
          .from(committeeMembers)
          .where(inArray(committeeMembers.id, panel));
        const byId = new Map(members.map((m) => [m.id, m]));
        if (panel.some((id) => byId.get(id)?.officeId !== row.officeId)) invalid('panel', 'unknownMember');
        if (panel.some((id) => !byId.get(id)?.active)) invalid('panel', 'inactiveMember');

        const afterDeadline = hearingDateWarning(input.scheduledAt, await committeeDueAt(tx, row, events, ctx.now)) === 'after_deadline';
        if (afterDeadline && !input.acknowledgeLate) invalid('scheduledAt', 'afterDeadline');
        return { value: { existing, afterDeadline }, data: { rescheduled: existing !== null, afterDeadline } };
      },
    );
    const rescheduled = existing !== null;

    const values = { scheduledAt: new Date(input.scheduledAt), location: input.location, panel };
    if (existing) {
      await tx.update(hearings).set(values).where(eq(hearings.id, existing.id));
      return { hearingId: existing.id, afterDeadline, rescheduled };
    }
    const [created] = await tx
      .insert(hearings)
      .values({ ...values, caseId: row.id, status: 'scheduled', createdBy: ctx.actor.userId, createdAt: ctx.now })
      .returning({ id: hearings.id });
    return { hearingId: created!.id, afterDeadline, rescheduled };
  });
}
