import { describe, expect, it } from 'vitest';
import { computeDeadlines, extensionAllowed, extensionRefusal, nextDeadline } from './deadlines';
import type { CaseEvent, Deadline, DeadlineInput, DeadlineKey } from './types';

/** Version 2 of the rules contract (docs/rules-contract.md §1, passages marked "version 2"). */

const R = '2026-03-02T10:00:00+09:00';
const NO_HOLIDAYS = { holidays: [] as string[] };

function run(over: Partial<DeadlineInput> = {}): Deadline[] {
  return computeDeadlines({ jurisdiction: 'KR', reportedAt: R, categories: ['physical'], events: [], now: R, calendar: NO_HOLIDAYS, ...over });
}

function get(ds: Deadline[], key: DeadlineKey): Deadline {
  const d = ds.find((x) => x.key === key);
  if (!d) throw new Error(`missing ${key}`);
  return d;
}

const ev = (type: CaseEvent['type'], at: string, data?: Record<string, unknown>): CaseEvent => (data ? { type, at, data } : { type, at });

describe('separation_limit covers every separation of the case (Act 16①: at most 7 days in total)', () => {
  const first = ev('separation_started', '2026-03-02T15:00:00+09:00');
  const firstEnd = ev('separation_ended', '2026-03-04T09:00:00+09:00');
  const second = ev('separation_started', '2026-03-06T09:00:00+09:00');

  it('a second separation started two days after the first ended and still running on day 18 is breached, not met by the first end', () => {
    const d = get(run({ events: [first, firstEnd, second], now: '2026-03-20T00:00:00+09:00' }), 'separation_limit');
    expect(d).toMatchObject({ status: 'breached', dueAt: '2026-03-09T00:00:00+09:00', triggerAt: '2026-03-02T15:00:00+09:00' });
    expect(d.metAt).toBeUndefined();
  });

  it('a restarted separation still running before the cap is due_soon by the first start’s cap, never met, and breached just after it', () => {
    const d = get(run({ events: [first, firstEnd, second], now: '2026-03-06T10:00:00+09:00' }), 'separation_limit');
    expect(d).toMatchObject({ status: 'due_soon', dueAt: '2026-03-09T00:00:00+09:00' });
    expect(d.metAt).toBeUndefined();
    expect(get(run({ events: [first, firstEnd, second], now: '2026-03-09T00:00:00+09:00' }), 'separation_limit').status).toBe('due_soon');
    expect(get(run({ events: [first, firstEnd, second], now: '2026-03-09T00:00:01+09:00' }), 'separation_limit').status).toBe('breached');
  });

  it('is met by the end of the last separation when every separation ended by the cap', () => {
    const d = get(run({ events: [first, firstEnd, second, ev('separation_ended', '2026-03-08T20:00:00+09:00')] }), 'separation_limit');
    expect(d).toMatchObject({ status: 'met', metAt: '2026-03-08T20:00:00+09:00' });
  });

  it('is met_late when the last separation ended after the cap, though the first ended in time', () => {
    const d = get(run({ events: [first, firstEnd, second, ev('separation_ended', '2026-03-10T09:00:00+09:00')] }), 'separation_limit');
    expect(d).toMatchObject({ status: 'met_late', metAt: '2026-03-10T09:00:00+09:00', dueAt: '2026-03-09T00:00:00+09:00' });
  });

  it('a separation started after the cap is breached while it runs and met_late once it ends', () => {
    const late = ev('separation_started', '2026-03-10T09:00:00+09:00');
    const early = [first, ev('separation_ended', '2026-03-03T09:00:00+09:00')];
    expect(get(run({ events: [...early], now: '2026-03-11T00:00:00+09:00' }), 'separation_limit').status).toBe('met');
    expect(get(run({ events: [...early, late], now: '2026-03-11T00:00:00+09:00' }), 'separation_limit').status).toBe('breached');
    expect(get(run({ events: [...early, late, ev('separation_ended', '2026-03-10T18:00:00+09:00')] }), 'separation_limit')).toMatchObject({
      status: 'met_late',
      metAt: '2026-03-10T18:00:00+09:00',
    });
  });

  it('a separation ending and another starting at one instant is one continuous separation, still running', () => {
    const at = '2026-03-05T09:00:00+09:00';
    const d = get(run({ events: [first, ev('separation_started', at), ev('separation_ended', at)], now: '2026-03-10T00:00:00+09:00' }), 'separation_limit');
    expect(d.status).toBe('breached');
  });

  it('a separation begun and ended at one instant, with none running, has ended', () => {
    const at = '2026-03-02T15:00:00+09:00';
    const d = get(run({ events: [ev('separation_ended', at), ev('separation_started', at)], now: '2026-03-10T00:00:00+09:00' }), 'separation_limit');
    expect(d).toMatchObject({ status: 'met', metAt: at });
  });

  it('a repeated start while one is running neither restarts the cap nor needs a second end', () => {
    const d = get(
      run({ events: [first, ev('separation_started', '2026-03-04T09:00:00+09:00'), ev('separation_ended', '2026-03-05T09:00:00+09:00')] }),
      'separation_limit',
    );
    expect(d).toMatchObject({ status: 'met', metAt: '2026-03-05T09:00:00+09:00', triggerAt: '2026-03-02T15:00:00+09:00' });
  });

  it('caps several separations at 3 days in total for cases reported before 2023-09-01', () => {
    const events = [
      ev('separation_started', '2023-08-31T15:00:00+09:00'),
      ev('separation_ended', '2023-09-01T09:00:00+09:00'),
      ev('separation_started', '2023-09-02T09:00:00+09:00'),
    ];
    const base = { reportedAt: '2023-08-31T09:00:00+09:00', now: '2023-08-31T15:00:00+09:00' };
    expect(get(run({ ...base, events: [...events, ev('separation_ended', '2023-09-02T20:00:00+09:00')] }), 'separation_limit')).toMatchObject({
      status: 'met',
      dueAt: '2023-09-03T00:00:00+09:00',
    });
    expect(get(run({ ...base, events: [...events, ev('separation_ended', '2023-09-03T09:00:00+09:00')] }), 'separation_limit').status).toBe('met_late');
  });

  it('takes the 7-day cap from 00:00 KST on 2023-09-01 and the 3-day cap one second before', () => {
    const events = [ev('separation_started', '2023-09-01T06:00:00Z')];
    const seven = get(run({ reportedAt: '2023-08-31T15:00:00Z', events, now: '2023-09-01T06:00:00Z' }), 'separation_limit');
    const three = get(run({ reportedAt: '2023-08-31T14:59:59Z', events, now: '2023-09-01T06:00:00Z' }), 'separation_limit');
    expect(seven.dueAt).toBe('2023-09-08T00:00:00+09:00');
    expect(three.dueAt).toBe('2023-09-04T00:00:00+09:00');
  });
});

