import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import type { Sql } from './support/db';
import { userIdByEmail } from './support/db';
import { waitForHydration } from './support/hydration';
import { DAY_MS, hoursAgo, kstLocal } from './support/kst';

/**
 * Online locations and takedown tracking on the seeded deepfake case (a
 * digital sex offence the principal filed, so restricted to its team): the
 * head records where the material was seen, records the request to 디성센터
 * with its reference number, and marks it removed; a second request is
 * closed only after the confirmation. Each step is checked on the page, in
 * the rows and in the audit log.
 */

/** db/seed/demo-cases.ts: the digital sex offence case's idempotency key. */
const DEEPFAKE_CASE_KEY = 'd0b0e000-0000-4000-8000-000000000006';
const HEAD = 'head@dolbom.demo';
const URL_SEEN = 'https://t.me/e2e_leak_channel/7713';
const REFERENCE = 'DSC-2026-E2E-0117';

/** The takedown section of the case page (app/(app)/cases/[id]/takedowns/section.tsx). */
class TakedownSection {
  readonly root: Locator;
  readonly summary: Locator;
  readonly empty: Locator;
  readonly locations: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId('section-takedowns');
    this.summary = this.root.getByTestId('takedown-summary');
    this.empty = this.root.getByTestId('takedowns-empty');
    this.locations = this.root.getByTestId('takedown-location');
  }

  form(name: string): Locator {
    return this.root.getByTestId(`form-${name}`);
  }

  field(name: string, field: string): Locator {
    return this.form(name).locator(`[id="${name}-${field}"]`);
  }

  request(target: 'dsc' | 'platform' | 'kcsc'): Locator {
    return this.root.getByTestId('takedown-request').filter({ has: this.page.locator(`th`, { hasText: TARGET_LABEL[target] }) });
  }

  async expectSummary(locations: number, removed: number): Promise<void> {
    await expect(this.summary).toHaveAttribute('data-locations', String(locations));
    await expect(this.summary).toHaveAttribute('data-removed', String(removed));
    await expect(this.summary).toContainText(`위치 ${locations}곳, 삭제 완료 ${removed}곳`);
  }

  async recordLocation(v: { platform: string; url: string; firstSeenAt: string; firstSeenBy: string }): Promise<void> {
    const name = 'record_location';
    await waitForHydration(this.form(name));
    await this.field(name, 'platform').selectOption(v.platform);
    await this.field(name, 'url').fill(v.url);
    await this.field(name, 'firstSeenAt').fill(v.firstSeenAt);
    await this.field(name, 'firstSeenBy').fill(v.firstSeenBy);
    await this.form(name).getByTestId(`form-${name}-submit`).click();
  }

  async requestTakedown(locationId: string, v: { target: 'dsc' | 'platform' | 'kcsc'; requestedAt: string; referenceNo?: string }): Promise<void> {
    const name = `request_takedown-${locationId}`;
    await waitForHydration(this.form(name));
    await this.field(name, 'target').selectOption(v.target);
    await this.field(name, 'requestedAt').fill(v.requestedAt);
    if (v.referenceNo) await this.field(name, 'referenceNo').fill(v.referenceNo);
    await this.form(name).getByTestId(`form-${name}-submit`).click();
  }

  async chooseStatus(requestId: string, status: string): Promise<Locator> {
    const name = `change_status-${requestId}`;
    await waitForHydration(this.form(name));
    await this.field(name, 'status').selectOption(status);
    await this.form(name).getByTestId(`form-${name}-submit`).click();
    return this.form(name);
  }
}

const TARGET_LABEL = { dsc: '디성센터', platform: '플랫폼 운영자', kcsc: '방송통신심의위원회' } as const;

async function caseIdByKey(sql: Sql, key: string): Promise<string> {
  const [row] = await sql<{ id: string }[]>`select id from cases where idempotency_key = ${key}`;
  if (!row) throw new Error(`the seeded case ${key} is missing`);
  return row.id;
}

