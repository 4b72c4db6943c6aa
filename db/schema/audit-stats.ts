import { sql } from 'drizzle-orm';
import { boolean, date, index, integer, pgEnum, pgTable, primaryKey, smallint, timestamp, uuid } from 'drizzle-orm/pg-core';
import { FACT_COUNTERS, type FactCounter } from '@/lib/audit-dashboard/counters';
import { DEADLINE_KEYS, DEADLINE_STATUSES } from '@/lib/rules';
import { cases, category } from './cases';
import { schoolLevel } from './orgs';

/**
 * The audit dashboard's precomputed numbers. Written in the same
 * transaction as every change to a case's events (lib/cases/step-engine.ts
 * refreshDeadlines → lib/audit-dashboard/store.ts), so the dashboard adds up
 * stored results and never computes a clock at request time.
 *
 * Two per-case tables hold the truth; the rollups are their sums, kept in
 * step by signed deltas and rebuildable from the per-case tables
 * (`rebuildAuditRollups`, lib/audit-dashboard/rollup-sql.ts lists them all).
 * `reported_month` is the first day of the KST month of the report: the
 * dashboard's period is a range of report months.
 *
 * Three families of rollups, each for the reads it keeps fast
 * (lib/audit-dashboard/queries.ts):
 * - monthly (`*_months`): any period, and the edges of a long one;
 * - yearly (`*_years`) and over every month (`*_totals`), with the
 *   office-less `audit_deadline_national_months` for the national trend: a
 *   long period is whole years plus a few months added or taken away at
 *   either end, or the totals less the years and months outside it,
 *   whichever reads fewer cells (lib/audit-dashboard/filters.ts `periodParts`);
 * - by category (`*_category_months`): a case counts once under each of its
 *   categories, so ONE category is a plain filter. Several categories (a case
 *   matching any of them) cannot be summed from these without counting a
 *   case twice, and are read from the per-case rows.
 */

export const deadlineKey = pgEnum('deadline_key', DEADLINE_KEYS);
export const deadlineStatus = pgEnum('deadline_status', DEADLINE_STATUSES);

const counter = () => integer().notNull().default(0);
const counterColumns = () => Object.fromEntries(FACT_COUNTERS.map((name) => [name, counter()])) as Record<FactCounter, ReturnType<typeof counter>>;

/** One row per case and applicable deadline key (not_applicable keys are not stored). */
export const auditDeadlineResults = pgTable(
  'audit_deadline_results',
  {
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    key: deadlineKey('key').notNull(),
    officeId: uuid('office_id').notNull(),
    schoolId: uuid('school_id').notNull(),
    schoolLevel: schoolLevel('school_level').notNull(),
    categories: category('categories').array().notNull(),
    reportedAt: timestamp('reported_at', { withTimezone: true }).notNull(),
    reportedMonth: date('reported_month', { mode: 'string' }).notNull(),
    triggerAt: timestamp('trigger_at', { withTimezone: true }).notNull(),
    dueAt: timestamp('due_at', { withTimezone: true }).notNull(),
    metAt: timestamp('met_at', { withTimezone: true }),
    /** As of the case's last event; met/met_late never change without an event, the rest is read against `now`. */
    status: deadlineStatus('status').notNull(),
    extendedBy: smallint('extended_by'),
    /** Trigger to meeting event, rounded to whole hours: the unit of the elapsed-time percentiles. */
    elapsedHours: integer('elapsed_hours'),
    caseClosed: boolean('case_closed').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.caseId, t.key] }),
    index('audit_deadline_results_office_idx').on(t.officeId, t.reportedMonth),
    index('audit_deadline_results_school_idx').on(t.schoolId, t.reportedMonth),
    // One key across the country (the per-school table for the committee meeting): read from the index alone.
    index('audit_deadline_results_key_idx').on(t.key, t.reportedMonth, t.officeId, t.schoolId, t.schoolLevel, t.metAt, t.dueAt, t.caseClosed),
    index('audit_deadline_results_month_idx').on(t.reportedMonth),
    // Whether an unmet clock is past due depends on `now`. The rollups count unmet clocks (and those of
    // open cases); the dashboard subtracts the ones still pending, due after `now`. Those are few at any
    // time (recent cases, open appeal windows) however long the period, and this index holds every column
    // their reads need, due time first.
    index('audit_deadline_results_pending_idx')
      .on(t.dueAt, t.reportedMonth, t.key, t.officeId, t.schoolId, t.schoolLevel, t.caseClosed, t.categories)
      .where(sql`${t.metAt} is null`),
  ],
);

