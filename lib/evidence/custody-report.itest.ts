import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { auditLog, evidenceCustody } from '@/db/schema';
import { seed } from '@/db/seed';
import { demoActors, intake, refusal, rowCounts } from '@/db/test/fixtures';
import { pdfTextRuns } from '@/e2e/support/pdf-text';
import type { Actor } from '@/lib/auth/roles';
import { fileCaseInput } from '@/lib/cases/schemas';
import { fileCase } from '@/lib/cases/service';
import { changeTakedownStatus, recordLocation, requestTakedown } from '@/lib/takedowns/service';
import { changeTakedownStatusInput, recordLocationInput, requestTakedownInput } from '@/lib/takedowns/schemas';
import { exportCustodyReport } from './custody-report';
import { setLegalHold } from './holds';
import { uploadEvidence } from './service';
import { LocalDiskStore } from './storage';

let teacher: Actor;
let head: Actor;
let investigator: Actor;
let secretary: Actor;
let member: Actor;
let auditor: Actor;
let admin: Actor;
let dir: string;
let store: LocalDiskStore;
let restrictedCase: string;
let openCase: string;
let sha256: string;

const at = (local: string) => new Date(`${local}+09:00`);
const ctx = (actor: Actor, now = at('2026-04-01T09:00:00')) => ({ actor, ip: '10.0.0.8', now });

const counts = () => rowCounts({ custody: evidenceCustody, audit: auditLog });

