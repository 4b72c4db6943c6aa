import 'server-only';
import { and, asc, desc, eq, ilike, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { db, type Tx } from '@/db/client';
import { getCaseRow } from '@/db/queries/cases';
import { cases, caseTeamMembers, offices, roleGrants, schools, users } from '@/db/schema';
import { can } from '@/lib/auth/permissions';
import type { Actor, Grant, Role } from '@/lib/auth/roles';
import type { CaseStatus } from '@/lib/cases/constants';
import { DomainError } from '@/lib/errors';
import type { Ctx } from './ctx';
import type { AddTeamMemberData, RemoveTeamMemberData } from './schemas';
import { activeTeamIds, addTeamMembers, removeTeamMembers, type TeamRole } from './team';
import { caseResource } from './workflow';

/**
 * The admin's side of a restricted case's team. An admin manages who is on
 * it without being on it, so everything here returns the case's number,
 * school and status and the team, never what the case is about.
 */

type Conn = typeof db | Tx;

function assertTeamManager(actor: Actor): void {
  if (!can(actor, 'case.manage_team')) throw new DomainError('forbidden');
}

export type TeamCaseSummary = {
  id: string;
  caseNumber: string;
  status: CaseStatus;
  schoolName: string;
  officeName: string;
  restricted: boolean;
  teamSize: number;
};

export type TeamMemberRow = {
  id: string;
  userId: string;
  name: string;
  email: string;
  teamRole: TeamRole;
  addedAt: Date;
  /** Null when a step brought them (intake, assignment, committee request). */
  addedByName: string | null;
  removedAt: Date | null;
  removedByName: string | null;
  reason: string | null;
};

export type TeamCandidate = { id: string; name: string; email: string; roles: Role[] };

export type CaseTeam = { case: TeamCaseSummary; members: TeamMemberRow[]; candidates: TeamCandidate[] };

const summaryColumns = {
  id: cases.id,
  caseNumber: cases.caseNumber,
  status: cases.status,
  schoolName: schools.name,
  officeName: offices.name,
  restricted: cases.restricted,
  teamSize: sql<number>`coalesce(cardinality(${cases.teamUserIds}), 0)::int`,
};

/** Restricted cases whose number contains `q` (all of them, newest first, without one), for the picker. */
export async function listTeamCases(actor: Actor, q: string | undefined, limit = 30): Promise<TeamCaseSummary[]> {
  assertTeamManager(actor);
  return db
    .select(summaryColumns)
    .from(cases)
    .innerJoin(schools, eq(schools.id, cases.schoolId))
    .innerJoin(offices, eq(offices.id, cases.officeId))
    .where(and(eq(cases.restricted, true), q ? ilike(cases.caseNumber, `%${q.replace(/[%_\\]/g, '\\$&')}%`) : undefined))
    .orderBy(desc(cases.reportedAt), asc(cases.caseNumber))
    .limit(limit);
}

/** The team of one case, with its history and the people who could join it. */
export async function loadCaseTeam(actor: Actor, caseId: string): Promise<CaseTeam | null> {
  assertTeamManager(actor);
  const [found] = await db
    .select({ ...summaryColumns, schoolId: cases.schoolId, officeId: cases.officeId })
    .from(cases)
    .innerJoin(schools, eq(schools.id, cases.schoolId))
    .innerJoin(offices, eq(offices.id, cases.officeId))
    .where(eq(cases.id, caseId));
  if (!found) return null;
  const { schoolId, officeId, ...summary } = found;
  const addedBy = alias(users, 'added_by_user');
  const removedBy = alias(users, 'removed_by_user');
  const members = await db
    .select({
      id: caseTeamMembers.id,
      userId: caseTeamMembers.userId,
      name: users.name,
      email: users.email,
      teamRole: caseTeamMembers.teamRole,
      addedAt: caseTeamMembers.addedAt,
      addedByName: addedBy.name,
      removedAt: caseTeamMembers.removedAt,
      removedByName: removedBy.name,
      reason: caseTeamMembers.reason,
    })
    .from(caseTeamMembers)
    .innerJoin(users, eq(users.id, caseTeamMembers.userId))
    .leftJoin(addedBy, eq(addedBy.id, caseTeamMembers.addedBy))
    .leftJoin(removedBy, eq(removedBy.id, caseTeamMembers.removedBy))
    .where(eq(caseTeamMembers.caseId, caseId))
    .orderBy(sql`${caseTeamMembers.removedAt} is not null`, asc(caseTeamMembers.addedAt), asc(users.name));
  const onTeam = new Set(members.filter((m) => m.removedAt === null).map((m) => m.userId));
  const candidates = (await eligibleUsers(db, { schoolId, officeId })).filter((u) => !onTeam.has(u.id));
  return { case: summary, members, candidates };
}

/**
 * Active users whose role and place would let them open the case were it not
 * restricted: the only people an admin may put on its team.
 */
async function eligibleUsers(conn: Conn, c: { schoolId: string; officeId: string }, only?: string): Promise<TeamCandidate[]> {
  const rows = await conn
    .select({ id: users.id, name: users.name, email: users.email, role: roleGrants.role, schoolId: roleGrants.schoolId, officeId: roleGrants.officeId })
    .from(users)
    .innerJoin(roleGrants, eq(roleGrants.userId, users.id))
    .where(
      and(
        eq(users.active, true),
        only ? eq(users.id, only) : undefined,
        or(eq(roleGrants.role, 'admin'), eq(roleGrants.schoolId, c.schoolId), eq(roleGrants.officeId, c.officeId)),
      ),
    )
    .orderBy(asc(users.name), asc(users.email));
  const byUser = new Map<string, { id: string; name: string; email: string; grants: Grant[] }>();
  for (const r of rows) {
    const u = byUser.get(r.id) ?? { id: r.id, name: r.name, email: r.email, grants: [] };
    u.grants.push({ role: r.role, schoolId: r.schoolId, officeId: r.officeId });
    byUser.set(r.id, u);
  }
  const resource = caseResource(c);
  return [...byUser.values()]
    .filter((u) => can({ userId: u.id, name: u.name, email: u.email, grants: u.grants }, 'case.view', resource))
    .map((u) => ({ id: u.id, name: u.name, email: u.email, roles: [...new Set(u.grants.map((g) => g.role))] }));
}

/** Locks the case and checks it is one whose team can be managed. */
async function lockTeamCase(tx: Tx, caseId: string) {
  const row = await getCaseRow(tx, caseId, { forUpdate: true });
  if (!row) throw new DomainError('not_found');
  if (!row.restricted) throw new DomainError('invalid_transition', 'only a restricted case has a team', { _form: ['notRestricted'] });
  return row;
}

/** An admin puts someone on the team: an active user who could open the case by role and place. */
export async function addCaseTeamMember(input: AddTeamMemberData, { actor, ip, now = new Date() }: Ctx): Promise<void> {
  assertTeamManager(actor);
  await db.transaction(async (tx) => {
    const row = await lockTeamCase(tx, input.caseId);
    const [eligible] = await eligibleUsers(tx, row, input.userId);
    if (!eligible) throw new DomainError('invalid_input', 'user may not view this case', { userId: ['cannotViewCase'] });
    const added = await addTeamMembers(tx, row.id, [{ userId: input.userId, teamRole: 'added' }], {
      chosenBy: actor.userId,
      actorId: actor.userId,
      now,
      ip,
      reason: input.reason ?? null,
    });
    if (added.length === 0) throw new DomainError('invalid_input', 'already on the team', { userId: ['alreadyOnTeam'] });
  });
}

/**
 * An admin takes someone off the team, with a reason. The last member cannot
 * be removed: a restricted case nobody can open would be lost to everyone.
 */
export async function removeCaseTeamMember(input: RemoveTeamMemberData, { actor, ip, now = new Date() }: Ctx): Promise<void> {
  assertTeamManager(actor);
  await db.transaction(async (tx) => {
    const row = await lockTeamCase(tx, input.caseId);
    const active = await activeTeamIds(tx, row.id);
    if (!active.includes(input.userId)) throw new DomainError('invalid_input', 'not on the team', { userId: ['notOnTeam'] });
    if (active.length === 1) throw new DomainError('invalid_transition', 'the last member', { _form: ['lastTeamMember'] });
    await removeTeamMembers(tx, row.id, [input.userId], { chosenBy: actor.userId, actorId: actor.userId, now, ip, reason: input.reason });
  });
}
