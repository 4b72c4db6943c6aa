import { canAs } from '@/lib/auth/permissions';
import type { Actor, Role } from '@/lib/auth/roles';
import { canViewCase, type CaseRef } from '@/lib/cases/access';
import { caseResource } from '@/lib/cases/workflow';

/**
 * Who may do what in a case's evidence vault. Opening the case comes first
 * (a restricted case narrows to its team); then the role decides. Auditors
 * and admins are left out entirely: an auditor checks the process from the
 * custody record, never the material, and possessing or viewing sexual
 * imagery of a minor is itself an offence, so the set of eyes stays as
 * small as the work allows.
 */

/** May see the list and open a file with a reason (committee members judge the case on it). */
export const EVIDENCE_VIEW_ROLES = ['school_staff', 'school_head', 'investigator', 'committee_secretary', 'committee_member'] as const satisfies readonly Role[];
/** The school and the office's working roles; a committee member decides, it does not collect. */
export const EVIDENCE_UPLOAD_ROLES = ['school_staff', 'school_head', 'investigator', 'committee_secretary'] as const satisfies readonly Role[];
/** A copy leaving the system is the riskiest access: only the office's investigator and committee secretary. */
export const EVIDENCE_DOWNLOAD_ROLES = ['investigator', 'committee_secretary'] as const satisfies readonly Role[];

export type EvidenceCaseRef = CaseRef;
export type EvidenceRights = { view: boolean; upload: boolean; download: boolean; markSensitive: boolean };

export function evidenceRights(actor: Actor, c: EvidenceCaseRef): EvidenceRights {
  const none = { view: false, upload: false, download: false, markSensitive: false };
  if (!canViewCase(actor, c)) return none;
  const view = canAs(actor, EVIDENCE_VIEW_ROLES, caseResource(c));
  if (!view) return none;
  const upload = canAs(actor, EVIDENCE_UPLOAD_ROLES, caseResource(c));
  return {
    view,
    upload,
    download: canAs(actor, EVIDENCE_DOWNLOAD_ROLES, { kind: 'office', officeId: c.officeId }),
    markSensitive: upload,
  };
}

/** Every file of a restricted (sexual) case is sensitive, whatever its own flag says. */
export function isSensitive(file: { sensitive: boolean }, c: { restricted: boolean }): boolean {
  return c.restricted || file.sensitive;
}
