import { describe, expect, it } from 'vitest';
import { computeDeadlines, DEADLINE_DEPENDENCIES, nextDeadline, proposeHearingDates } from './deadlines';
import type { CaseEvent, Deadline, DeadlineInput, DeadlineKey } from './types';
import { DEADLINE_KEYS } from './types';

const R = '2026-03-02T10:00:00+09:00';
const NO_HOLIDAYS = { holidays: [] as string[] };

function run(over: Partial<DeadlineInput> = {}): Deadline[] {
  return computeDeadlines({
    jurisdiction: 'KR',
    reportedAt: R,
    categories: ['physical'],
    events: [],
    now: R,
    calendar: NO_HOLIDAYS,
    ...over,
  });
}

function get(ds: Deadline[], key: DeadlineKey): Deadline {
  const d = ds.find((x) => x.key === key);
  if (!d) throw new Error(`missing ${key}`);
  return d;
}

const ev = (type: CaseEvent['type'], at: string, data?: Record<string, unknown>): CaseEvent => (data ? { type, at, data } : { type, at });

describe('contract public examples (docs/rules-contract.md §1)', () => {
  it('office_report is due 48 h after the report and breached, separation_start breached, with no events', () => {
    const ds = run({ now: '2026-03-04T11:00:00+09:00' });
    expect(get(ds, 'office_report')).toMatchObject({ dueAt: '2026-03-04T10:00:00+09:00', status: 'breached' });
    expect(get(ds, 'separation_start').status).toBe('breached');
  });

  it('separation_limit ends 24:00 of the 7th day counting the start day, due_soon 12 h before', () => {
    const ds = run({
      events: [ev('separation_started', '2026-03-02T15:00:00+09:00')],
      now: '2026-03-08T12:00:00+09:00',
    });
    expect(get(ds, 'separation_limit')).toMatchObject({ dueAt: '2026-03-09T00:00:00+09:00', status: 'due_soon' });
  });

  it('committee_meeting is due at the end of day 21, and day 28 after committee_extended', () => {
    const requested = ev('committee_requested', '2026-04-01T09:00:00+09:00');
    expect(get(run({ events: [requested] }), 'committee_meeting').dueAt).toBe('2026-04-23T00:00:00+09:00');
    const extended = run({ events: [requested, ev('committee_extended', '2026-04-10T09:00:00+09:00')] });
    expect(get(extended, 'committee_meeting')).toMatchObject({ dueAt: '2026-04-30T00:00:00+09:00', extendedBy: 7 });
  });
});

describe('result shape', () => {
  it('holds exactly one entry per key, in contract table order, applicable or not', () => {
    expect(run().map((d) => d.key)).toEqual([...DEADLINE_KEYS]);
  });

  it('gives dueAt null exactly for not_applicable entries and a display basis for every key', () => {
    for (const d of run()) {
      expect(d.dueAt === null).toBe(d.status === 'not_applicable');
      expect(d.basis.length).toBeGreaterThan(0);
    }
  });

  it('writes every instant with the +09:00 offset, whatever offset the input used', () => {
    const ds = run({
      reportedAt: '2026-03-02T01:00:00Z',
      events: [ev('guardians_notified', '2026-03-02T03:30:00Z')],
    });
    const g = get(ds, 'guardian_notice');
    expect(g).toMatchObject({ dueAt: '2026-03-03T10:00:00+09:00', metAt: '2026-03-02T12:30:00+09:00', status: 'met' });
    expect(g.triggerAt).toBe('2026-03-02T10:00:00+09:00');
  });

  it('rejects an instant without an offset rather than reading it in the host zone', () => {
    expect(() => run({ reportedAt: '2026-03-02T10:00:00' })).toThrow(RangeError);
  });

  it('does not mutate its input', () => {
    const input: DeadlineInput = {
      jurisdiction: 'KR',
      reportedAt: R,
      categories: ['physical'],
      events: [ev('office_reported', '2026-03-03T10:00:00+09:00'), ev('guardians_notified', '2026-03-02T11:00:00+09:00')],
      now: R,
      calendar: NO_HOLIDAYS,
    };
    const copy = JSON.parse(JSON.stringify(input)) as DeadlineInput;
    computeDeadlines(input);
    expect(input).toEqual(copy);
  });

  it('returns plain JSON (no undefined fields)', () => {
    const ds = run({ events: [ev('committee_requested', '2026-04-01T09:00:00+09:00')] });
    expect(JSON.parse(JSON.stringify(ds))).toEqual(ds);
  });
});

