/**
 * Audit event catalogue: dotted, past tense. Each action names the shape of
 * its detail, so a call site cannot record a half-filled event.
 */
import type { CaseStepEvent } from '@/lib/cases/workflow';

/** A recorded case step: `case.<event type>`, e.g. `case.guardians_notified`. */
export type CaseStepAudit = { step: string; occurredAt: string; fromStatus: string; toStatus: string };

export type AuditDetails = {
  'case.filed': { caseNumber: string; categories: string[]; parties: number };
  'case.viewed': { identities: boolean };
  'case.parties_viewed': { partyIds: string[] };
  'case.decision_revised': { decisionId: string; perpetratorPartyId: string; version: number; differsFromRecommendation: boolean };
  'case.victim_measures_recorded': { victimPartyId: string; measures: number[] };
  'case.notice_downloaded': { partyId: string; lang: string };
  'case.hearing_ics_downloaded': { hearingId: string };
  'case.team_member_added': { userId: string; teamRole: string; reason: string | null };
  'case.team_member_removed': { userId: string; reason: string };
  'evidence.uploaded': { evidenceId: string; sha256: string; sizeBytes: number; contentType: string; sensitive: boolean };
  'evidence.marked_sensitive': { evidenceId: string };
  'evidence.preview_viewed': { evidenceId: string; reason: string };
  'evidence.original_viewed': { evidenceId: string; reason: string };
  'evidence.downloaded': { evidenceId: string; reason: string };
  'evidence.purged': { evidenceId: string; sha256: string };
  'evidence.custody_exported': { format: 'pdf' | 'csv'; files: number };
  'evidence.hold_set': { holdId: string; reason: string };
  'evidence.hold_released': { holdId: string };
  'takedown.location_recorded': { locationId: string; platform: string };
  'takedown.requested': { requestId: string; locationId: string; target: string };
  'takedown.status_changed': { requestId: string; from: string; to: string };
  'audit.exported': { table: string; rows: number };
  'committee.member_added': { officeId: string; category: string };
  'committee.member_updated': { officeId: string; active: boolean };
  'auth.signed_in': { method: 'credentials' | 'oidc' };
  'auth.sign_in_failed': { email: string; reason: 'bad_credentials' | 'locked' | 'inactive' | 'unknown_oidc_user' };
  'auth.signed_out': Record<string, never>;
  'admin.user_created': { email: string; name: string };
  'admin.user_activated': { active: boolean };
  'admin.role_granted': { role: string; schoolId: string | null; officeId: string | null };
  'admin.role_revoked': { role: string; schoolId: string | null; officeId: string | null };
  'admin.password_reset': Record<string, never>;
  'admin.office_created': { name: string; shortName: string };
  'admin.school_created': { name: string; level: string; officeId: string };
  'admin.holiday_added': { date: string; name: string };
  'admin.holiday_removed': { date: string };
};

export type AuditAction = keyof AuditDetails | `case.${CaseStepEvent}`;

type Common = { actorId: string | null; targetType: string; targetId: string | null; ip?: string | null };

/** A catalogued event, or a recorded case step (one shape for every step). */
export type AuditEvent =
  | { [A in keyof AuditDetails]: Common & { action: A; detail: AuditDetails[A] } }[keyof AuditDetails]
  | (Common & { action: `case.${CaseStepEvent}`; detail: CaseStepAudit });
