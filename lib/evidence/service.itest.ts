import { randomUUID } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { and, asc, count, eq, gt, like } from 'drizzle-orm';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { auditLog, evidenceCustody, evidenceFiles } from '@/db/schema';
import { seed } from '@/db/seed';
import { addActorForTest, demoActors, intake, refusal, rowCounts } from '@/db/test/fixtures';
import { sampleHtml, samplePhoto } from '@/db/test/test-files';
import type { Actor } from '@/lib/auth/roles';
import { fileCaseInput } from '@/lib/cases/schemas';
import { fileCase } from '@/lib/cases/service';
import { decrypt } from '@/lib/crypto/keys';
import { sha256Hex } from './crypto';
import {
  beginEvidenceView,
  confirmEvidenceView,
  downloadEvidence,
  listEvidence,
  markEvidenceSensitive,
  serveEvidenceView,
  thumbnailEvidence,
  uploadEvidence,
  type EvidenceCtx,
} from './service';
import { LocalDiskStore } from './storage';
import { VIEW_TOKEN_TTL_SECONDS } from './view-token';

let dir: string;
let store: LocalDiskStore;
let teacher: Actor;
let head: Actor;
let investigator: Actor;
let secretary: Actor;
let member: Actor;
let auditor: Actor;
/** Staff of the same school who is not on the restricted case's team. */
let otherTeacher: Actor;
let schoolId: string;
let openCaseId: string;
let restrictedCaseId: string;
let photo: Buffer;

const IP = '10.0.0.7';
const ctx = (actor: Actor, now = new Date()): EvidenceCtx => ({ actor, ip: IP, now });

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'dolbom-evidence-'));
  store = new LocalDiskStore(dir);
  await seed();
  [teacher, head, investigator, secretary, member, auditor] = await demoActors('teacher', 'head', 'investigator', 'secretary', 'member', 'auditor');
  schoolId = teacher.grants[0]!.schoolId!;
  otherTeacher = await addActorForTest({ email: 'teacher-other@dolbom.test', name: '옆반교사' }, { role: 'school_staff', schoolId });

  openCaseId = (await fileCase(fileCaseInput.parse(intake(schoolId)), ctx(teacher))).id;
  restrictedCaseId = (
    await fileCase(fileCaseInput.parse(intake(schoolId, { categories: ['digital_sex_offence'], summary: '합성 사진이 단체방에 돌았음' })), ctx(teacher))
  ).id;
  photo = await samplePhoto('png', 96);
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function storedFiles(): Promise<string[]> {
  const out: string[] = [];
  for (const sub of await readdir(dir).catch(() => [])) for (const f of await readdir(path.join(dir, sub))) out.push(path.join(dir, sub, f));
  return out;
}

/** Everything a refused request must leave untouched. */
async function footprint() {
  const [rows, [audit], onDisk] = await Promise.all([
    rowCounts({ files: evidenceFiles, custody: evidenceCustody }),
    db.select({ n: count() }).from(auditLog).where(like(auditLog.action, 'evidence.%')),
    storedFiles(),
  ]);
  return { ...rows, audit: audit!.n, onDisk: onDisk.length };
}

async function custodyOf(evidenceId: string) {
  return db.select().from(evidenceCustody).where(eq(evidenceCustody.evidenceId, evidenceId)).orderBy(asc(evidenceCustody.id));
}

async function evidenceAuditOf(evidenceId: string) {
  const rows = await db.select().from(auditLog).where(like(auditLog.action, 'evidence.%')).orderBy(asc(auditLog.id));
  return rows.filter((r) => (r.detail as { evidenceId?: string }).evidenceId === evidenceId);
}

async function upload(actor: Actor, caseId: string, over: Partial<{ bytes: Buffer; fileName: string; sensitive: boolean; description: string }> = {}) {
  return uploadEvidence(
    { caseId, fileName: over.fileName ?? '캡처.png', bytes: over.bytes ?? photo, description: over.description, sensitive: over.sensitive ?? false },
    ctx(actor),
    store,
  );
}