describe('status precedence (hour rules: guardian_notice, 24 h, Act 20)', () => {
  const due = '2026-03-03T10:00:00+09:00';
  it('pending with 12 h or more left', () => {
    expect(get(run({ now: '2026-03-02T22:00:00+09:00' }), 'guardian_notice')).toMatchObject({ status: 'pending', dueAt: due });
  });
  it('due_soon with under 12 h left', () => {
    expect(get(run({ now: '2026-03-02T22:00:01+09:00' }), 'guardian_notice').status).toBe('due_soon');
  });
  it('due_soon, not breached, at the due instant itself', () => {
    expect(get(run({ now: due }), 'guardian_notice').status).toBe('due_soon');
  });
  it('breached once now is past dueAt without the meeting event', () => {
    const d = get(run({ now: '2026-03-03T10:00:01+09:00' }), 'guardian_notice');
    expect(d.status).toBe('breached');
    expect(d.metAt).toBeUndefined();
  });
  it('met when the meeting event is at dueAt, even if now is later', () => {
    const d = get(run({ events: [ev('guardians_notified', due)], now: '2026-03-10T00:00:00+09:00' }), 'guardian_notice');
    expect(d).toMatchObject({ status: 'met', metAt: due });
  });
  it('met_late when the meeting event is after dueAt', () => {
    const d = get(run({ events: [ev('guardians_notified', '2026-03-03T10:00:01+09:00')] }), 'guardian_notice');
    expect(d).toMatchObject({ status: 'met_late', metAt: '2026-03-03T10:00:01+09:00' });
  });
  it('ignores a meeting event dated before the trigger', () => {
    const d = get(run({ events: [ev('guardians_notified', '2026-03-02T09:59:59+09:00')], now: '2026-03-04T00:00:00+09:00' }), 'guardian_notice');
    expect(d.status).toBe('breached');
  });
  it('takes the first meeting event after the trigger when it repeats', () => {
    const d = get(
      run({ events: [ev('guardians_notified', '2026-03-04T09:00:00+09:00'), ev('guardians_notified', '2026-03-02T12:00:00+09:00')] }),
      'guardian_notice',
    );
    expect(d).toMatchObject({ status: 'met', metAt: '2026-03-02T12:00:00+09:00' });
  });
});

describe('status precedence (day rules: 3-day due_soon threshold)', () => {
  const requested = ev('committee_requested', '2026-04-01T09:00:00+09:00');
  it('pending with 3 days or more left', () => {
    expect(get(run({ events: [requested], now: '2026-04-20T00:00:00+09:00' }), 'committee_meeting').status).toBe('pending');
  });
  it('due_soon with under 3 days left', () => {
    expect(get(run({ events: [requested], now: '2026-04-20T00:00:01+09:00' }), 'committee_meeting').status).toBe('due_soon');
  });
});

describe('guardian_notice, office_report, police_report (hour rules from reportedAt)', () => {
  it('office_report: 48 h, met by office_reported', () => {
    const d = get(run({ events: [ev('office_reported', '2026-03-04T09:00:00+09:00')] }), 'office_report');
    expect(d).toMatchObject({ dueAt: '2026-03-04T10:00:00+09:00', status: 'met', unit: 'hours' });
  });

  it('police_report is not_applicable without a sexual category (아청법 34 covers sex crimes only)', () => {
    expect(get(run({ categories: ['physical', 'cyberbullying'] }), 'police_report')).toMatchObject({
      status: 'not_applicable',
      dueAt: null,
    });
  });

  it.each(['sexual_violence', 'digital_sex_offence'] as const)('police_report applies for %s: 24 h', (category) => {
    const d = get(run({ categories: ['other', category], now: '2026-03-02T23:00:00+09:00' }), 'police_report');
    expect(d).toMatchObject({ dueAt: '2026-03-03T10:00:00+09:00', status: 'due_soon' });
  });

  it('police_report met_late by a police_reported after 24 h', () => {
    const d = get(run({ categories: ['digital_sex_offence'], events: [ev('police_reported', '2026-03-03T11:00:00+09:00')] }), 'police_report');
    expect(d.status).toBe('met_late');
  });

  it('hour rules never roll past holidays (built-in calendar; 2026-03-02 is a substitute holiday)', () => {
    const d = get(run({ calendar: undefined, reportedAt: '2026-02-28T10:00:00+09:00', now: '2026-02-28T10:00:00+09:00' }), 'office_report');
    expect(d.dueAt).toBe('2026-03-02T10:00:00+09:00');
  });
});

