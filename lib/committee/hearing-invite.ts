import 'server-only';
import { db } from '@/db/client';
import { getCaseRow } from '@/db/queries/cases';
import { appendAudit } from '@/lib/audit/append';
import type { Ctx } from '@/lib/cases/ctx';
import { DomainError } from '@/lib/errors';
import { canDownloadHearingInvite } from './access';
import { HEARING_INVITE_MINUTES } from './constants';
import { currentHearing } from './hearing-state';
import { icsEvent } from './rules';

export type InviteText = { summary: (caseNumber: string) => string; description: (caseNumber: string) => string };

/**
 * The scheduled hearing as an RFC 5545 invite, its download audited in the
 * same transaction. It names the case by its number only, never a student
 * (Act 21). Anyone who may not download it, and a case without a scheduled
 * hearing, get `not_found`.
 */
export async function buildHearingInvite(caseId: string, text: InviteText, { actor, ip, now = new Date() }: Ctx): Promise<{ fileName: string; body: string }> {
  return db.transaction(async (tx) => {
    const row = await getCaseRow(tx, caseId);
    if (!row || !canDownloadHearingInvite(actor, row)) throw new DomainError('not_found');
    const hearing = await currentHearing(tx, row.id);
    if (!hearing || hearing.status !== 'scheduled') throw new DomainError('not_found');
    const body = icsEvent({
      uid: `hearing-${hearing.id}@dolbom`,
      start: hearing.scheduledAt,
      durationMinutes: HEARING_INVITE_MINUTES,
      summary: text.summary(row.caseNumber),
      location: hearing.location,
      description: text.description(row.caseNumber),
      stamp: now,
    });
    await appendAudit(
      tx,
      { action: 'case.hearing_ics_downloaded', actorId: actor.userId, targetType: 'case', targetId: row.id, ip, detail: { hearingId: hearing.id } },
      now,
    );
    return { fileName: `hearing-${row.caseNumber}.ics`, body };
  });
}
