import { count, eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { auditLog, offices, roleGrants, schools, signInAttempts, users } from '@/db/schema';
import { seed } from '@/db/seed';
import { DEMO_PASSWORD, DEMO_USERS } from '@/db/seed/demo-org';
import { createUser } from '@/lib/admin/service';
import { createUserInput } from '@/lib/admin/schemas';
import { appendAudit } from '@/lib/audit/append';
import { verifyAuditLog } from '@/lib/audit/verify';
import { signInWithPassword, THROTTLE } from '@/lib/auth/sign-in';
import { DomainError } from '@/lib/errors';
import { actorByEmail, rowCounts } from './test/fixtures';

const counts = () => rowCounts({ offices, schools, users, grants: roleGrants });

describe('database foundation', () => {
  it('a fresh database is fully migrated', async () => {
    const tables = await db.execute<{ table_name: string }>(sql`select table_name from information_schema.tables where table_schema = 'public' order by 1`);
    expect(tables.map((t) => t.table_name)).toEqual(expect.arrayContaining(['audit_log', 'offices', 'role_grants', 'schools', 'sign_in_attempts', 'users']));
    const applied = await db.execute<{ n: number }>(sql`select count(*)::int as n from drizzle.__drizzle_migrations`);
    expect(applied[0]!.n).toBeGreaterThanOrEqual(2);
  });

  it('seeding twice creates no duplicates', async () => {
    await seed();
    const first = await counts();
    await seed();
    expect(await counts()).toEqual(first);
    expect(first.offices).toBe(2);
    expect(first.schools).toBeGreaterThanOrEqual(6);
    expect(first.users).toBe(DEMO_USERS.length);
    const levels = await db.selectDistinct({ level: schools.level }).from(schools);
    expect(levels.map((l) => l.level).sort()).toEqual(['elementary', 'high', 'middle', 'special']);
  });
});

describe('audit log', () => {
  it('an audit row appended in a transaction that rolls back leaves nothing behind', async () => {
    const before = await db.select({ n: count() }).from(auditLog);
    await expect(
      db.transaction(async (tx) => {
        await appendAudit(tx, { action: 'admin.office_created', actorId: null, targetType: 'office', targetId: null, detail: { name: 'x', shortName: 'x' } });
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    const after = await db.select({ n: count() }).from(auditLog);
    expect(after[0]!.n).toBe(before[0]!.n);
  });

  it('the database refuses to update or delete audit rows', async () => {
    await db.transaction((tx) =>
      appendAudit(tx, {
        action: 'admin.holiday_added',
        actorId: null,
        targetType: 'calendar',
        targetId: null,
        detail: { date: '2026-06-03', name: 'election' },
      }),
    );
    const refused = { cause: expect.objectContaining({ message: expect.stringMatching(/append-only/) }) };
    await expect(db.execute(sql`update audit_log set action = 'x'`)).rejects.toMatchObject(refused);
    await expect(db.execute(sql`delete from audit_log`)).rejects.toMatchObject(refused);
  });

  it('verify accepts an intact chain and names the first tampered row', async () => {
    for (let i = 0; i < 3; i++) {
      await db.transaction((tx) =>
        appendAudit(tx, {
          action: 'admin.holiday_added',
          actorId: null,
          targetType: 'calendar',
          targetId: String(i),
          detail: { date: `2026-01-0${i + 1}`, name: `day ${i}` },
        }),
      );
    }
    const intact = await verifyAuditLog(db);
    expect(intact.ok).toBe(true);
    const rows = await db.select({ id: auditLog.id }).from(auditLog).orderBy(auditLog.id);
    const victim = rows[rows.length - 2]!.id;
    // Going around the trigger the way a person with database access could.
    await db.transaction(async (tx) => {
      await tx.execute(sql`set local session_replication_role = replica`);
      await tx.execute(sql`update audit_log set detail = '{"date":"2026-01-09","name":"forged"}'::jsonb where id = ${victim}`);
    });
    const broken = await verifyAuditLog(db);
    expect(broken).toMatchObject({ ok: false, brokenId: victim, reason: 'hash_mismatch' });
  });
});

describe('sign-in', () => {
  it('a correct password signs in and is audited; a wrong one is generic and audited', async () => {
    await seed();
    const ok = await signInWithPassword({ email: 'TEACHER@dolbom.demo', password: DEMO_PASSWORD }, '10.0.0.1');
    expect(ok.ok).toBe(true);
    const bad = await signInWithPassword({ email: 'teacher@dolbom.demo', password: 'wrong' }, '10.0.0.1');
    expect(bad).toEqual({ ok: false, reason: 'bad_credentials' });
    const unknown = await signInWithPassword({ email: 'nobody@dolbom.demo', password: 'wrong' }, '10.0.0.1');
    expect(unknown).toEqual({ ok: false, reason: 'bad_credentials' });
    const rows = await db.select().from(auditLog).where(eq(auditLog.ip, '10.0.0.1')).orderBy(auditLog.id);
    expect(rows.map((r) => r.action)).toEqual(['auth.signed_in', 'auth.sign_in_failed', 'auth.sign_in_failed']);
  });

  it(`after ${THROTTLE.maxPerAccount} failures the account is locked, even for the right password`, async () => {
    await seed();
    for (let i = 0; i < THROTTLE.maxPerAccount; i++) {
      await signInWithPassword({ email: 'head@dolbom.demo', password: `wrong-${i}` }, `10.1.0.${i}`);
    }
    const locked = await signInWithPassword({ email: 'head@dolbom.demo', password: DEMO_PASSWORD }, '10.1.1.1');
    expect(locked).toEqual({ ok: false, reason: 'locked' });
    const [attempts] = await db.select({ n: count() }).from(signInAttempts).where(eq(signInAttempts.email, 'head@dolbom.demo'));
    expect(attempts!.n).toBe(THROTTLE.maxPerAccount + 1);
    // Later, the window has passed and the right password works again.
    const later = new Date(Date.now() + (THROTTLE.windowMinutes + 1) * 60_000);
    expect((await signInWithPassword({ email: 'head@dolbom.demo', password: DEMO_PASSWORD }, '10.1.1.1', later)).ok).toBe(true);
  });
});

describe('admin use-cases', () => {
  it('creating a user writes the user, the grant and the audit rows together', async () => {
    await seed();
    const admin = await actorByEmail('admin@dolbom.demo');
    const [school] = await db.select().from(schools).limit(1);
    const parsed = createUserInput.parse({
      name: '새 교사',
      email: 'new.teacher@dolbom.demo',
      password: 'a-long-password-1',
      role: 'school_staff',
      schoolId: school!.id,
    });
    const { id } = await createUser(parsed, { actor: admin, ip: '10.2.0.1' });
    const grants = await db.select().from(roleGrants).where(eq(roleGrants.userId, id));
    expect(grants).toHaveLength(1);
    const audit = await db.select().from(auditLog).where(eq(auditLog.targetId, id)).orderBy(auditLog.id);
    expect(audit.map((a) => a.action)).toEqual(['admin.user_created', 'admin.role_granted']);
    expect(audit[0]!.actorId).toBe(admin.userId);
    await expect(createUser(parsed, { actor: admin, ip: null })).rejects.toMatchObject({ code: 'invalid_input', fieldErrors: { email: ['duplicateEmail'] } });
  });

  it('a non-admin cannot create a user, and nothing is written', async () => {
    await seed();
    const head = await actorByEmail('head@dolbom.demo');
    const before = await counts();
    const parsed = createUserInput.parse({ name: 'x', email: 'sneaky@dolbom.demo', password: 'a-long-password-1', role: 'admin' });
    await expect(createUser(parsed, { actor: head, ip: null })).rejects.toBeInstanceOf(DomainError);
    expect(await counts()).toEqual(before);
  });
});
