/**
 * Versioned Korean rulebooks.
 *
 * Every number of the product's legal rules lives here as data. Much of it is MOE
 * guidebook practice rather than statute and changes with policy, so a case is
 * judged by the rulebook in force on its report date (KST): a base rulebook plus
 * the amendments whose validFrom is on or before that date.
 */
import type { DeadlineRule, RecordRules, RetentionRule, RubricConfig, Rulebook, RulebookOverride } from './types';
import { DEADLINE_KEYS } from './types';
import { kstDateOf } from './time';

type Patch = RulebookOverride;

type Amendment = { validFrom: string; summary: string; patch: Patch };

const hours = (period: number, basis: string, extra: Partial<DeadlineRule> = {}): DeadlineRule => ({
  kind: 'task',
  enabled: true,
  unit: 'hours',
  period,
  rollForward: false,
  countTriggerDay: false,
  extensionDays: 0,
  basis,
  unconfirmed: false,
  ...extra,
});

const days = (period: number, basis: string, extra: Partial<DeadlineRule> = {}): DeadlineRule => ({
  kind: 'task',
  enabled: true,
  unit: 'days',
  period,
  rollForward: true,
  countTriggerDay: false,
  extensionDays: 0,
  basis,
  unconfirmed: false,
  ...extra,
});

const keep = (deleteAfter: RetentionRule['deleteAfter'], preGraduationReview: boolean, unconfirmed = false): RetentionRule => ({
  deleteAfter,
  preGraduationReview,
  unconfirmed,
});

export const KR_RUBRIC: RubricConfig = deepFreeze({
  bands: [
    { min: 0, max: 0, measures: [] },
    { min: 1, max: 3, measures: [1] },
    { min: 4, max: 6, measures: [3] },
    { min: 7, max: 9, measures: [4] },
    { min: 10, max: 12, measures: [6] },
    { min: 13, max: 15, measures: [7] },
    { min: 16, max: 20, measures: [8, 9] },
  ],
  ladder: [1, 3, 4, 6, 7, 8, 9],
  compulsoryLevels: ['elementary', 'middle'],
  expulsionMeasure: 9,
  protectionMeasure: 2,
  guidanceMeasure: 5,
  studentEducationMeasures: [2, 3, 4, 6, 7, 8],
});

/**
 * Student-record fields (학교생활기록부 기재요령; docs/domain-process.md §5.3): students who entered
 * their school level from the 2024 school year have one field for every
 * measure; earlier cohorts keep the field each measure had, whenever the case
 * is reported. Deferral of 1–3 dates from the 2020 reform (district committees).
 */
const KR_RECORD: RecordRules = {
  unifiedFieldFromEntryYear: 2024,
  legacyFields: {
    1: 'behaviour_opinion',
    2: 'behaviour_opinion',
    3: 'behaviour_opinion',
    4: 'attendance',
    5: 'attendance',
    6: 'attendance',
    7: 'behaviour_opinion',
    8: 'personal_academic',
    9: 'personal_academic',
  },
  deferral: { from: '2020-03-01', measures: [1, 2, 3], unconfirmed: true },
};

/**
 * The rules as they stood when district committees took over (2020-03-01).
 * Earlier cases fall back to this book too: the product does not model the
 * school-level 자치위원회 era.
 */
