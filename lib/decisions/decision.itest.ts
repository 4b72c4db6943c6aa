import { and, asc, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { seedOrganisations } from '@/db/seed';
import { advanceCaseForTest, demoActors, intake } from '@/db/test/fixtures';
import { auditCaseFacts, auditLog, caseEvents, caseParties, cases, decisions, measureExecutions, victimMeasures } from '@/db/schema';
import type { Actor } from '@/lib/auth/roles';
import { fileCaseInput } from '@/lib/cases/schemas';
import { fileCase, viewCase } from '@/lib/cases/service';
import { downloadDecisionNotice } from '@/lib/notices/download-decision-notice';
import { finaliseDecision } from './finalise-decision';
import { decisionFormValues } from './form-values';
import { recordDispositionNotice } from './record-disposition-notice';
import { recordVictimMeasuresTaken } from './record-victim-measures-taken';
import { saveDecision } from './save-decision';
import { saveVictimMeasures } from './save-victim-measures';
import {
  finaliseDecisionInput,
  recordDispositionNoticeInput,
  recordVictimMeasuresTakenInput,
  saveDecisionInput,
  saveVictimMeasuresInput,
  type SaveDecisionInput,
} from './schemas';

let teacher: Actor;
let secretary: Actor;
let auditor: Actor;

beforeAll(async () => {
  await seedOrganisations();
  [teacher, secretary, auditor] = await demoActors('teacher', 'secretary', 'auditor');
});

const now = new Date('2026-03-25T01:00:00Z'); // 10:00 KST
const ctx = () => ({ actor: secretary, ip: null, now });

/** A case at 대치중학교 (a middle school: compulsory education) whose hearing has been held. */
async function heardCase(opts: { hearing?: boolean; emergency?: boolean } = {}) {
  const filed = await fileCase(
    fileCaseInput.parse(
      intake(teacher.grants[0]!.schoolId!, {
        parties: [
          {
            name: '김피해',
            role: 'victim',
            schoolMode: 'own',
            grade: 2,
            classNo: '3',
            birthDate: '2012-04-01',
            guardianName: '김보호',
            guardianContact: '010-1111-2222',
          },
          { name: '박가해', role: 'alleged_perpetrator', schoolMode: 'own', grade: 2, classNo: '4', guardianContact: '010-3333-4444' },
        ],
      }),
    ),
    { actor: teacher, ip: null, now: new Date('2026-03-02T01:10:00Z') },
  );
  const parties = await db
    .select({ id: caseParties.id, role: caseParties.role })
    .from(caseParties)
    .where(eq(caseParties.caseId, filed.id))
    .orderBy(asc(caseParties.position));
  const victimId = parties[0]!.id;
  const perpetratorId = parties[1]!.id;
  await advanceCaseForTest(filed.id, 'hearing_scheduled', [
    { type: 'committee_requested', occurredAt: new Date('2026-03-10T01:00:00Z') },
    ...(opts.emergency
      ? [
          {
            type: 'emergency_measure_taken',
            occurredAt: new Date('2026-03-03T01:00:00Z'),
            data: { measure: 'suspension', perpetratorPartyId: perpetratorId, awaitingRatification: true },
          },
        ]
      : []),
    ...(opts.hearing === false ? [] : [{ type: 'hearing_held', occurredAt: new Date('2026-03-20T01:00:00Z') }]),
  ]);
  return { caseId: filed.id, caseNumber: filed.caseNumber, victimId, perpetratorId };
}

const SCORES_5 = { severity: '2', persistence: '1', intent: '1', remorse: '1', reconciliation: '0' } as const;
/** Scores totalling 5 (band 4–6 → measure 3), measure 3 decided: the recommendation, no reason needed. */
function decision(caseId: string, perpetratorPartyId: string, overrides: Partial<SaveDecisionInput> = {}) {
  return saveDecisionInput.parse({ ...decisionFormValues(caseId, perpetratorPartyId, null, []), scores: SCORES_5, measures: ['3'], ...overrides });
}

const storedDecision = async (caseId: string) => (await db.select().from(decisions).where(eq(decisions.caseId, caseId)))[0];
const auditActions = async (caseId: string) =>
  (await db.select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.targetId, caseId)).orderBy(asc(auditLog.id))).map((a) => a.action);