describe('separation_start (Act 16①, from 2021-06-23)', () => {
  it('is due 24 h after the report and met by separation_started', () => {
    const d = get(run({ events: [ev('separation_started', '2026-03-02T15:00:00+09:00')] }), 'separation_start');
    expect(d).toMatchObject({ dueAt: '2026-03-03T10:00:00+09:00', status: 'met', metAt: '2026-03-02T15:00:00+09:00' });
  });

  it.each(['victim_declined', 'outside_education_activity', 'already_separated'])('is not_applicable after separation_exempted (%s)', (reason) => {
    const d = get(run({ events: [ev('separation_exempted', '2026-03-02T11:00:00+09:00', { reason })] }), 'separation_start');
    expect(d).toMatchObject({ status: 'not_applicable', dueAt: null });
  });

  it('does not apply to a case reported on 2021-06-22 (KST), the day before the amendment', () => {
    const d = get(run({ reportedAt: '2021-06-22T23:59:59+09:00', now: '2021-06-22T23:59:59+09:00' }), 'separation_start');
    expect(d.status).toBe('not_applicable');
  });

  it('applies from 00:00 KST on 2021-06-23, judged on the KST day of the report', () => {
    const d = get(run({ reportedAt: '2021-06-22T15:00:00Z', now: '2021-06-22T15:00:00Z' }), 'separation_start');
    expect(d).toMatchObject({ status: 'pending', dueAt: '2021-06-24T00:00:00+09:00' });
  });
});

describe('separation_limit (cap, holidays included, never rolled)', () => {
  const start = ev('separation_started', '2026-03-02T15:00:00+09:00');

  it('is not_applicable without a separation_started', () => {
    expect(get(run(), 'separation_limit').status).toBe('not_applicable');
  });

  it('is met when the separation ends by the cap', () => {
    const d = get(run({ events: [start, ev('separation_ended', '2026-03-08T23:59:59+09:00')] }), 'separation_limit');
    expect(d).toMatchObject({ status: 'met', dueAt: '2026-03-09T00:00:00+09:00' });
  });

  it('is met_late when the separation ends after the cap', () => {
    const d = get(run({ events: [start, ev('separation_ended', '2026-03-09T09:00:00+09:00')] }), 'separation_limit');
    expect(d.status).toBe('met_late');
  });

  it('is breached while a separation still runs after the cap', () => {
    expect(get(run({ events: [start], now: '2026-03-09T00:00:01+09:00' }), 'separation_limit').status).toBe('breached');
  });

  it('is pending early in a 7-day separation', () => {
    expect(get(run({ events: [start], now: '2026-03-03T00:00:00+09:00' }), 'separation_limit').status).toBe('pending');
  });

  it('caps at 3 days for cases reported before 2023-09-01', () => {
    const d = get(
      run({
        reportedAt: '2023-08-31T09:00:00+09:00',
        events: [ev('separation_started', '2023-08-31T15:00:00+09:00')],
        now: '2023-08-31T15:00:00+09:00',
      }),
      'separation_limit',
    );
    expect(d.dueAt).toBe('2023-09-03T00:00:00+09:00');
  });

  it('caps at 7 days for cases reported from 2023-09-01', () => {
    const d = get(
      run({
        reportedAt: '2023-09-01T00:00:00+09:00',
        events: [ev('separation_started', '2023-09-01T15:00:00+09:00')],
        now: '2023-09-01T15:00:00+09:00',
      }),
      'separation_limit',
    );
    expect(d.dueAt).toBe('2023-09-08T00:00:00+09:00');
  });

  it('counts holidays and does not roll when its last day is a holiday (built-in calendar, 추석 2025)', () => {
    const d = get(
      run({
        reportedAt: '2025-10-02T09:00:00+09:00',
        events: [ev('separation_started', '2025-10-02T10:00:00+09:00')],
        now: '2025-10-02T10:00:00+09:00',
        calendar: undefined,
      }),
      'separation_limit',
    );
    expect(d.dueAt).toBe('2025-10-09T00:00:00+09:00');
  });

  it('does not roll on a given holiday list either', () => {
    const d = get(run({ events: [start], calendar: { holidays: ['2026-03-08', '2026-03-09'] } }), 'separation_limit');
    expect(d.dueAt).toBe('2026-03-09T00:00:00+09:00');
  });

  it('keeps the first separation as the cap trigger when a separation restarts, and a restarted separation still running past the cap is breached', () => {
    const d = get(
      run({
        events: [start, ev('separation_ended', '2026-03-04T09:00:00+09:00'), ev('separation_started', '2026-03-06T09:00:00+09:00')],
        now: '2026-03-20T00:00:00+09:00',
      }),
      'separation_limit',
    );
    expect(d).toMatchObject({ triggerAt: '2026-03-02T15:00:00+09:00', dueAt: '2026-03-09T00:00:00+09:00', status: 'breached' });
    expect(d.metAt).toBeUndefined();
  });

  it('ignores a separation_ended dated before the start', () => {
    const d = get(run({ events: [ev('separation_ended', '2026-03-02T14:00:00+09:00'), start], now: '2026-03-10T00:00:00+09:00' }), 'separation_limit');
    expect(d.status).toBe('breached');
  });
});

