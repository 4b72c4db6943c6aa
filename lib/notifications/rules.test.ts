import { describe, expect, it } from 'vitest';
import { computeDeadlines, EVENT_TYPES, type Category, type CaseEvent, type Deadline } from '@/lib/rules';
import type { Grant } from '@/lib/auth/roles';
import { caseNotices, dedupeKey, planNotifications, recipientsFor, separationGapNotice, type NoticeCase, type NoticeEvent, type Person } from './rules';

const REPORTED = '2026-03-02T10:00:00+09:00';

function clocks(events: CaseEvent[], now: string, categories: Category[] = ['physical']): Deadline[] {
  return computeDeadlines({ jurisdiction: 'KR', reportedAt: REPORTED, categories, events, now, calendar: { holidays: [] } });
}

const asNoticeEvents = (events: CaseEvent[]): NoticeEvent[] => events.map((e) => ({ type: e.type, occurredAt: e.at, ...(e.data ? { data: e.data } : {}) }));

const SCHOOL = 'school-a';
const OFFICE = 'office-x';
const theCase: NoticeCase = { id: 'case-1', caseNumber: '강남서초-2026-0003', schoolId: SCHOOL, officeId: OFFICE, restricted: false, teamUserIds: ['u-staff'] };

const person = (userId: string, ...grants: Grant[]): Person => ({ userId, email: `${userId}@school.test`, grants });
const PEOPLE: Person[] = [
  person('u-staff', { role: 'school_staff', schoolId: SCHOOL, officeId: null }),
  person('u-staff2', { role: 'school_staff', schoolId: SCHOOL, officeId: null }),
  person('u-head', { role: 'school_head', schoolId: SCHOOL, officeId: null }),
  person('u-other-staff', { role: 'school_staff', schoolId: 'school-b', officeId: null }),
  person('u-other-head', { role: 'school_head', schoolId: 'school-b', officeId: null }),
  person('u-investigator', { role: 'investigator', schoolId: null, officeId: OFFICE }),
  person('u-secretary', { role: 'committee_secretary', schoolId: null, officeId: OFFICE }),
  person('u-member', { role: 'committee_member', schoolId: null, officeId: OFFICE }),
  person('u-auditor', { role: 'office_auditor', schoolId: null, officeId: OFFICE }),
  person('u-admin', { role: 'admin', schoolId: null, officeId: null }),
  person('u-other-investigator', { role: 'investigator', schoolId: null, officeId: 'office-y' }),
];
const ids = (people: Person[]) => people.map((p) => p.userId).sort();

describe('deadline notices', () => {
  it('a clock past its due time gives a breached notice, for every breached key', () => {
    const notices = caseNotices(clocks([], '2026-03-04T11:00:00+09:00'), [], new Date('2026-03-04T11:00:00+09:00'));
    expect(notices).toContainEqual({ kind: 'deadline_breached', key: 'office_report', dueAt: '2026-03-04T10:00:00+09:00', audience: 'case_team' });
    expect(notices.map((n) => n.key).sort()).toEqual(['guardian_notice', 'office_report', 'separation_start']);
    expect(notices.every((n) => n.kind === 'deadline_breached')).toBe(true);
  });

  it('a clock with under 12 hours left gives a due-soon notice', () => {
    const now = '2026-03-03T23:00:00+09:00';
    const notices = caseNotices(
      clocks(
        [
          { type: 'guardians_notified', at: '2026-03-02T11:00:00+09:00' },
          { type: 'separation_started', at: '2026-03-02T12:00:00+09:00' },
        ],
        now,
      ),
      [],
      new Date(now),
    );
    expect(notices).toEqual([{ kind: 'deadline_due_soon', key: 'office_report', dueAt: '2026-03-04T10:00:00+09:00', audience: 'case_team' }]);
  });

  it('met, pending, window and not-applicable clocks give no notice', () => {
    const events: CaseEvent[] = [
      { type: 'guardians_notified', at: '2026-03-02T11:00:00+09:00' },
      { type: 'office_reported', at: '2026-03-02T12:00:00+09:00' },
      { type: 'separation_started', at: '2026-03-02T12:00:00+09:00' },
    ];
    const now = '2026-03-02T13:00:00+09:00';
    expect(caseNotices(clocks(events, now), asNoticeEvents(events), new Date(now))).toEqual([]);
  });
});

