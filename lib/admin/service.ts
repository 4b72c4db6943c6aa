import 'server-only';
import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import { db } from '@/db/client';
import { offices, roleGrants, schools, users } from '@/db/schema';
import { appendAudit } from '@/lib/audit/append';
import { hashPassword } from '@/lib/auth/password';
import { can } from '@/lib/auth/permissions';
import type { Actor } from '@/lib/auth/roles';
import type { Ctx } from '@/lib/cases/ctx';
import { DomainError } from '@/lib/errors';
import type { createOfficeInput, createSchoolInput, createUserInput, grantRoleInput, resetPasswordInput, setUserActiveInput } from './schemas';

function assertAdmin(actor: Actor, action: 'admin.manage_users' | 'admin.manage_orgs') {
  if (!can(actor, action)) throw new DomainError('forbidden');
}

/** drizzle wraps the driver's error; the SQLSTATE sits on it or on its cause. */
function isUniqueViolation(e: unknown): boolean {
  const err = e as { code?: string; cause?: { code?: string } } | null;
  return err?.code === '23505' || err?.cause?.code === '23505';
}

async function assertScopeExists(tx: Parameters<Parameters<typeof db.transaction>[0]>[0], schoolId: string | null, officeId: string | null) {
  if (schoolId && (await tx.select({ id: schools.id }).from(schools).where(eq(schools.id, schoolId))).length === 0)
    throw new DomainError('invalid_input', 'unknown school', { schoolId: ['scopeRequired'] });
  if (officeId && (await tx.select({ id: offices.id }).from(offices).where(eq(offices.id, officeId))).length === 0)
    throw new DomainError('invalid_input', 'unknown office', { officeId: ['scopeRequired'] });
}