describe('separation_start: an exemption counts only from its own time', () => {
  const exempt = (at: string) => ev('separation_exempted', at, { reason: 'victim_declined' });

  it('a late exemption dated day 8 does not erase the 24-hour breach', () => {
    const d = get(run({ events: [exempt('2026-03-09T10:00:00+09:00')], now: '2026-03-10T00:00:00+09:00' }), 'separation_start');
    expect(d).toMatchObject({ status: 'breached', dueAt: '2026-03-03T10:00:00+09:00' });
  });

  it('an exemption at the 24-hour dueAt itself still counts, one a millisecond later does not', () => {
    expect(get(run({ events: [exempt('2026-03-03T10:00:00+09:00')], now: '2026-03-04T00:00:00+09:00' }), 'separation_start').status).toBe('not_applicable');
    expect(get(run({ events: [exempt('2026-03-03T10:00:00.001+09:00')], now: '2026-03-04T00:00:00+09:00' }), 'separation_start').status).toBe('breached');
  });

  it('a late exemption leaves a late separation met_late', () => {
    const d = get(run({ events: [ev('separation_started', '2026-03-04T09:00:00+09:00'), exempt('2026-03-05T09:00:00+09:00')] }), 'separation_start');
    expect(d).toMatchObject({ status: 'met_late', metAt: '2026-03-04T09:00:00+09:00' });
  });

  it('on the 2021-06-23 boundary (00:00 KST): the duty applies and a late exemption leaves it breached', () => {
    const reportedAt = '2021-06-22T15:00:00Z';
    const now = '2021-06-25T00:00:00+09:00';
    expect(get(run({ reportedAt, now, events: [exempt('2021-06-24T00:00:00+09:00')] }), 'separation_start').status).toBe('not_applicable');
    expect(get(run({ reportedAt, now, events: [exempt('2021-06-24T00:00:01+09:00')] }), 'separation_start')).toMatchObject({
      status: 'breached',
      dueAt: '2021-06-24T00:00:00+09:00',
    });
    expect(get(run({ reportedAt: '2021-06-22T14:59:59.999Z', now }), 'separation_start').status).toBe('not_applicable');
  });
});