describe('upload and encryption at rest', () => {
  it('the bytes on disk contain no 16-byte run of the original, and the name and key are not stored in the clear', async () => {
    const text = Buffer.from('2026년 3월 2일 오후 3:12, 김OO : 너 사진 다 뿌린다\n'.repeat(40));
    for (const [bytes, fileName] of [
      [photo, '김피해_사진.png'],
      [text, '카톡대화.txt'],
    ] as const) {
      const { evidenceId, sha256 } = await upload(teacher, openCaseId, { bytes, fileName, description: '피해학생 휴대폰 화면' });
      const [row] = await db.select().from(evidenceFiles).where(eq(evidenceFiles.id, evidenceId));
      expect(row!.sha256).toBe(sha256Hex(bytes));
      expect(sha256).toBe(row!.sha256);
      expect(row!.storageKey).toMatch(/^[0-9a-f-]{36}$/);
      expect(row!.fileNameEnc).not.toContain('김피해');
      expect(decrypt(row!.fileNameEnc)).toBe(fileName);
      expect(decrypt(row!.descriptionEnc!)).toBe('피해학생 휴대폰 화면');
      expect(row!.wrappedKey).toMatch(/^k1\./);

      const onDisk = await readFile(path.join(dir, row!.storageKey!.slice(0, 2), row!.storageKey!));
      expect(onDisk.length).toBeGreaterThan(bytes.length);
      for (let i = 0; i + 16 <= bytes.length; i++) {
        if (onDisk.includes(bytes.subarray(i, i + 16))) throw new Error(`a 16-byte run of the original at offset ${i} is on disk`);
      }
    }
  });

  it('the type recorded is the one the content shows, whatever the name says', async () => {
    const { evidenceId, contentType } = await upload(teacher, openCaseId, { fileName: '진술서.pdf' });
    expect(contentType).toBe('image/png');
    const [row] = await db.select({ contentType: evidenceFiles.contentType }).from(evidenceFiles).where(eq(evidenceFiles.id, evidenceId));
    expect(row!.contentType).toBe('image/png');
  });

  it('an HTML page named photo.jpg is refused with a field error and nothing is written', async () => {
    const before = await footprint();
    expect(await refusal(upload(teacher, openCaseId, { bytes: sampleHtml(), fileName: 'photo.jpg' }))).toMatchObject({
      code: 'invalid_input',
      fieldErrors: { file: expect.arrayContaining(['fileTypeRefused']) },
    });
    expect(await footprint()).toEqual(before);
  });

  it('writes the upload to the chain of custody and the audit log, with its hash and the uploader’s address', async () => {
    const { evidenceId, sha256 } = await upload(head, openCaseId);
    const [c] = await custodyOf(evidenceId);
    expect(c).toMatchObject({ action: 'uploaded', actorId: head.userId, sha256, ip: IP, caseId: openCaseId });
    const [a] = await evidenceAuditOf(evidenceId);
    expect(a).toMatchObject({ action: 'evidence.uploaded', actorId: head.userId, targetType: 'case', targetId: openCaseId, ip: IP });
    expect(a!.detail).toMatchObject({ evidenceId, sha256, sizeBytes: photo.length, contentType: 'image/png', sensitive: false });
  });

  it('a committee member and an auditor may not upload; nothing is written', async () => {
    const before = await footprint();
    expect(await refusal(upload(member, openCaseId))).toMatchObject({ code: 'forbidden' });
    expect(await refusal(upload(auditor, openCaseId))).toMatchObject({ code: 'not_found' });
    expect(await footprint()).toEqual(before);
  });

  it('a file of a restricted case is stored sensitive', async () => {
    const { evidenceId } = await upload(teacher, restrictedCaseId);
    const [row] = await db.select({ sensitive: evidenceFiles.sensitive }).from(evidenceFiles).where(eq(evidenceFiles.id, evidenceId));
    expect(row!.sensitive).toBe(true);
  });
});

