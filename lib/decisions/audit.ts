import 'server-only';
import type { Tx } from '@/db/client';
import { appendAudit } from '@/lib/audit/append';
import type { AuditDetails } from '@/lib/audit/events';

/** Audit events of the decision area that are not workflow steps (those are audited by the step engine, lib/cases/step-engine.ts). */
type DecisionAuditDetails = Pick<AuditDetails, 'case.decision_revised' | 'case.victim_measures_recorded' | 'case.notice_downloaded'>;

type Common = { actorId: string | null; targetType: 'case'; targetId: string; ip?: string | null };
type DecisionAuditEvent = { [A in keyof DecisionAuditDetails]: Common & { action: A; detail: DecisionAuditDetails[A] } }[keyof DecisionAuditDetails];

export function appendDecisionAudit(tx: Tx, event: DecisionAuditEvent, now: Date) {
  return appendAudit(tx, event, now);
}