describe('investigation: an extension counts only when dated by the 14-day dueAt', () => {
  const office = ev('office_reported', '2026-03-03T09:00:00+09:00');

  it('an investigation_extended after day 14 is ignored: breached at day 15, not pending to day 21', () => {
    const d = get(run({ events: [office, ev('investigation_extended', '2026-03-19T09:00:00+09:00')], now: '2026-03-19T12:00:00+09:00' }), 'investigation');
    expect(d).toMatchObject({ status: 'breached', dueAt: '2026-03-18T00:00:00+09:00' });
    expect(d.extendedBy).toBeUndefined();
  });

  it('a report after a late extension is met_late', () => {
    const d = get(
      run({ events: [office, ev('investigation_extended', '2026-03-19T09:00:00+09:00'), ev('investigation_reported', '2026-03-20T09:00:00+09:00')] }),
      'investigation',
    );
    expect(d.status).toBe('met_late');
  });

  it('an extension at the 14-day dueAt itself counts (+7)', () => {
    const d = get(run({ events: [office, ev('investigation_extended', '2026-03-18T00:00:00+09:00')] }), 'investigation');
    expect(d).toMatchObject({ dueAt: '2026-03-25T00:00:00+09:00', extendedBy: 7 });
  });
});

describe('committee_meeting: extensions, withdrawals and reopened requests', () => {
  const requested = ev('committee_requested', '2026-04-01T09:00:00+09:00');

  it('a committee_extended on day 24 does not hide a late meeting: breached after day 21, not pending to day 28', () => {
    const d = get(run({ events: [requested, ev('committee_extended', '2026-04-25T09:00:00+09:00')], now: '2026-04-26T00:00:00+09:00' }), 'committee_meeting');
    expect(d).toMatchObject({ status: 'breached', dueAt: '2026-04-23T00:00:00+09:00' });
    expect(d.extendedBy).toBeUndefined();
  });

  it('a hearing after a late extension is met_late', () => {
    const d = get(
      run({ events: [requested, ev('committee_extended', '2026-04-25T09:00:00+09:00'), ev('hearing_held', '2026-04-27T14:00:00+09:00')] }),
      'committee_meeting',
    );
    expect(d.status).toBe('met_late');
  });

  it('an extension at the 21-day dueAt itself counts', () => {
    const d = get(run({ events: [requested, ev('committee_extended', '2026-04-23T00:00:00+09:00')] }), 'committee_meeting');
    expect(d).toMatchObject({ dueAt: '2026-04-30T00:00:00+09:00', extendedBy: 7 });
  });

  it('a request withdrawn before the hearing stops the clock (not_applicable)', () => {
    const d = get(
      run({ events: [requested, ev('committee_request_withdrawn', '2026-04-10T09:00:00+09:00')], now: '2026-05-10T00:00:00+09:00' }),
      'committee_meeting',
    );
    expect(d).toMatchObject({ status: 'not_applicable', dueAt: null });
  });

  it('a withdrawal after the hearing changes nothing', () => {
    const d = get(
      run({ events: [requested, ev('hearing_held', '2026-04-15T14:00:00+09:00'), ev('committee_request_withdrawn', '2026-04-16T09:00:00+09:00')] }),
      'committee_meeting',
    );
    expect(d).toMatchObject({ status: 'met', metAt: '2026-04-15T14:00:00+09:00' });
  });

  it('a withdrawal after the meeting was due does not erase the late meeting', () => {
    const d = get(
      run({ events: [requested, ev('committee_request_withdrawn', '2026-04-24T09:00:00+09:00')], now: '2026-04-25T00:00:00+09:00' }),
      'committee_meeting',
    );
    expect(d).toMatchObject({ status: 'breached', dueAt: '2026-04-23T00:00:00+09:00' });
  });

  it('a withdrawal within a validly extended period stops the clock', () => {
    const d = get(
      run({ events: [requested, ev('committee_extended', '2026-04-15T09:00:00+09:00'), ev('committee_request_withdrawn', '2026-04-27T09:00:00+09:00')] }),
      'committee_meeting',
    );
    expect(d.status).toBe('not_applicable');
  });

  it('a withdrawal at the very instant of the request does not stop it (the clock runs when the order is in doubt)', () => {
    const d = get(run({ events: [ev('committee_request_withdrawn', '2026-04-01T09:00:00+09:00'), requested] }), 'committee_meeting');
    expect(d).toMatchObject({ status: 'pending', dueAt: '2026-04-23T00:00:00+09:00' });
  });

  it('a reopened request runs from the last request and is met only by a hearing after it', () => {
    const first = [requested, ev('hearing_held', '2026-04-10T14:00:00+09:00')];
    const reopened = ev('committee_requested', '2026-05-01T09:00:00+09:00');
    const pending = get(run({ events: [...first, reopened], now: '2026-05-02T00:00:00+09:00' }), 'committee_meeting');
    expect(pending).toMatchObject({ status: 'pending', dueAt: '2026-05-23T00:00:00+09:00', triggerAt: '2026-05-01T09:00:00+09:00' });
    expect(pending.metAt).toBeUndefined();
    const met = get(run({ events: [...first, reopened, ev('hearing_held', '2026-05-15T14:00:00+09:00')] }), 'committee_meeting');
    expect(met).toMatchObject({ status: 'met', metAt: '2026-05-15T14:00:00+09:00' });
  });

  it('a request reopened after a withdrawal runs again, unextended by the first request’s extension', () => {
    const events = [
      requested,
      ev('committee_extended', '2026-04-10T09:00:00+09:00'),
      ev('committee_request_withdrawn', '2026-04-12T09:00:00+09:00'),
      ev('committee_requested', '2026-04-20T09:00:00+09:00'),
    ];
    const d = get(run({ events }), 'committee_meeting');
    expect(d).toMatchObject({ status: 'pending', dueAt: '2026-05-12T00:00:00+09:00', triggerAt: '2026-04-20T09:00:00+09:00' });
    expect(d.extendedBy).toBeUndefined();
  });

  it('a reopened request withdrawn in its turn stops the clock again', () => {
    const events = [
      requested,
      ev('committee_request_withdrawn', '2026-04-12T09:00:00+09:00'),
      ev('committee_requested', '2026-04-20T09:00:00+09:00'),
      ev('committee_request_withdrawn', '2026-04-22T09:00:00+09:00'),
    ];
    expect(get(run({ events }), 'committee_meeting').status).toBe('not_applicable');
  });
});