describe('the separation gap', () => {
  // Started Monday 15:00; the 7-day cap counts the start day, so it ends at 24:00 on Sunday 03-08.
  const started: NoticeEvent = { type: 'separation_started', occurredAt: '2026-03-02T15:00:00+09:00' };
  // The clocks see only the events the rules know, as lib/cases/deadlines.ts feeds them.
  const contract = (events: NoticeEvent[]): CaseEvent[] =>
    events.flatMap((e) => ((EVENT_TYPES as readonly string[]).includes(e.type) ? [{ type: e.type as CaseEvent['type'], at: String(e.occurredAt) }] : []));
  const gapAt = (extra: NoticeEvent[], now: string) => {
    const events = [started, ...extra];
    return separationGapNotice(clocks(contract(events), now), events, new Date(now));
  };

  it('a separation ending tomorrow with no follow-up protection is flagged to the school head', () => {
    expect(gapAt([], '2026-03-07T12:00:00+09:00')).toEqual({
      kind: 'separation_gap',
      key: 'separation_limit',
      dueAt: '2026-03-09T00:00:00+09:00',
      audience: 'school_head',
    });
  });

  it('"tomorrow" is the whole day before the last day, and only that day', () => {
    expect(gapAt([], '2026-03-07T00:00:00+09:00')).not.toBeNull();
    expect(gapAt([], '2026-03-07T23:59:00+09:00')).not.toBeNull();
    expect(gapAt([], '2026-03-06T23:59:00+09:00')).toBeNull();
    expect(gapAt([], '2026-03-08T00:00:00+09:00')).toBeNull();
  });

  it('an emergency measure, an approved separation request or victim measures close the gap', () => {
    const now = '2026-03-07T12:00:00+09:00';
    expect(gapAt([{ type: 'emergency_measure_taken', occurredAt: '2026-03-05T10:00:00+09:00', data: { measure: 'class_change' } }], now)).toBeNull();
    expect(gapAt([{ type: 'separation_request_reviewed', occurredAt: '2026-03-05T10:00:00+09:00', data: { decision: 'approved' } }], now)).toBeNull();
    expect(gapAt([{ type: 'victim_measures_taken', occurredAt: '2026-03-05T10:00:00+09:00' }], now)).toBeNull();
  });

  it('a rejected separation request is no protection', () => {
    const rejected = { type: 'separation_request_reviewed', occurredAt: '2026-03-05T10:00:00+09:00', data: { decision: 'rejected' } };
    expect(gapAt([rejected], '2026-03-07T12:00:00+09:00')).not.toBeNull();
  });

  it('a separation already ended leaves no gap to flag; one restarted after ending does', () => {
    const now = '2026-03-07T12:00:00+09:00';
    const ended: NoticeEvent = { type: 'separation_ended', occurredAt: '2026-03-04T10:00:00+09:00' };
    expect(gapAt([ended], now)).toBeNull();
    expect(gapAt([ended, { type: 'separation_started', occurredAt: '2026-03-05T10:00:00+09:00' }], now)).not.toBeNull();
  });

  it('the gap notice goes out next to the ordinary clock notices', () => {
    const now = '2026-03-07T12:00:00+09:00';
    const events: NoticeEvent[] = [
      started,
      { type: 'guardians_notified', occurredAt: '2026-03-02T11:00:00+09:00' },
      { type: 'office_reported', occurredAt: '2026-03-02T12:00:00+09:00' },
    ];
    const kinds = caseNotices(clocks(contract(events), now), events, new Date(now)).map((n) => `${n.kind}:${n.key}`);
    expect(kinds).toEqual(['deadline_due_soon:separation_limit', 'separation_gap:separation_limit']);
  });
});

describe('recipients', () => {
  it("case notices reach the school's staff and head and the office's investigator and secretary, nobody else", () => {
    expect(ids(recipientsFor(theCase, PEOPLE, 'case_team'))).toEqual(['u-head', 'u-investigator', 'u-secretary', 'u-staff', 'u-staff2']);
  });

  it('the separation gap reaches only the head of the case’s school', () => {
    expect(ids(recipientsFor(theCase, PEOPLE, 'school_head'))).toEqual(['u-head']);
  });

  it('a restricted case reaches only its named team: not other staff of the school, not the secretary before the request', () => {
    const restricted = { ...theCase, restricted: true, teamUserIds: ['u-staff', 'u-head', 'u-investigator', 'u-admin', 'u-auditor'] };
    expect(ids(recipientsFor(restricted, PEOPLE, 'case_team'))).toEqual(['u-head', 'u-investigator', 'u-staff']);
    expect(ids(recipientsFor({ ...restricted, teamUserIds: [...restricted.teamUserIds, 'u-secretary'] }, PEOPLE, 'case_team'))).toEqual([
      'u-head',
      'u-investigator',
      'u-secretary',
      'u-staff',
    ]);
  });

  it('a person holding two notified roles is told once', () => {
    const both = person('u-both', { role: 'school_staff', schoolId: SCHOOL, officeId: null }, { role: 'school_head', schoolId: SCHOOL, officeId: null });
    expect(ids(recipientsFor(theCase, [both, both], 'case_team'))).toEqual(['u-both']);
  });
});

describe('planning and dedupe keys', () => {
  const now = new Date('2026-03-04T11:00:00+09:00');
  const deadlines = clocks([], '2026-03-04T11:00:00+09:00');
  const plan = () => planNotifications({ case: theCase, deadlines, events: [], people: PEOPLE }, now);

  it('each recipient gets each notice once, with the case number, key and due time', () => {
    const planned = plan();
    expect(planned).toHaveLength(3 * 5);
    expect(new Set(planned.map((p) => p.dedupeKey)).size).toBe(planned.length);
    expect(planned.find((p) => p.userId === 'u-head' && p.params.key === 'office_report')).toMatchObject({
      kind: 'deadline_breached',
      email: 'u-head@school.test',
      params: { caseNumber: '강남서초-2026-0003', key: 'office_report', dueAt: '2026-03-04T10:00:00+09:00' },
    });
  });

  it('the same notice planned again has the same key; a moved due time is a new notice', () => {
    expect(plan().map((p) => p.dedupeKey)).toEqual(plan().map((p) => p.dedupeKey));
    const base = { userId: 'u', caseId: 'c', kind: 'deadline_due_soon', key: 'investigation' } as const;
    expect(dedupeKey({ ...base, dueAt: '2026-03-17T00:00:00+09:00' })).not.toBe(dedupeKey({ ...base, dueAt: '2026-03-24T00:00:00+09:00' }));
    expect(dedupeKey({ ...base, dueAt: '2026-03-17T00:00:00+09:00' })).not.toBe(
      dedupeKey({ ...base, kind: 'deadline_breached', dueAt: '2026-03-17T00:00:00+09:00' }),
    );
  });
});
