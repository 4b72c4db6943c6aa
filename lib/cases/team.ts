import 'server-only';
import { and, asc, eq, inArray, isNull, ne, sql } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { cases, caseTeamMembers, roleGrants, users } from '@/db/schema';
import { appendAudit } from '@/lib/audit/append';

/**
 * The named team of a restricted (sexual) case: who is on it, with the
 * history of every change in `case_team_members` and the active ids copied
 * into `cases.team_user_ids` in the same transaction.
 *
 * Every change writes `case.team_member_added` / `case.team_member_removed`
 * in the caller's transaction. The audit row's actor is always the person
 * whose action caused the change: the admin who added someone, but also the
 * teacher whose filing seeded the team, the investigator whose assignment
 * narrowed it and the head whose committee request brought the secretaries
 * in. The row's `added_by`/`removed_by` says whether a person chose the
 * member (the admin) or the system did (null); the reason names the step.
 */

export type TeamRole = (typeof caseTeamMembers.teamRole.enumValues)[number];
export type NewTeamMember = { userId: string; teamRole: TeamRole };

/** Reasons the system records for its own changes; the admin page translates them (team.reasons.*). */
export const SYSTEM_TEAM_REASONS = {
  intake: 'intake',
  investigatorAssigned: 'investigator assigned',
  anotherInvestigatorAssigned: 'another investigator assigned',
  committeeRequested: 'committee requested',
} as const;

/** Who caused a change, for the history row and the audit row. */
export type TeamChangeBy = {
  /** The person who chose this member (an admin); null when a step brought the change. */
  chosenBy: string | null;
  /** The acting user whose request caused the change: the audit row's actor. */
  actorId: string | null;
  now: Date;
  ip?: string | null;
  reason: string | null;
};

/**
 * Adds members to a case's team, skipping those already on it, rewrites
 * `cases.team_user_ids` and audits each addition, all in the caller's
 * transaction. Returns the members actually added.
 */
export async function addTeamMembers(tx: Tx, caseId: string, members: readonly NewTeamMember[], by: TeamChangeBy): Promise<NewTeamMember[]> {
  const active = await activeTeamIds(tx, caseId);
  const seen = new Set(active);
  const fresh = members.filter((m) => (seen.has(m.userId) ? false : (seen.add(m.userId), true)));
  if (fresh.length === 0) return fresh;
  await tx
    .insert(caseTeamMembers)
    .values(fresh.map((m) => ({ caseId, userId: m.userId, teamRole: m.teamRole, addedBy: by.chosenBy, addedAt: by.now, reason: by.reason })));
  await syncTeamUserIds(tx, caseId);
  for (const m of fresh) {
    await appendAudit(
      tx,
      {
        action: 'case.team_member_added',
        actorId: by.actorId,
        targetType: 'case',
        targetId: caseId,
        ip: by.ip ?? null,
        detail: { userId: m.userId, teamRole: m.teamRole, reason: by.reason },
      },
      by.now,
    );
  }
  return fresh;
}

/**
 * Ends the active membership of these users (the history row stays, with
 * who removed it, when and why), rewrites `cases.team_user_ids` and audits
 * each removal. Returns the ids actually removed.
 */
export async function removeTeamMembers(tx: Tx, caseId: string, userIds: readonly string[], by: TeamChangeBy & { reason: string }): Promise<string[]> {
  if (userIds.length === 0) return [];
  const removed = await tx
    .update(caseTeamMembers)
    .set({ removedAt: by.now, removedBy: by.chosenBy, reason: by.reason })
    .where(and(eq(caseTeamMembers.caseId, caseId), inArray(caseTeamMembers.userId, [...userIds]), isNull(caseTeamMembers.removedAt)))
    .returning({ userId: caseTeamMembers.userId });
  const ids = [...new Set(removed.map((r) => r.userId))];
  if (ids.length === 0) return ids;
  await syncTeamUserIds(tx, caseId);
  for (const userId of ids) {
    await appendAudit(
      tx,
      {
        action: 'case.team_member_removed',
        actorId: by.actorId,
        targetType: 'case',
        targetId: caseId,
        ip: by.ip ?? null,
        detail: { userId, reason: by.reason },
      },
      by.now,
    );
  }
  return ids;
}

/** The ids of the active members, from the history table. */
export async function activeTeamIds(tx: Tx, caseId: string): Promise<string[]> {
  const rows = await tx
    .select({ userId: caseTeamMembers.userId })
    .from(caseTeamMembers)
    .where(and(eq(caseTeamMembers.caseId, caseId), isNull(caseTeamMembers.removedAt)));
  return rows.map((r) => r.userId);
}

/** The active members by name and team role, for the case page of a restricted case (its team sees who else is on it). */
export async function activeTeam(tx: Tx, caseId: string): Promise<{ userId: string; name: string; teamRole: TeamRole }[]> {
  return tx
    .select({ userId: caseTeamMembers.userId, name: users.name, teamRole: caseTeamMembers.teamRole })
    .from(caseTeamMembers)
    .innerJoin(users, eq(users.id, caseTeamMembers.userId))
    .where(and(eq(caseTeamMembers.caseId, caseId), isNull(caseTeamMembers.removedAt)))
    .orderBy(asc(caseTeamMembers.addedAt), asc(users.name));
}