describe('police_report after recategorisation (아청법 34)', () => {
  const change = (at: string, categories: string[]) => ev('categories_changed', at, { categories });

  it('runs 24 h from the categories_changed that made the case sexual', () => {
    const d = get(
      run({ events: [change('2026-03-05T10:00:00+09:00', ['physical', 'digital_sex_offence'])], now: '2026-03-05T12:00:00+09:00' }),
      'police_report',
    );
    expect(d).toMatchObject({ status: 'pending', dueAt: '2026-03-06T10:00:00+09:00', triggerAt: '2026-03-05T10:00:00+09:00' });
  });

  it('runs from the report when the case was sexual at the report, and a later change away from it changes nothing', () => {
    const d = get(
      run({ categories: ['sexual_violence'], events: [change('2026-03-02T20:00:00+09:00', ['physical'])], now: '2026-03-04T00:00:00+09:00' }),
      'police_report',
    );
    expect(d).toMatchObject({ status: 'breached', dueAt: '2026-03-03T10:00:00+09:00' });
  });

  it('stays not_applicable when the categories change to others that are not sexual', () => {
    expect(get(run({ events: [change('2026-03-05T10:00:00+09:00', ['verbal', 'cyberbullying'])] }), 'police_report').status).toBe('not_applicable');
  });

  it('takes the first change that made the case sexual, not a later one', () => {
    const events = [
      change('2026-03-08T10:00:00+09:00', ['sexual_violence']),
      change('2026-03-06T10:00:00+09:00', ['physical']),
      change('2026-03-05T10:00:00+09:00', ['sexual_violence']),
    ];
    expect(get(run({ events }), 'police_report').triggerAt).toBe('2026-03-05T10:00:00+09:00');
  });

  it('a police_reported before the case became sexual does not meet the new duty', () => {
    const events = [ev('police_reported', '2026-03-03T10:00:00+09:00'), change('2026-03-05T10:00:00+09:00', ['sexual_violence'])];
    expect(get(run({ events, now: '2026-03-07T00:00:00+09:00' }), 'police_report').status).toBe('breached');
    const met = get(run({ events: [...events, ev('police_reported', '2026-03-05T18:00:00+09:00')] }), 'police_report');
    expect(met).toMatchObject({ status: 'met', metAt: '2026-03-05T18:00:00+09:00' });
  });

  it('a change dated before the report counts from the report', () => {
    expect(get(run({ events: [change('2026-03-01T10:00:00+09:00', ['digital_sex_offence'])] }), 'police_report').triggerAt).toBe(R);
  });

  it('a categories_changed without a category list is ignored, never an error', () => {
    expect(
      get(
        run({
          events: [
            ev('categories_changed', '2026-03-05T10:00:00+09:00'),
            ev('categories_changed', '2026-03-05T11:00:00+09:00', { categories: 'sexual_violence' }),
          ],
        }),
        'police_report',
      ).status,
    ).toBe('not_applicable');
  });
});

