import { readFileSync } from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import { decryptField, parseKey } from '../lib/crypto/field';
import { expect, test } from './fixtures';
import { casePartiesOf, countCaseViews } from './support/case-db';
import type { Sql } from './support/db';
import { userIdByEmail } from './support/db';

/**
 * The education office's audit dashboard, against the seeded demo
 * cases: an auditor narrows it to an office, finds a breached clock, follows
 * the number to the cases behind it and into a case file, sees students only
 * by pseudonym, and exports the list; school staff cannot open it.
 */

const AUDITOR = 'auditor@dolbom.demo';
const TEACHER = 'teacher@dolbom.demo';
const OFFICE = '강남서초';
const PSEUDONYM = /학생-[0-9A-F]{6}/;

/** /audit and the pages behind its numbers (app/(app)/audit). */
class AuditDashboard {
  readonly heading: Locator;
  readonly scope: Locator;
  readonly officeFilter: Locator;
  readonly apply: Locator;
  readonly drillTotal: Locator;
  readonly drillList: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByTestId('home-audit');
    this.scope = page.getByTestId('audit-scope');
    this.officeFilter = page.getByTestId('filter-office');
    this.apply = page.getByTestId('audit-filters-apply');
    this.drillTotal = page.getByTestId('audit-drill-total');
    this.drillList = page.getByTestId('audit-drill-list');
  }

  /** The "breached, still open" count of one deadline key, a link to its cases. */
  breachedOpen(key: string): Locator {
    return this.page.getByTestId(`table-keys`).getByTestId(`key-${key}-breached-open`);
  }

  async filterToOffice(label: string) {
    await this.officeFilter.selectOption({ label });
    await Promise.all([this.page.waitForURL((url) => url.pathname === '/audit' && url.searchParams.has('office')), this.apply.click()]);
  }
}

/** Clocks breached and still open per key, read from the case snapshots the case pages store, not from the dashboard's tables. */
async function breachedOpenByKey(sql: Sql, office: string): Promise<{ key: string; n: number; openable: number }[]> {
  return sql<{ key: string; n: number; openable: number }[]>`
    select d->>'key' as key, count(*)::int as n, count(*) filter (where not c.restricted)::int as openable
    from cases c join offices o on o.id = c.office_id, jsonb_array_elements(c.deadlines) d
    where o.short_name = ${office} and c.status <> 'closed' and d->>'metAt' is null and d->>'dueAt' is not null
      and (d->>'dueAt')::timestamptz < now() and d->>'status' not in ('open', 'closed')
      and c.reported_at >= (date_trunc('month', now() at time zone 'Asia/Seoul') - interval '11 months') at time zone 'Asia/Seoul'
    group by 1
    order by count(*) filter (where not c.restricted) > 0 desc, count(*) desc, 1`;
}

async function namesOfCase(sql: Sql, caseId: string): Promise<string[]> {
  const key = parseKey(process.env.DOLBOM_ENCRYPTION_KEY ?? '');
  const parties = await casePartiesOf(sql, caseId);
  return parties.flatMap((p) => [decryptField(key, p.name_enc), ...(p.guardian_name_enc ? [decryptField(key, p.guardian_name_enc)] : [])]);
}

test('an auditor filters to an office, follows a breached count to a case seen by pseudonym, and exports the list', async ({
  page,
  signInAs,
  appShell,
  sql,
}) => {
  const dashboard = new AuditDashboard(page);
  await signInAs(AUDITOR);
  await expect(page).toHaveURL((url) => url.pathname === '/audit');
  await expect(dashboard.heading).toBeVisible();

  await dashboard.filterToOffice(OFFICE);
  await expect(dashboard.scope).toContainText('서울특별시강남서초교육지원청');

  // The key with the most breached open clocks in the demo office, as the stored case snapshots count them.
  const [worst] = await breachedOpenByKey(sql, OFFICE);
  expect(worst?.openable, 'the demo seed leaves overdue clocks in cases an auditor may open').toBeGreaterThan(0);
  const { key, n: count } = worst!;
  await expect(dashboard.breachedOpen(key)).toHaveText(String(count));

  // The number links to exactly the cases behind it.
  await Promise.all([page.waitForURL((url) => url.pathname === '/audit/cases'), dashboard.breachedOpen(key).click()]);
  await expect(dashboard.drillTotal).toContainText(String(count));
  await expect(dashboard.drillList.locator('tbody tr')).toHaveCount(count);
  const openable = dashboard.drillList.getByTestId('drill-case-link');
  await expect(openable.first()).toBeVisible();
  const row = dashboard.drillList
    .locator('tbody tr')
    .filter({ has: page.getByTestId('drill-case-link') })
    .first();
  const pseudonyms = (await row.getByTestId('drill-parties').textContent()) ?? '';
  expect(pseudonyms).toMatch(PSEUDONYM);

  // Into the case file: pseudonyms, never names; the view is audited.
  const auditorId = await userIdByEmail(sql, AUDITOR);
  await Promise.all([page.waitForURL((url) => url.pathname.startsWith('/cases/')), row.getByTestId('drill-case-link').click()]);
  const caseId = new URL(page.url()).pathname.split('/').pop()!;
  const parties = page.getByTestId('parties');
  await expect(parties).toBeVisible();
  await expect(parties).toContainText(PSEUDONYM);
  for (const name of await namesOfCase(sql, caseId)) {
    await expect(page.locator('main')).not.toContainText(name);
    expect(pseudonyms).not.toContain(name);
  }
  await expect.poll(() => countCaseViews(sql, caseId, auditorId)).toBeGreaterThan(0);
  const [view] = await sql<
    { detail: { identities: boolean } }[]
  >`select detail from audit_log where action = 'case.viewed' and target_id = ${caseId} and actor_id = ${auditorId} order by id desc limit 1`;
  expect(view?.detail.identities).toBe(false);

  // Back to the list and download it: Excel-ready CSV with pseudonyms only.
  await page.goBack();
  await expect(dashboard.drillList).toBeVisible();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-cases').click()]);
  expect(download.suggestedFilename()).toMatch(/^dolbom-audit-cases-.*\.csv$/);
  const csv = readFileSync((await download.path())!, 'utf8');
  expect(csv.charCodeAt(0)).toBe(0xfeff);
  const lines = csv.slice(1).trim().split('\r\n');
  expect(lines).toHaveLength(count + 1);
  expect(csv).toMatch(PSEUDONYM);
  const officeCases = await sql<{ id: string }[]>`select c.id::text as id from cases c join offices o on o.id = c.office_id where o.short_name = ${OFFICE}`;
  for (const { id } of officeCases) for (const name of await namesOfCase(sql, id)) expect(csv).not.toContain(name);
  await expect(appShell.signedInAs).toBeVisible();
});

test('school staff cannot open the audit dashboard, its drill-down or its export', async ({ page, signInAs, appShell }) => {
  await signInAs(TEACHER);
  await expect(page).toHaveURL((url) => url.pathname === '/school');
  await expect(appShell.nav.getByRole('link', { name: '감사 대시보드' })).toHaveCount(0);

  for (const path of ['/audit', '/audit/cases?m=cases', '/audit/report']) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
    await expect(appShell.notFound).toBeVisible();
    await expect(page.getByTestId('home-audit')).toHaveCount(0);
  }
  const csv = await page.request.get('/api/audit/export?table=cases&m=cases');
  expect(csv.status()).toBe(403);
});