describe('viewing with a reason', () => {
  it('a view without a reason is refused and writes nothing (no custody row, no audit row)', async () => {
    const { evidenceId } = await upload(teacher, restrictedCaseId);
    const before = await footprint();
    for (const reason of ['', '    ', 'abc']) {
      expect(await refusal(beginEvidenceView({ evidenceId, reason }, ctx(investigator)))).toMatchObject({
        code: 'invalid_input',
        fieldErrors: { reason: expect.arrayContaining(['reasonTooShort']) },
      });
    }
    expect(await refusal(beginEvidenceView({ evidenceId } as never, ctx(investigator)))).toMatchObject({ code: 'invalid_input' });
    expect(await refusal(downloadEvidence({ evidenceId, reason: '' }, ctx(investigator), store))).toMatchObject({ code: 'invalid_input' });
    expect(await footprint()).toEqual(before);
  });

  it('a sensitive file shows the server-blurred preview first, and the original only after the second confirmation', async () => {
    const { evidenceId } = await upload(teacher, restrictedCaseId);
    const reason = '학폭 사안 조사를 위한 확인';
    const first = await beginEvidenceView({ evidenceId, reason }, ctx(investigator));
    expect(first.stage).toBe('preview');

    const preview = await serveEvidenceView({ evidenceId, stage: 'preview', token: first.token }, ctx(investigator), store);
    expect(preview.contentType).toBe('image/jpeg');
    expect(preview.body.equals(photo)).toBe(false);
    const meta = await sharp(preview.body).metadata();
    expect(meta.format).toBe('jpeg');
    // Drawn from a 24-pixel copy: neighbouring pixels barely differ, where the original is noise.
    const { data } = await sharp(preview.body).greyscale().raw().toBuffer({ resolveWithObject: true });
    let jumps = 0;
    for (let i = 1; i < data.length; i++) jumps += Math.abs(data[i]! - data[i - 1]!);
    expect(jumps / data.length).toBeLessThan(4);

    // The preview's token does not open the original.
    expect(await refusal(serveEvidenceView({ evidenceId, stage: 'original', token: first.token }, ctx(investigator), store))).toMatchObject({
      code: 'forbidden',
    });

    const second = await confirmEvidenceView({ evidenceId, reason, confirmed: true }, ctx(investigator));
    expect(second.stage).toBe('original');
    const original = await serveEvidenceView({ evidenceId, stage: 'original', token: second.token }, ctx(investigator), store);
    expect(original.body.equals(photo)).toBe(true);
    expect(original.contentType).toBe('image/png');

    expect((await custodyOf(evidenceId)).map((r) => r.action)).toEqual(['uploaded', 'preview_viewed', 'original_viewed']);
  });

  it('the original of a sensitive file cannot be opened without the preview first; nothing is written', async () => {
    const { evidenceId } = await upload(teacher, restrictedCaseId);
    const before = await footprint();
    expect(await refusal(confirmEvidenceView({ evidenceId, reason: '바로 원본을 보려 함', confirmed: true }, ctx(investigator)))).toMatchObject({
      code: 'invalid_transition',
      fieldErrors: { _form: expect.arrayContaining(['previewFirst']) },
    });
    expect(await refusal(confirmEvidenceView({ evidenceId, reason: '확인 없이 원본', confirmed: false } as never, ctx(investigator)))).toMatchObject({
      code: 'invalid_input',
    });
    expect(await footprint()).toEqual(before);
  });

  it('a view token is only for the person it was issued to, and expires', async () => {
    const { evidenceId } = await upload(teacher, restrictedCaseId);
    const now = new Date();
    const grant = await beginEvidenceView({ evidenceId, reason: '조사 목적 열람' }, ctx(investigator, now));
    expect(await refusal(serveEvidenceView({ evidenceId, stage: 'preview', token: grant.token }, ctx(head, now), store))).toMatchObject({ code: 'forbidden' });
    expect(
      await refusal(
        serveEvidenceView(
          { evidenceId, stage: 'preview', token: grant.token },
          ctx(investigator, new Date(now.getTime() + VIEW_TOKEN_TTL_SECONDS * 1000)),
          store,
        ),
      ),
    ).toMatchObject({ code: 'forbidden' });
  });

  it('a file that is not sensitive opens directly with a reason, and its list thumbnail is an access too', async () => {
    const { evidenceId } = await upload(teacher, openCaseId);
    const grant = await beginEvidenceView({ evidenceId, reason: '증거 내용 확인' }, ctx(head));
    expect(grant.stage).toBe('original');
    expect((await serveEvidenceView({ evidenceId, stage: 'original', token: grant.token }, ctx(head), store)).body.equals(photo)).toBe(true);

    const thumb = await thumbnailEvidence(evidenceId, ctx(head), store);
    expect((await sharp(thumb.body).metadata()).width).toBeLessThanOrEqual(160);
    const custody = await custodyOf(evidenceId);
    expect(custody.map((r) => [r.action, r.reason])).toEqual([
      ['uploaded', null],
      ['original_viewed', '증거 내용 확인'],
      ['preview_viewed', 'thumbnail'],
    ]);
  });

  it('a sensitive file never has a thumbnail, and asking for one writes nothing', async () => {
    const { evidenceId } = await upload(teacher, openCaseId, { sensitive: true });
    const before = await footprint();
    expect(await refusal(thumbnailEvidence(evidenceId, ctx(teacher), store))).toMatchObject({ code: 'not_found' });
    expect(await footprint()).toEqual(before);
    const list = await listEvidence(openCaseId, teacher);
    expect(list!.files.find((f) => f.id === evidenceId)).toMatchObject({ sensitive: true, thumbnail: false });
  });
});