describe('investigation (14 d [U], +7 once, rollForward)', () => {
  const office = ev('office_reported', '2026-03-03T09:00:00+09:00');

  it('is not_applicable before office_reported', () => {
    expect(get(run(), 'investigation').status).toBe('not_applicable');
  });

  it('is due at the end of day 14 after office_reported', () => {
    expect(get(run({ events: [office] }), 'investigation')).toMatchObject({
      dueAt: '2026-03-18T00:00:00+09:00',
      triggerAt: '2026-03-03T09:00:00+09:00',
      status: 'pending',
    });
  });

  it('is extended by 7 days once, however often investigation_extended repeats', () => {
    const d = get(
      run({
        events: [office, ev('investigation_extended', '2026-03-10T09:00:00+09:00'), ev('investigation_extended', '2026-03-20T09:00:00+09:00')],
      }),
      'investigation',
    );
    expect(d).toMatchObject({ dueAt: '2026-03-25T00:00:00+09:00', extendedBy: 7 });
  });

  it('ignores an extension dated before office_reported', () => {
    const d = get(run({ events: [ev('investigation_extended', '2026-03-02T11:00:00+09:00'), office] }), 'investigation');
    expect(d.dueAt).toBe('2026-03-18T00:00:00+09:00');
    expect(d.extendedBy).toBeUndefined();
  });

  it('is met by investigation_reported', () => {
    const d = get(run({ events: [office, ev('investigation_reported', '2026-03-16T17:00:00+09:00')] }), 'investigation');
    expect(d).toMatchObject({ status: 'met', metAt: '2026-03-16T17:00:00+09:00' });
  });

  it('is not_applicable once self_resolved comes before it is met (Act 13-2)', () => {
    const d = get(run({ events: [office, ev('self_resolved', '2026-03-10T09:00:00+09:00')] }), 'investigation');
    expect(d).toMatchObject({ status: 'not_applicable', dueAt: null });
  });

  it('stays met when self_resolved comes after the report', () => {
    const d = get(
      run({
        events: [office, ev('investigation_reported', '2026-03-09T09:00:00+09:00'), ev('self_resolved', '2026-03-10T09:00:00+09:00')],
      }),
      'investigation',
    );
    expect(d.status).toBe('met');
  });

  it('takes its period from a rulebook override, because 14 days is unconfirmed', () => {
    const d = get(run({ events: [office], rulebook: { deadlines: { investigation: { period: 10 } } } }), 'investigation');
    expect(d.dueAt).toBe('2026-03-14T00:00:00+09:00');
  });
});

