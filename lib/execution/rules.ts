/**
 * Execution of perpetrator measures, appeals and the student record, as pure
 * rules: what each measure needs before it counts as done (Act 17①, ⑨),
 * the transfer-first order (Decree 20), what a stay does to the measures,
 * when a case may close, and which record field holds a measure (docs/domain-process.md §5.3).
 * No I/O and no clock of its own: "today" is an argument.
 */
import { isDate, kstDateOf } from '@/lib/rules/time';
import type { SchoolLevel } from '@/lib/rules/types';

export const EXECUTION_STATUSES = ['waiting', 'in_progress', 'completed', 'paused'] as const;
export type ExecutionStatus = (typeof EXECUTION_STATUSES)[number];

export const TRANSFER_MEASURE = 8;

/**
 * What has been recorded for one measure of one student. Dates are KST
 * 'YYYY-MM-DD'; hours are totals so far, not increments.
 */
export type Progress = {
  /** 1: the written apology was handed over. */
  deliveredOn?: string;
  /** 2 (no contact), 6 (suspension): the period served. */
  startDate?: string;
  endDate?: string;
  /** 3, 4 (service), 5 (special education of the student): hours set by the disposition, and done. */
  hoursRequired?: number;
  hoursDone?: number;
  /** 7: the class the student moved to. */
  newClass?: string;
  changedOn?: string;
  /** 8: the head's request to the office (the `request_transfer` step), then the move itself. */
  transferRequestedAt?: string;
  transferredOn?: string;
  newSchool?: string;
  /** 9: the day the expulsion took effect. */
  expelledOn?: string;
  /** 2–8: the guardian's special education (Act 17⑨). */
  guardianHoursRequired?: number;
  guardianHoursDone?: number;
  /** A stay of execution holds the row; this is where it resumes. */
  pausedFrom?: Exclude<ExecutionStatus, 'paused'>;
  /** The disposition was annulled on appeal: nothing left to execute. */
  annulled?: boolean;
};

/** The fields a progress form may send; the rest of `Progress` is written by other steps. */
export const PROGRESS_FIELDS = [
  'deliveredOn',
  'startDate',
  'endDate',
  'hoursRequired',
  'hoursDone',
  'newClass',
  'changedOn',
  'transferredOn',
  'newSchool',
  'expelledOn',
  'guardianHoursRequired',
  'guardianHoursDone',
] as const satisfies readonly (keyof Progress)[];
export type ProgressField = (typeof PROGRESS_FIELDS)[number];
export type ProgressPatch = Partial<Pick<Progress, ProgressField>>;

export type Requirement = 'deliveredOn' | 'period' | 'hours' | 'newClass' | 'transferRequested' | 'transferredOn' | 'expelledOn' | 'guardianHours';

/**
 * Act 17⑨ and its decree: the guardian is educated with the student, up to
 * 4 hours for measures 2–3 and at least 5 hours for 4–8. The disposition
 * names the hours; these are the bounds they must fall in.
 */
export function guardianEducation(measure: number): { minHours: number; maxHours: number | null } | null {
  if (measure === 2 || measure === 3) return { minHours: 1, maxHours: 4 };
  if (measure >= 4 && measure <= 8) return { minHours: 5, maxHours: null };
  return null;
}

/** What each measure needs before it is complete (docs/domain-process.md §5.2, §3 rows 16–17). */
export function requirementsFor(measure: number): Requirement[] {
  const own: Requirement[] = (() => {
    switch (measure) {
      case 1:
        return ['deliveredOn'];
      case 2:
      case 6:
        return ['period'];
      case 3:
      case 4:
      case 5:
        return ['hours'];
      case 7:
        return ['newClass'];
      case 8:
        return ['transferRequested', 'transferredOn'];
      case 9:
        return ['expelledOn'];
      default:
        return [];
    }
  })();
  return guardianEducation(measure) ? [...own, 'guardianHours'] : own;
}