async function locationsOf(sql: Sql, caseId: string) {
  return sql<{ id: string; platform: string; url_enc: string; first_seen_by_enc: string; recorded_by: string }[]>`
    select id, platform, url_enc, first_seen_by_enc, recorded_by from online_locations where case_id = ${caseId} order by recorded_at, id`;
}

async function requestsOf(sql: Sql, caseId: string) {
  return sql<
    {
      id: string;
      target: string;
      reference_no: string | null;
      status: string;
      requested_at: Date;
      status_at: Date;
      next_reminder_at: Date | null;
      version: number;
    }[]
  >`
    select id, target::text as target, reference_no, status::text as status, requested_at, status_at, next_reminder_at, version
    from takedown_requests where case_id = ${caseId} order by requested_at, id`;
}

async function updatesOf(sql: Sql, requestId: string) {
  return sql<{ status: string; actor_id: string | null }[]>`
    select status::text as status, actor_id from takedown_updates where request_id = ${requestId} order by at, id`;
}

async function takedownAudit(sql: Sql, caseId: string) {
  return sql<{ action: string; actor_id: string | null; detail: Record<string, string> }[]>`
    select action, actor_id, detail from audit_log where target_id = ${caseId} and action like 'takedown.%' order by id`;
}

test('a takedown request is recorded for an online location and then marked removed', async ({ page, signInAs, casePage, sql }) => {
  test.setTimeout(120_000);
  const takedowns = new TakedownSection(page);
  const caseId = await caseIdByKey(sql, DEEPFAKE_CASE_KEY);
  const headId = await userIdByEmail(sql, HEAD);
  const firstSeen = hoursAgo(30);
  const requested = hoursAgo(2);
  let locationId = '';
  let dscId = '';

  await test.step('the case starts with no locations and says what to do first', async () => {
    await signInAs(HEAD);
    await casePage.goto(caseId);
    await expect(casePage.policeBanner).toBeVisible();
    await takedowns.expectSummary(0, 0);
    await expect(takedowns.empty).toContainText('URL을 기록한 다음, 디지털성범죄피해자지원센터(디성센터)에 삭제를 요청');
    expect(await locationsOf(sql, caseId)).toEqual([]);
  });

  await test.step('a bad address is refused in the form and nothing is stored', async () => {
    await takedowns.recordLocation({ platform: 'telegram', url: 'javascript:alert(1)', firstSeenAt: kstLocal(firstSeen), firstSeenBy: '피해학생 보호자' });
    await expect(takedowns.root.locator('[id="record_location-url-error"]')).toHaveText('http:// 또는 https://로 시작하는 올바른 주소를 입력하세요.');
    expect(await locationsOf(sql, caseId)).toEqual([]);
  });

  await test.step('the head records where the material was seen: the address is stored encrypted and audited', async () => {
    await takedowns.recordLocation({ platform: 'telegram', url: URL_SEEN, firstSeenAt: kstLocal(firstSeen), firstSeenBy: '피해학생 보호자' });
    await expect(takedowns.locations).toHaveCount(1);
    await takedowns.expectSummary(1, 0);
    await expect(takedowns.locations.getByTestId('takedown-platform')).toHaveText('텔레그램');
    // Plain text to copy, never a link that would open the material.
    await expect(takedowns.locations.getByTestId('takedown-url')).toHaveText(URL_SEEN);
    await expect(takedowns.locations.locator(`a[href="${URL_SEEN}"]`)).toHaveCount(0);
    await expect(takedowns.locations.getByTestId('takedown-no-requests')).toBeVisible();

    const [row] = await locationsOf(sql, caseId);
    expect(row).toMatchObject({ platform: 'telegram', recorded_by: headId });
    expect(row!.url_enc).not.toContain('t.me');
    expect(row!.first_seen_by_enc).not.toContain('보호자');
    locationId = row!.id;
    expect(await takedownAudit(sql, caseId)).toEqual([
      { action: 'takedown.location_recorded', actor_id: headId, detail: { locationId, platform: 'telegram' } },
    ]);
  });

  await test.step('the request to 디성센터 with its reference number: 1 location, 0 removed, follow-up in 7 days', async () => {
    await takedowns.requestTakedown(locationId, { target: 'dsc', requestedAt: kstLocal(requested), referenceNo: REFERENCE });
    const row = takedowns.request('dsc');
    await expect(row).toHaveAttribute('data-status', 'requested');
    await expect(row.getByTestId('takedown-status')).toHaveText('요청함');
    await expect(row.getByTestId('takedown-reference')).toHaveText(REFERENCE);
    await expect(row.getByTestId('takedown-next-reminder')).not.toHaveText('알림 없음');
    await takedowns.expectSummary(1, 0);

    const [stored] = await requestsOf(sql, caseId);
    expect(stored).toMatchObject({ target: 'dsc', reference_no: REFERENCE, status: 'requested', version: 1 });
    expect(stored!.next_reminder_at!.getTime() - stored!.requested_at.getTime()).toBe(7 * DAY_MS);
    dscId = stored!.id;
    await expect(row).toHaveAttribute('data-request-id', dscId);
    expect(await updatesOf(sql, dscId)).toEqual([{ status: 'requested', actor_id: headId }]);
    expect((await takedownAudit(sql, caseId)).at(-1)).toEqual({
      action: 'takedown.requested',
      actor_id: headId,
      detail: { requestId: dscId, locationId, target: 'dsc' },
    });
  });

  await test.step('marked removed: the summary counts it, the reminders stop, the change is audited', async () => {
    await takedowns.chooseStatus(dscId, 'removed');
    const row = takedowns.request('dsc');
    await expect(row).toHaveAttribute('data-status', 'removed');
    await expect(row.getByTestId('takedown-status')).toHaveText('삭제됨');
    await expect(row.getByTestId('takedown-next-reminder')).toHaveText('알림 없음');
    await takedowns.expectSummary(1, 1);

    const [stored] = await requestsOf(sql, caseId);
    expect(stored).toMatchObject({ id: dscId, status: 'removed', next_reminder_at: null, version: 2 });
    expect(await updatesOf(sql, dscId)).toEqual([
      { status: 'requested', actor_id: headId },
      { status: 'removed', actor_id: headId },
    ]);
    expect((await takedownAudit(sql, caseId)).at(-1)).toEqual({
      action: 'takedown.status_changed',
      actor_id: headId,
      detail: { requestId: dscId, from: 'requested', to: 'removed' },
    });
  });

  await test.step('closing a request asks first, and only the confirmation closes it', async () => {
    await takedowns.requestTakedown(locationId, { target: 'platform', requestedAt: kstLocal(hoursAgo(1)) });
    await expect(takedowns.request('platform')).toHaveAttribute('data-status', 'requested');
    const platformId = (await requestsOf(sql, caseId)).find((r) => r.target === 'platform')!.id;
    const auditBefore = (await takedownAudit(sql, caseId)).length;

    const form = await takedowns.chooseStatus(platformId, 'closed');
    const confirm = form.getByTestId(`form-change_status-${platformId}-confirm`);
    await expect(confirm).toContainText('확인 알림이 멈춥니다');
    expect((await requestsOf(sql, caseId)).find((r) => r.id === platformId)!.status).toBe('requested');
    expect(await takedownAudit(sql, caseId)).toHaveLength(auditBefore);

    await confirm.getByTestId(`form-change_status-${platformId}-confirm-yes`).click();
    await expect(takedowns.request('platform')).toHaveAttribute('data-status', 'closed');
    expect((await requestsOf(sql, caseId)).find((r) => r.id === platformId)).toMatchObject({ status: 'closed', next_reminder_at: null });
    expect((await takedownAudit(sql, caseId)).at(-1)).toEqual({
      action: 'takedown.status_changed',
      actor_id: headId,
      detail: { requestId: platformId, from: 'requested', to: 'closed' },
    });
    // A closed request is not a removal, and the removal already recorded still counts.
    await takedowns.expectSummary(1, 1);
  });
});