export async function createUser(input: z.output<typeof createUserInput>, { actor, ip, now }: Ctx): Promise<{ id: string }> {
  assertAdmin(actor, 'admin.manage_users');
  const passwordHash = await hashPassword(input.password);
  try {
    return await db.transaction(async (tx) => {
      await assertScopeExists(tx, input.schoolId, input.officeId);
      const [user] = await tx.insert(users).values({ email: input.email, name: input.name, passwordHash }).returning({ id: users.id });
      if (!user) throw new Error('user insert returned no row');
      await tx.insert(roleGrants).values({ userId: user.id, role: input.role, schoolId: input.schoolId, officeId: input.officeId });
      await appendAudit(
        tx,
        { action: 'admin.user_created', actorId: actor.userId, targetType: 'user', targetId: user.id, ip, detail: { email: input.email, name: input.name } },
        now,
      );
      await appendAudit(
        tx,
        {
          action: 'admin.role_granted',
          actorId: actor.userId,
          targetType: 'user',
          targetId: user.id,
          ip,
          detail: { role: input.role, schoolId: input.schoolId, officeId: input.officeId },
        },
        now,
      );
      return user;
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw new DomainError('invalid_input', 'duplicate email', { email: ['duplicateEmail'] });
    throw e;
  }
}

export async function grantRole(input: z.output<typeof grantRoleInput>, { actor, ip, now }: Ctx): Promise<void> {
  assertAdmin(actor, 'admin.manage_users');
  await db.transaction(async (tx) => {
    const [user] = await tx.select({ id: users.id }).from(users).where(eq(users.id, input.userId));
    if (!user) throw new DomainError('not_found');
    await assertScopeExists(tx, input.schoolId, input.officeId);
    const inserted = await tx
      .insert(roleGrants)
      .values({ userId: input.userId, role: input.role, schoolId: input.schoolId, officeId: input.officeId })
      .onConflictDoNothing()
      .returning({ id: roleGrants.id });
    if (inserted.length === 0) return; // already held: nothing changed, nothing to audit
    await appendAudit(
      tx,
      {
        action: 'admin.role_granted',
        actorId: actor.userId,
        targetType: 'user',
        targetId: input.userId,
        ip,
        detail: { role: input.role, schoolId: input.schoolId, officeId: input.officeId },
      },
      now,
    );
  });
}

export async function revokeRole(grantId: string, { actor, ip, now }: Ctx): Promise<void> {
  assertAdmin(actor, 'admin.manage_users');
  await db.transaction(async (tx) => {
    const [grant] = await tx.delete(roleGrants).where(eq(roleGrants.id, grantId)).returning();
    if (!grant) throw new DomainError('not_found');
    await appendAudit(
      tx,
      {
        action: 'admin.role_revoked',
        actorId: actor.userId,
        targetType: 'user',
        targetId: grant.userId,
        ip,
        detail: { role: grant.role, schoolId: grant.schoolId, officeId: grant.officeId },
      },
      now,
    );
  });
}

export async function resetPassword(input: z.output<typeof resetPasswordInput>, { actor, ip, now }: Ctx): Promise<void> {
  assertAdmin(actor, 'admin.manage_users');
  const passwordHash = await hashPassword(input.password);
  await db.transaction(async (tx) => {
    const updated = await tx.update(users).set({ passwordHash }).where(eq(users.id, input.userId)).returning({ id: users.id });
    if (updated.length === 0) throw new DomainError('not_found');
    await appendAudit(tx, { action: 'admin.password_reset', actorId: actor.userId, targetType: 'user', targetId: input.userId, ip, detail: {} }, now);
  });
}

export async function setUserActive(input: z.output<typeof setUserActiveInput>, { actor, ip, now }: Ctx): Promise<void> {
  assertAdmin(actor, 'admin.manage_users');
  if (input.userId === actor.userId && !input.active) throw new DomainError('invalid_input', 'cannot deactivate yourself');
  await db.transaction(async (tx) => {
    const updated = await tx
      .update(users)
      .set({ active: input.active })
      .where(and(eq(users.id, input.userId)))
      .returning({ id: users.id });
    if (updated.length === 0) throw new DomainError('not_found');
    await appendAudit(
      tx,
      { action: 'admin.user_activated', actorId: actor.userId, targetType: 'user', targetId: input.userId, ip, detail: { active: input.active } },
      now,
    );
  });
}

export async function createOffice(input: z.output<typeof createOfficeInput>, { actor, ip, now }: Ctx): Promise<{ id: string }> {
  assertAdmin(actor, 'admin.manage_orgs');
  try {
    return await db.transaction(async (tx) => {
      const [office] = await tx
        .insert(offices)
        .values({ ...input, phone: input.phone || null })
        .returning({ id: offices.id });
      if (!office) throw new Error('office insert returned no row');
      await appendAudit(
        tx,
        {
          action: 'admin.office_created',
          actorId: actor.userId,
          targetType: 'office',
          targetId: office.id,
          ip,
          detail: { name: input.name, shortName: input.shortName },
        },
        now,
      );
      return office;
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw new DomainError('invalid_input', 'duplicate office', { name: ['duplicateName'], shortName: ['duplicateName'] });
    throw e;
  }
}

export async function createSchool(input: z.output<typeof createSchoolInput>, { actor, ip, now }: Ctx): Promise<{ id: string }> {
  assertAdmin(actor, 'admin.manage_orgs');
  try {
    return await db.transaction(async (tx) => {
      await assertScopeExists(tx, null, input.officeId);
      const [school] = await tx
        .insert(schools)
        .values({ ...input, phone: input.phone || null })
        .returning({ id: schools.id });
      if (!school) throw new Error('school insert returned no row');
      await appendAudit(
        tx,
        {
          action: 'admin.school_created',
          actorId: actor.userId,
          targetType: 'school',
          targetId: school.id,
          ip,
          detail: { name: input.name, level: input.level, officeId: input.officeId },
        },
        now,
      );
      return school;
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw new DomainError('invalid_input', 'duplicate school', { name: ['duplicateName'] });
    throw e;
  }
}
