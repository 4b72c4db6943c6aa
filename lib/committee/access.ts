import { can, PERMISSIONS, queryScope } from '@/lib/auth/permissions';
import type { Actor } from '@/lib/auth/roles';
import { canSeeIdentities, canViewCase, type CaseRef } from '@/lib/cases/access';
import { caseResource } from '@/lib/cases/workflow';

/**
 * Who may do what around the committee, as pure functions of the actor's
 * grants. The roles stand in the catalogue (lib/auth/permissions.ts,
 * `committee.*`); these add the place and the case.
 */

/** The office's committee secretary, or an admin for any office. */
export function canManageMembers(actor: Actor, officeId: string): boolean {
  return can(actor, 'committee.manage_members', { kind: 'office', officeId });
}

/** The offices whose pool the actor manages: every office for an admin. */
export function managedOffices(actor: Actor): { all: boolean; officeIds: string[] } {
  const { all, officeIds } = queryScope(actor, PERMISSIONS['committee.manage_members']);
  return { all, officeIds };
}

/** The invite goes to people working the case: school staff of its school and the office's people, never to a bare admin. */
export function canDownloadHearingInvite(actor: Actor, c: CaseRef): boolean {
  return canViewCase(actor, c) && can(actor, 'committee.download_invite', caseResource(c));
}

/** Statements, expert opinion and minutes (Act 21): the committee of the case's office and admins. */
export function canReadHearingRecord(actor: Actor, c: CaseRef): boolean {
  return canSeeIdentities(actor, c) && can(actor, 'committee.read_hearing_record', { kind: 'office', officeId: c.officeId });
}
