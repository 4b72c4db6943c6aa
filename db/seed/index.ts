/**
 * `npm run db:seed`: the demo world. Idempotent: every insert is keyed on a
 * natural unique key and skips rows that exist, so running it twice changes nothing.
 */
import { and, eq } from 'drizzle-orm';
import { closeDb, db } from '@/db/client';
import { committeeMembers, offices, roleGrants, schools, users } from '@/db/schema';
import { hashPassword } from '@/lib/auth/password';
import { seedDemoCases } from './demo-cases';
import { DEMO_COMMITTEE, DEMO_OFFICES, DEMO_PASSWORD, DEMO_SCHOOLS, DEMO_USERS } from './demo-org';

export async function seedOrganisations(): Promise<void> {
  await db.transaction(async (tx) => {
    await tx
      .insert(offices)
      .values([...DEMO_OFFICES])
      .onConflictDoNothing();
    const officeRows = await tx.select().from(offices);
    const officeId = (short: string) => {
      const o = officeRows.find((r) => r.shortName === short);
      if (!o) throw new Error(`seed: office ${short} missing`);
      return o.id;
    };
    await tx
      .insert(schools)
      .values(DEMO_SCHOOLS.map((s) => ({ officeId: officeId(s.office), name: s.name, level: s.level, phone: s.phone })))
      .onConflictDoNothing();
    const schoolRows = await tx.select().from(schools);
    const schoolId = (name: string) => {
      const s = schoolRows.find((r) => r.name === name);
      if (!s) throw new Error(`seed: school ${name} missing`);
      return s.id;
    };

    // A pool is seeded only into an office that has none, so a re-seed never doubles it.
    for (const office of officeRows) {
      const existing = await tx.select({ id: committeeMembers.id }).from(committeeMembers).where(eq(committeeMembers.officeId, office.id)).limit(1);
      if (existing.length === 0)
        await tx.insert(committeeMembers).values(DEMO_COMMITTEE.map((m) => ({ officeId: office.id, name: m.name, category: m.category })));
    }

    const passwordHash = await hashPassword(DEMO_PASSWORD);
    for (const u of DEMO_USERS) {
      await tx.insert(users).values({ email: u.email, name: u.name, passwordHash }).onConflictDoNothing();
      const [row] = await tx.select({ id: users.id }).from(users).where(eq(users.email, u.email));
      if (!row) throw new Error(`seed: user ${u.email} missing`);
      for (const g of u.grants) {
        const values = {
          userId: row.id,
          role: g.role,
          schoolId: g.school ? schoolId(g.school) : null,
          officeId: g.office ? officeId(g.office) : null,
        };
        await tx.insert(roleGrants).values(values).onConflictDoNothing();
      }
    }
  });
}

export async function seed(): Promise<void> {
  await seedOrganisations();
  await seedDemoCases();
}

if (require.main === module) {
  seed()
    .then(async () => {
      const [count] = await db
        .select({ id: users.id })
        .from(users)
        .where(and(eq(users.email, 'admin@dolbom.demo')));
      console.error(`[dolbom] demo data ready${count ? '' : ' (admin missing!)'}`);
      await closeDb();
    })
    .catch(async (e) => {
      console.error(e);
      await closeDb();
      process.exit(1);
    });
}
