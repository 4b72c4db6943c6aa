import { index, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { SCHOOL_LEVELS } from '@/lib/rules';

export const schoolLevel = pgEnum('school_level', SCHOOL_LEVELS);

/** 교육지원청: the district education office that runs the deliberative committee. */
export const offices = pgTable('offices', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull().unique(),
  /** Used in case numbers, e.g. 강남서초-2026-0042. */
  shortName: text('short_name').notNull().unique(),
  region: text('region').notNull(),
  phone: text('phone'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const schools = pgTable(
  'schools',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    officeId: uuid('office_id')
      .notNull()
      .references(() => offices.id),
    name: text('name').notNull(),
    level: schoolLevel('level').notNull(),
    phone: text('phone'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('schools_office_idx').on(t.officeId), uniqueIndex('schools_office_name_unique').on(t.officeId, t.name)],
);