const BASE: Rulebook = {
  jurisdiction: 'KR',
  version: 'KR-2020-03-01',
  validFrom: '2020-03-01',
  validUntil: null,
  contactBanAutomatic: false,
  dueSoon: { hoursRule: { hours: 12 }, daysRule: { days: 3 } },
  deadlines: {
    guardian_notice: hours(24, '학교폭력예방법 제20조 (Act 20)'),
    office_report: hours(48, '학교폭력 사안처리 가이드북: 교육지원청 48시간 내 보고 (MOE guidebook)', { unconfirmed: true }),
    police_report: hours(24, '아동·청소년의 성보호에 관한 법률 제34조 (Youth Sex Protection Act 34)'),
    separation_start: hours(24, '학교폭력예방법 제16조 제1항 (Act 16①)', { enabled: false }),
    separation_limit: days(3, '학교폭력예방법 제16조 제1항, 사안처리 가이드북 (Act 16①; guidebook)', {
      kind: 'cap',
      rollForward: false,
      countTriggerDay: true,
    }),
    investigation: days(14, '학교폭력 사안처리 가이드북: 전담조사 (MOE guidebook) [미확인 unconfirmed]', {
      extensionDays: 7,
      unconfirmed: true,
    }),
    committee_meeting: days(21, '학교폭력 사안처리 가이드북: 심의위원회 개최 21일, 부득이한 경우 7일 연장 (MOE guidebook)', {
      extensionDays: 7,
    }),
    victim_measures: days(7, '학교폭력예방법 제16조 제3항 (Act 16③)'),
    disposition_notice: days(14, '학교폭력예방법 제17조 (Act 17) [14일 미확인 unconfirmed]', { unconfirmed: true }),
    transfer_request: days(7, '학교폭력예방법 시행령 제20조 (Decree 20)'),
    appeal_window: days(90, '학교폭력예방법 제17조의2, 행정심판법 제27조 (Act 17-2; Administrative Appeals Act 27)', {
      kind: 'window',
    }),
  },
  retention: {
    1: keep('graduation', false),
    2: keep('graduation', false),
    3: keep('graduation', false),
    4: keep(2, true),
    5: keep(2, true),
    6: keep(2, true),
    7: keep('graduation', false),
    // [U] docs/domain-process.md §5.3 gives "2 from 2023-03" for measure 8 without the earlier value; 2 years with review is assumed.
    8: keep(2, true, true),
    9: keep('never', false),
  },
  rubric: KR_RUBRIC,
  // No statute sets these: the police and court track can run for years, so evidence is kept 3 years after closing unless held.
  evidence: { retentionDaysAfterClose: 1095, takedownReminderDays: 7, unconfirmed: true },
  record: KR_RECORD,
  amendments: [{ validFrom: '2020-03-01', summary: 'District deliberative committees (Act 12, 2019 amendment)' }],
};

const AMENDMENTS: Amendment[] = [
  {
    validFrom: '2021-06-23',
    summary: 'Mandatory separation of victim and perpetrator, capped at 3 days (Act 16①, 2021 amendment)',
    patch: { deadlines: { separation_start: { enabled: true } } },
  },
  {
    validFrom: '2023-03-01',
    summary: 'Records: measures 6–8 kept 2 years after graduation; 7 gains pre-graduation review, 8 loses it',
    patch: {
      retention: {
        6: keep(2, true),
        7: keep(2, true),
        8: keep(2, false),
      },
    },
  },
  {
    validFrom: '2023-09-01',
    summary: 'Separation cap raised to 7 days, holidays included (guidebook 2023-09)',
    patch: {
      deadlines: {
        separation_limit: {
          period: 7,
          basis: '학교폭력예방법 제16조 제1항, 사안처리 가이드북 2023-09: 분리 최대 7일 (Act 16①; guidebook)',
        },
      },
    },
  },
  {
    validFrom: '2024-03-01',
    summary: 'Act 2023-10-24 in force: automatic contact/retaliation ban; records 6–8 kept 4 years',
    patch: {
      contactBanAutomatic: true,
      retention: {
        6: keep(4, true),
        7: keep(4, true),
        8: keep(4, false),
      },
    },
  },
];

