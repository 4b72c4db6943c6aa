import { can } from '@/lib/auth/permissions';
import type { Actor } from '@/lib/auth/roles';
import { canViewCase, type CaseRef } from '@/lib/cases/access';
import { caseResource } from '@/lib/cases/workflow';

/**
 * Who may do what in a case's evidence vault. Opening the case comes first
 * (a restricted case narrows to its team); then the catalogue's `evidence.*`
 * entries in lib/auth/permissions.ts decide, which keep auditors and admins
 * out of the material entirely.
 */

export type EvidenceCaseRef = CaseRef;
export type EvidenceRights = { view: boolean; upload: boolean; download: boolean; markSensitive: boolean };

export function evidenceRights(actor: Actor, c: EvidenceCaseRef): EvidenceRights {
  const none = { view: false, upload: false, download: false, markSensitive: false };
  if (!canViewCase(actor, c)) return none;
  const view = can(actor, 'evidence.view', caseResource(c));
  if (!view) return none;
  const upload = can(actor, 'evidence.upload', caseResource(c));
  return {
    view,
    upload,
    download: can(actor, 'evidence.download', { kind: 'office', officeId: c.officeId }),
    markSensitive: upload,
  };
}

/** Every file of a restricted (sexual) case is sensitive, whatever its own flag says. */
export function isSensitive(file: { sensitive: boolean }, c: { restricted: boolean }): boolean {
  return c.restricted || file.sensitive;
}