describe('committee_meeting (21 d, +7 once, rollForward)', () => {
  const requested = ev('committee_requested', '2026-04-01T09:00:00+09:00');

  it('is not_applicable without committee_requested', () => {
    expect(get(run(), 'committee_meeting').status).toBe('not_applicable');
  });

  it('is met by hearing_held and met_late after the deadline', () => {
    expect(get(run({ events: [requested, ev('hearing_held', '2026-04-22T14:00:00+09:00')] }), 'committee_meeting').status).toBe('met');
    expect(get(run({ events: [requested, ev('hearing_held', '2026-04-23T14:00:00+09:00')] }), 'committee_meeting').status).toBe('met_late');
  });

  it('is breached after the deadline without a hearing', () => {
    expect(get(run({ events: [requested], now: '2026-04-23T00:00:01+09:00' }), 'committee_meeting').status).toBe('breached');
  });

  it('applies the +7 extension once even when committee_extended repeats', () => {
    const d = get(
      run({ events: [requested, ev('committee_extended', '2026-04-15T09:00:00+09:00'), ev('committee_extended', '2026-04-25T09:00:00+09:00')] }),
      'committee_meeting',
    );
    expect(d.dueAt).toBe('2026-04-30T00:00:00+09:00');
  });

  it('ignores a hearing dated before the request', () => {
    const d = get(run({ events: [ev('hearing_held', '2026-03-31T09:00:00+09:00'), requested] }), 'committee_meeting');
    expect(d.status).toBe('pending');
    expect(d.metAt).toBeUndefined();
  });

  it('rolls past a holiday in a given list', () => {
    const d = get(run({ events: [requested], calendar: { holidays: ['2026-04-22', '2026-04-23'] } }), 'committee_meeting');
    expect(d.dueAt).toBe('2026-04-25T00:00:00+09:00');
  });

  it('rolls past 추석 and 한글날 with the built-in calendar (day 21 = 2025-10-06)', () => {
    const events = [ev('committee_requested', '2025-09-15T09:00:00+09:00')];
    const reportedAt = '2025-09-01T09:00:00+09:00';
    expect(get(run({ reportedAt, events, calendar: undefined }), 'committee_meeting').dueAt).toBe('2025-10-11T00:00:00+09:00');
    expect(get(run({ reportedAt, events, calendar: NO_HOLIDAYS }), 'committee_meeting').dueAt).toBe('2025-10-07T00:00:00+09:00');
  });

  it('rolls past Saturday and Sunday', () => {
    const events = [ev('committee_requested', '2026-04-04T09:00:00+09:00')];
    expect(get(run({ events }), 'committee_meeting').dueAt).toBe('2026-04-28T00:00:00+09:00');
  });
});

describe('victim_measures, disposition_notice, transfer_request, appeal_window', () => {
  const decision = (perpetratorMeasures: number[], victimMeasures: number[], at = '2026-05-04T10:00:00+09:00') =>
    ev('decision_made', at, { perpetratorMeasures, victimMeasures });
  const notified = ev('disposition_notified', '2026-05-06T10:00:00+09:00');

  it('victim_measures: 7 days after decision_made with victim measures (Act 16③)', () => {
    const d = get(run({ events: [decision([1], [1, 2])] }), 'victim_measures');
    expect(d).toMatchObject({ dueAt: '2026-05-12T00:00:00+09:00', status: 'pending' });
  });

  it('victim_measures: not_applicable when the decision has no victim measures', () => {
    expect(get(run({ events: [decision([1], [])] }), 'victim_measures').status).toBe('not_applicable');
  });

  it('victim_measures: met by victim_measures_taken', () => {
    const d = get(run({ events: [decision([1], [1]), ev('victim_measures_taken', '2026-05-07T10:00:00+09:00')] }), 'victim_measures');
    expect(d.status).toBe('met');
  });

  it('victim_measures rolls past a substitute holiday with the built-in calendar (day 7 = 2026-03-02)', () => {
    const events = [decision([1], [1], '2026-02-23T10:00:00+09:00')];
    const reportedAt = '2026-02-01T10:00:00+09:00';
    expect(get(run({ reportedAt, events, calendar: undefined }), 'victim_measures').dueAt).toBe('2026-03-04T00:00:00+09:00');
    expect(get(run({ reportedAt, events }), 'victim_measures').dueAt).toBe('2026-03-03T00:00:00+09:00');
  });

  it('disposition_notice: 14 days after decision_made, met by disposition_notified', () => {
    expect(get(run({ events: [decision([3], [])] }), 'disposition_notice')).toMatchObject({
      dueAt: '2026-05-19T00:00:00+09:00',
      status: 'pending',
    });
    expect(get(run({ events: [decision([3], []), notified] }), 'disposition_notice').status).toBe('met');
    expect(get(run(), 'disposition_notice').status).toBe('not_applicable');
  });

  it('disposition_notice rolls from a Saturday last day to Monday', () => {
    const d = get(run({ events: [decision([3], [], '2026-03-07T10:00:00+09:00')] }), 'disposition_notice');
    expect(d.dueAt).toBe('2026-03-24T00:00:00+09:00');
  });

  it('transfer_request: 7 days after the notice of a decision with measure 8 (Decree 20)', () => {
    const d = get(run({ events: [decision([2, 8], []), notified] }), 'transfer_request');
    expect(d).toMatchObject({ dueAt: '2026-05-14T00:00:00+09:00', triggerAt: '2026-05-06T10:00:00+09:00', status: 'pending' });
    const met = get(run({ events: [decision([8], []), notified, ev('transfer_requested', '2026-05-08T10:00:00+09:00')] }), 'transfer_request');
    expect(met.status).toBe('met');
  });

  it('transfer_request: not_applicable without measure 8 or without the notice', () => {
    expect(get(run({ events: [decision([7], []), notified] }), 'transfer_request').status).toBe('not_applicable');
    expect(get(run({ events: [decision([8], [])] }), 'transfer_request').status).toBe('not_applicable');
  });

  it('appeal_window: open for 90 days after disposition_notified, then closed', () => {
    const events = [decision([3], []), notified];
    expect(get(run({ events, now: '2026-08-05T00:00:00+09:00' }), 'appeal_window')).toMatchObject({
      status: 'open',
      dueAt: '2026-08-05T00:00:00+09:00',
    });
    expect(get(run({ events, now: '2026-08-05T00:00:01+09:00' }), 'appeal_window').status).toBe('closed');
  });

  it('appeal_window: not_applicable without disposition_notified, and never met', () => {
    expect(get(run({ events: [decision([3], [])] }), 'appeal_window').status).toBe('not_applicable');
    expect(get(run({ events: [notified], now: '2026-05-07T00:00:00+09:00' }), 'appeal_window').metAt).toBeUndefined();
  });
});

