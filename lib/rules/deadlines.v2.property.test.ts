import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rollForward } from './calendar';
import { computeDeadlines, extensionAllowed, extensionRefusal } from './deadlines';
import { DAY_MS, endOfKstDay, formatKst, HOUR_MS, kstDate, addCalendarDays, parseInstant } from './time';
import type { CaseEvent, Deadline, DeadlineInput, DeadlineKey, EventType } from './types';
import { CATEGORIES } from './types';

/** Properties of the version-2 rules (docs/rules-contract.md §1). */

const NO_HOLIDAYS = { holidays: [] as string[] };

const reportedArb = fc
  .tuple(fc.integer({ min: Date.UTC(2020, 5, 1), max: Date.UTC(2027, 5, 1) }), fc.integer({ min: 0, max: 23 }))
  .map(([ms, h]) => Math.floor(ms / DAY_MS) * DAY_MS + h * HOUR_MS);

/** Types of the version-2 interplay: separations, exemptions, extensions, withdrawals, reopen, recategorisation, stays. */
const V2_TYPES: readonly EventType[] = [
  'separation_started',
  'separation_ended',
  'separation_exempted',
  'office_reported',
  'investigation_extended',
  'investigation_reported',
  'self_resolved',
  'committee_requested',
  'committee_extended',
  'committee_request_withdrawn',
  'hearing_held',
  'categories_changed',
  'police_reported',
  'decision_made',
  'disposition_notified',
  'transfer_requested',
  'appeal_filed',
  'stay_granted',
  'stay_lifted',
];

function dataFor(type: EventType): fc.Arbitrary<Record<string, unknown> | undefined> {
  switch (type) {
    case 'decision_made':
      return fc.record({ perpetratorMeasures: fc.constantFrom([8], [2, 8], [3]), victimMeasures: fc.constantFrom([], [1]) });
    case 'separation_exempted':
      return fc.constant({ reason: 'victim_declined' });
    case 'categories_changed':
      return fc.record({ categories: fc.subarray([...CATEGORIES], { minLength: 1 }) });
    case 'stay_granted':
      return fc.constantFrom(undefined, { measures: [8] }, { measures: [2] }, { measures: [2, 8] });
    case 'appeal_filed':
      return fc.constant({ side: 'perpetrator', kind: 'lawsuit' });
    default:
      return fc.constant(undefined);
  }
}

/** Events on a coarse 6-hour grid over ~60 days, so many share an instant. */
const eventsArb = (reportedMs: number, types: readonly EventType[] = V2_TYPES, maxLength = 16): fc.Arbitrary<CaseEvent[]> =>
  fc.array(
    fc
      .constantFrom(...types)
      .chain((type) => fc.tuple(fc.constant(type), fc.integer({ min: -1, max: 240 }), dataFor(type)))
      .map(([type, slot, data]) => {
        const at = formatKst(reportedMs + slot * 6 * HOUR_MS);
        return data === undefined ? { type, at } : { type, at, data };
      }),
    { maxLength },
  );

const caseArb = (types?: readonly EventType[]): fc.Arbitrary<DeadlineInput> =>
  reportedArb.chain((reportedMs) =>
    fc.record({
      jurisdiction: fc.constant('KR' as const),
      reportedAt: fc.constant(formatKst(reportedMs)),
      categories: fc.subarray([...CATEGORIES], { minLength: 1 }),
      events: eventsArb(reportedMs, types),
      now: fc.integer({ min: 0, max: 90 * 24 }).map((h) => formatKst(reportedMs + h * HOUR_MS)),
      calendar: fc.constant(NO_HOLIDAYS),
    }),
  );

function get(ds: Deadline[], key: DeadlineKey): Deadline {
  const d = ds.find((x) => x.key === key);
  if (!d) throw new Error(`missing ${key}`);
  return d;
}

const CHANGES_FROM_ITS_OWN_TIME: { type: EventType; key: DeadlineKey; data?: Record<string, unknown> }[] = [
  { type: 'separation_exempted', key: 'separation_start', data: { reason: 'already_separated' } },
  { type: 'investigation_extended', key: 'investigation' },
  { type: 'committee_extended', key: 'committee_meeting' },
  { type: 'committee_request_withdrawn', key: 'committee_meeting' },
];

