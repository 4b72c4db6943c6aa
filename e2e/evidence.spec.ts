import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { Locator, Page } from '@playwright/test';
import { samplePhoto } from '../db/test/test-files';
import { expect, test } from './fixtures';
import { reportedIntake } from './pages/intake-page';
import type { Sql } from './support/db';
import { userIdByEmail } from './support/db';
import { waitForHydration } from './support/hydration';

/**
 * The evidence vault on a digital sex offence: the teacher who
 * files the deepfake case is told police reporting is mandatory, uploads the
 * image and sees no thumbnail of it; a renamed web page is refused. The
 * office's investigator, on the case team from intake, must give a reason,
 * sees the server-blurred preview first, opens the original only after a
 * second confirmation, and downloads it with a reason. Each access is a
 * custody row and an audit row; the auditor gets 404 from the vault's routes.
 */

const TEACHER = 'teacher@dolbom.demo';
const INVESTIGATOR = 'investigator@dolbom.demo';
const AUDITOR = 'auditor@dolbom.demo';
const VIEW_REASON = '피해 사실 확인과 삭제 지원 요청 준비';
const DOWNLOAD_REASON = '경찰서 사이버수사팀 제출용 사본';

const deepfakeIntake = () =>
  reportedIntake(1, 3, {
    location: '학급 단체 대화방',
    learnedVia: 'direct_report',
    reporterType: 'student',
    categories: ['digital_sex_offence'],
    summary: '같은 반 학생의 얼굴을 합성한 성적 허위영상물(딥페이크)이 학급 단체 대화방에 공유되었다고 피해학생이 신고함.',
    parties: [
      { name: '한서윤', role: 'victim', grade: 2, classNo: '3', guardianName: '한정우', guardianContact: '010-7123-4501' },
      { name: '오태민', role: 'alleged_perpetrator', grade: 2, classNo: '3', guardianName: '오세영', guardianContact: '010-7123-4502' },
    ],
  });

/** A photo-like PNG with no long repeats, so the blurred preview differs from it visibly. */
const photo = () => samplePhoto('png', 128);

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/** The vault on the case page (app/(app)/cases/[id]/evidence/section.tsx). */
class EvidenceVault {
  readonly section: Locator;
  readonly list: Locator;
  readonly rows: Locator;
  readonly uploadForm: Locator;

  constructor(readonly page: Page) {
    this.section = page.getByTestId('evidence-section');
    this.list = page.getByTestId('evidence-list');
    this.rows = page.getByTestId('evidence-row');
    this.uploadForm = page.getByTestId('evidence-upload-form');
  }

  async upload(file: { name: string; mimeType: string; buffer: Buffer }): Promise<void> {
    await waitForHydration(this.uploadForm);
    await this.uploadForm.getByTestId('evidence-file').setInputFiles(file);
    await this.uploadForm.getByTestId('evidence-upload-submit').click();
  }

  row(evidenceId: string): Locator {
    return this.section.locator(`[data-testid="evidence-row"][data-evidence-id="${evidenceId}"]`);
  }
}

async function custodyOf(sql: Sql, evidenceId: string) {
  return sql<{ action: string; actor_id: string | null; reason: string | null; sha256: string | null }[]>`
    select action::text as action, actor_id, reason, sha256 from evidence_custody where evidence_id = ${evidenceId} order by id`;
}

async function evidenceAudit(sql: Sql, evidenceId: string) {
  return sql<{ action: string; actor_id: string | null; reason: string | null }[]>`
    select action, actor_id, detail->>'reason' as reason from audit_log
    where action like 'evidence.%' and detail->>'evidenceId' = ${evidenceId} order by id`;
}

/** Loads an <img>'s bytes again through the browser's session, with the headers the route sent. */
async function fetchImage(page: Page, img: Locator) {
  const src = await img.getAttribute('src');
  if (!src) throw new Error('image without src');
  const res = await page.request.get(src);
  return { status: res.status(), headers: res.headers(), body: Buffer.from(await res.body()) };
}