describe('event order', () => {
  it('chooses the same first decision whatever the input order, even at the same instant', () => {
    const at = '2026-05-04T10:00:00+09:00';
    const a = ev('decision_made', at, { perpetratorMeasures: [8], victimMeasures: [] });
    const b = ev('decision_made', at, { perpetratorMeasures: [1], victimMeasures: [1] });
    const n = ev('disposition_notified', '2026-05-06T10:00:00+09:00');
    expect(run({ events: [a, b, n] })).toEqual(run({ events: [n, b, a] }));
  });
});

describe('DEADLINE_DEPENDENCIES', () => {
  it('lists for each key the event types the contract table names for it', () => {
    expect(DEADLINE_DEPENDENCIES.committee_meeting).toEqual(expect.arrayContaining(['committee_requested', 'committee_extended', 'hearing_held']));
    expect(Object.keys(DEADLINE_DEPENDENCIES)).toEqual([...DEADLINE_KEYS]);
  });
});

describe('nextDeadline (most urgent actionable)', () => {
  it('prefers the longest-overdue breached deadline', () => {
    const ds = run({ now: '2026-03-04T11:00:00+09:00' });
    expect(nextDeadline(ds)?.key).toBe('guardian_notice');
  });

  it('otherwise takes the earliest due among pending and due_soon', () => {
    const ds = run({
      events: [ev('guardians_notified', '2026-03-02T11:00:00+09:00'), ev('separation_started', '2026-03-02T12:00:00+09:00')],
      now: '2026-03-02T13:00:00+09:00',
    });
    expect(nextDeadline(ds)?.key).toBe('office_report');
  });

  it('returns null when nothing is actionable', () => {
    const ds = run({
      events: [
        ev('guardians_notified', '2026-03-02T11:00:00+09:00'),
        ev('office_reported', '2026-03-02T11:00:00+09:00'),
        ev('separation_exempted', '2026-03-02T11:00:00+09:00', { reason: 'victim_declined' }),
        ev('self_resolved', '2026-03-02T12:00:00+09:00'),
      ],
    });
    expect(nextDeadline(ds)).toBeNull();
  });
});

describe('proposeHearingDates', () => {
  it('proposes working days strictly before the committee_meeting deadline, from the next day', () => {
    expect(proposeHearingDates({ dueAt: '2026-04-23T00:00:00+09:00', from: '2026-04-15T10:00:00+09:00', calendar: NO_HOLIDAYS, count: 10 })).toEqual([
      '2026-04-16',
      '2026-04-17',
      '2026-04-20',
      '2026-04-21',
      '2026-04-22',
    ]);
  });

  it('skips built-in holidays and stops at count', () => {
    expect(proposeHearingDates({ dueAt: '2025-10-31T00:00:00+09:00', from: '2025-10-01T09:00:00+09:00', count: 3 })).toEqual([
      '2025-10-02',
      '2025-10-10',
      '2025-10-13',
    ]);
  });

  it('returns nothing when no working day is left', () => {
    expect(proposeHearingDates({ dueAt: '2026-04-23T00:00:00+09:00', from: '2026-04-22T10:00:00+09:00', calendar: NO_HOLIDAYS, count: 3 })).toEqual([]);
  });
});