describe('version-2 deadline properties', () => {
  it('an exemption, an extension or a withdrawal recorded after the clock it would change was due changes nothing at all', () => {
    fc.assert(
      fc.property(caseArb(), fc.constantFrom(...CHANGES_FROM_ITS_OWN_TIME), fc.integer({ min: 1, max: 40 * DAY_MS }), (input, change, lateBy) => {
        const before = computeDeadlines(input);
        const d = get(before, change.key);
        if (d.dueAt === null) return;
        const late: CaseEvent = { type: change.type, at: formatKst(parseInstant(d.dueAt) + lateBy), ...(change.data ? { data: change.data } : {}) };
        expect(computeDeadlines({ ...input, events: [...input.events, late] })).toEqual(before);
      }),
      { numRuns: 600 },
    );
  });

  it('the result does not depend on the order of the events, even with many sharing an instant', () => {
    fc.assert(
      fc.property(
        caseArb().chain((c) => fc.tuple(fc.constant(c), fc.shuffledSubarray(c.events, { minLength: c.events.length, maxLength: c.events.length }))),
        ([input, shuffled]) => {
          const a = computeDeadlines(input);
          expect(computeDeadlines({ ...input, events: shuffled })).toEqual(a);
          expect(computeDeadlines({ ...input, events: [...input.events].reverse() })).toEqual(a);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('separation_limit: due by the first start’s 7-day cap; met or met_late by the last end once every separation ended; breached while one runs past the cap', () => {
    const separationsArb = reportedArb.chain((reportedMs) =>
      fc.tuple(
        fc.constant(reportedMs),
        // Distinct hours, so the model needs no rule for ties.
        fc.uniqueArray(fc.tuple(fc.integer({ min: 0, max: 20 * 24 }), fc.boolean()), { maxLength: 8, selector: ([h]) => h }),
        fc.integer({ min: 0, max: 25 * 24 }),
      ),
    );
    fc.assert(
      fc.property(separationsArb, ([reportedMs, raw, nowH]) => {
        const events: CaseEvent[] = raw.map(([h, start]) => ({
          type: start ? 'separation_started' : 'separation_ended',
          at: formatKst(reportedMs + h * HOUR_MS),
        }));
        const now = reportedMs + nowH * HOUR_MS;
        const d = get(
          computeDeadlines({
            jurisdiction: 'KR',
            reportedAt: formatKst(reportedMs),
            categories: ['physical'],
            events,
            now: formatKst(now),
            calendar: NO_HOLIDAYS,
          }),
          'separation_limit',
        );

        // Reference: a plain state machine over the sorted events.
        const sorted = [...raw].sort((a, b) => a[0] - b[0]);
        let firstStart: number | undefined;
        let running = false;
        let lastEnd: number | undefined;
        for (const [h, start] of sorted) {
          const ms = reportedMs + h * HOUR_MS;
          if (start) {
            firstStart ??= ms;
            running = true;
          } else if (running) {
            running = false;
            lastEnd = ms;
          }
        }
        if (firstStart === undefined) {
          expect(d.status).toBe('not_applicable');
          return;
        }
        const cap = kstDate(reportedMs) >= '2023-09-01' ? 7 : 3;
        const due = endOfKstDay(addCalendarDays(kstDate(firstStart), cap - 1));
        expect(d.dueAt).toBe(formatKst(due));
        expect(d.triggerAt).toBe(formatKst(firstStart));
        if (running) {
          expect(d.metAt).toBeUndefined();
          expect(d.status).toBe(now > due ? 'breached' : due - now < 3 * DAY_MS ? 'due_soon' : 'pending');
        } else {
          expect(d.metAt).toBe(formatKst(lastEnd as number));
          expect(d.status).toBe((lastEnd as number) <= due ? 'met' : 'met_late');
        }
      }),
      { numRuns: 500 },
    );
  });

  it('transfer_request: suspended exactly while a stay covering measure 8 is in force and no request was made; otherwise it runs from the notice or the last lift of such a stay', () => {
    const stayArb = reportedArb.chain((reportedMs) =>
      fc.tuple(
        fc.constant(reportedMs),
        fc.uniqueArray(fc.tuple(fc.integer({ min: 3 * 24, max: 40 * 24 }), fc.constantFrom('grant8', 'grantAll', 'grant2', 'lift', 'request')), {
          maxLength: 7,
          selector: ([h]) => h,
        }),
      ),
    );
    fc.assert(
      fc.property(stayArb, ([reportedMs, raw]) => {
        const noticeMs = reportedMs + 2 * 24 * HOUR_MS;
        const events: CaseEvent[] = [
          { type: 'decision_made', at: formatKst(reportedMs + 24 * HOUR_MS), data: { perpetratorMeasures: [8], victimMeasures: [] } },
          { type: 'disposition_notified', at: formatKst(noticeMs) },
          ...raw.map(([h, kind]): CaseEvent => {
            const at = formatKst(reportedMs + h * HOUR_MS);
            if (kind === 'lift') return { type: 'stay_lifted', at };
            if (kind === 'request') return { type: 'transfer_requested', at };
            if (kind === 'grantAll') return { type: 'stay_granted', at };
            return { type: 'stay_granted', at, data: { measures: kind === 'grant8' ? [8] : [2] } };
          }),
        ];
        const d = get(
          computeDeadlines({
            jurisdiction: 'KR',
            reportedAt: formatKst(reportedMs),
            categories: ['physical'],
            events,
            now: formatKst(reportedMs + 50 * DAY_MS),
            calendar: NO_HOLIDAYS,
          }),
          'transfer_request',
        );

        const sorted = [...raw].sort((a, b) => a[0] - b[0]);
        let stayed = false;
        let stayedSince: number | undefined;
        let trigger = noticeMs;
        let requested: number | undefined;
        for (const [h, kind] of sorted) {
          const ms = reportedMs + h * HOUR_MS;
          if (kind === 'request') {
            requested ??= ms;
            break;
          }
          if ((kind === 'grant8' || kind === 'grantAll') && !stayed) {
            stayed = true;
            stayedSince = ms;
          }
          if (kind === 'lift' && stayed) {
            stayed = false;
            trigger = ms;
          }
        }
        expect(d.triggerAt).toBe(formatKst(trigger));
        if (requested === undefined && stayed) {
          expect(d).toMatchObject({ status: 'suspended', dueAt: null, suspendedSince: formatKst(stayedSince as number) });
        } else {
          expect(d.status).not.toBe('suspended');
          const due = endOfKstDay(rollForward(addCalendarDays(kstDate(trigger), 7), NO_HOLIDAYS));
          expect(d.dueAt).toBe(formatKst(due));
          if (requested !== undefined) expect(d.status).toBe(requested <= due ? 'met' : 'met_late');
        }
      }),
      { numRuns: 500 },
    );
  });

  it('extensionAllowed agrees with computeDeadlines: an allowed extension adds its days, and a refused one for past_due, before_trigger, not_applicable or already_extended changes nothing', () => {
    const types: EventType[] = [
      'office_reported',
      'investigation_extended',
      'investigation_reported',
      'self_resolved',
      'committee_requested',
      'committee_extended',
      'committee_request_withdrawn',
      'hearing_held',
    ];
    fc.assert(
      fc.property(
        caseArb(types),
        fc.constantFrom<DeadlineKey>('investigation', 'committee_meeting'),
        fc.integer({ min: -2 * 24, max: 60 * 24 }),
        (input, key, h) => {
          const at = formatKst(parseInstant(input.reportedAt) + h * HOUR_MS);
          const type: EventType = key === 'investigation' ? 'investigation_extended' : 'committee_extended';
          const before = get(computeDeadlines(input), key);
          const after = get(computeDeadlines({ ...input, events: [...input.events, { type, at }] }), key);
          const refusal = extensionRefusal(input, key, at);
          expect(extensionAllowed(input, key, at)).toBe(refusal === null);
          if (refusal === null) {
            expect(before.extendedBy).toBeUndefined();
            // A withdrawal that was late for 21 days may be in time for the extended 28.
            const withdrawnInExtension = after.status === 'not_applicable' && input.events.some((e) => e.type === 'committee_request_withdrawn');
            if (!withdrawnInExtension) expect(after.extendedBy).toBe(7);
          } else if (refusal !== 'already_met') {
            expect(after).toEqual(before);
          }
        },
      ),
      { numRuns: 600 },
    );
  });
});