/** One row per case: its counters (lib/audit-dashboard/counters.ts) and protection-gap state. */
export const auditCaseFacts = pgTable(
  'audit_case_facts',
  {
    caseId: uuid('case_id')
      .primaryKey()
      .references(() => cases.id),
    officeId: uuid('office_id').notNull(),
    schoolId: uuid('school_id').notNull(),
    schoolLevel: schoolLevel('school_level').notNull(),
    categories: category('categories').array().notNull(),
    reportedAt: timestamp('reported_at', { withTimezone: true }).notNull(),
    reportedMonth: date('reported_month', { mode: 'string' }).notNull(),
    caseClosed: boolean('case_closed').notNull(),
    /** Gap days keep accruing from `gap_accrue_from` until the next event (lib/audit-dashboard/protection-gaps.ts). */
    gapOpen: boolean('gap_open').notNull().default(false),
    gapAccrueFrom: date('gap_accrue_from', { mode: 'string' }),
    ...counterColumns(),
  },
  (t) => [
    index('audit_case_facts_office_idx').on(t.officeId, t.reportedMonth),
    index('audit_case_facts_school_idx').on(t.schoolId, t.reportedMonth),
    index('audit_case_facts_month_idx').on(t.reportedMonth),
    index('audit_case_facts_gap_open_idx')
      .on(t.reportedMonth)
      .where(sql`${t.gapOpen}`),
  ],
);

/** A clock rollup's sums. `unmet_open`: unmet clocks of cases not closed (breached still open, once past due). */
const clockSums = () => ({
  clocks: counter(),
  met: counter(),
  metLate: integer('met_late').notNull().default(0),
  unmet: counter(),
  unmetOpen: integer('unmet_open').notNull().default(0),
});

/** Clock sums per report month, office, school level and key. */
export const auditDeadlineMonths = pgTable(
  'audit_deadline_months',
  {
    month: date('month', { mode: 'string' }).notNull(),
    officeId: uuid('office_id').notNull(),
    schoolLevel: schoolLevel('school_level').notNull(),
    key: deadlineKey('key').notNull(),
    ...clockSums(),
  },
  (t) => [primaryKey({ columns: [t.month, t.officeId, t.schoolLevel, t.key] }), index('audit_deadline_months_office_idx').on(t.officeId, t.month)],
);

/** The same per report year: the per-office table over a long period. */
export const auditDeadlineYears = pgTable(
  'audit_deadline_years',
  {
    year: smallint('year').notNull(),
    officeId: uuid('office_id').notNull(),
    schoolLevel: schoolLevel('school_level').notNull(),
    key: deadlineKey('key').notNull(),
    ...clockSums(),
  },
  (t) => [primaryKey({ columns: [t.year, t.officeId, t.schoolLevel, t.key] }), index('audit_deadline_years_office_idx').on(t.officeId, t.year)],
);

/** The same over every report month: a period holding nearly all the data is these less what lies outside it. */
export const auditDeadlineTotals = pgTable(
  'audit_deadline_totals',
  {
    officeId: uuid('office_id').notNull(),
    schoolLevel: schoolLevel('school_level').notNull(),
    key: deadlineKey('key').notNull(),
    ...clockSums(),
  },
  (t) => [primaryKey({ columns: [t.officeId, t.schoolLevel, t.key] })],
);

/** The same per report month for the whole country: the national key table and trend, however long the period. */
export const auditDeadlineNationalMonths = pgTable(
  'audit_deadline_national_months',
  {
    month: date('month', { mode: 'string' }).notNull(),
    schoolLevel: schoolLevel('school_level').notNull(),
    key: deadlineKey('key').notNull(),
    ...clockSums(),
  },
  (t) => [primaryKey({ columns: [t.month, t.schoolLevel, t.key] })],
);

/** Clock sums per category, report month, office, school level and key (a case under each of its categories). */
export const auditDeadlineCategoryMonths = pgTable(
  'audit_deadline_category_months',
  {
    category: category('category').notNull(),
    month: date('month', { mode: 'string' }).notNull(),
    officeId: uuid('office_id').notNull(),
    schoolLevel: schoolLevel('school_level').notNull(),
    key: deadlineKey('key').notNull(),
    ...clockSums(),
  },
  (t) => [
    primaryKey({ columns: [t.category, t.month, t.officeId, t.schoolLevel, t.key] }),
    index('audit_deadline_category_months_office_idx').on(t.officeId, t.category, t.month),
  ],
);

/** How many clocks of a key were met after how many hours, per report month and school level: the percentiles' histogram. */
export const auditElapsedMonths = pgTable(
  'audit_elapsed_months',
  {
    month: date('month', { mode: 'string' }).notNull(),
    schoolLevel: schoolLevel('school_level').notNull(),
    key: deadlineKey('key').notNull(),
    elapsedHours: integer('elapsed_hours').notNull(),
    n: counter(),
  },
  (t) => [primaryKey({ columns: [t.month, t.schoolLevel, t.key, t.elapsedHours] })],
);

/** The same histogram per report year. */
export const auditElapsedYears = pgTable(
  'audit_elapsed_years',
  {
    year: smallint('year').notNull(),
    schoolLevel: schoolLevel('school_level').notNull(),
    key: deadlineKey('key').notNull(),
    elapsedHours: integer('elapsed_hours').notNull(),
    n: counter(),
  },
  (t) => [primaryKey({ columns: [t.year, t.schoolLevel, t.key, t.elapsedHours] })],
);