function clone<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/** Applies an override or amendment; fields absent from the patch keep their value. */
export function applyRulebookPatch(book: Rulebook, patch: Patch | undefined): Rulebook {
  const next = clone(book);
  if (!patch) return next;
  if (patch.contactBanAutomatic !== undefined) next.contactBanAutomatic = patch.contactBanAutomatic;
  if (patch.dueSoon?.hoursRule) next.dueSoon.hoursRule = { ...patch.dueSoon.hoursRule };
  if (patch.dueSoon?.daysRule) next.dueSoon.daysRule = { ...patch.dueSoon.daysRule };
  if (patch.deadlines) {
    for (const key of DEADLINE_KEYS) {
      const p = patch.deadlines[key];
      if (p) next.deadlines[key] = { ...next.deadlines[key], ...stripUndefined(p) };
    }
  }
  if (patch.retention) {
    for (const m of [1, 2, 3, 4, 5, 6, 7, 8, 9] as const) {
      const p = patch.retention[m];
      if (p) next.retention[m] = { ...next.retention[m], ...stripUndefined(p) };
    }
  }
  if (patch.rubric) next.rubric = { ...next.rubric, ...clone(stripUndefined(patch.rubric)) };
  if (patch.evidence) next.evidence = { ...next.evidence, ...stripUndefined(patch.evidence) };
  if (patch.record) next.record = { ...next.record, ...clone(stripUndefined(patch.record)) };
  return next;
}

function stripUndefined<T extends object>(obj: T): Partial<T> {
  const out: Partial<T> = {};
  for (const [k, v] of Object.entries(obj)) {
    if (v !== undefined) (out as Record<string, unknown>)[k] = v;
  }
  return out;
}

/** validFrom dates of all Korean rulebook versions, oldest first. */
export const KR_RULEBOOK_ERAS: readonly string[] = Object.freeze([BASE.validFrom, ...AMENDMENTS.map((a) => a.validFrom)]);

/** Freezes `value` and everything reachable from it, so a shared rulebook cannot be changed by one caller for all. */
function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value as Record<string, unknown>)) deepFreeze(v);
  }
  return value;
}

/**
 * One rulebook per era, built once: the base book plus the amendments up to
 * that era. Built at load because the module is pure and the eras are few;
 * `rulebookFor` used to rebuild and deep-copy the book on every call.
 */
const ERA_BOOKS: readonly { validFrom: string; book: Rulebook }[] = KR_RULEBOOK_ERAS.map((era, i) => {
  let book = clone(BASE);
  for (const a of AMENDMENTS.filter((x) => x.validFrom <= era)) {
    book = applyRulebookPatch(book, a.patch);
    book.amendments.push({ validFrom: a.validFrom, summary: a.summary });
  }
  book.version = `KR-${era}`;
  book.validFrom = era;
  book.validUntil = KR_RULEBOOK_ERAS[i + 1] ?? null;
  return { validFrom: era, book: deepFreeze(book) };
});

/**
 * The rulebook governing a case reported at `reportedAt` (an ISO instant or a
 * 'YYYY-MM-DD' KST date). Amendments take effect at 00:00 KST of their date,
 * so the comparison is made on the KST calendar day of the report. Cases
 * reported before the first era get the first era's book.
 *
 * The result is shared and deeply frozen: reading it is free, and writing to it
 * throws. To change a number for one call, pass an override to
 * `resolveRulebook` (or `rulebook` to computeDeadlines / recordRetention), which
 * returns a fresh copy.
 */
export function rulebookFor(reportedAt: string): Rulebook {
  const day = kstDateOf(reportedAt);
  let found = ERA_BOOKS[0];
  for (const e of ERA_BOOKS) if (e.validFrom <= day) found = e;
  if (!found) throw new RangeError('No Korean rulebook configured');
  return found.book;
}

/**
 * Rulebook for a case with an optional per-call override applied on top.
 * Without an override this is the shared frozen book; with one, a fresh copy.
 */
export function resolveRulebook(reportedAt: string, override?: RulebookOverride): Rulebook {
  const book = rulebookFor(reportedAt);
  return override ? applyRulebookPatch(book, override) : book;
}
