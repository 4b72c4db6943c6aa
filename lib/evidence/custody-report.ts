import 'server-only';
import { asc, eq } from 'drizzle-orm';
import { db } from '@/db/client';
import { getCaseHeader } from '@/db/queries/cases';
import { evidenceCustody, evidenceFiles, users } from '@/db/schema';
import { appendAudit } from '@/lib/audit/append';
import { canViewCase } from '@/lib/cases/access';
import type { Ctx } from '@/lib/cases/ctx';
import { decrypt } from '@/lib/crypto/keys';
import type { NoticeLang } from '@/lib/i18n/config';
import { DomainError } from '@/lib/errors';
import { renderNoticePdf } from '@/lib/notices/render-pdf';
import { loadTakedownHistory } from '@/lib/takedowns/service';
import { isSensitive } from './access';
import { custodyFileName, custodyReportCsv, custodyReportModel, custodyUtf8FileName, type CustodyFormat, type CustodySource } from './custody-report-model';
import { listHolds, listPendingAppeals, mayExportCustody } from './holds';

export type CustodyReport = { body: Buffer; contentType: string; fileName: string; utf8FileName: string };

/**
 * The chain-of-custody report of one case, for the police or a court. Only
 * the school head, the investigator and the committee secretary who may
 * open the case get it; anyone else is refused before anything is read or
 * written. The export's own custody row is written first, in the same
 * transaction as the read, so the report lists its own generation and a
 * failure to build it leaves no trace; the audit row comes last, once the
 * bytes exist, so the log's lock is held only for the append.
 */
export async function exportCustodyReport(
  caseId: string,
  format: CustodyFormat,
  lang: NoticeLang,
  { actor, ip, now = new Date() }: Ctx,
): Promise<CustodyReport> {
  return db.transaction(async (tx) => {
    const header = await getCaseHeader(tx, caseId);
    if (!header || !canViewCase(actor, header.c)) throw new DomainError('not_found');
    if (!mayExportCustody(actor, header.c)) throw new DomainError('forbidden');
    const c = header.c;

    await tx.insert(evidenceCustody).values({ evidenceId: null, caseId, action: 'custody_exported', actorId: actor.userId, at: now, ip });

    const [files, custody, holds, pendingAppeals, locations] = await Promise.all([
      tx
        .select({ f: evidenceFiles, uploadedByName: users.name })
        .from(evidenceFiles)
        .leftJoin(users, eq(users.id, evidenceFiles.uploadedBy))
        .where(eq(evidenceFiles.caseId, caseId))
        .orderBy(asc(evidenceFiles.uploadedAt), asc(evidenceFiles.id)),
      tx
        .select({
          evidenceId: evidenceCustody.evidenceId,
          action: evidenceCustody.action,
          at: evidenceCustody.at,
          actorName: users.name,
          reason: evidenceCustody.reason,
          sha256: evidenceCustody.sha256,
          ip: evidenceCustody.ip,
        })
        .from(evidenceCustody)
        .leftJoin(users, eq(users.id, evidenceCustody.actorId))
        .where(eq(evidenceCustody.caseId, caseId))
        .orderBy(asc(evidenceCustody.at), asc(evidenceCustody.id)),
      listHolds(tx, caseId),
      listPendingAppeals(tx, caseId),
      loadTakedownHistory(tx, caseId),
    ]);

    const source: CustodySource = {
      caseNumber: c.caseNumber,
      schoolName: header.schoolName,
      officeName: header.officeName,
      categories: c.categories,
      generatedAt: now,
      generatedBy: actor.name,
      files: files.map(({ f, uploadedByName }) => ({
        id: f.id,
        fileName: decrypt(f.fileNameEnc),
        contentType: f.contentType,
        sizeBytes: f.sizeBytes,
        sha256: f.sha256,
        uploadedByName,
        uploadedAt: f.uploadedAt,
        sensitive: isSensitive(f, c),
        purgedAt: f.purgedAt,
      })),
      custody,
      holds,
      pendingAppeals,
      locations,
    };

    const report: CustodyReport =
      format === 'pdf'
        ? {
            body: await renderNoticePdf(custodyReportModel(source, lang)),
            contentType: 'application/pdf',
            fileName: custodyFileName(c.caseNumber, 'pdf'),
            utf8FileName: custodyUtf8FileName(c.caseNumber, 'pdf'),
          }
        : {
            body: Buffer.from(custodyReportCsv(source, lang), 'utf8'),
            contentType: 'text/csv; charset=utf-8',
            fileName: custodyFileName(c.caseNumber, 'csv'),
            utf8FileName: custodyUtf8FileName(c.caseNumber, 'csv'),
          };

    await appendAudit(
      tx,
      { action: 'evidence.custody_exported', actorId: actor.userId, targetType: 'case', targetId: caseId, ip, detail: { format, files: files.length } },
      now,
    );
    return report;
  });
}
