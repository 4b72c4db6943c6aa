import { asc, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { advanceCaseForTest, demoActors, intake } from '@/db/test/fixtures';
import { appeals, auditLog, caseEvents, caseParties, cases, decisions, measureExecutions, recordDeletionReviews } from '@/db/schema';
import { seed } from '@/db/seed';
import type { Actor } from '@/lib/auth/roles';
import { fileCaseInput } from '@/lib/cases/schemas';
import { fileCase, viewCase } from '@/lib/cases/service';
import { closeCase } from './close-case';
import { fileAppeal } from './file-appeal';
import { loadExecutionPanel } from './load';
import { notifyVictimOfAppeal } from './notify-victim-of-appeal';
import { recordAppealOutcome } from './record-appeal-outcome';
import { recordProgress } from './record-progress';
import { requestTransfer } from './request-transfer';
import { reviewRecordDeletion } from './review-record-deletion';
import {
  appealStepInput,
  closeCaseInput,
  fileAppealInput,
  recordAppealOutcomeInput,
  recordProgressInput,
  requestTransferInput,
  reviewRecordDeletionInput,
  type RecordProgressData,
  type RecordProgressInput,
} from './schemas';
import { grantStay, liftStay } from './stay';

let teacher: Actor;
let head: Actor;
let secretary: Actor;
let schoolId: string;

const now = new Date('2026-04-10T03:00:00Z'); // 12:00 KST
const ctx = (actor: Actor) => ({ actor, ip: '127.0.0.1', now });

beforeAll(async () => {
  await seed();
  [teacher, head, secretary] = await demoActors('teacher', 'head', 'secretary');
  schoolId = teacher.grants[0]!.schoolId!;
});

/**
 * A case in execution with one perpetrator's decision. Decisions are built by
 * another part of the app, so the test inserts the decision and its 'waiting'
 * rows directly, as the disposition notice would leave them.
 */
async function caseInExecution(measures: number[]) {
  const filed = await fileCase(
    fileCaseInput.parse(
      intake(schoolId, {
        location: '교실',
        summary: '폭행',
        parties: [
          { name: '김피해', role: 'victim', schoolMode: 'own', grade: 2 },
          { name: '박가해', role: 'alleged_perpetrator', schoolMode: 'own', grade: 2 },
        ],
      }),
    ),
    { actor: teacher, ip: null, now: new Date('2026-03-02T02:00:00Z') },
  );
  const caseId = filed.id;
  const [perpetrator] = await db
    .select({ id: caseParties.id })
    .from(caseParties)
    .where(eq(caseParties.caseId, caseId))
    .orderBy(asc(caseParties.position))
    .offset(1);
  await advanceCaseForTest(caseId, 'in_execution', [
    { type: 'decision_made', occurredAt: new Date('2026-03-20T01:00:00Z'), data: { perpetratorMeasures: measures, victimMeasures: [] } },
    { type: 'disposition_notified', occurredAt: new Date('2026-03-25T01:00:00Z') },
  ]);
  const [decision] = await db
    .insert(decisions)
    .values({
      caseId,
      perpetratorPartyId: perpetrator!.id,
      rubric: {},
      recommendation: {},
      measures: measures.map((measure) => ({ measure })),
      differsFromRecommendation: false,
      decidedBy: secretary.userId,
      decidedAt: new Date('2026-03-20T01:00:00Z'),
      updatedAt: new Date('2026-03-20T01:00:00Z'),
    })
    .returning({ id: decisions.id });
  const rows = await db
    .insert(measureExecutions)
    .values(measures.map((measure) => ({ caseId, decisionId: decision!.id, measure, updatedAt: new Date('2026-03-25T01:00:00Z') })))
    .returning({ id: measureExecutions.id, measure: measureExecutions.measure });
  const row = (m: number) => rows.find((r) => r.measure === m)!.id;
  return { caseId, decisionId: decision!.id, row };
}

const progress = (caseId: string, executionId: string, measure: number, fields: Partial<RecordProgressInput>) =>
  recordProgressInput.parse({ caseId, executionId, measure, occurredAt: '2026-04-09T10:00', ...fields });

async function executionsOf(caseId: string) {
  const rows = await db.select().from(measureExecutions).where(eq(measureExecutions.caseId, caseId));
  return Object.fromEntries(rows.map((r) => [r.measure, { status: r.status, progress: r.progress }]));
}

async function stepAudits(caseId: string) {
  const rows = await db
    .select({ action: auditLog.action, detail: auditLog.detail })
    .from(auditLog)
    .where(eq(auditLog.targetId, caseId))
    .orderBy(asc(auditLog.id));
  return rows.filter((r) => r.action !== 'case.filed' && r.action !== 'case.viewed');
}

async function statusOf(caseId: string) {
  const [c] = await db.select({ status: cases.status, closedAt: cases.closedAt }).from(cases).where(eq(cases.id, caseId));
  return c!;
}

describe('stays of execution', () => {
  it('a stay pauses measures and lifting it resumes them', async () => {
    const { caseId, decisionId, row } = await caseInExecution([1, 3]);
    await recordProgress(progress(caseId, row(3), 3, { hoursRequired: '10', hoursDone: '4' }), ctx(teacher));
    expect(await executionsOf(caseId)).toMatchObject({ 1: { status: 'waiting' }, 3: { status: 'in_progress' } });

    const { id: appealId } = await fileAppeal(
      fileAppealInput.parse({
        caseId,
        occurredAt: '2026-04-01T10:00',
        side: 'perpetrator',
        kind: 'administrative_appeal',
        body: '서울특별시행정심판위원회',
        decisionId,
      }),
      ctx(secretary),
    );
    await grantStay(appealStepInput.parse({ caseId, type: 'grant_stay', appealId, occurredAt: '2026-04-03T10:00' }), ctx(secretary));
    expect(await executionsOf(caseId)).toEqual({
      1: { status: 'paused', progress: { pausedFrom: 'waiting' } },
      3: { status: 'paused', progress: { hoursRequired: 10, hoursDone: 4, pausedFrom: 'in_progress' } },
    });

    const refused = await recordProgress(progress(caseId, row(3), 3, { hoursDone: '6' }), ctx(teacher)).catch((e: unknown) => e);
    expect(refused).toMatchObject({ code: 'invalid_transition', fieldErrors: { _form: ['executionPaused'] } });

    await liftStay(appealStepInput.parse({ caseId, type: 'lift_stay', appealId, occurredAt: '2026-04-08T10:00' }), ctx(secretary));
    expect(await executionsOf(caseId)).toEqual({
      1: { status: 'waiting', progress: {} },
      3: { status: 'in_progress', progress: { hoursRequired: 10, hoursDone: 4 } },
    });
    await recordProgress(progress(caseId, row(3), 3, { hoursDone: '6' }), ctx(teacher));
    expect((await executionsOf(caseId))[3]).toMatchObject({ status: 'in_progress', progress: { hoursDone: 6 } });

    const [appeal] = await db.select().from(appeals).where(eq(appeals.id, appealId));
    expect(appeal!.stayGrantedAt?.toISOString()).toBe('2026-04-03T01:00:00.000Z');
    expect(appeal!.stayLiftedAt?.toISOString()).toBe('2026-04-08T01:00:00.000Z');
    expect((await statusOf(caseId)).status).toBe('appeal_pending');
    expect((await stepAudits(caseId)).map((a) => a.action)).toEqual([
      'case.measure_progress_recorded',
      'case.appeal_filed',
      'case.stay_granted',
      'case.stay_lifted',
      'case.measure_progress_recorded',
    ]);
  });

  it('only the committee secretary records a stay, and a refused step writes nothing', async () => {
    const { caseId, decisionId } = await caseInExecution([1]);
    const { id: appealId } = await fileAppeal(
      fileAppealInput.parse({ caseId, occurredAt: '2026-04-01T10:00', side: 'perpetrator', kind: 'lawsuit', body: '서울행정법원', decisionId }),
      ctx(secretary),
    );
    const before = await stepAudits(caseId);
    await expect(grantStay(appealStepInput.parse({ caseId, type: 'grant_stay', appealId, occurredAt: '2026-04-03T10:00' }), ctx(head))).rejects.toMatchObject({
      code: 'forbidden',
    });
    await expect(
      liftStay(appealStepInput.parse({ caseId, type: 'lift_stay', appealId, occurredAt: '2026-04-03T10:00' }), ctx(secretary)),
    ).rejects.toMatchObject({ fieldErrors: { _form: ['noStayInForce'] } });
    expect(await stepAudits(caseId)).toEqual(before);
    expect((await executionsOf(caseId))[1]!.status).toBe('waiting');
  });
});

describe('transfer first (Decree 20)', () => {
  it('other measures refuse progress until the transfer is made', async () => {
    const { caseId, row } = await caseInExecution([5, 8]);
    await expect(recordProgress(progress(caseId, row(5), 5, { hoursRequired: '10', hoursDone: '2' }), ctx(teacher))).rejects.toMatchObject({
      code: 'invalid_transition',
      fieldErrors: { _form: ['waitingForTransfer'] },
    });
    await expect(recordProgress(progress(caseId, row(8), 8, { transferredOn: '2026-04-08' }), ctx(teacher))).rejects.toMatchObject({
      fieldErrors: { transferredOn: ['transferNotRequested'] },
    });

    await expect(
      requestTransfer(requestTransferInput.parse({ caseId, executionId: row(8), occurredAt: '2026-03-30T10:00' }), ctx(teacher)),
    ).rejects.toMatchObject({ code: 'forbidden' });
    await requestTransfer(requestTransferInput.parse({ caseId, executionId: row(8), occurredAt: '2026-03-30T10:00' }), ctx(head));
    await expect(requestTransfer(requestTransferInput.parse({ caseId, executionId: row(8), occurredAt: '2026-03-31T10:00' }), ctx(head))).rejects.toMatchObject(
      { fieldErrors: { _form: ['transferAlreadyRequested'] } },
    );
    const view = await viewCase(caseId, ctx(head));
    expect(view.deadlines.find((d) => d.key === 'transfer_request')).toMatchObject({ status: 'met', metAt: '2026-03-30T10:00:00+09:00' });

    await expect(recordProgress(progress(caseId, row(5), 5, { hoursDone: '2' }), ctx(teacher))).rejects.toMatchObject({
      fieldErrors: { _form: ['waitingForTransfer'] },
    });
    await recordProgress(progress(caseId, row(8), 8, { transferredOn: '2026-04-06', newSchool: '역삼중학교' }), ctx(teacher));
    expect((await executionsOf(caseId))[8]).toMatchObject({ status: 'in_progress', progress: { transferredOn: '2026-04-06', newSchool: '역삼중학교' } });

    await recordProgress(progress(caseId, row(5), 5, { hoursRequired: '10', hoursDone: '2' }), ctx(teacher));
    expect((await executionsOf(caseId))[5]!.status).toBe('in_progress');

    // The new school's name stays on the row, out of the chronology.
    const events = await db.select({ type: caseEvents.type, data: caseEvents.data }).from(caseEvents).where(eq(caseEvents.caseId, caseId));
    expect(JSON.stringify(events)).not.toContain('역삼중학교');
    expect(events.filter((e) => e.type === 'transfer_requested')).toHaveLength(1);
    expect((await stepAudits(caseId)).map((a) => a.action)).toEqual([
      'case.transfer_requested',
      'case.measure_progress_recorded',
      'case.measure_progress_recorded',
    ]);
  });

  it('a transfer is requested only for a transfer measure', async () => {
    const { caseId, row } = await caseInExecution([4]);
    await expect(requestTransfer(requestTransferInput.parse({ caseId, executionId: row(4), occurredAt: '2026-03-30T10:00' }), ctx(head))).rejects.toMatchObject(
      { fieldErrors: { _form: ['notTransfer'] } },
    );
  });
});

describe('closing the case', () => {
  it('close is refused until all measures are complete, then closes', async () => {
    const { caseId, row } = await caseInExecution([1, 3]);
    await expect(closeCase(closeCaseInput.parse({ caseId, occurredAt: '2026-04-09T12:00' }), ctx(head))).rejects.toMatchObject({
      code: 'invalid_transition',
      fieldErrors: { _form: ['measuresIncomplete'] },
    });
    await recordProgress(progress(caseId, row(1), 1, { deliveredOn: '2026-04-02' }), ctx(teacher));
    await recordProgress(
      progress(caseId, row(3), 3, { hoursRequired: '10', hoursDone: '10', guardianHoursRequired: '3', guardianHoursDone: '2' }),
      ctx(teacher),
    );
    await expect(closeCase(closeCaseInput.parse({ caseId, occurredAt: '2026-04-09T12:00' }), ctx(head))).rejects.toMatchObject({
      fieldErrors: { _form: ['measuresIncomplete'] },
    });
    await recordProgress(progress(caseId, row(3), 3, { guardianHoursDone: '3' }), ctx(teacher));
    expect(await executionsOf(caseId)).toMatchObject({ 1: { status: 'completed' }, 3: { status: 'completed' } });

    await expect(closeCase(closeCaseInput.parse({ caseId, occurredAt: '2026-04-09T12:00' }), ctx(teacher))).rejects.toMatchObject({ code: 'forbidden' });
    await closeCase(closeCaseInput.parse({ caseId, occurredAt: '2026-04-09T12:00' }), ctx(head));
    const c = await statusOf(caseId);
    expect(c.status).toBe('closed');
    expect(c.closedAt).not.toBeNull();
    expect((await stepAudits(caseId)).map((a) => a.action)).toEqual([
      'case.measure_progress_recorded',
      'case.measure_progress_recorded',
      'case.measure_progress_recorded',
      'case.closed',
    ]);
  });

  it('a guardian-education figure outside Act 17⑨ is refused with its field', async () => {
    const { caseId, row } = await caseInExecution([4]);
    const parsed = recordProgressInput.safeParse({ caseId, executionId: row(4), measure: 4, occurredAt: '2026-04-09T10:00', guardianHoursRequired: '4' });
    expect(parsed.success ? [] : parsed.error.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['guardianHoursRequired', 'guardianHoursAtLeast5']]);
    // The server judges again, whatever reached it.
    const unchecked = { caseId, executionId: row(4), measure: 4, occurredAt: '2026-04-09T01:00:00.000Z', guardianHoursRequired: 4 } as RecordProgressData;
    await expect(recordProgress(unchecked, ctx(teacher))).rejects.toMatchObject({
      code: 'invalid_input',
      fieldErrors: { guardianHoursRequired: ['guardianHoursAtLeast5'] },
    });
    await expect(
      recordProgress(progress(caseId, row(4), 4, { hoursRequired: '20', hoursDone: '1' }), { actor: teacher, ip: null, now: new Date('2026-04-08T00:00:00Z') }),
    ).rejects.toMatchObject({
      fieldErrors: { occurredAt: ['futureDate'] },
    });
  });
});