describe('downloading the original', () => {
  it('a download’s hash equals the recorded one, and the download is in the chain of custody', async () => {
    const { evidenceId, sha256 } = await upload(teacher, restrictedCaseId, { fileName: '딥페이크 원본.png' });
    const file = await downloadEvidence({ evidenceId, reason: '경찰 제출용 사본' }, ctx(investigator), store);
    expect(sha256Hex(file.body)).toBe(sha256);
    expect(file.sha256).toBe(sha256);
    expect(sha256Hex(file.body)).toBe(sha256Hex(photo));
    expect(file.fileName).toBe('딥페이크 원본.png');
    const custody = await custodyOf(evidenceId);
    expect(custody.at(-1)).toMatchObject({ action: 'downloaded', actorId: investigator.userId, reason: '경찰 제출용 사본', sha256, ip: IP });
    expect((await evidenceAuditOf(evidenceId)).at(-1)).toMatchObject({
      action: 'evidence.downloaded',
      actorId: investigator.userId,
      detail: { evidenceId, reason: '경찰 제출용 사본' },
    });
  });

  it('the committee secretary may download too', async () => {
    const { evidenceId, sha256 } = await upload(teacher, openCaseId);
    expect(sha256Hex((await downloadEvidence({ evidenceId, reason: '심의 자료 준비' }, ctx(secretary), store)).body)).toBe(sha256);
  });

  it('school staff, the head and committee members may not download; nothing is written', async () => {
    const { evidenceId } = await upload(teacher, openCaseId);
    const before = await footprint();
    for (const actor of [teacher, head, member]) {
      expect(await refusal(downloadEvidence({ evidenceId, reason: '내려받아 보관하려 함' }, ctx(actor), store))).toMatchObject({
        code: 'forbidden',
        fieldErrors: { _form: expect.arrayContaining(['downloadForbidden']) },
      });
    }
    expect(await footprint()).toEqual(before);
  });

  it('a stored file altered on disk is refused, and no download is recorded', async () => {
    const { evidenceId } = await upload(teacher, openCaseId);
    const [row] = await db.select().from(evidenceFiles).where(eq(evidenceFiles.id, evidenceId));
    const file = path.join(dir, row!.storageKey!.slice(0, 2), row!.storageKey!);
    const sealed = await readFile(file);
    sealed[sealed.length - 1]! ^= 0x01;
    await writeFile(file, sealed);
    const before = await footprint();
    expect(await refusal(downloadEvidence({ evidenceId, reason: '경찰 제출용 사본' }, ctx(investigator), store))).toMatchObject({
      code: 'conflict',
      fieldErrors: { _form: expect.arrayContaining(['integrity']) },
    });
    expect(await footprint()).toEqual(before);
  });
});

