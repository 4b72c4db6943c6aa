import { eq } from 'drizzle-orm';
import { db } from '@/db/client';
import { loadActor } from '@/db/queries/actors';
import { caseEvents, cases, users } from '@/db/schema';
import type { Actor } from '@/lib/auth/roles';

/** The demo actor with that e-mail, as the app would load it. */
export async function actorByEmail(email: string): Promise<Actor> {
  const [u] = await db.select({ id: users.id }).from(users).where(eq(users.email, email));
  if (!u) throw new Error(`no user ${email}`);
  const actor = await loadActor(db, u.id);
  if (!actor) throw new Error(`user ${email} inactive`);
  return actor;
}

/**
 * Test set-up only: puts a case straight into a later stage with the events
 * that stage implies, so a test of one step need not replay every earlier
 * one. Production code always goes through the workflow table.
 */
export async function advanceCaseForTest(caseId: string, status: (typeof cases.$inferSelect)['status'], events: { type: string; occurredAt: Date; data?: Record<string, unknown> }[] = []) {
  await db.transaction(async (tx) => {
    if (events.length) {
      await tx.insert(caseEvents).values(events.map((e) => ({ caseId, type: e.type, occurredAt: e.occurredAt, recordedAt: e.occurredAt, actorId: null, data: e.data ?? {} })));
    }
    await tx.update(cases).set({ status }).where(eq(cases.id, caseId));
  });
}