describe('appeals', () => {
  it('a perpetrator appeal opens the victim-notice task until the notice is recorded, and it shows in the chronology', async () => {
    const { caseId, decisionId } = await caseInExecution([6]);
    const { id: appealId, status } = await fileAppeal(
      fileAppealInput.parse({
        caseId,
        occurredAt: '2026-04-01T10:00',
        side: 'perpetrator',
        kind: 'administrative_appeal',
        body: '서울특별시행정심판위원회',
        decisionId,
      }),
      ctx(secretary),
    );
    expect(status).toBe('appeal_pending');
    expect((await loadExecutionPanel(caseId, secretary)).appeals).toEqual([expect.objectContaining({ id: appealId, needsVictimNotice: true })]);

    await expect(
      recordAppealOutcome(recordAppealOutcomeInput.parse({ caseId, appealId, outcome: 'upheld', occurredAt: '2026-04-09T10:00' }), ctx(secretary)),
    ).rejects.toMatchObject({
      fieldErrors: { _form: ['victimNotNotified'] },
    });
    await notifyVictimOfAppeal(appealStepInput.parse({ caseId, type: 'notify_victim_of_appeal', appealId, occurredAt: '2026-04-02T10:00' }), ctx(secretary));
    const panel = await loadExecutionPanel(caseId, secretary);
    expect(panel.appeals[0]).toMatchObject({ needsVictimNotice: false, victimNotifiedAt: '2026-04-02T01:00:00.000Z' });
    const view = await viewCase(caseId, ctx(secretary));
    expect(view.events.filter((e) => e.type === 'victim_notified_of_appeal')).toEqual([
      expect.objectContaining({ data: expect.objectContaining({ appealId }) }),
    ]);
    await expect(
      notifyVictimOfAppeal(appealStepInput.parse({ caseId, type: 'notify_victim_of_appeal', appealId, occurredAt: '2026-04-02T10:00' }), ctx(secretary)),
    ).rejects.toMatchObject({
      fieldErrors: { _form: ['victimAlreadyNotified'] },
    });

    await recordAppealOutcome(recordAppealOutcomeInput.parse({ caseId, appealId, outcome: 'upheld', occurredAt: '2026-04-09T10:00' }), ctx(secretary));
    expect((await statusOf(caseId)).status).toBe('in_execution');
    expect((await stepAudits(caseId)).map((a) => a.action)).toEqual(['case.appeal_filed', 'case.victim_notified_of_appeal', 'case.appeal_decided']);
  });

  it('a victim-side appeal needs no notice; the case stays in appeal while another appeal is open; annulment ends tracking', async () => {
    const { caseId, decisionId, row } = await caseInExecution([1, 4]);
    const victimAppeal = await fileAppeal(
      fileAppealInput.parse({
        caseId,
        occurredAt: '2026-04-01T10:00',
        side: 'victim',
        kind: 'administrative_appeal',
        body: '서울특별시행정심판위원회',
        decisionId,
      }),
      ctx(secretary),
    );
    const lawsuit = await fileAppeal(
      fileAppealInput.parse({ caseId, occurredAt: '2026-04-02T10:00', side: 'perpetrator', kind: 'lawsuit', body: '서울행정법원', decisionId }),
      ctx(secretary),
    );
    expect((await loadExecutionPanel(caseId, secretary)).appeals.map((a) => a.needsVictimNotice)).toEqual([false, true]);

    await notifyVictimOfAppeal(
      appealStepInput.parse({ caseId, type: 'notify_victim_of_appeal', appealId: lawsuit.id, occurredAt: '2026-04-03T10:00' }),
      ctx(secretary),
    );
    const first = await recordAppealOutcome(
      recordAppealOutcomeInput.parse({ caseId, appealId: lawsuit.id, outcome: 'withdrawn', occurredAt: '2026-04-04T10:00' }),
      ctx(secretary),
    );
    expect(first.status).toBe('appeal_pending');
    expect((await statusOf(caseId)).status).toBe('appeal_pending');
    await expect(closeCase(closeCaseInput.parse({ caseId, occurredAt: '2026-04-09T12:00' }), ctx(secretary))).rejects.toMatchObject({
      code: 'invalid_transition',
    });

    await recordProgress(progress(caseId, row(1), 1, { deliveredOn: '2026-04-05' }), ctx(teacher));
    await recordAppealOutcome(
      recordAppealOutcomeInput.parse({ caseId, appealId: victimAppeal.id, outcome: 'annulled', occurredAt: '2026-04-09T10:00' }),
      ctx(secretary),
    );
    expect(await executionsOf(caseId)).toMatchObject({
      1: { status: 'completed', progress: { annulled: true } },
      4: { status: 'completed', progress: { annulled: true } },
    });
    expect((await statusOf(caseId)).status).toBe('in_execution');

    await closeCase(closeCaseInput.parse({ caseId, occurredAt: '2026-04-09T12:00' }), ctx(secretary));
    expect((await statusOf(caseId)).status).toBe('closed');
    expect((await stepAudits(caseId)).map((a) => a.action)).toEqual([
      'case.appeal_filed',
      'case.appeal_filed',
      'case.victim_notified_of_appeal',
      'case.appeal_decided',
      'case.measure_progress_recorded',
      'case.appeal_decided',
      'case.closed',
    ]);
  });
});

