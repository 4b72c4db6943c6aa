import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fileCaseAction } from '@/app/(app)/cases/actions';
import { seed } from '@/db/seed';
import { auditLog, caseEvents, caseParties, cases } from '@/db/schema';
import { actorByEmail, intake, rowCounts } from '@/db/test/fixtures';
import type { Actor } from '@/lib/auth/roles';

/**
 * A real action from app/ through the helper against the database. Only what
 * needs a Next request is stood in for: the next-auth session (the actor is
 * then loaded with its grants from the database, as in production), the
 * request headers and revalidatePath.
 */
const session = vi.hoisted(() => ({ userId: null as string | null }));
const revalidatePath = vi.hoisted(() => vi.fn());
vi.mock('next-auth', () => ({ getServerSession: async () => (session.userId ? { user: { id: session.userId } } : null) }));
vi.mock('next/headers', () => ({ headers: async () => new Headers({ 'x-forwarded-for': '203.0.113.7' }) }));
vi.mock('next/cache', () => ({ revalidatePath }));

const tables = { cases, caseParties, caseEvents, auditLog };
let teacher: Actor;

beforeAll(async () => {
  await seed();
  teacher = await actorByEmail('teacher@dolbom.demo');
});
beforeEach(() => {
  session.userId = teacher.userId;
  revalidatePath.mockClear();
});

const report = () =>
  intake(teacher.grants[0]!.schoolId!, {
    occurredAt: '2026-01-05T09:00',
    reportedAt: '2026-01-05T10:00',
    location: '교실',
    categories: ['verbal'],
    summary: '욕설',
  });

describe('fileCaseAction through caseAction’s helper', () => {
  it('bad input answers field errors and writes nothing', async () => {
    const before = await rowCounts(tables);
    const result = await fileCaseAction({ ...report(), parties: [] });
    expect(result).toMatchObject({ ok: false, error: 'invalid_input' });
    expect(result?.ok === false && result.fieldErrors).toBeTruthy();
    expect(await rowCounts(tables)).toEqual(before);
    expect(revalidatePath).not.toHaveBeenCalled();
  });

  it('without a session answers unauthenticated and writes nothing', async () => {
    session.userId = null;
    const before = await rowCounts(tables);
    expect(await fileCaseAction(report())).toEqual({ ok: false, error: 'unauthenticated' });
    expect(await rowCounts(tables)).toEqual(before);
  });

  it('files the case with its audit row, answers only the id and number, and revalidates the case and every list', async () => {
    const before = await rowCounts(tables);
    const result = await fileCaseAction(report());
    if (!result?.ok || !result.data) throw new Error(`filing failed: ${JSON.stringify(result)}`);
    expect(Object.keys(result.data).sort()).toEqual(['caseNumber', 'id']);
    const after = await rowCounts(tables);
    expect(after.cases).toBe(before.cases + 1);
    expect(after.auditLog).toBeGreaterThan(before.auditLog);
    expect(revalidatePath.mock.calls).toEqual([[`/cases/${result.data.id}`], ['/school'], ['/office'], ['/admin/case-teams', 'layout'], ['/audit', 'layout']]);
  });
});
