import { can } from '@/lib/auth/permissions';
import type { Actor } from '@/lib/auth/roles';
import { caseResource } from './workflow';

/** What an access check needs of a case: where it is, whether it is restricted, and its team. */
export type CaseRef = { schoolId: string; officeId: string; restricted: boolean; teamUserIds: readonly string[] };

/**
 * Who may open a case. A restricted (sexual) case narrows to its named team
 * (case_team_members: the assigned staff, the school head, the investigator,
 * the committee secretary once requested, and whoever an admin added); anyone
 * else, other staff of the same school and admins included, gets a 404.
 */
export function canViewCase(actor: Actor, c: CaseRef): boolean {
  if (!can(actor, 'case.view', caseResource(c))) return false;
  return !c.restricted || c.teamUserIds.includes(actor.userId);
}

/** Names and contacts, as opposed to pseudonyms. */
export function canSeeIdentities(actor: Actor, c: CaseRef): boolean {
  return canViewCase(actor, c) && can(actor, 'case.view_identities', caseResource(c));
}
