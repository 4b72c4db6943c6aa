import { describe, expect, it } from 'vitest';
import { decisionFormValues } from './form-values';
import { measureUnion, sameMeasures } from './measures';
import { reviewDecision } from './review';
import { saveDecisionInput, saveDecisionInputFor, type SaveDecisionInput } from './schemas';

const ids = { caseId: '00000000-0000-4000-8000-000000000001', perpetratorPartyId: '00000000-0000-4000-8000-000000000002' };

/** Scores totalling 5 (band 4–6 → measure 3) and measure 3: a blank form filled to match the recommendation. */
function form(overrides: Partial<SaveDecisionInput> = {}): SaveDecisionInput {
  const blank = decisionFormValues(ids.caseId, ids.perpetratorPartyId, null, []);
  return { ...blank, scores: { severity: '2', persistence: '1', intent: '1', remorse: '1', reconciliation: '0' }, measures: ['3'], ...overrides };
}

describe('decision form schema', () => {
  it('turns the form into scores, measures with periods and answered ratifications', () => {
    const d = saveDecisionInput.parse(
      form({
        measures: ['6', '2', '3'],
        periodDays: { m2: '30', m5: '', m6: '5' },
        ratifications: [
          { eventId: '7', outcome: 'ratified', note: '' },
          { eventId: '8', outcome: '', note: '' },
        ],
      }),
    );
    expect(d.rubric).toEqual({
      scores: { severity: 2, persistence: 1, intent: 1, remorse: 1, reconciliation: 0 },
      adjustment: null,
      protectionNeeded: false,
      guidanceNeeded: false,
    });
    expect(d.measures).toEqual([{ measure: 2, periodDays: 30 }, { measure: 3 }, { measure: 6, periodDays: 5 }]);
    expect(d.ratifications).toEqual([{ eventId: '7', ratified: true }]);
  });

  it('measures 2, 5 and 6 need a period in whole days', () => {
    const r = saveDecisionInput.safeParse(form({ measures: ['2', '5', '6'], periodDays: { m2: '', m5: '1.5', m6: '0' } }));
    expect(r.success).toBe(false);
    const issues = r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}:${i.message}`);
    expect(issues.sort()).toEqual(['periodDays.m2:periodRequired', 'periodDays.m5:invalidNumber', 'periodDays.m6:invalidNumber']);
  });

  it('a finding of "not school violence" takes no measures', () => {
    const r = saveDecisionInput.safeParse(form({ notSchoolViolence: true, measures: ['1'] }));
    expect(r.success ? [] : r.error.issues.map((i) => i.message)).toEqual(['noMeasuresWhenNotViolence']);
  });

  it('a measure outside 1–9 is refused', () => {
    expect(saveDecisionInput.safeParse(form({ measures: ['10'] })).success).toBe(false);
  });
});

describe('reviewing a decision against the rubric', () => {
  it('the recommended measures need no reason', () => {
    const review = reviewDecision(saveDecisionInput.parse(form()), 'middle');
    expect(review.recommendation.total).toBe(5);
    expect(review.recommendation.measures).toEqual([3]);
    expect(review).toMatchObject({ differs: false, issues: [] });
  });

  it('a departure from the recommendation needs a written reason', () => {
    expect(reviewDecision(saveDecisionInput.parse(form({ measures: ['1'] })), 'middle').issues).toEqual([
      { path: 'overrideReason', message: 'overrideReasonRequired' },
    ]);
    const withReason = reviewDecision(saveDecisionInput.parse(form({ measures: ['1'], overrideReason: '피해학생과 화해가 이루어짐' })), 'middle');
    expect(withReason).toMatchObject({ differs: true, issues: [] });
  });

  it('periods and order do not make a difference; only the measures do', () => {
    const d = saveDecisionInput.parse(form({ protectionNeeded: true, measures: ['3', '2'], periodDays: { m2: '90', m5: '', m6: '' } }));
    expect(reviewDecision(d, 'high')).toMatchObject({ differs: false, issues: [] });
  });

  it('expulsion is refused in elementary and middle school, allowed in high school', () => {
    const top = { severity: '4', persistence: '4', intent: '4', remorse: '4', reconciliation: '4' } as const;
    const expel = saveDecisionInput.parse(form({ scores: top, measures: ['9'], overrideReason: 'x' }));
    expect(reviewDecision(expel, 'middle').issues).toContainEqual({ path: 'measures', message: 'expulsionBarred' });
    expect(reviewDecision(expel, 'elementary').issues).toContainEqual({ path: 'measures', message: 'expulsionBarred' });
    expect(reviewDecision(expel, 'high').issues).toEqual([]);
  });

  it('the form schema for a school level carries the same review', () => {
    const r = saveDecisionInputFor('middle').safeParse(form({ measures: ['1'] }));
    expect(r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}:${i.message}`)).toEqual(['overrideReason:overrideReasonRequired']);
  });
});

describe('measure sets', () => {
  it('compare as sets and join ascending', () => {
    expect(sameMeasures([3, 2, 2], [2, 3])).toBe(true);
    expect(sameMeasures([2], [2, 3])).toBe(false);
    expect(measureUnion([[6, 2], [], [2, 8]])).toEqual([2, 6, 8]);
  });
});

describe('decision form values', () => {
  it('a stored decision loads back into the form as it was saved, with its version', () => {
    const values = form({
      version: 0,
      measures: ['2', '3'],
      periodDays: { m2: '30', m5: '', m6: '' },
      protectionNeeded: true,
      adjustment: 'mitigate',
      overrideReason: '사유',
      ratifications: [{ eventId: '5', outcome: 'not_ratified', note: '과함' }],
    });
    const d = saveDecisionInput.parse(values);
    const stored = {
      version: 3,
      notSchoolViolence: d.notSchoolViolence,
      rubric: { ...d.rubric, schoolLevel: 'middle' },
      measures: d.measures,
      overrideReason: d.overrideReason ?? null,
      emergencyRatification: Object.fromEntries(d.ratifications.map(({ eventId, ...a }) => [eventId, a])),
    };
    const emergencies = [{ eventId: '5', perpetratorPartyId: ids.perpetratorPartyId, measure: 'suspension', occurredAt: '2026-03-03T00:00:00.000Z' }];
    expect(decisionFormValues(ids.caseId, ids.perpetratorPartyId, stored, emergencies)).toEqual({ ...values, version: 3 });
    expect(decisionFormValues(ids.caseId, ids.perpetratorPartyId, null, emergencies)).toMatchObject({
      version: 0,
      measures: [],
      ratifications: [{ eventId: '5', outcome: '', note: '' }],
    });
  });
});