beforeAll(async () => {
  await seed();
  [teacher, head, investigator, secretary, member, auditor, admin] = await demoActors(
    'teacher',
    'head',
    'investigator',
    'secretary',
    'member',
    'auditor',
    'admin',
  );
  const schoolId = teacher.grants[0]!.schoolId!;
  dir = await mkdtemp(path.join(tmpdir(), 'dolbom-custody-'));
  store = new LocalDiskStore(dir);

  const filed = at('2026-03-02T10:05:00');
  restrictedCase = (
    await fileCase(
      fileCaseInput.parse(intake(schoolId, { categories: ['digital_sex_offence'], summary: '같은 반 학생의 딥페이크 합성 사진이 단체방에 유포됨' })),
      { actor: teacher, ip: null, now: filed },
    )
  ).id;
  openCase = (await fileCase(fileCaseInput.parse(intake(schoolId)), { actor: teacher, ip: null, now: filed })).id;

  const upload = await uploadEvidence(
    { caseId: restrictedCase, fileName: '단체방 대화.txt', bytes: Buffer.from('2026-03-02 21:03 상대방: 사진 보냄\n', 'utf8'), sensitive: true },
    ctx(teacher, at('2026-03-03T10:00:00')),
    store,
  );
  sha256 = upload.sha256;

  const { locationId } = await recordLocation(
    recordLocationInput.parse({
      caseId: restrictedCase,
      platform: 'telegram',
      url: 'https://t.me/example/4242',
      firstSeenAt: '2026-03-02T21:00',
      firstSeenBy: '같은 반 학생',
    }),
    ctx(teacher, at('2026-03-03T11:00:00')),
  );
  const { requestId } = await requestTakedown(
    requestTakedownInput.parse({ caseId: restrictedCase, locationId, target: 'dsc', requestedAt: '2026-03-03T12:00', referenceNo: 'DSC-2026-0815' }),
    ctx(teacher, at('2026-03-03T12:05:00')),
  );
  await changeTakedownStatus(
    changeTakedownStatusInput.parse({ caseId: restrictedCase, requestId, version: 1, status: 'removed', at: '2026-03-10T15:00', note: '게시물 삭제 확인' }),
    ctx(teacher, at('2026-03-10T15:05:00')),
  );
  await setLegalHold({ caseId: restrictedCase, reason: '경찰 수사 자료로 제출' }, ctx(head, at('2026-03-20T09:00:00')));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('the chain-of-custody report', () => {
  it('is refused to staff, committee members, auditors and admins, and a refused export writes nothing', async () => {
    const before = await counts();
    // On the restricted case the auditor and the admin cannot even open it; staff on the team may open it but not export.
    expect((await refusal(exportCustodyReport(restrictedCase, 'csv', 'ko', ctx(teacher)))).code).toBe('forbidden');
    expect((await refusal(exportCustodyReport(restrictedCase, 'csv', 'ko', ctx(auditor)))).code).toBe('not_found');
    expect((await refusal(exportCustodyReport(restrictedCase, 'pdf', 'ko', ctx(admin)))).code).toBe('not_found');
    expect((await refusal(exportCustodyReport(restrictedCase, 'csv', 'ko', ctx(secretary)))).code).toBe('not_found');
    for (const actor of [teacher, member, auditor, admin])
      expect((await refusal(exportCustodyReport(openCase, 'csv', 'ko', ctx(actor)))).code).toBe('forbidden');
    expect(await counts()).toEqual(before);
  });

  it('the CSV has a BOM, the file hash, every custody row and the takedown history, never the category detail, and its export is recorded', async () => {
    const now = at('2026-04-01T09:00:00');
    const report = await exportCustodyReport(restrictedCase, 'csv', 'ko', ctx(investigator, now));
    expect(report.contentType).toBe('text/csv; charset=utf-8');
    expect(report.fileName).toMatch(/^custody-report-[A-Za-z0-9-]+\.csv$/);
    expect([...report.body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const csv = report.body.toString('utf8');

    expect(csv).toContain(sha256);
    expect(csv).toContain('단체방 대화.txt');
    expect(csv).toContain('text/plain');
    expect(csv).toContain('업로드');
    expect(csv).toContain('김담임');
    expect(csv).toContain('보관 이력 보고서 생성');
    expect(csv).toContain('정조사');
    expect(csv).toContain('성폭력');
    expect(csv).toContain('보존 설정');
    expect(csv).toContain('경찰 수사 자료로 제출');
    expect(csv).toContain('https://t.me/example/4242');
    expect(csv).toContain('DSC-2026-0815');
    expect(csv).toContain('삭제됨');
    expect(csv).toContain('게시물 삭제 확인');
    expect(csv).not.toMatch(/딥페이크|digital_sex_offence|디지털 성범죄/);

    const [exported] = await db
      .select()
      .from(evidenceCustody)
      .where(and(eq(evidenceCustody.caseId, restrictedCase), eq(evidenceCustody.action, 'custody_exported')))
      .orderBy(asc(evidenceCustody.id));
    expect(exported).toMatchObject({ evidenceId: null, actorId: investigator.userId, at: now, ip: '10.0.0.8' });
    const [audit] = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.targetId, restrictedCase), eq(auditLog.action, 'evidence.custody_exported')));
    expect(audit).toMatchObject({ actorId: investigator.userId, detail: { format: 'csv', files: 1 }, ip: '10.0.0.8', at: now });
  });

  it('the PDF embeds the Korean font and its text carries the file hash and the disclosed category only', async () => {
    const before = await counts();
    const report = await exportCustodyReport(restrictedCase, 'pdf', 'ko', ctx(head, at('2026-04-02T09:00:00')));
    expect(report.contentType).toBe('application/pdf');
    expect(report.body.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(report.body.toString('latin1')).toContain('NotoSansKR');

    // One line per text run, so a phrase pdfkit drew in one run reads with its spaces.
    const text = pdfTextRuns(report.body).join('\n');
    expect(text.replace(/\s+/g, '')).toContain(`SHA-256:${sha256}`);
    expect(text).toContain('증거 보관 이력 보고서');
    expect(text).toContain('성폭력');
    expect(text).toContain('DSC-2026-0815');
    expect(text).not.toMatch(/딥페이크|디지털 성범죄/);

    expect(await counts()).toEqual({ custody: before.custody + 1, audit: before.audit + 1 });
    const audits = await db
      .select({ detail: auditLog.detail })
      .from(auditLog)
      .where(and(eq(auditLog.targetId, restrictedCase), eq(auditLog.action, 'evidence.custody_exported')))
      .orderBy(asc(auditLog.id));
    expect(audits.at(-1)!.detail).toEqual({ format: 'pdf', files: 1 });
  });

  it('the committee secretary may export a case they may open, and each report lists the earlier exports', async () => {
    const report = await exportCustodyReport(openCase, 'csv', 'en', ctx(secretary, at('2026-04-03T09:00:00')));
    const again = await exportCustodyReport(openCase, 'csv', 'en', ctx(secretary, at('2026-04-03T09:05:00')));
    expect(report.body.toString('utf8').match(/Custody report generated/g)).toHaveLength(1);
    expect(again.body.toString('utf8').match(/Custody report generated/g)).toHaveLength(2);
  });
});
