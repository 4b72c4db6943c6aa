import { describe, expect, it } from 'vitest';
import { deadlineInputSchema, retentionInputSchema, rubricInputSchema } from './schemas';

describe('input schemas for JSON callers', () => {
  it('accept the contract example input', () => {
    const r = deadlineInputSchema.safeParse({
      jurisdiction: 'KR',
      reportedAt: '2026-03-02T10:00:00+09:00',
      categories: ['physical'],
      events: [
        { type: 'separation_started', at: '2026-03-02T15:00:00+09:00' },
        { type: 'decision_made', at: '2026-04-20T15:00:00+09:00', data: { perpetratorMeasures: [1, 8], victimMeasures: [] } },
      ],
      now: '2026-03-08T12:00:00+09:00',
      calendar: { holidays: [] },
    });
    expect(r.success).toBe(true);
  });

  it('reject instants without offset, unknown event types and bad exemption reasons', () => {
    const base = { jurisdiction: 'KR', reportedAt: '2026-03-02T10:00:00+09:00', categories: [], events: [], now: '2026-03-02T10:00:00+09:00' };
    expect(deadlineInputSchema.safeParse({ ...base, now: '2026-03-02T10:00:00' }).success).toBe(false);
    expect(deadlineInputSchema.safeParse({ ...base, events: [{ type: 'lunch', at: base.now }] }).success).toBe(false);
    expect(deadlineInputSchema.safeParse({ ...base, events: [{ type: 'separation_exempted', at: base.now, data: { reason: 'busy' } }] }).success).toBe(false);
    expect(deadlineInputSchema.safeParse({ ...base, events: [{ type: 'decision_made', at: base.now, data: { perpetratorMeasures: [10] } }] }).success).toBe(
      false,
    );
  });

  it('validate rubric scores 0–4 and retention measures 1–9', () => {
    const scores = { severity: 4, persistence: 0, intent: 1, remorse: 2, reconciliation: 3 };
    expect(rubricInputSchema.safeParse({ scores, schoolLevel: 'middle', adjustment: null }).success).toBe(true);
    expect(rubricInputSchema.safeParse({ scores: { ...scores, intent: 5 }, schoolLevel: 'middle' }).success).toBe(false);
    expect(retentionInputSchema.safeParse({ measure: 9, reportedAt: '2024-03-01T00:00:00+09:00', graduationDate: '2027-02-12' }).success).toBe(true);
    expect(retentionInputSchema.safeParse({ measure: 0, reportedAt: '2024-03-01T00:00:00+09:00', graduationDate: '2027-02-12' }).success).toBe(false);
  });
});
