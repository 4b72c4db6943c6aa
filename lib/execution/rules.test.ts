import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  allComplete,
  annul,
  blockedByTransfer,
  closeBlockers,
  deletionReviewErrors,
  estimateGraduationDate,
  guardianEducation,
  isComplete,
  missingRequirements,
  patchFor,
  pauseForStay,
  progressErrors,
  recordField,
  requirementsFor,
  resumeAfterStay,
  statusAfterProgress,
  type Progress,
} from './rules';

const guardianDone5: Progress = { guardianHoursRequired: 5, guardianHoursDone: 5 };
const guardianDone2: Progress = { guardianHoursRequired: 2, guardianHoursDone: 2 };

describe('what each measure needs to be complete (Act 17①, ⑨)', () => {
  it('1: the apology is complete when its delivery date is recorded', () => {
    expect(missingRequirements(1, {})).toEqual(['deliveredOn']);
    expect(isComplete(1, { deliveredOn: '2026-04-01' })).toBe(true);
  });

  it('2: the no-contact period and the guardian education (up to 4 h)', () => {
    expect(requirementsFor(2)).toEqual(['period', 'guardianHours']);
    expect(missingRequirements(2, { startDate: '2026-04-01' })).toEqual(['period', 'guardianHours']);
    expect(isComplete(2, { startDate: '2026-04-01', endDate: '2026-04-30', ...guardianDone2 })).toBe(true);
  });

  it('3 and 4: service hours done reach the hours required', () => {
    for (const m of [3, 4]) {
      const guardian = m === 3 ? guardianDone2 : guardianDone5;
      expect(isComplete(m, { hoursRequired: 10, hoursDone: 6, ...guardian })).toBe(false);
      expect(missingRequirements(m, { hoursRequired: 10, hoursDone: 6, ...guardian })).toEqual(['hours']);
      expect(isComplete(m, { hoursRequired: 10, hoursDone: 10, ...guardian })).toBe(true);
    }
  });

  it('5: the student special-education hours, and at least 5 guardian hours', () => {
    expect(requirementsFor(5)).toEqual(['hours', 'guardianHours']);
    expect(isComplete(5, { hoursRequired: 8, hoursDone: 8, guardianHoursRequired: 5, guardianHoursDone: 4 })).toBe(false);
    expect(isComplete(5, { hoursRequired: 8, hoursDone: 8, ...guardianDone5 })).toBe(true);
  });

  it('6: suspension start and end dates; 7: the new class and the day it changed', () => {
    expect(isComplete(6, { startDate: '2026-04-01', ...guardianDone5 })).toBe(false);
    expect(isComplete(6, { startDate: '2026-04-01', endDate: '2026-04-10', ...guardianDone5 })).toBe(true);
    expect(missingRequirements(7, { newClass: '2-5', ...guardianDone5 })).toEqual(['newClass']);
    expect(isComplete(7, { newClass: '2-5', changedOn: '2026-04-02', ...guardianDone5 })).toBe(true);
  });

  it('8: the transfer request, then the move', () => {
    expect(missingRequirements(8, {})).toEqual(['transferRequested', 'transferredOn', 'guardianHours']);
    expect(missingRequirements(8, { transferRequestedAt: '2026-04-01T01:00:00.000Z', ...guardianDone5 })).toEqual(['transferredOn']);
    expect(isComplete(8, { transferRequestedAt: '2026-04-01T01:00:00.000Z', transferredOn: '2026-04-08', ...guardianDone5 })).toBe(true);
  });

  it('guardian education: up to 4 hours for 2–3, at least 5 for 4–8, none for 1 and 9', () => {
    expect(guardianEducation(1)).toBeNull();
    expect(guardianEducation(2)).toEqual({ minHours: 1, maxHours: 4 });
    expect(guardianEducation(3)).toEqual({ minHours: 1, maxHours: 4 });
    for (const m of [4, 5, 6, 7, 8]) expect(guardianEducation(m)).toEqual({ minHours: 5, maxHours: null });
    expect(guardianEducation(9)).toBeNull();
    expect(progressErrors(3, { guardianHoursRequired: 6 })).toEqual({ guardianHoursRequired: ['guardianHoursAtMost4'] });
    expect(progressErrors(4, { guardianHoursRequired: 4 })).toEqual({ guardianHoursRequired: ['guardianHoursAtLeast5'] });
  });

  it('an annulled measure needs nothing more', () => {
    expect(isComplete(3, { annulled: true })).toBe(true);
  });

  it('a row becomes completed only when every requirement is met', () => {
    expect(statusAfterProgress(1, {})).toBe('in_progress');
    expect(statusAfterProgress(1, { deliveredOn: '2026-04-01' })).toBe('completed');
  });
});

