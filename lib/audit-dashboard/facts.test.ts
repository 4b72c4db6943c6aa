import { describe, expect, it } from 'vitest';
import { computeDeadlines, type Deadline } from '@/lib/rules';
import { caseFacts, committeeExtensionCode, deadlineRows, kstMonthOf } from './facts';

const kst = (s: string) => `${s}+09:00`;
const REPORT = kst('2026-03-02T10:00:00');

function clocks(events: { type: string; at: string; data?: Record<string, unknown> }[], categories: string[], now: string): Deadline[] {
  return computeDeadlines({
    jurisdiction: 'KR',
    reportedAt: REPORT,
    categories: categories as never,
    events: events.map((e) => ({ type: e.type as never, at: kst(e.at), ...(e.data ? { data: e.data } : {}) })),
    now: kst(now),
    calendar: { holidays: [] },
  });
}

describe('case facts', () => {
  const events = [
    { id: 1, type: 'guardians_notified', at: '2026-03-02T11:00:00' },
    { id: 2, type: 'office_reported', at: '2026-03-05T11:00:00' },
    { id: 3, type: 'separation_exempted', at: '2026-03-02T12:00:00', data: { reason: 'already_separated' } },
    { id: 4, type: 'police_reported', at: '2026-03-02T13:00:00' },
    { id: 5, type: 'emergency_measure_taken', at: '2026-03-03T09:00:00', data: { measure: 'class_change' } },
    { id: 6, type: 'committee_requested', at: '2026-03-10T09:00:00' },
    { id: 7, type: 'committee_extended', at: '2026-03-20T09:00:00', data: { reason: 'party_request' } },
    { id: 8, type: 'hearing_held', at: '2026-04-20T09:00:00' },
    { id: 9, type: 'decision_made', at: '2026-04-20T12:00:00', data: { perpetratorMeasures: [1, 2, 7], victimMeasures: [1] } },
    { id: 10, type: 'appeal_filed', at: '2026-05-20T12:00:00', data: { side: 'perpetrator', kind: 'administrative_appeal' } },
    { id: 11, type: 'stay_granted', at: '2026-05-22T12:00:00' },
    { id: 12, type: 'appeal_decided', at: '2026-06-22T12:00:00', data: { outcome: 'upheld' } },
  ];
  const now = '2026-07-01T09:00:00';
  const deadlines = clocks(events, ['digital_sex_offence', 'cyberbullying'], now);
  const facts = caseFacts({
    reportedAt: REPORT,
    categories: ['digital_sex_offence', 'cyberbullying'],
    events: events.map((e) => ({ id: e.id, type: e.type, occurredAt: kst(e.at), ...(e.data ? { data: e.data } : {}) })),
    deadlines,
    decisions: [
      { measures: [1, 2, 7], notSchoolViolence: false, ratification: { '5': { ratified: true } } },
      { measures: [], notSchoolViolence: true, ratification: null },
    ],
    victimMeasures: [[1], []],
    now: new Date(kst(now)),
  });
  const c = facts.counts;

  it('counts the clocks of task and cap keys, not the appeal window', () => {
    const applicable = deadlines.filter((d) => d.status !== 'not_applicable' && d.key !== 'appeal_window');
    expect(c.clocks).toBe(applicable.length);
    expect(c.clocks_met + c.clocks_met_late + c.clocks_unmet).toBe(c.clocks);
    expect(c.clocks_met_late).toBe(deadlines.filter((d) => d.status === 'met_late').length);
  });

  it('a transfer clock held by a stay is counted neither as met nor as missed', () => {
    const stayed = [
      { type: 'decision_made', at: '2026-04-20T12:00:00', data: { perpetratorMeasures: [8], victimMeasures: [] } },
      { type: 'disposition_notified', at: '2026-04-22T12:00:00' },
      { type: 'appeal_filed', at: '2026-04-23T12:00:00', data: { side: 'perpetrator', kind: 'lawsuit' } },
      { type: 'stay_granted', at: '2026-04-24T12:00:00' },
    ];
    const held = clocks(stayed, ['physical'], '2026-06-01T09:00:00');
    expect(held.find((d) => d.key === 'transfer_request')?.status).toBe('suspended');
    const counts = caseFacts({
      reportedAt: REPORT,
      categories: ['physical'],
      events: stayed.map((e) => ({ type: e.type, occurredAt: kst(e.at), data: e.data ?? {} })),
      deadlines: held,
      decisions: [{ measures: [8], notSchoolViolence: false, ratification: null }],
      victimMeasures: [],
      now: new Date(kst('2026-06-01T09:00:00')),
    }).counts;
    expect(counts.clocks).toBe(held.filter((d) => !['not_applicable', 'suspended', 'open', 'closed'].includes(d.status)).length);
    expect(counts.clocks_unmet).toBe(held.filter((d) => d.status === 'breached' || d.status === 'pending' || d.status === 'due_soon').length);
  });

  it('reads categories, the police report and the committee path', () => {
    expect([c.cat_digital_sex_offence, c.cat_cyberbullying, c.cat_physical]).toEqual([1, 1, 0]);
    expect([c.sexual_cases, c.sexual_police_reported, c.dso_police_reported]).toEqual([1, 1, 1]);
    expect([c.self_resolved, c.committee_requested, c.deliberated, c.decided]).toEqual([0, 1, 1, 1]);
  });

  it('counts measures per student and per victim, and the emergency measure ratified on its decision', () => {
    expect([c.perpetrators_decided, c.committee_not_violence, c.pm1, c.pm2, c.pm7, c.pm8]).toEqual([2, 1, 1, 1, 1, 0]);
    expect([c.victims_with_measures, c.vm1, c.vm2]).toEqual([1, 1, 0]);
    expect([c.emergency_class_change, c.emergency_suspension, c.emergency_ratified, c.emergency_not_ratified]).toEqual([1, 0, 1, 0]);
  });

  it('counts appeals by side and kind, stays and outcomes', () => {
    expect([c.appeals_perpetrator, c.appeals_victim, c.appeals_administrative, c.stays_granted, c.appeals_upheld]).toEqual([1, 0, 1, 1, 1]);
  });

  it('records delay causes by reason code', () => {
    expect([c.separation_exempted, c.exemption_already_separated, c.committee_extended, c.committee_ext_party_request, c.investigation_extended]).toEqual([
      1, 1, 1, 1, 0,
    ]);
    expect(committeeExtensionCode({ reasonCode: 'member_shortage' })).toBe('member_shortage');
    expect(committeeExtensionCode({ reason: '자유 서술' })).toBe('unspecified');
  });

  it('a self-resolution stands only until the case is reopened', () => {
    const base = { reportedAt: REPORT, categories: ['verbal'], deadlines: [], decisions: [], victimMeasures: [], now: new Date(kst(now)) };
    expect(caseFacts({ ...base, events: [{ type: 'self_resolved', occurredAt: kst('2026-03-05T10:00:00') }] }).counts.self_resolved).toBe(1);
    expect(
      caseFacts({
        ...base,
        events: [
          { type: 'self_resolved', occurredAt: kst('2026-03-05T10:00:00') },
          { type: 'committee_requested', occurredAt: kst('2026-03-09T10:00:00') },
        ],
      }).counts.self_resolved,
    ).toBe(0);
  });

  it('stores one row per applicable key, with elapsed hours from trigger to meeting event', () => {
    const rows = deadlineRows(deadlines);
    expect(rows.map((r) => r.key)).toEqual(deadlines.filter((d) => d.status !== 'not_applicable').map((d) => d.key));
    expect(rows.find((r) => r.key === 'guardian_notice')?.elapsedHours).toBe(1);
    expect(rows.find((r) => r.key === 'office_report')?.elapsedHours).toBe(73);
    expect(kstMonthOf('2026-02-28T16:00:00Z')).toBe('2026-03-01');
  });
});
