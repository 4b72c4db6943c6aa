import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeDeadlines, DEADLINE_DEPENDENCIES } from './deadlines';
import { resolveRulebook } from './rulebook';
import { DAY_MS, formatKst, HOUR_MS, parseInstant } from './time';
import type { CaseEvent, Deadline, DeadlineInput, EventType } from './types';
import { CATEGORIES, DEADLINE_KEYS, EVENT_TYPES, SEPARATION_EXEMPTION_REASONS } from './types';

const KST_ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{3})?\+09:00$/;

/** Renders an instant either in +09:00 or in UTC, so offsets vary in the input. */
function render(ms: number, utc: boolean): string {
  return utc ? new Date(ms).toISOString() : formatKst(ms);
}

// A coarse time grid (whole days plus a few fixed hours) makes events share
// instants often, which is where order dependence would show.
const offsetArb = fc.tuple(fc.integer({ min: -2, max: 110 }), fc.constantFrom(0, 9, 15, 23.5)).map(([d, h]) => d * DAY_MS + h * HOUR_MS);

const dataArb = (type: EventType): fc.Arbitrary<Record<string, unknown> | undefined> => {
  if (type === 'decision_made') {
    return fc.record({
      perpetratorMeasures: fc.subarray([1, 2, 3, 4, 5, 6, 7, 8, 9]),
      victimMeasures: fc.subarray([1, 2, 3, 4, 6]),
    });
  }
  if (type === 'separation_exempted') return fc.record({ reason: fc.constantFrom(...SEPARATION_EXEMPTION_REASONS) });
  if (type === 'categories_changed') return fc.record({ categories: fc.subarray([...CATEGORIES], { minLength: 1 }) });
  if (type === 'stay_granted') return fc.option(fc.record({ measures: fc.subarray([1, 2, 3, 4, 5, 6, 7, 8, 9]) }), { nil: undefined });
  if (type === 'appeal_filed') {
    return fc.record({ side: fc.constantFrom('victim', 'perpetrator'), kind: fc.constantFrom('administrative_appeal', 'lawsuit') });
  }
  return fc.constant(undefined);
};

const eventArb = (reportedMs: number, types: readonly EventType[] = EVENT_TYPES): fc.Arbitrary<CaseEvent> =>
  fc
    .constantFrom(...types)
    .chain((type) => fc.tuple(fc.constant(type), offsetArb, fc.boolean(), dataArb(type)))
    .map(([type, off, utc, data]) => {
      const at = render(reportedMs + off, utc);
      return data === undefined ? { type, at } : { type, at, data };
    });

const reportedArb = fc
  .tuple(fc.integer({ min: Date.UTC(2020, 5, 1), max: Date.UTC(2027, 5, 1) }), fc.integer({ min: 0, max: 23 }))
  .map(([ms, h]) => Math.floor(ms / DAY_MS) * DAY_MS + h * HOUR_MS);

const caseArb: fc.Arbitrary<DeadlineInput> = reportedArb.chain((reportedMs) =>
  fc.record({
    jurisdiction: fc.constant('KR' as const),
    reportedAt: fc.boolean().map((utc) => render(reportedMs, utc)),
    categories: fc.subarray([...CATEGORIES], { minLength: 1 }),
    events: fc.array(eventArb(reportedMs), { maxLength: 14 }),
    now: fc.integer({ min: 0, max: 150 * 24 }).map((h) => formatKst(reportedMs + h * HOUR_MS)),
    // Both the built-in Korean calendar and arbitrary holiday lists.
    calendar: fc.option(
      fc.array(fc.integer({ min: 0, max: 140 }), { maxLength: 20 }).map((ds) => ({
        holidays: ds.map((d) => formatKst(reportedMs + d * DAY_MS).slice(0, 10)),
      })),
      { nil: undefined },
    ),
  }),
);

/**
 * Adds pairs of decision_made events sharing one instant but carrying different
 * measures: the only way the order of the input could leak into "the first decision".
 */
const caseWithTiesArb: fc.Arbitrary<DeadlineInput> = caseArb.chain((c) =>
  fc.array(fc.tuple(fc.nat(), dataArb('decision_made'), dataArb('decision_made')), { maxLength: 2 }).map((pairs) => {
    const ats = [c.reportedAt, ...c.events.map((e) => e.at)];
    const twins = pairs.flatMap(([i, a, b]): CaseEvent[] => {
      const at = ats[i % ats.length] ?? c.reportedAt;
      return [
        { type: 'decision_made', at, ...(a ? { data: a } : {}) },
        { type: 'decision_made', at, ...(b ? { data: b } : {}) },
      ];
    });
    return { ...c, events: [...twins, ...c.events] };
  }),
);