describe('appeals and stays of execution (행정심판법 30①, 행정소송법 23①)', () => {
  const decision = ev('decision_made', '2026-05-04T10:00:00+09:00', { perpetratorMeasures: [2, 8], victimMeasures: [1] });
  const notified = ev('disposition_notified', '2026-05-06T10:00:00+09:00');
  const base = [decision, notified];
  const appeal = ev('appeal_filed', '2026-05-07T10:00:00+09:00', { side: 'perpetrator', kind: 'administrative_appeal' });

  it('appeal_filed changes no clock', () => {
    for (const now of ['2026-05-07T12:00:00+09:00', '2026-05-20T00:00:00+09:00', '2026-09-01T00:00:00+09:00']) {
      expect(run({ events: [...base, appeal], now })).toEqual(run({ events: base, now }));
    }
  });

  it('a stay covering measure 8 before the transfer request suspends transfer_request, with dueAt null', () => {
    const d = get(run({ events: [...base, appeal, ev('stay_granted', '2026-05-08T10:00:00+09:00')], now: '2026-05-20T00:00:00+09:00' }), 'transfer_request');
    expect(d).toEqual({
      key: 'transfer_request',
      status: 'suspended',
      dueAt: null,
      basis: expect.any(String),
      unit: 'days',
      triggerAt: '2026-05-06T10:00:00+09:00',
      suspendedSince: '2026-05-08T10:00:00+09:00',
    });
  });

  it('a stay naming measure 8 suspends it; a stay of other measures only does not', () => {
    const at = '2026-05-08T10:00:00+09:00';
    const now = '2026-05-20T00:00:00+09:00';
    expect(get(run({ events: [...base, ev('stay_granted', at, { measures: [6, 8] })], now }), 'transfer_request').status).toBe('suspended');
    expect(get(run({ events: [...base, ev('stay_granted', at, { measures: [2] })], now }), 'transfer_request')).toMatchObject({
      status: 'breached',
      dueAt: '2026-05-14T00:00:00+09:00',
    });
  });

  it('a stay suspends only the transfer: the other clocks of the decision keep running', () => {
    const ds = run({ events: [...base, ev('stay_granted', '2026-05-08T10:00:00+09:00')], now: '2026-05-20T00:00:00+09:00' });
    expect(get(ds, 'victim_measures').status).toBe('breached');
    expect(get(ds, 'appeal_window').status).toBe('open');
  });

  it('after stay_lifted the 7 days run afresh from the lift instant', () => {
    const events = [...base, ev('stay_granted', '2026-05-08T10:00:00+09:00'), ev('stay_lifted', '2026-05-20T10:00:00+09:00')];
    expect(get(run({ events, now: '2026-05-21T00:00:00+09:00' }), 'transfer_request')).toMatchObject({
      status: 'pending',
      dueAt: '2026-05-28T00:00:00+09:00',
      triggerAt: '2026-05-20T10:00:00+09:00',
    });
    expect(get(run({ events: [...events, ev('transfer_requested', '2026-05-26T10:00:00+09:00')] }), 'transfer_request').status).toBe('met');
    expect(get(run({ events: [...events, ev('transfer_requested', '2026-05-28T10:00:00+09:00')] }), 'transfer_request').status).toBe('met_late');
  });

  it('runs afresh from the last lift when a stay is granted and lifted twice', () => {
    const events = [
      ...base,
      ev('stay_granted', '2026-05-08T10:00:00+09:00'),
      ev('stay_lifted', '2026-05-20T10:00:00+09:00'),
      ev('stay_granted', '2026-05-22T10:00:00+09:00'),
    ];
    expect(get(run({ events, now: '2026-06-01T00:00:00+09:00' }), 'transfer_request')).toMatchObject({
      status: 'suspended',
      suspendedSince: '2026-05-22T10:00:00+09:00',
    });
    const lifted = get(run({ events: [...events, ev('stay_lifted', '2026-06-02T10:00:00+09:00')], now: '2026-06-03T00:00:00+09:00' }), 'transfer_request');
    expect(lifted).toMatchObject({ status: 'pending', triggerAt: '2026-06-02T10:00:00+09:00', dueAt: '2026-06-10T00:00:00+09:00' });
  });

  it('a lift and a new stay at one instant leave the transfer suspended', () => {
    const at = '2026-05-20T10:00:00+09:00';
    const events = [...base, ev('stay_granted', '2026-05-08T10:00:00+09:00'), ev('stay_granted', at), ev('stay_lifted', at)];
    expect(get(run({ events, now: '2026-06-01T00:00:00+09:00' }), 'transfer_request')).toMatchObject({ status: 'suspended', suspendedSince: at });
  });

  it('a lift with no stay of the transfer in force does not restart its period', () => {
    const events = [...base, ev('stay_granted', '2026-05-08T10:00:00+09:00', { measures: [2] }), ev('stay_lifted', '2026-05-12T10:00:00+09:00')];
    expect(get(run({ events }), 'transfer_request')).toMatchObject({ triggerAt: '2026-05-06T10:00:00+09:00', dueAt: '2026-05-14T00:00:00+09:00' });
  });

  it('a request made before the stay is met and the later stay changes nothing', () => {
    const events = [...base, ev('transfer_requested', '2026-05-08T09:00:00+09:00'), ev('stay_granted', '2026-05-10T10:00:00+09:00')];
    expect(get(run({ events }), 'transfer_request')).toMatchObject({ status: 'met', dueAt: '2026-05-14T00:00:00+09:00', metAt: '2026-05-08T09:00:00+09:00' });
  });

  it('a suspended clock is not offered as the next deadline', () => {
    const ds = run({
      events: [
        ev('guardians_notified', '2026-03-02T11:00:00+09:00'),
        ev('office_reported', '2026-03-02T11:00:00+09:00'),
        ev('separation_exempted', '2026-03-02T11:00:00+09:00', { reason: 'victim_declined' }),
        ev('self_resolved', '2026-03-02T12:00:00+09:00'),
        ev('decision_made', '2026-05-04T10:00:00+09:00', { perpetratorMeasures: [8], victimMeasures: [] }),
        ev('disposition_notified', '2026-05-04T11:00:00+09:00'),
        ev('stay_granted', '2026-05-05T10:00:00+09:00'),
      ],
      now: '2026-05-20T00:00:00+09:00',
    });
    expect(get(ds, 'transfer_request').status).toBe('suspended');
    expect(nextDeadline(ds)).toBeNull();
  });
});

