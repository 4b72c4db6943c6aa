import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { gapDaysAsOf, openIntervals, protectionGaps, type GapEvent } from './protection-gaps';

const kst = (s: string) => `${s}+09:00`;
const at = (s: string) => new Date(kst(s));
const ev = (type: string, when: string, data?: Record<string, unknown>): GapEvent => ({ type, occurredAt: kst(when), ...(data ? { data } : {}) });
const REPORT = kst('2026-03-02T10:00:00');

describe('protection gaps', () => {
  it('the report day is never a gap day: the school has 24 hours to separate', () => {
    expect(protectionGaps({ reportedAt: REPORT, events: [], now: at('2026-03-02T23:00:00') })).toEqual({ days: 0, open: true, accrueFrom: '2026-03-03' });
  });

  it('every complete day with nothing in place counts, today does not', () => {
    // 3, 4 and 5 March are complete and unprotected; the 6th is today.
    expect(protectionGaps({ reportedAt: REPORT, events: [], now: at('2026-03-06T09:00:00') }).days).toBe(3);
  });

  it('a separation protects every day it touches, and the gap resumes the day after it ends', () => {
    const events = [ev('separation_started', '2026-03-02T15:00:00'), ev('separation_ended', '2026-03-08T12:00:00')];
    const r = protectionGaps({ reportedAt: REPORT, events, now: at('2026-03-12T09:00:00') });
    // 9, 10 and 11 March.
    expect(r).toEqual({ days: 3, open: true, accrueFrom: '2026-03-12' });
  });

  it('a separation still running protects without end, even past its cap', () => {
    const events = [ev('separation_started', '2026-03-03T09:00:00')];
    expect(protectionGaps({ reportedAt: REPORT, events, now: at('2026-04-30T09:00:00') })).toEqual({ days: 0, open: false, accrueFrom: null });
  });

  it('a late separation leaves the days before it as gaps', () => {
    const events = [ev('separation_started', '2026-03-05T09:00:00')];
    // 3 and 4 March.
    expect(protectionGaps({ reportedAt: REPORT, events, now: at('2026-03-20T09:00:00') }).days).toBe(2);
  });

  it('a recorded exemption means separation was not owed from then on', () => {
    const events = [ev('separation_exempted', '2026-03-04T09:00:00', { reason: 'victim_declined' })];
    expect(protectionGaps({ reportedAt: REPORT, events, now: at('2026-03-30T09:00:00') })).toEqual({ days: 1, open: false, accrueFrom: null });
  });

  it("an emergency measure protects until the committee's decision, victim measures from when they are taken", () => {
    const events = [
      ev('separation_started', '2026-03-02T15:00:00'),
      ev('separation_ended', '2026-03-08T12:00:00'),
      ev('emergency_measure_taken', '2026-03-10T09:00:00', { measure: 'suspension' }),
      ev('decision_made', '2026-03-25T16:00:00', { perpetratorMeasures: [1, 2], victimMeasures: [1] }),
      ev('victim_measures_taken', '2026-03-28T10:00:00'),
    ];
    // 9 March, then 26 and 27 March.
    expect(protectionGaps({ reportedAt: REPORT, events, now: at('2026-04-10T09:00:00') }).days).toBe(3);
  });

  it('a notified disposition that separates the students (measures 6–9) protects from the notice', () => {
    const base = [
      ev('separation_started', '2026-03-02T15:00:00'),
      ev('separation_ended', '2026-03-08T12:00:00'),
      ev('decision_made', '2026-03-20T16:00:00', { perpetratorMeasures: [7], victimMeasures: [] }),
    ];
    const notified = [...base, ev('disposition_notified', '2026-03-23T10:00:00')];
    // 9–22 March.
    expect(protectionGaps({ reportedAt: REPORT, events: notified, now: at('2026-04-10T09:00:00') })).toEqual({ days: 14, open: false, accrueFrom: null });
    const apology = [
      ev('separation_started', '2026-03-02T15:00:00'),
      ev('separation_ended', '2026-03-08T12:00:00'),
      ev('decision_made', '2026-03-20T16:00:00', { perpetratorMeasures: [1], victimMeasures: [] }),
      ev('disposition_notified', '2026-03-23T10:00:00'),
    ];
    expect(protectionGaps({ reportedAt: REPORT, events: apology, now: at('2026-04-10T09:00:00') }).open).toBe(true);
  });

  it('days after self-resolution or closure are not counted; a reopened case counts again from the next whole day', () => {
    expect(
      openIntervals(REPORT, [
        ev('self_resolved', '2026-03-10T10:00:00'),
        ev('committee_requested', '2026-03-20T10:00:00'),
        ev('closed', '2026-04-01T10:00:00'),
      ]).map((r) => [new Date(r.from).toISOString(), r.to === Infinity ? null : new Date(r.to).toISOString()]),
    ).toEqual([
      ['2026-03-02T01:00:00.000Z', '2026-03-10T01:00:00.000Z'],
      ['2026-03-20T01:00:00.000Z', '2026-04-01T01:00:00.000Z'],
    ]);
    const events = [ev('self_resolved', '2026-03-05T10:00:00'), ev('committee_requested', '2026-03-10T10:00:00'), ev('closed', '2026-03-14T10:00:00')];
    // 3, 4 March; then 11, 12, 13 March (the 10th and the 14th are partly closed).
    expect(protectionGaps({ reportedAt: REPORT, events, now: at('2026-04-10T09:00:00') })).toEqual({ days: 5, open: false, accrueFrom: null });
  });

  it('a stored result plus the days since equals recomputing later, as long as no event came in between', () => {
    const eventArb = fc.record({
      type: fc.constantFrom(
        'separation_started',
        'separation_ended',
        'separation_exempted',
        'emergency_measure_taken',
        'decision_made',
        'victim_measures_taken',
        'disposition_notified',
        'self_resolved',
        'committee_requested',
        'closed',
      ),
      hour: fc.integer({ min: 0, max: 24 * 60 }),
      measures: fc.subarray([1, 2, 6, 7, 8]),
    });
    fc.assert(
      fc.property(fc.array(eventArb, { maxLength: 8 }), fc.integer({ min: 0, max: 24 * 30 }), fc.integer({ min: 0, max: 24 * 40 }), (raw, afterLast, later) => {
        const reportMs = new Date(REPORT).getTime();
        const events = raw.map((e) => ({ type: e.type, occurredAt: new Date(reportMs + e.hour * 3_600_000), data: { perpetratorMeasures: e.measures } }));
        const last = Math.max(reportMs, ...events.map((e) => e.occurredAt.getTime()));
        const t1 = new Date(last + afterLast * 3_600_000);
        const t2 = new Date(t1.getTime() + later * 3_600_000);
        const stored = protectionGaps({ reportedAt: REPORT, events, now: t1 });
        const today2 = new Date(t2.getTime() + 9 * 3_600_000).toISOString().slice(0, 10);
        expect(gapDaysAsOf(stored, today2)).toBe(protectionGaps({ reportedAt: REPORT, events, now: t2 }).days);
      }),
      { numRuns: 400 },
    );
  });
});