test('a deepfake image is kept from eyes: no thumbnail, a reason, the blurred preview first, then the original', async ({
  page,
  signInAs,
  appShell,
  intakePage,
  casePage,
  sql,
}) => {
  test.setTimeout(180_000);
  const vault = new EvidenceVault(page);
  const original = await photo();
  const teacherId = await userIdByEmail(sql, TEACHER);
  const investigatorId = await userIdByEmail(sql, INVESTIGATOR);
  let caseId = '';
  let evidenceId = '';

  await test.step('the teacher files the deepfake case and is told police reporting is mandatory', async () => {
    await signInAs(TEACHER);
    await intakePage.openFromSchoolHome();
    caseId = await intakePage.fileCase(deepfakeIntake());
    await expect(casePage.policeBanner).toBeVisible();
    await expect(page.getByTestId('case-restricted')).toBeVisible();
    await expect(vault.section).toBeVisible();
    await expect(vault.section.getByTestId('evidence-empty')).toBeVisible();
    await expect(vault.section.getByTestId('evidence-restricted-note')).toBeVisible();
    const [team] = await sql<{ team_user_ids: string[] }[]>`select team_user_ids from cases where id = ${caseId}`;
    expect(team!.team_user_ids).toContain(investigatorId);
  });

  await test.step('a web page renamed photo.jpg is refused on the file field, and nothing is stored', async () => {
    await vault.upload({
      name: 'photo.jpg',
      mimeType: 'image/jpeg',
      buffer: Buffer.from('<!DOCTYPE html><html><body><script>alert(1)</script></body></html>'),
    });
    await expect(vault.uploadForm.locator('[id="evidence-file-error"]')).toContainText('허용하지 않는 파일');
    const [stored] = await sql<{ n: number }[]>`select count(*)::int as n from evidence_files where case_id = ${caseId}`;
    expect(stored!.n).toBe(0);
  });

  await test.step('the teacher uploads the image and sees no thumbnail of it', async () => {
    await vault.upload({ name: '딥페이크_캡처.jpg', mimeType: 'image/jpeg', buffer: original });
    await expect(vault.section.getByTestId('evidence-upload-done')).toBeVisible();
    await expect(vault.rows).toHaveCount(1);
    evidenceId = (await vault.rows.first().getAttribute('data-evidence-id'))!;
    const row = vault.row(evidenceId);
    await expect(row).toHaveAttribute('data-sensitive', 'true');
    await expect(row.getByTestId('evidence-sensitive-badge')).toBeVisible();
    await expect(row.getByTestId('evidence-name')).toHaveText('딥페이크_캡처.jpg');
    await expect(row.getByTestId('evidence-hash')).toHaveText(sha256(original).slice(0, 12));
    // No image of any kind in the list: no thumbnail, no inline preview.
    await expect(vault.list.locator('img')).toHaveCount(0);

    const [stored] = await sql<{ content_type: string; sha256: string; sensitive: boolean; size_bytes: number }[]>`
      select content_type, sha256, sensitive, size_bytes from evidence_files where id = ${evidenceId}`;
    // The name says .jpg; the content is a PNG, and the content wins.
    expect(stored).toEqual({ content_type: 'image/png', sha256: sha256(original), sensitive: true, size_bytes: original.length });
    expect(await custodyOf(sql, evidenceId)).toEqual([{ action: 'uploaded', actor_id: teacherId, reason: null, sha256: sha256(original) }]);
    expect(await evidenceAudit(sql, evidenceId)).toEqual([{ action: 'evidence.uploaded', actor_id: teacherId, reason: null }]);
  });

  await test.step('the investigator must state a reason, then sees the server-blurred preview first', async () => {
    await appShell.signOut();
    await signInAs(INVESTIGATOR);
    await casePage.goto(caseId);
    const row = vault.row(evidenceId);
    await expect(row).toBeVisible();
    await expect(vault.list.locator('img')).toHaveCount(0);

    await waitForHydration(row.getByTestId('evidence-view'));
    await row.getByTestId('evidence-view').click();
    await row.getByTestId('evidence-view-reason').fill('확인');
    await row.getByTestId('evidence-view-submit').click();
    await expect(row.locator(`[id="evidence-view-reason-${evidenceId}-error"]`)).toContainText('5자 이상');
    expect(await custodyOf(sql, evidenceId)).toHaveLength(1);

    await row.getByTestId('evidence-view-reason').fill(VIEW_REASON);
    await row.getByTestId('evidence-view-submit').click();
    const preview = row.getByTestId('evidence-preview');
    await expect(preview).toBeVisible();
    await expect.poll(() => preview.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
    await expect(row.getByTestId('evidence-original')).toHaveCount(0);

    const served = await fetchImage(page, preview);
    expect(served.status).toBe(200);
    expect(served.headers['content-type']).toBe('image/jpeg');
    expect(served.headers['cache-control']).toContain('no-store');
    expect(served.headers['x-content-type-options']).toBe('nosniff');
    expect(served.headers['content-security-policy']).toContain("default-src 'none'");
    expect(sha256(served.body)).not.toBe(sha256(original));

    expect((await custodyOf(sql, evidenceId)).map((r) => [r.action, r.actor_id, r.reason])).toEqual([
      ['uploaded', teacherId, null],
      ['preview_viewed', investigatorId, VIEW_REASON],
    ]);
  });

  await test.step('the original opens only after a second, explicit confirmation', async () => {
    const row = vault.row(evidenceId);
    await row.getByTestId('evidence-show-original').click();
    await expect(row.getByTestId('evidence-confirm-question')).toBeVisible();
    await expect(row.getByTestId('evidence-original')).toHaveCount(0);
    await row.getByTestId('evidence-confirm-original').click();
    const shown = row.getByTestId('evidence-original');
    await expect(shown).toBeVisible();
    await expect.poll(() => shown.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
    const served = await fetchImage(page, shown);
    expect(served.headers['content-type']).toBe('image/png');
    expect(sha256(served.body)).toBe(sha256(original));

    expect((await custodyOf(sql, evidenceId)).map((r) => [r.action, r.actor_id, r.reason])).toEqual([
      ['uploaded', teacherId, null],
      ['preview_viewed', investigatorId, VIEW_REASON],
      ['original_viewed', investigatorId, VIEW_REASON],
    ]);
    expect(await evidenceAudit(sql, evidenceId)).toEqual([
      { action: 'evidence.uploaded', actor_id: teacherId, reason: null },
      { action: 'evidence.preview_viewed', actor_id: investigatorId, reason: VIEW_REASON },
      { action: 'evidence.original_viewed', actor_id: investigatorId, reason: VIEW_REASON },
    ]);
    await row.getByTestId('evidence-close').click();
  });

  await test.step('the investigator downloads the original with a reason; its hash is the recorded one', async () => {
    const row = vault.row(evidenceId);
    await row.getByTestId('evidence-download').click();
    await row.getByTestId('evidence-download-reason').fill(DOWNLOAD_REASON);
    const downloading = page.waitForEvent('download');
    await row.getByTestId('evidence-download-submit').click();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe('딥페이크_캡처.jpg');
    const bytes = await readFile((await download.path())!);
    expect(sha256(bytes)).toBe(sha256(original));
    await expect(row.getByTestId('evidence-download-done')).toBeVisible();
    const custody = await custodyOf(sql, evidenceId);
    expect(custody.at(-1)).toEqual({ action: 'downloaded', actor_id: investigatorId, reason: DOWNLOAD_REASON, sha256: sha256(original) });
    expect((await evidenceAudit(sql, evidenceId)).at(-1)).toEqual({ action: 'evidence.downloaded', actor_id: investigatorId, reason: DOWNLOAD_REASON });
  });

  await test.step('the auditor never sees evidence: the case and the vault routes answer 404', async () => {
    await appShell.signOut();
    await signInAs(AUDITOR);
    const before = (await custodyOf(sql, evidenceId)).length;
    const res = await casePage.goto(caseId);
    expect(res?.status()).toBe(404);
    await expect(vault.section).toHaveCount(0);
    expect((await page.request.get(`/api/evidence/${evidenceId}/thumbnail`)).status()).toBe(404);
    expect((await page.request.get(`/api/evidence/${evidenceId}/view?stage=preview&token=${'x'.repeat(40)}`)).status()).toBe(404);
    expect(
      (
        await page.request.post(`/api/evidence/${evidenceId}/download`, { data: { reason: DOWNLOAD_REASON }, headers: { origin: new URL(page.url()).origin } })
      ).status(),
    ).toBe(404);
    expect(await custodyOf(sql, evidenceId)).toHaveLength(before);
  });
});