describe('order independence (events sorted by at)', () => {
  it('gives the same result for every arrangement of a case with separations, withdrawals, recategorisation and stays', () => {
    const events: CaseEvent[] = [
      ev('separation_started', '2026-03-02T15:00:00+09:00'),
      ev('separation_ended', '2026-03-04T09:00:00+09:00'),
      ev('separation_started', '2026-03-04T09:00:00+09:00'),
      ev('categories_changed', '2026-03-05T10:00:00+09:00', { categories: ['sexual_violence'] }),
      ev('office_reported', '2026-03-03T09:00:00+09:00'),
      ev('investigation_extended', '2026-03-19T09:00:00+09:00'),
      ev('committee_requested', '2026-04-01T09:00:00+09:00'),
      ev('committee_request_withdrawn', '2026-04-01T09:00:00+09:00'),
      ev('committee_requested', '2026-04-20T09:00:00+09:00'),
      ev('decision_made', '2026-05-04T10:00:00+09:00', { perpetratorMeasures: [8], victimMeasures: [] }),
      ev('disposition_notified', '2026-05-06T10:00:00+09:00'),
      ev('stay_granted', '2026-05-08T10:00:00+09:00'),
      ev('stay_lifted', '2026-05-08T10:00:00+09:00'),
      ev('stay_granted', '2026-05-08T10:00:00+09:00', { measures: [8] }),
    ];
    const expected = run({ events, now: '2026-06-01T00:00:00+09:00' });
    const rotations = events.map((_, i) => [...events.slice(i), ...events.slice(0, i)]);
    for (const arrangement of [[...events].reverse(), ...rotations]) {
      expect(run({ events: arrangement, now: '2026-06-01T00:00:00+09:00' })).toEqual(expected);
    }
  });
});