describe('recording progress', () => {
  it('a form records only the fields of its measure, and empty fields change nothing', () => {
    expect(patchFor(1, { deliveredOn: '2026-04-01', hoursDone: 3, newClass: '' })).toEqual({ deliveredOn: '2026-04-01' });
    expect(patchFor(3, { hoursDone: 3, hoursRequired: undefined, guardianHoursDone: 2 })).toEqual({ hoursDone: 3, guardianHoursDone: 2 });
  });

  it('facts cannot be recorded ahead of time, and a period cannot end before it starts', () => {
    expect(progressErrors(6, { startDate: '2026-04-10', endDate: '2026-04-09' })).toEqual({ endDate: ['beforeStart'] });
    expect(progressErrors(1, { deliveredOn: '2026-05-01' }, { today: '2026-04-30' })).toEqual({ deliveredOn: ['futureDate'] });
    expect(progressErrors(1, { deliveredOn: '2026-05-01' })).toEqual({});
  });

  it('a move is not recorded before the transfer request, nor dated before it', () => {
    const today = { today: '2026-04-30' };
    expect(progressErrors(8, { transferredOn: '2026-04-08' }, today)).toEqual({ transferredOn: ['transferNotRequested'] });
    expect(progressErrors(8, { transferRequestedAt: '2026-04-05T01:00:00.000Z', transferredOn: '2026-04-04' }, today)).toEqual({
      transferredOn: ['beforeTransferRequest'],
    });
    // The request's KST day counts: 2026-04-04T16:00Z is 2026-04-05 in Seoul.
    expect(progressErrors(8, { transferRequestedAt: '2026-04-04T16:00:00.000Z', transferredOn: '2026-04-05' }, today)).toEqual({});
  });
});

describe('transfer first (Decree 20)', () => {
  const row = (measure: number, progress: Progress = {}, status: 'waiting' | 'in_progress' | 'completed' | 'paused' = 'waiting') => ({
    measure,
    status,
    progress,
  });

  it('while a transfer has not happened, the other measures wait', () => {
    expect(blockedByTransfer([row(8), row(5)])).toBe(true);
    expect(blockedByTransfer([row(8, { transferRequestedAt: '2026-04-01T00:00:00.000Z' }, 'in_progress'), row(5)])).toBe(true);
  });

  it('once the student has moved, the others proceed, even before the guardian education is done', () => {
    expect(blockedByTransfer([row(8, { transferRequestedAt: '2026-04-01T00:00:00.000Z', transferredOn: '2026-04-08' }, 'in_progress'), row(5)])).toBe(false);
  });

  it('without a transfer, or with it annulled, nothing is blocked', () => {
    expect(blockedByTransfer([row(5), row(6)])).toBe(false);
    expect(blockedByTransfer([row(8, { annulled: true }, 'completed'), row(5)])).toBe(false);
  });
});

describe('stays of execution (집행정지)', () => {
  it('a stay pauses unfinished measures and lifting it puts each back where it stood', () => {
    for (const status of ['waiting', 'in_progress'] as const) {
      const paused = pauseForStay({ status, progress: { hoursDone: 2 } });
      expect(paused).toEqual({ status: 'paused', progress: { hoursDone: 2, pausedFrom: status } });
      expect(resumeAfterStay(paused)).toEqual({ status, progress: { hoursDone: 2 } });
    }
  });

  it('a completed measure is not paused, and a second stay does not overwrite where the first left it', () => {
    const done = { status: 'completed' as const, progress: { deliveredOn: '2026-04-01' } };
    expect(pauseForStay(done)).toBe(done);
    const paused = pauseForStay({ status: 'in_progress', progress: {} });
    expect(pauseForStay(paused)).toBe(paused);
  });

  it('annulment takes a measure out of tracking, paused or not', () => {
    expect(annul({ status: 'paused', progress: { pausedFrom: 'waiting' } })).toEqual({ status: 'completed', progress: { annulled: true } });
  });
});

