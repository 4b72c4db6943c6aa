/**
 * Integration-test set-up for retention, holds, the purge and the custody
 * report: cases put straight into closing or under appeal, and the checks
 * every refusal test makes. Production code goes through the workflow.
 */
import { randomUUID } from 'node:crypto';
import { count, eq } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import { db } from '@/db/client';
import { appeals, cases } from '@/db/schema';
import type { Actor } from '@/lib/auth/roles';
import type { FileCaseInput } from '@/lib/cases/schemas';
import { DomainError, type DomainErrorCode } from '@/lib/errors';

export function intake(schoolId: string, overrides: Partial<FileCaseInput> = {}): FileCaseInput {
  return {
    idempotencyKey: randomUUID(),
    schoolId,
    occurredAt: '2026-03-02T09:30',
    reportedAt: '2026-03-02T10:00',
    location: '교실',
    learnedVia: 'direct_report',
    reporterType: 'student',
    categories: ['physical'],
    summary: '쉬는 시간에 밀치고 때림',
    parties: [
      { name: '김피해', role: 'victim', schoolMode: 'own', grade: 2, classNo: '3', guardianName: '김보호', guardianContact: '010-1111-2222' },
      { name: '박가해', role: 'alleged_perpetrator', schoolMode: 'own', grade: 2, classNo: '4' },
    ],
    ...overrides,
  };
}

/** Puts a case straight into `closed` at `closedAt`, as the workflow's closing step would leave it. */
export async function closeCaseForTest(caseId: string, closedAt: Date): Promise<void> {
  await db.update(cases).set({ status: 'closed', closedAt }).where(eq(cases.id, caseId));
}

/** An administrative appeal or lawsuit on file, pending unless an outcome is given. */
export async function fileAppealForTest(caseId: string, by: Actor, filedAt: Date, kind: 'administrative_appeal' | 'lawsuit' = 'lawsuit'): Promise<string> {
  const [row] = await db.insert(appeals).values({ caseId, side: 'perpetrator', kind, body: 'court', filedAt, recordedBy: by.userId }).returning({ id: appeals.id });
  return row!.id;
}

export async function decideAppealForTest(appealId: string, at: Date): Promise<void> {
  await db.update(appeals).set({ outcome: 'upheld', outcomeAt: at }).where(eq(appeals.id, appealId));
}

/** Rows in each table, to prove that a refused call wrote nothing. */
export async function rowCounts<K extends string>(tables: Record<K, PgTable>): Promise<Record<K, number>> {
  const entries = await Promise.all(Object.entries<PgTable>(tables).map(async ([k, t]) => [k, (await db.select({ n: count() }).from(t))[0]!.n] as const));
  return Object.fromEntries(entries) as Record<K, number>;
}

/** The code a use-case refused with; anything but a DomainError fails the test. */
export async function refusal(p: Promise<unknown>): Promise<DomainErrorCode> {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  if (!(e instanceof DomainError)) throw new Error(`expected a DomainError, got ${String(e)}`);
  return e.code;
}