function withoutUndefined(input: DeadlineInput): DeadlineInput {
  return JSON.parse(JSON.stringify(input)) as DeadlineInput;
}

describe('deadline properties', () => {
  it('adding an event of a type unrelated to a key (not its trigger, meeting event, extension or applicability condition) never changes its dueAt or any other field', () => {
    fc.assert(
      fc.property(
        caseArb.chain((c) => fc.tuple(fc.constant(c), eventArb(parseInstant(c.reportedAt)))),
        ([input, extra]) => {
          const before = computeDeadlines(withoutUndefined(input));
          const after = computeDeadlines(withoutUndefined({ ...input, events: [...input.events, extra] }));
          for (const key of DEADLINE_KEYS) {
            if (DEADLINE_DEPENDENCIES[key].includes(extra.type)) continue;
            const b = before.find((d) => d.key === key);
            const a = after.find((d) => d.key === key);
            expect(a?.dueAt).toBe(b?.dueAt);
            expect(a).toEqual(b);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('met, met_late and breached are mutually consistent for every key (met ⇒ metAt ≤ dueAt; met_late ⇒ metAt > dueAt; breached ⇒ no metAt and now > dueAt)', () => {
    fc.assert(
      fc.property(caseArb, (input) => {
        const ds = computeDeadlines(withoutUndefined(input));
        const book = resolveRulebook(input.reportedAt);
        const now = parseInstant(input.now);
        expect(ds.map((d) => d.key)).toEqual([...DEADLINE_KEYS]);
        for (const d of ds) check(d, now, book.deadlines[d.key].kind === 'window', d.unit === 'hours' ? 12 : 72);
      }),
      { numRuns: 400 },
    );
  });

  it('the result does not depend on the order of the events', () => {
    fc.assert(
      fc.property(
        caseWithTiesArb.chain((c) => fc.tuple(fc.constant(c), fc.shuffledSubarray(c.events, { minLength: c.events.length, maxLength: c.events.length }))),
        ([input, shuffled]) => {
          const a = computeDeadlines(withoutUndefined(input));
          const b = computeDeadlines(withoutUndefined({ ...input, events: shuffled }));
          const c = computeDeadlines(withoutUndefined({ ...input, events: [...input.events].reverse() }));
          expect(b).toEqual(a);
          expect(c).toEqual(a);
        },
      ),
      { numRuns: 300 },
    );
  });
});

/** Checks the status of one deadline against the predicates that define it; exactly one may hold. */
function check(d: Deadline, now: number, isWindow: boolean, dueSoonHours: number): void {
  if (d.status === 'not_applicable') {
    expect(d.dueAt).toBeNull();
    expect(d.metAt).toBeUndefined();
    return;
  }
  if (d.status === 'suspended') {
    // Only a stay of execution holds a clock, and only the transfer's today.
    expect(d.key).toBe('transfer_request');
    expect(d.dueAt).toBeNull();
    expect(d.metAt).toBeUndefined();
    expect(d.suspendedSince).toMatch(KST_ISO);
    return;
  }
  expect(d.suspendedSince).toBeUndefined();
  expect(d.dueAt).toMatch(KST_ISO);
  const due = parseInstant(d.dueAt as string);
  const met = d.metAt === undefined ? undefined : parseInstant(d.metAt);
  if (d.metAt !== undefined) expect(d.metAt).toMatch(KST_ISO);

  if (isWindow) {
    expect(met).toBeUndefined();
    expect(d.status).toBe(now <= due ? 'open' : 'closed');
    return;
  }
  const predicates = {
    met: met !== undefined && met <= due,
    met_late: met !== undefined && met > due,
    breached: met === undefined && now > due,
    due_soon: met === undefined && now <= due && due - now < dueSoonHours * HOUR_MS,
    pending: met === undefined && due - now >= dueSoonHours * HOUR_MS,
  };
  const holding = Object.entries(predicates)
    .filter(([, v]) => v)
    .map(([k]) => k);
  expect(holding).toEqual([d.status]);
}
