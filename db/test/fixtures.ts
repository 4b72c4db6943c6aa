/**
 * Integration-test set-up shared by every *.itest.ts: demo actors, a filing
 * form, cases put straight into a later stage, and the checks every refusal
 * test makes. Each test still seeds its own data with these; production code
 * always goes through the workflow table and the use-cases.
 */
import { randomUUID } from 'node:crypto';
import { count, eq } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import { expect } from 'vitest';
import { db } from '@/db/client';
import { loadActor } from '@/db/queries/actors';
import { appeals, caseEvents, cases, roleGrants, users } from '@/db/schema';
import type { Actor } from '@/lib/auth/roles';
import type { FileCaseInput } from '@/lib/cases/schemas';
import { DomainError } from '@/lib/errors';

/** The demo actor with that e-mail, as the app would load it. */
export async function actorByEmail(email: string): Promise<Actor> {
  const [u] = await db.select({ id: users.id }).from(users).where(eq(users.email, email));
  if (!u) throw new Error(`no user ${email}`);
  const actor = await loadActor(db, u.id);
  if (!actor) throw new Error(`user ${email} inactive`);
  return actor;
}

/** Demo actors (db/seed/demo-org.ts) by the part of their e-mail before `@dolbom.demo`, in the order asked. */
export async function demoActors<const N extends readonly string[]>(...names: N): Promise<{ -readonly [I in keyof N]: Actor }> {
  return (await Promise.all(names.map((n) => actorByEmail(`${n}@dolbom.demo`)))) as { -readonly [I in keyof N]: Actor };
}

/** A user the test file adds for itself, with one role grant, loaded as the app would load them. */
export async function addActorForTest(
  user: { email: string; name: string; passwordHash?: string },
  grant: Omit<typeof roleGrants.$inferInsert, 'userId'>,
): Promise<Actor> {
  const [u] = await db.insert(users).values(user).returning({ id: users.id });
  await db.insert(roleGrants).values({ ...grant, userId: u!.id });
  const actor = await loadActor(db, u!.id);
  if (!actor) throw new Error(`user ${user.email} inactive`);
  return actor;
}

/** The victim, with a guardian, and the alleged perpetrator that `intake` files. */
export const INTAKE_PARTIES: FileCaseInput['parties'] = [
  { name: '김피해', role: 'victim', schoolMode: 'own', grade: 2, classNo: '3', guardianName: '김보호', guardianContact: '010-1111-2222' },
  { name: '박가해', role: 'alleged_perpetrator', schoolMode: 'own', grade: 2, classNo: '4' },
];

/** The same two students without guardian details, for cases that name no guardian. */
export const PARTIES_WITHOUT_GUARDIAN: FileCaseInput['parties'] = [
  { name: '김피해', role: 'victim', schoolMode: 'own', grade: 2, classNo: '3' },
  { name: '박가해', role: 'alleged_perpetrator', schoolMode: 'own', grade: 2, classNo: '4' },
];

/**
 * The intake form of a physical incident at `schoolId`, reported on
 * 2026-03-02 at 10:00 KST, as a teacher would submit it; `overrides` replace
 * whole fields. Each call has its own idempotency key, so each files a new case.
 */
export function intake(schoolId: string, overrides: Partial<FileCaseInput> = {}): FileCaseInput {
  return {
    idempotencyKey: randomUUID(),
    schoolId,
    occurredAt: '2026-03-02T09:30',
    reportedAt: '2026-03-02T10:00',
    location: '3층 복도',
    learnedVia: 'direct_report',
    reporterType: 'student',
    categories: ['physical'],
    summary: '쉬는 시간에 밀치고 때림',
    parties: INTAKE_PARTIES,
    ...overrides,
  };
}

/**
 * Puts a case straight into a later stage with the events that stage
 * implies, so a test of one step need not replay every earlier one.
 */
export async function advanceCaseForTest(
  caseId: string,
  status: (typeof cases.$inferSelect)['status'],
  events: { type: string; occurredAt: Date; data?: Record<string, unknown> }[] = [],
) {
  await db.transaction(async (tx) => {
    if (events.length) {
      await tx
        .insert(caseEvents)
        .values(events.map((e) => ({ caseId, type: e.type, occurredAt: e.occurredAt, recordedAt: e.occurredAt, actorId: null, data: e.data ?? {} })));
    }
    await tx.update(cases).set({ status }).where(eq(cases.id, caseId));
  });
}

/** Puts a case straight into `closed` at `closedAt`, as the workflow's closing step would leave it. */
export async function closeCaseForTest(caseId: string, closedAt: Date): Promise<void> {
  await db.update(cases).set({ status: 'closed', closedAt }).where(eq(cases.id, caseId));
}

/** An administrative appeal or lawsuit on file, pending unless an outcome is given. */
export async function fileAppealForTest(caseId: string, by: Actor, filedAt: Date, kind: 'administrative_appeal' | 'lawsuit' = 'lawsuit'): Promise<string> {
  const [row] = await db
    .insert(appeals)
    .values({ caseId, side: 'perpetrator', kind, body: 'court', filedAt, recordedBy: by.userId })
    .returning({ id: appeals.id });
  return row!.id;
}

export async function decideAppealForTest(appealId: string, at: Date): Promise<void> {
  await db.update(appeals).set({ outcome: 'upheld', outcomeAt: at }).where(eq(appeals.id, appealId));
}

/** Rows in each whole table, to prove that a refused call wrote nothing (or that a repeated one wrote nothing more). */
export async function rowCounts<K extends string>(tables: Record<K, PgTable>): Promise<Record<K, number>> {
  const entries = await Promise.all(Object.entries<PgTable>(tables).map(async ([k, t]) => [k, (await db.select({ n: count() }).from(t))[0]!.n] as const));
  return Object.fromEntries(entries) as Record<K, number>;
}

/** The error a use-case refused with; success, or any error but a DomainError, fails the test. */
export async function refusal(p: Promise<unknown>): Promise<DomainError> {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(DomainError);
  return e as DomainError;
}
