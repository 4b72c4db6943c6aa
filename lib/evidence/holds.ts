import 'server-only';
import { and, asc, count, desc, eq, isNull, max } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { db, type Db, type Tx } from '@/db/client';
import { getCaseRow } from '@/db/queries/cases';
import { appeals, evidenceFiles, legalHolds, users } from '@/db/schema';
import { appendAudit } from '@/lib/audit/append';
import { can } from '@/lib/auth/permissions';
import type { Actor } from '@/lib/auth/roles';
import { canViewCase, type CaseRef } from '@/lib/cases/access';
import type { Ctx } from '@/lib/cases/ctx';
import { caseResource } from '@/lib/cases/workflow';
import { DomainError } from '@/lib/errors';
import { rulebookFor } from '@/lib/rules';
import { evidenceRights } from './access';
import type { ReleaseLegalHoldData, SetLegalHoldData } from './holds-schemas';
import { retentionState, type RetentionState } from './retention';

/**
 * Retention and manual legal holds of a case's evidence. A manual
 * hold is a row in legal_holds; the automatic one is any appeal or lawsuit
 * still pending, read from `appeals` and never copied, so it ends by itself
 * when the outcome is recorded. Setting and releasing a hold lock the case
 * row, which the purge reads under a share lock, so a hold set while a purge
 * runs either lands first and stops it or waits for it.
 */

type Conn = Db | Tx;

/** The catalogue's `evidence.manage_holds` and `evidence.export_custody` (lib/auth/permissions.ts), on a case the actor may open. */
export const mayManageHolds = (actor: Actor, c: CaseRef): boolean => canViewCase(actor, c) && can(actor, 'evidence.manage_holds', caseResource(c));
export const mayExportCustody = (actor: Actor, c: CaseRef): boolean => canViewCase(actor, c) && can(actor, 'evidence.export_custody', caseResource(c));
/** Whoever sees the vault sees its retention, and so does an admin who may set holds; auditors never. */
export const maySeeRetention = (actor: Actor, c: CaseRef): boolean => evidenceRights(actor, c).view || mayManageHolds(actor, c);

/** What holds a case: pending appeals and lawsuits, and manual holds not yet released. */
export async function holdCounts(conn: Conn, caseId: string): Promise<{ openAppeals: number; activeHolds: number }> {
  const [[a], [h]] = await Promise.all([
    conn
      .select({ n: count() })
      .from(appeals)
      .where(and(eq(appeals.caseId, caseId), eq(appeals.outcome, 'pending'))),
    conn
      .select({ n: count() })
      .from(legalHolds)
      .where(and(eq(legalHolds.caseId, caseId), isNull(legalHolds.releasedAt))),
  ]);
  return { openAppeals: a?.n ?? 0, activeHolds: h?.n ?? 0 };
}

type RetentionCase = { status: string; closedAt: Date | null; reportedAt: Date };

/** The case's retention at `now`, under the rulebook in force on its report date. */
export function retentionOfCase(c: RetentionCase, holds: { openAppeals: number; activeHolds: number }, now: Date): RetentionState {
  // `closed_at` survives a reopening, so only a case that is closed now counts as closed.
  const closedAt = c.status === 'closed' ? c.closedAt : null;
  return retentionState({ closedAt, ...holds, now, rules: rulebookFor(c.reportedAt.toISOString()).evidence });
}

/** The case row, locked against a concurrent purge, if the actor may manage its holds. */
async function lockCaseForHolds(tx: Tx, caseId: string, actor: Actor) {
  const row = await getCaseRow(tx, caseId, { forUpdate: true });
  if (!row || !canViewCase(actor, row)) throw new DomainError('not_found');
  if (!mayManageHolds(actor, row)) throw new DomainError('forbidden');
  return row;
}

export async function setLegalHold(input: SetLegalHoldData, { actor, ip, now = new Date() }: Ctx): Promise<{ holdId: string }> {
  return db.transaction(async (tx) => {
    await lockCaseForHolds(tx, input.caseId, actor);
    const [hold] = await tx
      .insert(legalHolds)
      .values({ caseId: input.caseId, reason: input.reason, setBy: actor.userId, setAt: now })
      .returning({ id: legalHolds.id });
    if (!hold) throw new Error('legal hold insert returned no row');
    await appendAudit(
      tx,
      { action: 'evidence.hold_set', actorId: actor.userId, targetType: 'case', targetId: input.caseId, ip, detail: { holdId: hold.id, reason: input.reason } },
      now,
    );
    return { holdId: hold.id };
  });
}

