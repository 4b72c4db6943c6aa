import { sql } from 'drizzle-orm';
import { boolean, check, index, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid, bigserial } from 'drizzle-orm/pg-core';
import { ROLES } from '@/lib/auth/roles';
import { offices, schools } from './orgs';

export const role = pgEnum('role', ROLES);

export const users = pgTable('users', {
  id: uuid('id').primaryKey().defaultRandom(),
  email: text('email').notNull().unique(),
  name: text('name').notNull(),
  /** Null for accounts that only sign in through OIDC. */
  passwordHash: text('password_hash'),
  active: boolean('active').notNull().default(true),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * A role held at a place: school roles at a school, office roles at an
 * office, admin everywhere. The check constraint keeps the scope honest.
 */
export const roleGrants = pgTable(
  'role_grants',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    role: role('role').notNull(),
    schoolId: uuid('school_id').references(() => schools.id),
    officeId: uuid('office_id').references(() => offices.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('role_grants_user_idx').on(t.userId),
    uniqueIndex('role_grants_unique').on(
      t.userId,
      t.role,
      sql`coalesce(${t.schoolId}, '00000000-0000-0000-0000-000000000000'::uuid)`,
      sql`coalesce(${t.officeId}, '00000000-0000-0000-0000-000000000000'::uuid)`,
    ),
    check(
      'role_grants_scope',
      sql`(${t.role} in ('school_staff','school_head') and ${t.schoolId} is not null and ${t.officeId} is null)
       or (${t.role} in ('investigator','committee_secretary','committee_member','office_auditor') and ${t.officeId} is not null and ${t.schoolId} is null)
       or (${t.role} = 'admin' and ${t.schoolId} is null and ${t.officeId} is null)`,
    ),
  ],
);

/** Every credentials attempt, for throttling by account and by IP. */
export const signInAttempts = pgTable(
  'sign_in_attempts',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    email: text('email').notNull(),
    ip: text('ip'),
    success: boolean('success').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('sign_in_attempts_email_at_idx').on(t.email, t.at), index('sign_in_attempts_ip_at_idx').on(t.ip, t.at)],
);