/** The form fields that record each requirement. */
const FIELDS_OF: Record<Requirement, ProgressField[]> = {
  deliveredOn: ['deliveredOn'],
  period: ['startDate', 'endDate'],
  hours: ['hoursRequired', 'hoursDone'],
  newClass: ['newClass', 'changedOn'],
  transferRequested: [],
  transferredOn: ['transferredOn', 'newSchool'],
  expelledOn: ['expelledOn'],
  guardianHours: ['guardianHoursRequired', 'guardianHoursDone'],
};

export function progressFieldsFor(measure: number): ProgressField[] {
  return requirementsFor(measure).flatMap((r) => FIELDS_OF[r]);
}

const hoursMet = (required: number | undefined, done: number | undefined) => required !== undefined && required > 0 && done !== undefined && done >= required;

function met(requirement: Requirement, p: Progress): boolean {
  switch (requirement) {
    case 'deliveredOn':
      return Boolean(p.deliveredOn);
    case 'period':
      return Boolean(p.startDate && p.endDate);
    case 'hours':
      return hoursMet(p.hoursRequired, p.hoursDone);
    case 'newClass':
      return Boolean(p.newClass && p.changedOn);
    case 'transferRequested':
      return Boolean(p.transferRequestedAt);
    case 'transferredOn':
      return Boolean(p.transferredOn);
    case 'expelledOn':
      return Boolean(p.expelledOn);
    case 'guardianHours':
      return hoursMet(p.guardianHoursRequired, p.guardianHoursDone);
  }
}

export function missingRequirements(measure: number, progress: Progress): Requirement[] {
  if (progress.annulled) return [];
  return requirementsFor(measure).filter((r) => !met(r, progress));
}

export function isComplete(measure: number, progress: Progress): boolean {
  return missingRequirements(measure, progress).length === 0;
}

type ExecutionState = { measure: number; status: ExecutionStatus; progress: Progress };

/**
 * Decree 20, guidebook 2023-09: a transfer (8) comes first and the other
 * measures are carried out at the new school. So, among the rows of one
 * student's decision, everything else waits while an 8 exists whose move has
 * not happened. The guardian's education is not part of the move and does
 * not hold the other measures back.
 */
export function blockedByTransfer(executions: readonly ExecutionState[]): boolean {
  return executions.some((e) => e.measure === TRANSFER_MEASURE && !e.progress.annulled && !e.progress.transferredOn);
}

export function allComplete(executions: readonly ExecutionState[]): boolean {
  return executions.every((e) => e.status === 'completed');
}

export type FieldErrors = Record<string, string[]>;

/**
 * Field errors for a progress entry. The browser checks the entry alone;
 * the server passes `full` and checks the merged progress (the entry over
 * what was recorded before) against today (KST), so facts are not recorded
 * ahead of time and a move is not recorded before its request.
 */
export function progressErrors(measure: number, progress: Progress, full?: { today: string }): FieldErrors {
  const errors: FieldErrors = {};
  const add = (field: ProgressField, key: string) => (errors[field] ??= []).push(key);
  for (const field of ['deliveredOn', 'startDate', 'endDate', 'changedOn', 'transferredOn', 'expelledOn'] as const) {
    const v = progress[field];
    if (v === undefined) continue;
    if (!isDate(v)) add(field, 'invalidDate');
    else if (full && v > full.today) add(field, 'futureDate');
  }
  if (progress.startDate && progress.endDate && progress.endDate < progress.startDate) add('endDate', 'beforeStart');
  if (progress.hoursRequired !== undefined && progress.hoursRequired <= 0) add('hoursRequired', 'invalidNumber');
  const guardian = guardianEducation(measure);
  const g = progress.guardianHoursRequired;
  if (guardian && g !== undefined) {
    if (g < guardian.minHours) add('guardianHoursRequired', guardian.maxHours === null ? 'guardianHoursAtLeast5' : 'invalidNumber');
    if (guardian.maxHours !== null && g > guardian.maxHours) add('guardianHoursRequired', 'guardianHoursAtMost4');
  }
  if (!full) return errors;
  if (progress.endDate && !progress.startDate) add('startDate', 'required');
  if (progress.newClass && !progress.changedOn) add('changedOn', 'required');
  if (measure === TRANSFER_MEASURE && progress.transferredOn) {
    if (!progress.transferRequestedAt) add('transferredOn', 'transferNotRequested');
    else if (progress.transferredOn < kstDateOf(progress.transferRequestedAt)) add('transferredOn', 'beforeTransferRequest');
  }
  return errors;
}