export async function releaseLegalHold(input: ReleaseLegalHoldData, { actor, ip, now = new Date() }: Ctx): Promise<void> {
  await db.transaction(async (tx) => {
    await lockCaseForHolds(tx, input.caseId, actor);
    const [hold] = await tx
      .select({ id: legalHolds.id, releasedAt: legalHolds.releasedAt })
      .from(legalHolds)
      .where(and(eq(legalHolds.id, input.holdId), eq(legalHolds.caseId, input.caseId)))
      .for('update');
    if (!hold) throw new DomainError('not_found');
    if (hold.releasedAt) throw new DomainError('invalid_transition', 'hold already released');
    await tx.update(legalHolds).set({ releasedBy: actor.userId, releasedAt: now }).where(eq(legalHolds.id, hold.id));
    await appendAudit(
      tx,
      { action: 'evidence.hold_released', actorId: actor.userId, targetType: 'case', targetId: input.caseId, ip, detail: { holdId: hold.id } },
      now,
    );
  });
}

export type HoldView = { id: string; reason: string; setByName: string | null; setAt: Date; releasedByName: string | null; releasedAt: Date | null };
export type PendingAppealView = { id: string; kind: (typeof appeals.kind.enumValues)[number]; filedAt: Date };

/** Every manual hold of a case, the active ones first, each with who set and released it. */
export async function listHolds(conn: Conn, caseId: string): Promise<HoldView[]> {
  const setter = alias(users, 'setter');
  const releaser = alias(users, 'releaser');
  return conn
    .select({
      id: legalHolds.id,
      reason: legalHolds.reason,
      setByName: setter.name,
      setAt: legalHolds.setAt,
      releasedByName: releaser.name,
      releasedAt: legalHolds.releasedAt,
    })
    .from(legalHolds)
    .leftJoin(setter, eq(setter.id, legalHolds.setBy))
    .leftJoin(releaser, eq(releaser.id, legalHolds.releasedBy))
    .where(eq(legalHolds.caseId, caseId))
    .orderBy(desc(isNull(legalHolds.releasedAt)), desc(legalHolds.setAt));
}

/** Appeals and lawsuits still pending: the automatic hold, oldest first. */
export async function listPendingAppeals(conn: Conn, caseId: string): Promise<PendingAppealView[]> {
  return conn
    .select({ id: appeals.id, kind: appeals.kind, filedAt: appeals.filedAt })
    .from(appeals)
    .where(and(eq(appeals.caseId, caseId), eq(appeals.outcome, 'pending')))
    .orderBy(asc(appeals.filedAt));
}

export type RetentionView = {
  state: RetentionState;
  holds: HoldView[];
  pendingAppeals: PendingAppealView[];
  files: { total: number; purged: number; lastPurgedAt: Date | null };
  /** The period the case's rulebook sets, for the status line. */
  retentionDays: number;
  mayManageHolds: boolean;
  mayExport: boolean;
};

/** What the retention panel shows; null for an actor who may open the case but not see its evidence (an auditor). */
export async function loadRetention(caseId: string, actor: Actor, now: Date): Promise<RetentionView | null> {
  const row = await getCaseRow(db, caseId);
  if (!row || !canViewCase(actor, row)) throw new DomainError('not_found');
  if (!maySeeRetention(actor, row)) return null;
  const [holds, pendingAppeals, [files]] = await Promise.all([
    listHolds(db, caseId),
    listPendingAppeals(db, caseId),
    db
      .select({ total: count(), purged: count(evidenceFiles.purgedAt), lastPurgedAt: max(evidenceFiles.purgedAt) })
      .from(evidenceFiles)
      .where(eq(evidenceFiles.caseId, caseId)),
  ]);
  const state = retentionOfCase(row, { openAppeals: pendingAppeals.length, activeHolds: holds.filter((h) => !h.releasedAt).length }, now);
  return {
    state,
    holds,
    pendingAppeals,
    files: { total: files?.total ?? 0, purged: files?.purged ?? 0, lastPurgedAt: files?.lastPurgedAt ?? null },
    retentionDays: rulebookFor(row.reportedAt.toISOString()).evidence.retentionDaysAfterClose,
    mayManageHolds: mayManageHolds(actor, row),
    mayExport: mayExportCustody(actor, row),
  };
}