/** Rewrites the denormalized `cases.team_user_ids` from the active member rows. */
export async function syncTeamUserIds(tx: Tx, caseId: string): Promise<void> {
  await tx
    .update(cases)
    .set({
      teamUserIds: sql`array(select distinct ${caseTeamMembers.userId} from ${caseTeamMembers} where ${caseTeamMembers.caseId} = ${caseId} and ${caseTeamMembers.removedAt} is null)`,
    })
    .where(eq(cases.id, caseId));
}

/** Active users holding a role at a school or an office: the people a step brings onto a team. */
export async function usersWithRole(
  tx: Tx,
  where: { role: 'school_head' | 'investigator' | 'committee_secretary'; schoolId?: string; officeId?: string },
): Promise<string[]> {
  const rows = await tx
    .selectDistinct({ userId: roleGrants.userId })
    .from(roleGrants)
    .innerJoin(users, eq(users.id, roleGrants.userId))
    .where(
      and(
        eq(roleGrants.role, where.role),
        eq(users.active, true),
        where.schoolId ? eq(roleGrants.schoolId, where.schoolId) : undefined,
        where.officeId ? eq(roleGrants.officeId, where.officeId) : undefined,
      ),
    );
  return rows.map((r) => r.userId);
}

type StepBy = { actorId: string; now: Date; ip?: string | null };

/**
 * The team a restricted case starts with: the staff member who filed it, the
 * school's head, and the office's investigators until one is assigned (one
 * of them must open the case to take it on).
 */
export async function seedTeamAtIntake(tx: Tx, c: { id: string; schoolId: string; officeId: string; createdBy: string }, by: StepBy): Promise<void> {
  const [heads, investigators] = await Promise.all([
    usersWithRole(tx, { role: 'school_head', schoolId: c.schoolId }),
    usersWithRole(tx, { role: 'investigator', officeId: c.officeId }),
  ]);
  await addTeamMembers(
    tx,
    c.id,
    [
      { userId: c.createdBy, teamRole: 'assigned_staff' },
      ...heads.map((userId) => ({ userId, teamRole: 'school_head' as const })),
      ...investigators.map((userId) => ({ userId, teamRole: 'investigator' as const })),
    ],
    { chosenBy: null, actorId: by.actorId, now: by.now, ip: by.ip ?? null, reason: SYSTEM_TEAM_REASONS.intake },
  );
}

/**
 * Once an investigator is assigned, the team keeps that one: the other
 * investigators the system brought in (at intake, or by an earlier
 * assignment) leave. Investigators an admin added by hand stay, because a
 * person chose them.
 */
export async function narrowToAssignedInvestigator(tx: Tx, caseId: string, investigatorId: string, by: StepBy): Promise<void> {
  const common = { chosenBy: null, actorId: by.actorId, now: by.now, ip: by.ip ?? null };
  await addTeamMembers(tx, caseId, [{ userId: investigatorId, teamRole: 'investigator' }], { ...common, reason: SYSTEM_TEAM_REASONS.investigatorAssigned });
  const others = await tx
    .select({ userId: caseTeamMembers.userId })
    .from(caseTeamMembers)
    .where(
      and(
        eq(caseTeamMembers.caseId, caseId),
        eq(caseTeamMembers.teamRole, 'investigator'),
        isNull(caseTeamMembers.addedBy),
        isNull(caseTeamMembers.removedAt),
        ne(caseTeamMembers.userId, investigatorId),
      ),
    );
  await removeTeamMembers(
    tx,
    caseId,
    others.map((o) => o.userId),
    { ...common, reason: SYSTEM_TEAM_REASONS.anotherInvestigatorAssigned },
  );
}

/** A committee request (or a reopening) brings the office's committee secretaries onto the team. */
export async function addCommitteeSecretaries(tx: Tx, c: { id: string; officeId: string }, by: StepBy): Promise<void> {
  const secretaries = await usersWithRole(tx, { role: 'committee_secretary', officeId: c.officeId });
  await addTeamMembers(
    tx,
    c.id,
    secretaries.map((userId) => ({ userId, teamRole: 'committee_secretary' as const })),
    { chosenBy: null, actorId: by.actorId, now: by.now, ip: by.ip ?? null, reason: SYSTEM_TEAM_REASONS.committeeRequested },
  );
}

/**
 * The team changes a workflow step brings on a restricted case, run by
 * `applyStep` in the step's transaction: an assignment narrows the
 * investigators, a committee request adds the secretaries.
 */
export async function teamAfterStep(
  tx: Tx,
  c: { id: string; officeId: string; restricted: boolean },
  event: { type: string; data: Record<string, unknown> },
  by: StepBy,
): Promise<void> {
  if (!c.restricted) return;
  if (event.type === 'investigator_assigned' && typeof event.data.investigatorId === 'string')
    await narrowToAssignedInvestigator(tx, c.id, event.data.investigatorId, by);
  if (event.type === 'committee_requested') await addCommitteeSecretaries(tx, c, by);
}