/** The same over every report month. */
export const auditElapsedTotals = pgTable(
  'audit_elapsed_totals',
  {
    schoolLevel: schoolLevel('school_level').notNull(),
    key: deadlineKey('key').notNull(),
    elapsedHours: integer('elapsed_hours').notNull(),
    n: counter(),
  },
  (t) => [primaryKey({ columns: [t.schoolLevel, t.key, t.elapsedHours] })],
);

/** The same histogram per category and report month. */
export const auditElapsedCategoryMonths = pgTable(
  'audit_elapsed_category_months',
  {
    category: category('category').notNull(),
    month: date('month', { mode: 'string' }).notNull(),
    schoolLevel: schoolLevel('school_level').notNull(),
    key: deadlineKey('key').notNull(),
    elapsedHours: integer('elapsed_hours').notNull(),
    n: counter(),
  },
  (t) => [primaryKey({ columns: [t.category, t.month, t.schoolLevel, t.key, t.elapsedHours] })],
);

/** A school rollup's columns after its keys: the school's office and level, its cases, and their task and cap clocks. */
const schoolSums = () => ({
  officeId: uuid('office_id').notNull(),
  schoolLevel: schoolLevel('school_level').notNull(),
  cases: counter(),
  clocks: counter(),
  clocksMet: integer('clocks_met').notNull().default(0),
  clocksMetLate: integer('clocks_met_late').notNull().default(0),
  clocksUnmet: integer('clocks_unmet').notNull().default(0),
  clocksUnmetOpen: integer('clocks_unmet_open').notNull().default(0),
});

/** Cases and their clocks per report month and school: the per-school table, narrow so a country's schools sum fast. */
export const auditSchoolMonths = pgTable(
  'audit_school_months',
  {
    month: date('month', { mode: 'string' }).notNull(),
    schoolId: uuid('school_id').notNull(),
    ...schoolSums(),
  },
  (t) => [primaryKey({ columns: [t.month, t.schoolId] }), index('audit_school_months_office_idx').on(t.officeId, t.month)],
);

/** The same per report year. */
export const auditSchoolYears = pgTable(
  'audit_school_years',
  {
    year: smallint('year').notNull(),
    schoolId: uuid('school_id').notNull(),
    ...schoolSums(),
  },
  (t) => [primaryKey({ columns: [t.year, t.schoolId] }), index('audit_school_years_office_idx').on(t.officeId, t.year)],
);

/** The same over every report month. */
export const auditSchoolTotals = pgTable(
  'audit_school_totals',
  {
    schoolId: uuid('school_id').primaryKey(),
    ...schoolSums(),
  },
  (t) => [index('audit_school_totals_office_idx').on(t.officeId)],
);

/** The same per category and report month. */
export const auditSchoolCategoryMonths = pgTable(
  'audit_school_category_months',
  {
    category: category('category').notNull(),
    month: date('month', { mode: 'string' }).notNull(),
    schoolId: uuid('school_id').notNull(),
    ...schoolSums(),
  },
  (t) => [primaryKey({ columns: [t.category, t.month, t.schoolId] }), index('audit_school_category_months_office_idx').on(t.officeId, t.category, t.month)],
);

/** Every case counter summed per report month, office and school level: the statistics, separation and delay sections. */
export const auditOfficeMonths = pgTable(
  'audit_office_months',
  {
    month: date('month', { mode: 'string' }).notNull(),
    officeId: uuid('office_id').notNull(),
    schoolLevel: schoolLevel('school_level').notNull(),
    cases: counter(),
    ...counterColumns(),
  },
  (t) => [primaryKey({ columns: [t.month, t.officeId, t.schoolLevel] }), index('audit_office_months_office_idx').on(t.officeId, t.month)],
);

/** The same per report year. */
export const auditOfficeYears = pgTable(
  'audit_office_years',
  {
    year: smallint('year').notNull(),
    officeId: uuid('office_id').notNull(),
    schoolLevel: schoolLevel('school_level').notNull(),
    cases: counter(),
    ...counterColumns(),
  },
  (t) => [primaryKey({ columns: [t.year, t.officeId, t.schoolLevel] }), index('audit_office_years_office_idx').on(t.officeId, t.year)],
);

/** The same over every report month. */
export const auditOfficeTotals = pgTable(
  'audit_office_totals',
  {
    officeId: uuid('office_id').notNull(),
    schoolLevel: schoolLevel('school_level').notNull(),
    cases: counter(),
    ...counterColumns(),
  },
  (t) => [primaryKey({ columns: [t.officeId, t.schoolLevel] })],
);

/** The same per category and report month. */
export const auditOfficeCategoryMonths = pgTable(
  'audit_office_category_months',
  {
    category: category('category').notNull(),
    month: date('month', { mode: 'string' }).notNull(),
    officeId: uuid('office_id').notNull(),
    schoolLevel: schoolLevel('school_level').notNull(),
    cases: counter(),
    ...counterColumns(),
  },
  (t) => [
    primaryKey({ columns: [t.category, t.month, t.officeId, t.schoolLevel] }),
    index('audit_office_category_months_office_idx').on(t.officeId, t.category, t.month),
  ],
);