describe('extensionRefusal / extensionAllowed (for services refusing late extensions)', () => {
  const input = (events: CaseEvent[]) => ({ jurisdiction: 'KR' as const, reportedAt: R, categories: ['physical' as const], events, calendar: NO_HOLIDAYS });
  const requested = ev('committee_requested', '2026-04-01T09:00:00+09:00');
  const office = ev('office_reported', '2026-03-03T09:00:00+09:00');

  it('allows a committee extension from the last request up to the 21-day dueAt, and refuses it after (past_due)', () => {
    expect(extensionRefusal(input([requested]), 'committee_meeting', '2026-04-15T09:00:00+09:00')).toBeNull();
    expect(extensionAllowed(input([requested]), 'committee_meeting', '2026-04-23T00:00:00+09:00')).toBe(true);
    expect(extensionRefusal(input([requested]), 'committee_meeting', '2026-04-23T00:00:00.001+09:00')).toBe('past_due');
    expect(extensionAllowed(input([requested]), 'committee_meeting', '2026-04-25T09:00:00+09:00')).toBe(false);
  });

  it('refuses an investigation extension after day 14', () => {
    expect(extensionRefusal(input([office]), 'investigation', '2026-03-17T09:00:00+09:00')).toBeNull();
    expect(extensionRefusal(input([office]), 'investigation', '2026-03-19T09:00:00+09:00')).toBe('past_due');
  });

  it('refuses a second extension, one after the meeting event, one before the trigger and one for a clock that does not run', () => {
    expect(extensionRefusal(input([requested, ev('committee_extended', '2026-04-10T09:00:00+09:00')]), 'committee_meeting', '2026-04-15T09:00:00+09:00')).toBe(
      'already_extended',
    );
    expect(extensionRefusal(input([requested, ev('hearing_held', '2026-04-10T09:00:00+09:00')]), 'committee_meeting', '2026-04-15T09:00:00+09:00')).toBe(
      'already_met',
    );
    expect(extensionRefusal(input([requested]), 'committee_meeting', '2026-03-31T09:00:00+09:00')).toBe('before_trigger');
    expect(extensionRefusal(input([]), 'committee_meeting', '2026-04-15T09:00:00+09:00')).toBe('not_applicable');
    expect(
      extensionRefusal(input([requested, ev('committee_request_withdrawn', '2026-04-05T09:00:00+09:00')]), 'committee_meeting', '2026-04-15T09:00:00+09:00'),
    ).toBe('not_applicable');
  });

  it('counts a reopened request as the trigger, so its own 21 days bound the extension', () => {
    const reopened = [requested, ev('committee_request_withdrawn', '2026-04-05T09:00:00+09:00'), ev('committee_requested', '2026-04-20T09:00:00+09:00')];
    expect(extensionRefusal(input(reopened), 'committee_meeting', '2026-05-08T09:00:00+09:00')).toBeNull();
    expect(extensionRefusal(input(reopened), 'committee_meeting', '2026-04-10T09:00:00+09:00')).toBe('before_trigger');
  });

  it('refuses keys without an extension, and honours a rulebook that removes one', () => {
    expect(extensionRefusal(input([]), 'guardian_notice', R)).toBe('no_extension');
    const noExtension = { ...input([office]), rulebook: { deadlines: { investigation: { extensionDays: 0 } } } };
    expect(extensionRefusal(noExtension, 'investigation', '2026-03-10T09:00:00+09:00')).toBe('no_extension');
  });
});
