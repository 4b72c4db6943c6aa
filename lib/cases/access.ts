import { can } from '@/lib/auth/permissions';
import type { Actor } from '@/lib/auth/roles';
import { caseResource } from './workflow';

type CaseRef = { schoolId: string; officeId: string; restricted: boolean; createdBy: string };

/**
 * Who may open a case. A restricted (sexual) case narrows to its team: the
 * staff member who filed it, the school head, the office's investigator and
 * committee secretary, and admins; other staff of the same school get a 404.
 */
export function canViewCase(actor: Actor, c: CaseRef): boolean {
  const where = caseResource(c);
  if (!can(actor, 'case.view', where)) return false;
  if (!c.restricted) return true;
  if (actor.userId === c.createdBy) return true;
  return actor.grants.some(
    (g) =>
      g.role === 'admin' ||
      (g.role === 'school_head' && g.schoolId === c.schoolId) ||
      ((g.role === 'investigator' || g.role === 'committee_secretary') && g.officeId === c.officeId),
  );
}

/** Names and contacts, as opposed to pseudonyms. */
export function canSeeIdentities(actor: Actor, c: CaseRef): boolean {
  return canViewCase(actor, c) && can(actor, 'case.view_identities', caseResource(c));
}