describe('closing', () => {
  const decisions = [{ id: 'd1', measures: [{ measure: 1 }, { measure: 3 }] }];

  it('a case closes only when every decided measure is complete and no appeal is pending', () => {
    const executions = [
      { decisionId: 'd1', measure: 1, status: 'completed' as const, progress: {} },
      { decisionId: 'd1', measure: 3, status: 'in_progress' as const, progress: {} },
    ];
    expect(allComplete(executions)).toBe(false);
    expect(closeBlockers({ decisions, executions, appeals: [] })).toEqual([{ kind: 'measureIncomplete', decisionId: 'd1', measure: 3 }]);
    const done = executions.map((e) => ({ ...e, status: 'completed' as const }));
    expect(allComplete(done)).toBe(true);
    expect(closeBlockers({ decisions, executions: done, appeals: [] })).toEqual([]);
    expect(closeBlockers({ decisions, executions: done, appeals: [{ id: 'a1', outcome: 'pending' }] })).toEqual([{ kind: 'appealPending', appealId: 'a1' }]);
    expect(closeBlockers({ decisions, executions: done, appeals: [{ id: 'a1', outcome: 'upheld' }] })).toEqual([]);
  });

  it('a decided measure with no tracking row keeps the case open', () => {
    expect(closeBlockers({ decisions, executions: [{ decisionId: 'd1', measure: 1, status: 'completed', progress: {} }], appeals: [] })).toEqual([
      { kind: 'measureUntracked', decisionId: 'd1', measure: 3 },
    ]);
  });
});

describe('student record (docs/domain-process.md §5.3)', () => {
  it('before 2024-03-01: 1–3 and 7 in 행동특성, 4–6 in 출결, 8–9 in 인적·학적', () => {
    const at = '2024-02-29T23:00:00+09:00';
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9].map((m) => recordField(m, at))).toEqual([
      'behaviour_opinion',
      'behaviour_opinion',
      'behaviour_opinion',
      'attendance',
      'attendance',
      'attendance',
      'behaviour_opinion',
      'personal_academic',
      'personal_academic',
    ]);
  });

  it('from 2024-03-01 (KST) every measure goes to 학교폭력 조치상황 관리', () => {
    expect(recordField(1, '2024-02-29T15:00:00Z')).toBe('violence_record');
    expect(recordField(8, '2026-03-02T10:00:00+09:00')).toBe('violence_record');
  });

  it('the graduation estimate is the end of the school year the student finishes the level', () => {
    expect(estimateGraduationDate({ schoolLevel: 'middle', grade: 2, reportedAt: '2026-03-02T10:00:00+09:00' })).toBe('2028-02-29');
    // January belongs to the school year that began the previous March.
    expect(estimateGraduationDate({ schoolLevel: 'middle', grade: 3, reportedAt: '2027-01-10T10:00:00+09:00' })).toBe('2027-02-28');
    expect(estimateGraduationDate({ schoolLevel: 'elementary', grade: 1, reportedAt: '2026-09-01T10:00:00+09:00' })).toBe('2032-02-29');
    expect(estimateGraduationDate({ schoolLevel: 'high', grade: null, reportedAt: '2026-09-01T10:00:00+09:00' })).toBeNull();
    expect(estimateGraduationDate({ schoolLevel: 'special', grade: 2, reportedAt: '2026-09-01T10:00:00+09:00' })).toBeNull();
  });

  it('a deletion review needs a reviewable measure, the victim’s consent and no litigation pending', () => {
    const ok = { preGraduationReview: true, victimConsent: true, litigationPending: false, annulled: false };
    expect(deletionReviewErrors(ok)).toEqual({});
    expect(deletionReviewErrors({ ...ok, preGraduationReview: false })).toEqual({ measure: ['reviewNotAllowed'] });
    expect(deletionReviewErrors({ ...ok, victimConsent: false })).toEqual({ victimConsent: ['victimConsentRequired'] });
    expect(deletionReviewErrors({ ...ok, litigationPending: true })).toEqual({ litigationPending: ['litigationPending'] });
    expect(deletionReviewErrors({ ...ok, annulled: true })).toEqual({ measure: ['measureAnnulled'] });
  });
});

describe('lib/execution/rules.ts is pure', () => {
  it('reads no clock, environment, database or framework', () => {
    const src = readFileSync(path.join(__dirname, 'rules.ts'), 'utf8');
    expect(src).not.toMatch(/Date\.now\s*\(|new Date\(|process\.env|Math\.random/);
    expect(src).not.toMatch(/from ['"](next|react|next-auth|drizzle-orm|postgres|server-only)(\/[^'"]*)?['"]/);
    expect(src).not.toMatch(/from ['"]@\/(db|app)/);
  });
});