describe('pre-graduation deletion review (docs/domain-process.md §5.3)', () => {
  async function closedCase() {
    const c = await caseInExecution([1, 4]);
    await recordProgress(progress(c.caseId, c.row(1), 1, { deliveredOn: '2026-04-02' }), ctx(teacher));
    await recordProgress(
      progress(c.caseId, c.row(4), 4, { hoursRequired: '10', hoursDone: '10', guardianHoursRequired: '5', guardianHoursDone: '5' }),
      ctx(teacher),
    );
    await closeCase(closeCaseInput.parse({ caseId: c.caseId, occurredAt: '2026-04-09T12:00' }), ctx(head));
    return c;
  }
  const review = (caseId: string, decisionId: string, measure: number, over: Record<string, string> = {}) =>
    reviewRecordDeletionInput.parse({
      caseId,
      decisionId,
      measure,
      occurredAt: '2026-04-09T15:00',
      graduationDate: '2028-02-29',
      victimConsent: 'yes',
      litigationPending: 'no',
      outcome: 'deleted',
      ...over,
    });

  it('is refused without the victim’s consent, with litigation pending, or for a measure the law keeps; allowed otherwise, and audited', async () => {
    const { caseId, decisionId } = await closedCase();
    const before = await stepAudits(caseId);
    await expect(reviewRecordDeletion(review(caseId, decisionId, 4, { victimConsent: 'no' }), ctx(head))).rejects.toMatchObject({
      code: 'invalid_input',
      fieldErrors: { victimConsent: ['victimConsentRequired'] },
    });
    await expect(reviewRecordDeletion(review(caseId, decisionId, 4, { litigationPending: 'yes' }), ctx(head))).rejects.toMatchObject({
      fieldErrors: { litigationPending: ['litigationPending'] },
    });
    await expect(reviewRecordDeletion(review(caseId, decisionId, 1), ctx(head))).rejects.toMatchObject({ fieldErrors: { measure: ['reviewNotAllowed'] } });
    await expect(reviewRecordDeletion(review(caseId, decisionId, 4), ctx(teacher))).rejects.toMatchObject({ code: 'forbidden' });
    expect(await stepAudits(caseId)).toEqual(before);
    expect(await db.select().from(recordDeletionReviews).where(eq(recordDeletionReviews.caseId, caseId))).toEqual([]);

    const { deleteAt } = await reviewRecordDeletion(review(caseId, decisionId, 4), ctx(head));
    expect(deleteAt).toBe('2030-02-28');
    const [saved] = await db.select().from(recordDeletionReviews).where(eq(recordDeletionReviews.caseId, caseId));
    expect(saved).toMatchObject({ decisionId, measure: 4, victimConsent: true, litigationPending: false, outcome: 'deleted', reviewedBy: head.userId });
    const audits = await stepAudits(caseId);
    expect(audits.at(-1)).toMatchObject({
      action: 'case.record_deletion_reviewed',
      detail: { step: 'review_record_deletion', fromStatus: 'closed', toStatus: 'closed' },
    });
    await expect(reviewRecordDeletion(review(caseId, decisionId, 4), ctx(head))).rejects.toMatchObject({
      code: 'conflict',
      fieldErrors: { measure: ['alreadyDeleted'] },
    });
  });

  it('is not available before the case is closed', async () => {
    const { caseId, decisionId } = await caseInExecution([4]);
    await expect(reviewRecordDeletion(review(caseId, decisionId, 4), ctx(head))).rejects.toMatchObject({ code: 'invalid_transition' });
  });
});
