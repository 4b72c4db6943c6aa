import { can } from '@/lib/auth/permissions';
import type { Actor } from '@/lib/auth/roles';
import { canViewCase, type CaseRef } from '@/lib/cases/access';
import { caseResource } from '@/lib/cases/workflow';

/**
 * Records locations and requests and changes their status: the catalogue's
 * `takedown.manage` (lib/auth/permissions.ts), on a case the actor may open.
 * Since October 2024 even viewing abuse material is an offence, so the fewer
 * eyes on its address the better.
 */
export function mayManageTakedowns(actor: Actor, c: CaseRef): boolean {
  return canViewCase(actor, c) && can(actor, 'takedown.manage', caseResource(c));
}

/**
 * Sees the URL, who first saw it and the notes. The same people who act on
 * it: everyone else who may open the case sees platforms, dates and statuses.
 */
export const maySeeTakedownDetails = mayManageTakedowns;
