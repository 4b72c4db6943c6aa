import { readFileSync } from 'node:fs';
import { expect, test } from './fixtures';
import { userIdByEmail, type Sql } from './support/db';
import { waitForHydration } from './support/hydration';

/**
 * Retention and legal holds on the case page: the
 * investigator sets a hold with a reason and sees the evidence held,
 * releases it after confirming, and downloads the chain-of-custody report
 * that lists both; school staff see the status but neither the form nor
 * the export.
 */

const INVESTIGATOR = 'investigator@dolbom.demo';
const TEACHER = 'teacher@dolbom.demo';
const REASON = '경찰 수사 자료로 제출 예정';

/** An open, unrestricted demo case of 대치중학교 with no hold and no pending appeal: its evidence is simply kept. */
async function keptCase(sql: Sql): Promise<{ id: string; caseNumber: string }> {
  const [row] = await sql<{ id: string; case_number: string }[]>`
    select c.id::text as id, c.case_number from cases c join schools s on s.id = c.school_id
    where s.name = '대치중학교' and not c.restricted and c.status <> 'closed'
      and not exists (select 1 from legal_holds h where h.case_id = c.id)
      and not exists (select 1 from appeals a where a.case_id = c.id and a.outcome = 'pending')
    order by c.case_number limit 1`;
  if (!row) throw new Error('no open unrestricted demo case at 대치중학교');
  return { id: row.id, caseNumber: row.case_number };
}

async function holdsOf(sql: Sql, caseId: string) {
  return sql<{ reason: string; set_by: string; released_by: string | null; released: boolean }[]>`
    select reason, set_by::text as set_by, released_by::text as released_by, released_at is not null as released from legal_holds where case_id = ${caseId} order by set_at`;
}

async function evidenceAudit(sql: Sql, caseId: string) {
  return sql<{ action: string; actor_id: string | null; detail: Record<string, unknown> }[]>`
    select action, actor_id::text as actor_id, detail from audit_log where target_id = ${caseId} and action like 'evidence.%' order by id`;
}

test('the investigator holds a case’s evidence with a reason, releases it after confirming, and downloads the custody report; staff only see the status', async ({
  page,
  signInAs,
  sql,
}) => {
  const { id: caseId, caseNumber } = await keptCase(sql);
  const investigatorId = await userIdByEmail(sql, INVESTIGATOR);

  await signInAs(INVESTIGATOR);
  await page.goto(`/cases/${caseId}`);
  const panel = page.getByTestId('retention-panel');
  const status = panel.getByTestId('retention-status');
  await expect(status).toHaveAttribute('data-state', 'kept');
  await expect(panel.getByTestId('retention-holds-empty')).toBeVisible();

  // A hold without a reason is refused in the browser, and nothing is stored.
  const form = panel.getByTestId('hold-set-form');
  await waitForHydration(form);
  await form.getByTestId('hold-set-submit').click();
  await expect(form.locator('#hold-reason-error')).not.toBeEmpty();
  expect(await holdsOf(sql, caseId)).toEqual([]);

  await form.getByTestId('hold-reason').fill(REASON);
  await form.getByTestId('hold-set-submit').click();
  await expect(status).toHaveAttribute('data-state', 'held');
  await expect(panel.getByTestId('retention-hold-reason')).toHaveAttribute('data-reason', 'manual');
  const hold = panel.getByTestId('retention-hold');
  await expect(hold).toHaveAttribute('data-active', 'true');
  await expect(hold).toContainText(REASON);
  expect(await holdsOf(sql, caseId)).toEqual([{ reason: REASON, set_by: investigatorId, released_by: null, released: false }]);
  expect(await evidenceAudit(sql, caseId)).toMatchObject([{ action: 'evidence.hold_set', actor_id: investigatorId, detail: { reason: REASON } }]);

  // Releasing asks first; cancelling changes nothing.
  await waitForHydration(hold.getByTestId('hold-release'));
  await hold.getByTestId('hold-release').click();
  await hold.getByRole('button', { name: '취소' }).click();
  expect((await holdsOf(sql, caseId))[0]!.released).toBe(false);
  await hold.getByTestId('hold-release').click();
  await hold.getByTestId('hold-release-confirm').click();
  await expect(status).toHaveAttribute('data-state', 'kept');
  await expect(hold).toHaveAttribute('data-active', 'false');
  expect(await holdsOf(sql, caseId)).toEqual([{ reason: REASON, set_by: investigatorId, released_by: investigatorId, released: true }]);
  expect((await evidenceAudit(sql, caseId)).map((a) => a.action)).toEqual(['evidence.hold_set', 'evidence.hold_released']);

  // The custody report for the police: an Excel CSV with the hold's history, and its own export on record.
  const [download] = await Promise.all([page.waitForEvent('download'), panel.getByTestId('custody-export-csv').click()]);
  expect(download.suggestedFilename()).toBe(`${caseNumber}-custody-report.csv`);
  const csv = readFileSync((await download.path())!, 'utf8');
  expect(csv.charCodeAt(0)).toBe(0xfeff);
  for (const text of [caseNumber, '보존 설정', '보존 해제', REASON, '보관 이력 보고서 생성']) expect(csv).toContain(text);
  const [exported] = await sql<{ actor_id: string; evidence_id: string | null }[]>`
    select actor_id::text as actor_id, evidence_id::text as evidence_id from evidence_custody where case_id = ${caseId} and action = 'custody_exported'`;
  expect(exported).toEqual({ actor_id: investigatorId, evidence_id: null });
  expect((await evidenceAudit(sql, caseId)).at(-1)).toMatchObject({ action: 'evidence.custody_exported', actor_id: investigatorId, detail: { format: 'csv' } });

  // School staff see what is kept and why, but cannot set holds or export.
  await page.context().clearCookies();
  await signInAs(TEACHER);
  await page.goto(`/cases/${caseId}`);
  await expect(panel.getByTestId('retention-status')).toHaveAttribute('data-state', 'kept');
  await expect(panel.getByTestId('retention-hold')).toContainText(REASON);
  await expect(panel.getByTestId('hold-set-form')).toHaveCount(0);
  await expect(panel.getByTestId('hold-release')).toHaveCount(0);
  await expect(panel.getByTestId('custody-export')).toHaveCount(0);
  const response = await page.request.get(`/api/cases/${caseId}/custody?format=csv`);
  expect(response.status()).toBe(403);
  expect(response.headers()['cache-control']).toBe('no-store');
});