describe('every access leaves a custody row and an audit row', () => {
  it('upload, marking, preview, original and download each write one of each, with actor, reason, hash and address', async () => {
    const { evidenceId, sha256 } = await upload(teacher, openCaseId);
    await markEvidenceSensitive({ evidenceId }, ctx(teacher));
    await beginEvidenceView({ evidenceId, reason: '보호조치 검토' }, ctx(head));
    await confirmEvidenceView({ evidenceId, reason: '보호조치 검토', confirmed: true }, ctx(head));
    await downloadEvidence({ evidenceId, reason: '수사기관 제출' }, ctx(investigator), store);

    const custody = await custodyOf(evidenceId);
    expect(custody.map((r) => [r.action, r.actorId, r.reason])).toEqual([
      ['uploaded', teacher.userId, null],
      ['marked_sensitive', teacher.userId, null],
      ['preview_viewed', head.userId, '보호조치 검토'],
      ['original_viewed', head.userId, '보호조치 검토'],
      ['downloaded', investigator.userId, '수사기관 제출'],
    ]);
    for (const r of custody) expect(r).toMatchObject({ sha256, ip: IP, caseId: openCaseId });

    const audit = await evidenceAuditOf(evidenceId);
    expect(audit.map((r) => [r.action, r.actorId])).toEqual([
      ['evidence.uploaded', teacher.userId],
      ['evidence.marked_sensitive', teacher.userId],
      ['evidence.preview_viewed', head.userId],
      ['evidence.original_viewed', head.userId],
      ['evidence.downloaded', investigator.userId],
    ]);
    for (const [i, a] of audit.entries()) {
      expect(a.ip).toBe(IP);
      expect(a.targetId).toBe(openCaseId);
      // Each audit row is the one written with its custody row: same instant, same order.
      expect(a.at.getTime()).toBe(custody[i]!.at.getTime());
    }
  });

  it('marking sensitive is one way', async () => {
    const { evidenceId } = await upload(teacher, openCaseId);
    await markEvidenceSensitive({ evidenceId }, ctx(head));
    expect(await refusal(markEvidenceSensitive({ evidenceId }, ctx(head)))).toMatchObject({
      code: 'conflict',
      fieldErrors: { _form: expect.arrayContaining(['alreadySensitive']) },
    });
    expect(await refusal(markEvidenceSensitive({ evidenceId }, ctx(member)))).toMatchObject({ code: 'forbidden' });
    const rows = await db
      .select()
      .from(evidenceCustody)
      .where(and(eq(evidenceCustody.evidenceId, evidenceId), eq(evidenceCustody.action, 'marked_sensitive')));
    expect(rows).toHaveLength(1);
  });
});

describe('who never sees evidence', () => {
  it('an auditor gets no list and not_found everywhere, and leaves no trace', async () => {
    const { evidenceId } = await upload(teacher, openCaseId);
    const before = await footprint();
    expect(await listEvidence(openCaseId, auditor)).toBeNull();
    expect(await refusal(beginEvidenceView({ evidenceId, reason: '감사 목적 확인' }, ctx(auditor)))).toMatchObject({ code: 'not_found' });
    expect(await refusal(downloadEvidence({ evidenceId, reason: '감사 목적 확인' }, ctx(auditor), store))).toMatchObject({ code: 'not_found' });
    expect(await refusal(thumbnailEvidence(evidenceId, ctx(auditor), store))).toMatchObject({ code: 'not_found' });
    expect(await refusal(markEvidenceSensitive({ evidenceId }, ctx(auditor)))).toMatchObject({ code: 'not_found' });
    expect(await footprint()).toEqual(before);
  });

  it('on a restricted case, staff outside the team get not_found, while the team’s investigator gets through', async () => {
    const { evidenceId } = await upload(teacher, restrictedCaseId);
    const before = await footprint();
    expect(await listEvidence(restrictedCaseId, otherTeacher)).toBeNull();
    expect(await refusal(beginEvidenceView({ evidenceId, reason: '같은 학교 교사 열람' }, ctx(otherTeacher)))).toMatchObject({ code: 'not_found' });
    expect(await refusal(upload(otherTeacher, restrictedCaseId))).toMatchObject({ code: 'not_found' });
    expect(await refusal(downloadEvidence({ evidenceId, reason: '같은 학교 교사 열람' }, ctx(otherTeacher), store))).toMatchObject({ code: 'not_found' });
    expect(await footprint()).toEqual(before);

    const list = await listEvidence(restrictedCaseId, investigator);
    expect(list!.files.every((f) => f.sensitive && !f.thumbnail)).toBe(true);
    expect(list!.rights).toMatchObject({ view: true, download: true });
  });

  it('an unknown file id is not_found', async () => {
    expect(await refusal(beginEvidenceView({ evidenceId: randomUUID(), reason: '존재하지 않는 파일' }, ctx(investigator)))).toMatchObject({
      code: 'not_found',
    });
  });
});

describe('the list', () => {
  it('shows names, sizes, hashes and uploaders, newest first', async () => {
    const before = await db.select({ n: count() }).from(evidenceCustody).where(gt(evidenceCustody.id, 0));
    const list = await listEvidence(openCaseId, teacher);
    expect(list!.files.length).toBeGreaterThan(0);
    const times = list!.files.map((f) => f.uploadedAt.getTime());
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    expect(list!.files[0]).toMatchObject({ uploadedByName: expect.any(String), sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
    // Listing shows no content, so it is not an access.
    expect(await db.select({ n: count() }).from(evidenceCustody).where(gt(evidenceCustody.id, 0))).toEqual(before);
  });
});
