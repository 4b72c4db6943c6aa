import 'server-only';
import { eq, inArray } from 'drizzle-orm';
import { db } from '@/db/client';
import { committeeMembers, hearings } from '@/db/schema';
import { applyStep, type Ctx } from '@/lib/cases/service';
import { DomainError } from '@/lib/errors';
import { hearingDateWarning } from './rules';
import { committeeDueAt, currentHearing, invalid, lastEvent, lockCaseForStep } from './hearing-state';
import type { ScheduleHearingData } from './schemas';

/**
 * Schedules the case's hearing, or moves it: date, place and panel. A date
 * after the committee_meeting deadline (21 days, +7 once; MOE guidebook) is
 * allowed only when the secretary confirms it, and the event says so.
 */
export async function scheduleHearing(input: ScheduleHearingData, ctx: Ctx): Promise<{ hearingId: string; afterDeadline: boolean; rescheduled: boolean }> {
  const now = ctx.now ?? new Date();
  const panel = [...new Set(input.panel)];
  return db.transaction(async (tx) => {
    const { row, events } = await lockCaseForStep(tx, input.caseId, ctx.actor, 'schedule_hearing');
    const existing = await currentHearing(tx, row.id, { forUpdate: true });
    if (existing?.status === 'held') throw new DomainError('invalid_transition', 'hearing already held');

    const requested = lastEvent(events, 'committee_requested');
    if (requested && new Date(input.scheduledAt).getTime() < new Date(requested.occurredAt).getTime()) invalid('scheduledAt', 'beforeRequest');

    const members = await tx.select({ id: committeeMembers.id, officeId: committeeMembers.officeId, active: committeeMembers.active }).from(committeeMembers).where(inArray(committeeMembers.id, panel));
    const byId = new Map(members.map((m) => [m.id, m]));
    if (panel.some((id) => byId.get(id)?.officeId !== row.officeId)) invalid('panel', 'unknownMember');
    if (panel.some((id) => !byId.get(id)?.active)) invalid('panel', 'inactiveMember');

    const afterDeadline = hearingDateWarning(input.scheduledAt, await committeeDueAt(tx, row, events, now)) === 'after_deadline';
    if (afterDeadline && !input.acknowledgeLate) invalid('scheduledAt', 'afterDeadline');
    const rescheduled = existing !== null;

    await applyStep(
      tx,
      row.id,
      { type: 'schedule_hearing', occurredAt: now.toISOString(), scheduledAt: input.scheduledAt, location: input.location, panelSize: panel.length, rescheduled, afterDeadline },
      { ...ctx, now },
    );

    const values = { scheduledAt: new Date(input.scheduledAt), location: input.location, panel };
    if (existing) {
      await tx.update(hearings).set(values).where(eq(hearings.id, existing.id));
      return { hearingId: existing.id, afterDeadline, rescheduled };
    }
    const [created] = await tx.insert(hearings).values({ ...values, caseId: row.id, status: 'scheduled', createdBy: ctx.actor.userId, createdAt: now }).returning({ id: hearings.id });
    return { hearingId: created!.id, afterDeadline, rescheduled };
  });
}
