import { canAs } from '@/lib/auth/permissions';
import type { Actor, Role } from '@/lib/auth/roles';
import { canViewCase, type CaseRef } from '@/lib/cases/access';
import { caseResource } from '@/lib/cases/workflow';

/**
 * The people who chase a takedown: the school that handles the case and the
 * office's investigator and secretary. Committee members decide measures and
 * auditors check the process; neither needs the address of abuse material,
 * and since October 2024 even viewing it is an offence, so the fewer eyes the
 * better. Admins run accounts, not cases.
 */
export const TAKEDOWN_ROLES = ['school_staff', 'school_head', 'investigator', 'committee_secretary'] as const satisfies readonly Role[];

/** Records locations and requests and changes their status. */
export function mayManageTakedowns(actor: Actor, c: CaseRef): boolean {
  return canViewCase(actor, c) && canAs(actor, TAKEDOWN_ROLES, caseResource(c));
}

/**
 * Sees the URL, who first saw it and the notes. The same people who act on
 * it: everyone else who may open the case sees platforms, dates and statuses.
 */
export const maySeeTakedownDetails = mayManageTakedowns;