/** Only the fields this measure records; empty values are no change. */
export function patchFor(measure: number, input: Partial<Record<ProgressField, unknown>>): ProgressPatch {
  const patch: Record<string, unknown> = {};
  for (const field of progressFieldsFor(measure)) {
    const v = input[field];
    if (v !== undefined && v !== null && v !== '') patch[field] = v;
  }
  return patch as ProgressPatch;
}

/** The status a row takes after progress is recorded on it. */
export function statusAfterProgress(measure: number, progress: Progress): Exclude<ExecutionStatus, 'paused' | 'waiting'> {
  return isComplete(measure, progress) ? 'completed' : 'in_progress';
}

// ── Stays and appeals (Act 17-2; docs/domain-process.md §3 rows 18–20) ───────────────────────

/** A stay (집행정지) holds every unfinished measure of the decision, remembering where each stood. */
export function pauseForStay(e: { status: ExecutionStatus; progress: Progress }): { status: ExecutionStatus; progress: Progress } {
  if (e.status === 'completed' || e.status === 'paused') return e;
  return { status: 'paused', progress: { ...e.progress, pausedFrom: e.status } };
}

/** Lifting the stay puts each held measure back where it stood. */
export function resumeAfterStay(e: { status: ExecutionStatus; progress: Progress }): { status: ExecutionStatus; progress: Progress } {
  if (e.status !== 'paused') return e;
  const { pausedFrom, ...progress } = e.progress;
  return { status: pausedFrom ?? 'waiting', progress };
}

/** The disposition is annulled: the measure leaves tracking as done, marked so. */
export function annul(e: { status: ExecutionStatus; progress: Progress }): { status: ExecutionStatus; progress: Progress } {
  const { pausedFrom: _pausedFrom, ...progress } = e.progress;
  return { status: 'completed', progress: { ...progress, annulled: true } };
}

export const APPEAL_SIDES = ['victim', 'perpetrator'] as const;
export const APPEAL_KINDS = ['administrative_appeal', 'lawsuit'] as const;
export const APPEAL_RESULTS = ['upheld', 'varied', 'annulled', 'withdrawn'] as const;
export type AppealResult = (typeof APPEAL_RESULTS)[number];

type AppealState = {
  id: string;
  side: string;
  outcome: string;
  stayGrantedAt: unknown;
  stayLiftedAt: unknown;
  victimNotifiedAt: unknown;
  decisionId: string | null;
};

export const isPending = (a: Pick<AppealState, 'outcome'>) => a.outcome === 'pending';
export const stayInForce = (a: Pick<AppealState, 'stayGrantedAt' | 'stayLiftedAt'>) => Boolean(a.stayGrantedAt) && !a.stayLiftedAt;

/** Row 20: the perpetrator's side appealed and the victim's side has not yet been told. */
export function needsVictimNotice(a: Pick<AppealState, 'side' | 'victimNotifiedAt'>): boolean {
  return a.side === 'perpetrator' && !a.victimNotifiedAt;
}

export type CloseBlocker =
  | { kind: 'measureIncomplete'; decisionId: string; measure: number }
  | { kind: 'measureUntracked'; decisionId: string; measure: number }
  | { kind: 'appealPending'; appealId: string };

