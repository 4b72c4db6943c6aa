import { eq, inArray } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { auditLog, caseEvents, cases, offices } from '@/db/schema';
import { seed } from '@/db/seed';
import { rowCounts } from '@/db/test/fixtures';
import { clockSummary, deadlineStatusAt } from '@/lib/cases/list';
import { DEMO_CASE_COUNT, DEMO_CASE_KEYS } from './demo-cases';

const now = new Date();

const totals = () => rowCounts({ cases, events: caseEvents, audit: auditLog });

const demoCases = () =>
  db
    .select({ c: cases, office: offices.shortName })
    .from(cases)
    .innerJoin(offices, eq(offices.id, cases.officeId))
    .where(inArray(cases.idempotencyKey, DEMO_CASE_KEYS));

beforeAll(async () => {
  await seed();
});

describe('demo cases', () => {
  it('seeding again adds no case, event or audit row', async () => {
    const first = await totals();
    await seed();
    expect(await totals()).toEqual(first);
    expect(first.cases).toBe(DEMO_CASE_COUNT);
  });

  it('there are at least ten, in both offices, at different stages', async () => {
    const rows = await demoCases();
    expect(rows.length).toBeGreaterThanOrEqual(10);
    expect(new Set(rows.map((r) => r.office))).toEqual(new Set(['강남서초', '수원']));
    expect(new Set(rows.map((r) => r.c.status)).size).toBeGreaterThanOrEqual(3);
    expect(rows.some((r) => r.c.restricted)).toBe(true);
  });

  it('the clocks are realistic now: an office report is breached, a fresh case has all pending, a police report is breached', async () => {
    const rows = await demoCases();
    const statusNow = (key: string) =>
      rows.map(({ c }) => {
        const d = c.deadlines.find((x) => x.key === key);
        return d ? deadlineStatusAt(d, c.reportedAt, now) : undefined;
      });
    expect(statusNow('office_report')).toContain('breached');
    expect(statusNow('police_report')).toContain('breached');
    expect(statusNow('police_report')).toContain('met');
    expect(statusNow('separation_limit')).toContain('due_soon');
    expect(statusNow('investigation')).toContain('breached');
    expect(statusNow('separation_start')).toContain('not_applicable');
    const fresh = rows.find(({ c }) => c.idempotencyKey === DEMO_CASE_KEYS[0]);
    expect(clockSummary(fresh!.c, now).breached).toBe(0);
  });

  it("an emergency measure waits for the school body's ratification", async () => {
    const [measure] = await db.select({ data: caseEvents.data }).from(caseEvents).where(eq(caseEvents.type, 'emergency_measure_taken'));
    expect(measure?.data).toMatchObject({ measure: 'suspension', awaitingRatification: true });
  });
});
