import { can, canAs, PERMISSIONS } from '@/lib/auth/permissions';
import { OFFICE_ROLES, SCHOOL_ROLES, type Actor, type Role } from '@/lib/auth/roles';
import { canSeeIdentities, canViewCase } from '@/lib/cases/access';
import { caseResource } from '@/lib/cases/workflow';

/**
 * Who may do what around the committee, as pure functions of the actor's
 * grants. (The lead may fold these into lib/auth/permissions as
 * `committee.manage_members` and friends.)
 */

type CaseRef = import('@/lib/cases/access').CaseRef;

const POOL_MANAGERS = PERMISSIONS['committee.manage_members'];
/** Act 21: the hearing's texts stay with the committee. */
const RECORD_READERS = ['committee_secretary', 'committee_member', 'admin'] as const satisfies readonly Role[];
const INVITE_ROLES = [...OFFICE_ROLES, ...SCHOOL_ROLES] as const satisfies readonly Role[];

/** The office's committee secretary, or an admin for any office. */
export function canManageMembers(actor: Actor, officeId: string): boolean {
  return can(actor, 'committee.manage_members', { kind: 'office', officeId });
}

/** The offices whose pool the actor manages: every office for an admin. */
export function managedOffices(actor: Actor): { all: boolean; officeIds: string[] } {
  const grants = actor.grants.filter((g) => (POOL_MANAGERS as readonly Role[]).includes(g.role));
  return { all: grants.some((g) => g.role === 'admin'), officeIds: [...new Set(grants.flatMap((g) => (g.officeId ? [g.officeId] : [])))] };
}

/** The invite goes to people working the case: school staff of its school and the office's people, never to a bare admin. */
export function canDownloadHearingInvite(actor: Actor, c: CaseRef): boolean {
  return canViewCase(actor, c) && canAs(actor, INVITE_ROLES, caseResource(c));
}

/** Statements, expert opinion and minutes: the committee of the case's office and admins. */
export function canReadHearingRecord(actor: Actor, c: CaseRef): boolean {
  return canSeeIdentities(actor, c) && canAs(actor, RECORD_READERS, { kind: 'office', officeId: c.officeId });
}