/**
 * A case closes when every decided measure has been carried out (or annulled)
 * and no appeal is still open. A decided measure without a tracking row
 * counts as not done: the case never closes on missing data.
 */
export function closeBlockers(input: {
  decisions: readonly { id: string; measures: readonly { measure: number }[] }[];
  executions: readonly (ExecutionState & { decisionId: string })[];
  appeals: readonly Pick<AppealState, 'id' | 'outcome'>[];
}): CloseBlocker[] {
  const out: CloseBlocker[] = [];
  for (const d of input.decisions) {
    for (const { measure } of d.measures) {
      const row = input.executions.find((e) => e.decisionId === d.id && e.measure === measure);
      if (!row) out.push({ kind: 'measureUntracked', decisionId: d.id, measure });
      else if (row.status !== 'completed') out.push({ kind: 'measureIncomplete', decisionId: d.id, measure });
    }
  }
  for (const a of input.appeals) if (isPending(a)) out.push({ kind: 'appealPending', appealId: a.id });
  return out;
}

// ── Student record (학교생활기록부; docs/domain-process.md §5.3, docs/rules-contract.md §3) ───────────────────

export const RECORD_FIELDS = ['behaviour_opinion', 'attendance', 'personal_academic', 'violence_record'] as const;
export type RecordField = (typeof RECORD_FIELDS)[number];

/** From the 2024 school year every measure goes in one field, 「학교폭력 조치상황 관리」 (docs/domain-process.md §5.3). */
const UNIFIED_FIELD_FROM = '2024-03-01';

/**
 * Where a measure is written: 1–3 and 7 under 행동특성 및 종합의견, 4–6 under
 * 출결상황 특기사항, 8–9 under 인적·학적사항 특기사항; cases reported from
 * 2024-03-01 under the single 학교폭력 조치상황 관리 field.
 */
export function recordField(measure: number, reportedAt: string): RecordField {
  if (kstDateOf(reportedAt) >= UNIFIED_FIELD_FROM) return 'violence_record';
  if (measure >= 4 && measure <= 6) return 'attendance';
  if (measure >= 8) return 'personal_academic';
  return 'behaviour_opinion';
}

const YEARS_AT_LEVEL: Record<SchoolLevel, number | null> = { elementary: 6, middle: 3, high: 3, special: null };

/**
 * A first guess at the graduation date for the record panel: the end of the
 * school year (the last day of February; the year starts on 1 March) in
 * which a student of this grade finishes the level. The school corrects it.
 */
export function estimateGraduationDate(input: { schoolLevel: SchoolLevel; grade: number | null; reportedAt: string }): string | null {
  const years = YEARS_AT_LEVEL[input.schoolLevel];
  if (years === null || input.grade === null || input.grade < 1 || input.grade > years) return null;
  const day = kstDateOf(input.reportedAt);
  const schoolYear = Number(day.slice(0, 4)) - (Number(day.slice(5, 7)) < 3 ? 1 : 0);
  const year = schoolYear + years - input.grade + 1;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return `${year}-02-${leap ? '29' : '28'}`;
}

export type DeletionReviewInput = { preGraduationReview: boolean; victimConsent: boolean; litigationPending: boolean; annulled: boolean };

/**
 * docs/domain-process.md §5.3: the school's body may delete a 4–7 entry just before
 * graduation, after review, and only with the victim's consent and no
 * litigation pending. Returns the field errors that refuse the review.
 */
export function deletionReviewErrors(input: DeletionReviewInput): FieldErrors {
  if (input.annulled) return { measure: ['measureAnnulled'] };
  if (!input.preGraduationReview) return { measure: ['reviewNotAllowed'] };
  const errors: FieldErrors = {};
  if (!input.victimConsent) errors.victimConsent = ['victimConsentRequired'];
  if (input.litigationPending) errors.litigationPending = ['litigationPending'];
  return errors;
}