describe('saving a decision', () => {
  it('a decision saved twice from a stale version gives a conflict and loses nothing', async () => {
    const { caseId, perpetratorId } = await heardCase();
    const first = await saveDecision(decision(caseId, perpetratorId), ctx());
    expect(first.version).toBe(1);

    // Two people load version 1; one adds measure 2 for 30 days and saves, the other then saves measure 1.
    const mine = decision(caseId, perpetratorId, { version: 1, protectionNeeded: true, measures: ['2', '3'], periodDays: { m2: '30', m5: '', m6: '' } });
    const stale = decision(caseId, perpetratorId, { version: 1, measures: ['1'], overrideReason: '화해가 이루어짐' });
    expect(await saveDecision(mine, ctx())).toMatchObject({ version: 2 });
    await expect(saveDecision(stale, ctx())).rejects.toMatchObject({ code: 'conflict' });

    const row = await storedDecision(caseId);
    expect(row).toMatchObject({
      version: 2,
      measures: [{ measure: 2, periodDays: 30 }, { measure: 3 }],
      differsFromRecommendation: false,
      overrideReason: null,
    });
    // A second "first save" of the same student is a conflict too, never a second row or an overwrite.
    await expect(saveDecision(decision(caseId, perpetratorId), ctx())).rejects.toMatchObject({ code: 'conflict' });
    expect(await db.select().from(decisions).where(eq(decisions.caseId, caseId))).toHaveLength(1);
    expect((await auditActions(caseId)).filter((a) => a === 'case.decision_revised')).toHaveLength(2);
  });

  it('two saves racing from the same version: exactly one wins', async () => {
    const { caseId, perpetratorId } = await heardCase();
    await saveDecision(decision(caseId, perpetratorId), ctx());
    const results = await Promise.allSettled([
      saveDecision(decision(caseId, perpetratorId, { version: 1, measures: ['1'], overrideReason: 'A' }), ctx()),
      saveDecision(decision(caseId, perpetratorId, { version: 1, measures: ['4'], overrideReason: 'B' }), ctx()),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    const winner = results.findIndex((r) => r.status === 'fulfilled');
    expect((await storedDecision(caseId))!.overrideReason).toBe(winner === 0 ? 'A' : 'B');
  });

  it('a departure from the recommendation without a written reason is refused, and stored with one', async () => {
    const { caseId, perpetratorId } = await heardCase();
    await expect(saveDecision(decision(caseId, perpetratorId, { measures: ['1'] }), ctx())).rejects.toMatchObject({
      code: 'invalid_input',
      fieldErrors: { overrideReason: ['overrideReasonRequired'] },
    });
    expect(await storedDecision(caseId)).toBeUndefined();

    await saveDecision(decision(caseId, perpetratorId, { measures: ['1'], overrideReason: '깊이 반성하고 사과함' }), ctx());
    expect(await storedDecision(caseId)).toMatchObject({
      differsFromRecommendation: true,
      overrideReason: '깊이 반성하고 사과함',
      recommendation: { total: 5, measures: [3] },
    });
  });

  it('expulsion is refused for a middle-school student', async () => {
    const { caseId, perpetratorId } = await heardCase();
    const all4 = { severity: '4', persistence: '4', intent: '4', remorse: '4', reconciliation: '4' } as const;
    await expect(saveDecision(decision(caseId, perpetratorId, { scores: all4, measures: ['9'], overrideReason: '퇴학' }), ctx())).rejects.toMatchObject({
      code: 'invalid_input',
      fieldErrors: { measures: ['expulsionBarred'] },
    });
    // The rubric itself stops at transfer (8) in compulsory education.
    await saveDecision(decision(caseId, perpetratorId, { scores: all4, measures: ['8'] }), ctx());
    expect(await storedDecision(caseId)).toMatchObject({
      differsFromRecommendation: false,
      recommendation: { measures: [8], notes: ['expulsion_barred_compulsory'] },
    });
  });

  it('only the committee secretary decides, and only after the hearing', async () => {
    const { caseId, perpetratorId } = await heardCase({ hearing: false });
    await expect(saveDecision(decision(caseId, perpetratorId), ctx())).rejects.toMatchObject({
      code: 'invalid_transition',
      fieldErrors: { _form: ['hearingNotHeld'] },
    });
    const heard = await heardCase();
    await expect(saveDecision(decision(heard.caseId, heard.perpetratorId), { actor: teacher, ip: null, now })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(saveDecision(decision(heard.caseId, heard.victimId), ctx())).rejects.toMatchObject({
      fieldErrors: { perpetratorPartyId: ['notPerpetrator'] },
    });
  });
});

describe('finalising the decision', () => {
  it('decision_made moves the case to decided and starts the victim measures and disposition clocks', async () => {
    const { caseId, perpetratorId, victimId } = await heardCase();
    await saveDecision(decision(caseId, perpetratorId, { protectionNeeded: true, measures: ['2', '3'], periodDays: { m2: '60', m5: '', m6: '' } }), ctx());
    await saveVictimMeasures(saveVictimMeasuresInput.parse({ caseId, victimPartyId: victimId, measures: ['1', '4'] }), ctx());
    const { status } = await finaliseDecision(finaliseDecisionInput.parse({ caseId, occurredAt: '2026-03-24T15:00' }), ctx());
    expect(status).toBe('decided');

    const [event] = await db
      .select()
      .from(caseEvents)
      .where(and(eq(caseEvents.caseId, caseId), eq(caseEvents.type, 'decision_made')));
    expect(event!.data).toEqual({ perpetratorMeasures: [2, 3], victimMeasures: [1, 4] });
    const [row] = await db.select({ status: cases.status, deadlines: cases.deadlines }).from(cases).where(eq(cases.id, caseId));
    const clocks = Object.fromEntries(row!.deadlines.map((d) => [d.key, d]));
    // 2026-03-24 + 7 = 03-31 (Tue); + 14 = 04-07 (Tue): both end at 24:00 KST.
    expect(clocks.victim_measures).toMatchObject({ status: 'pending', dueAt: '2026-04-01T00:00:00+09:00' });
    expect(clocks.disposition_notice).toMatchObject({ status: 'pending', dueAt: '2026-04-08T00:00:00+09:00' });
    expect(await auditActions(caseId)).toContain('case.decision_made');
    expect(await auditActions(caseId)).toContain('case.victim_measures_recorded');

    await recordVictimMeasuresTaken(recordVictimMeasuresTakenInput.parse({ caseId, occurredAt: '2026-03-25T09:00', guardianConsent: true }), ctx());
    const [after] = await db.select({ deadlines: cases.deadlines }).from(cases).where(eq(cases.id, caseId));
    expect(after!.deadlines.find((d) => d.key === 'victim_measures')!.status).toBe('met');
    expect(await auditActions(caseId)).toContain('case.victim_measures_taken');
  });

  it('is refused while a perpetrator is undecided, an emergency measure unanswered, or no hearing was held', async () => {
    const noHearing = await heardCase({ hearing: false });
    await expect(finaliseDecision(finaliseDecisionInput.parse({ caseId: noHearing.caseId, occurredAt: '2026-03-24T15:00' }), ctx())).rejects.toMatchObject({
      code: 'invalid_transition',
    });

    const { caseId, perpetratorId } = await heardCase({ emergency: true });
    const finalise = () => finaliseDecision(finaliseDecisionInput.parse({ caseId, occurredAt: '2026-03-24T15:00' }), ctx());
    await expect(finalise()).rejects.toMatchObject({ fieldErrors: { _form: ['decisionsMissing'] } });
    await saveDecision(decision(caseId, perpetratorId), ctx());
    await expect(finalise()).rejects.toMatchObject({ fieldErrors: { _form: ['ratificationMissing'] } });

    const view = await viewCase(caseId, ctx());
    const emergency = view.events.find((e) => e.type === 'emergency_measure_taken')!;
    await saveDecision(
      decision(caseId, perpetratorId, { version: 1, ratifications: [{ eventId: String(emergency.id), outcome: 'ratified', note: '' }] }),
      ctx(),
    );
    expect((await storedDecision(caseId))!.emergencyRatification).toEqual({ [String(emergency.id)]: { ratified: true } });
    await expect(finalise()).resolves.toMatchObject({ status: 'decided' });
  });

  it('a ratification corrected after finalising moves the audit dashboard figures with it', async () => {
    const { caseId, perpetratorId } = await heardCase({ emergency: true });
    const view = await viewCase(caseId, ctx());
    const eventId = String(view.events.find((e) => e.type === 'emergency_measure_taken')!.id);
    await saveDecision(decision(caseId, perpetratorId, { ratifications: [{ eventId, outcome: 'ratified', note: '' }] }), ctx());
    await finaliseDecision(finaliseDecisionInput.parse({ caseId, occurredAt: '2026-03-24T15:00' }), ctx());
    const facts = async () =>
      (
        await db
          .select({ ratified: auditCaseFacts.emergency_ratified, notRatified: auditCaseFacts.emergency_not_ratified })
          .from(auditCaseFacts)
          .where(eq(auditCaseFacts.caseId, caseId))
      )[0];
    expect(await facts()).toEqual({ ratified: 1, notRatified: 0 });

    await saveDecision(decision(caseId, perpetratorId, { version: 1, ratifications: [{ eventId, outcome: 'not_ratified', note: '추인 거부' }] }), ctx());
    expect(await facts()).toEqual({ ratified: 0, notRatified: 1 });
  });

  it('after finalising, a correction may change periods but not the measures the clocks started from', async () => {
    const { caseId, perpetratorId, victimId } = await heardCase();
    await saveDecision(decision(caseId, perpetratorId, { protectionNeeded: true, measures: ['2', '3'], periodDays: { m2: '60', m5: '', m6: '' } }), ctx());
    await finaliseDecision(finaliseDecisionInput.parse({ caseId, occurredAt: '2026-03-24T15:00' }), ctx());

    await expect(
      saveDecision(
        decision(caseId, perpetratorId, { version: 1, protectionNeeded: true, measures: ['2', '3'], periodDays: { m2: '90', m5: '', m6: '' } }),
        ctx(),
      ),
    ).resolves.toMatchObject({ version: 2 });
    await expect(
      saveDecision(
        decision(caseId, perpetratorId, {
          version: 2,
          protectionNeeded: true,
          measures: ['2', '8'],
          periodDays: { m2: '90', m5: '', m6: '' },
          overrideReason: '전학',
        }),
        ctx(),
      ),
    ).rejects.toMatchObject({
      fieldErrors: { measures: ['measuresFinalised'] },
    });
    await expect(saveVictimMeasures(saveVictimMeasuresInput.parse({ caseId, victimPartyId: victimId, measures: ['1'] }), ctx())).rejects.toMatchObject({
      fieldErrors: { measures: ['measuresFinalised'] },
    });
  });
});

describe('delivering the disposition', () => {
  it('record_disposition_notice moves the case into execution, opens the appeal window and queues each measure', async () => {
    const { caseId, perpetratorId, victimId } = await heardCase();
    await saveDecision(decision(caseId, perpetratorId, { protectionNeeded: true, measures: ['2', '3'], periodDays: { m2: '60', m5: '', m6: '' } }), ctx());
    await finaliseDecision(finaliseDecisionInput.parse({ caseId, occurredAt: '2026-03-24T15:00' }), ctx());

    await expect(
      recordDispositionNotice(
        recordDispositionNoticeInput.parse({ caseId, occurredAt: '2026-03-24T14:00', recipientPartyIds: [victimId], method: 'in_person' }),
        ctx(),
      ),
    ).rejects.toMatchObject({
      fieldErrors: { occurredAt: ['beforeDecision'] },
    });
    const r = await recordDispositionNotice(
      recordDispositionNoticeInput.parse({ caseId, occurredAt: '2026-03-25T09:30', recipientPartyIds: [victimId, perpetratorId], method: 'registered_mail' }),
      ctx(),
    );
    expect(r).toEqual({ status: 'in_execution', executions: 2 });

    const [row] = await db.select({ status: cases.status, deadlines: cases.deadlines }).from(cases).where(eq(cases.id, caseId));
    expect(row!.status).toBe('in_execution');
    const clocks = Object.fromEntries(row!.deadlines.map((d) => [d.key, d]));
    expect(clocks.appeal_window).toMatchObject({ status: 'open', dueAt: '2026-06-24T00:00:00+09:00' });
    expect(clocks.disposition_notice!.status).toBe('met');
    const executions = await db
      .select({ measure: measureExecutions.measure, status: measureExecutions.status })
      .from(measureExecutions)
      .where(eq(measureExecutions.caseId, caseId))
      .orderBy(asc(measureExecutions.measure));
    expect(executions).toEqual([
      { measure: 2, status: 'waiting' },
      { measure: 3, status: 'waiting' },
    ]);
    const [event] = await db
      .select({ data: caseEvents.data })
      .from(caseEvents)
      .where(and(eq(caseEvents.caseId, caseId), eq(caseEvents.type, 'disposition_notified')));
    expect(event!.data).toEqual({ recipientPartyIds: [victimId, perpetratorId], method: 'registered_mail' });
    expect(await auditActions(caseId)).toEqual(expect.arrayContaining(['case.decision_made', 'case.disposition_notified']));
    // Decisions are closed once the disposition is out.
    await expect(saveDecision(decision(caseId, perpetratorId, { version: 1 }), ctx())).rejects.toMatchObject({ code: 'invalid_transition' });
  });
});

describe('the decision notice', () => {
  it('is a PDF with the Korean font embedded, its download is audited, and pseudonym-only viewers cannot get it', async () => {
    const { caseId, perpetratorId, victimId } = await heardCase();
    await expect(downloadDecisionNotice(caseId, victimId, 'ko', ctx())).rejects.toMatchObject({ code: 'invalid_transition' });
    await saveDecision(decision(caseId, perpetratorId), ctx());
    await saveVictimMeasures(saveVictimMeasuresInput.parse({ caseId, victimPartyId: victimId, measures: ['1'] }), ctx());
    await finaliseDecision(finaliseDecisionInput.parse({ caseId, occurredAt: '2026-03-24T15:00' }), ctx());

    for (const lang of ['ko', 'en'] as const) {
      const { pdf, fileName } = await downloadDecisionNotice(caseId, victimId, lang, ctx());
      expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      expect(pdf.length).toBeGreaterThan(10_000);
      expect(pdf.toString('latin1')).toContain('NotoSansKR');
      expect(fileName).toMatch(new RegExp(`-${lang}\\.pdf$`));
    }
    const audits = await db
      .select({ action: auditLog.action, detail: auditLog.detail })
      .from(auditLog)
      .where(and(eq(auditLog.targetId, caseId), eq(auditLog.action, 'case.notice_downloaded')))
      .orderBy(asc(auditLog.id));
    expect(audits.map((a) => a.detail)).toEqual([
      { partyId: victimId, lang: 'ko' },
      { partyId: victimId, lang: 'en' },
    ]);
    await expect(downloadDecisionNotice(caseId, victimId, 'ko', { actor: auditor, ip: null, now })).rejects.toMatchObject({ code: 'forbidden' });
  });
});

describe('victim measures', () => {
  it('are recorded per victim, replacing the previous choice', async () => {
    const { caseId, victimId, perpetratorId } = await heardCase();
    await saveVictimMeasures(saveVictimMeasuresInput.parse({ caseId, victimPartyId: victimId, measures: ['1', '2'] }), ctx());
    await saveVictimMeasures(saveVictimMeasuresInput.parse({ caseId, victimPartyId: victimId, measures: ['3'], note: '병원 치료' }), ctx());
    expect(
      await db.select({ measures: victimMeasures.measures, note: victimMeasures.note }).from(victimMeasures).where(eq(victimMeasures.caseId, caseId)),
    ).toEqual([{ measures: [3], note: '병원 치료' }]);
    await expect(saveVictimMeasures(saveVictimMeasuresInput.parse({ caseId, victimPartyId: perpetratorId, measures: ['1'] }), ctx())).rejects.toMatchObject({
      fieldErrors: { victimPartyId: ['notVictim'] },
    });
    expect(saveVictimMeasuresInput.safeParse({ caseId, victimPartyId: victimId, measures: ['5'] }).success).toBe(false);
  });
});
