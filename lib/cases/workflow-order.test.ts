import { describe, expect, it } from 'vitest';
import type { Actor, Role } from '@/lib/auth/roles';
import { DomainError } from '@/lib/errors';
import type { CaseStatus } from './constants';
import { applyAction, type CaseActionInput, type CaseSnapshot } from './workflow';

const SCHOOL = 'school-1';
const OFFICE = 'office-1';

function actor(role: Role): Actor {
  const school = role === 'school_staff' || role === 'school_head';
  return { userId: role, name: role, email: `${role}@x`, grants: [{ role, schoolId: school ? SCHOOL : null, officeId: school ? null : OFFICE }] };
}

const secretary = actor('committee_secretary');
const now = new Date('2026-06-01T00:00:00.000Z');

function snapshot(status: CaseStatus, events: { type: string; occurredAt: string; data?: Record<string, unknown> }[]): CaseSnapshot {
  return { id: 'c1', status, schoolId: SCHOOL, officeId: OFFICE, reportedAt: '2026-03-02T01:00:00.000Z', categories: ['physical'], events };
}

/** The refusal `applyAction` throws, or null when the table takes the step. */
function verdict(c: CaseSnapshot, input: CaseActionInput, by: Actor = secretary): DomainError | null {
  try {
    applyAction(c, input, by, now);
    return null;
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
}

const at = (day: string) => `2026-${day}:00.000Z`;

describe('the workflow table keeps the chronology in order', () => {
  it('a case cannot be reopened before it was self-resolved', () => {
    const c = snapshot('self_resolved', [{ type: 'self_resolved', occurredAt: at('04-10T05:00') }]);
    const reopen = (occurredAt: string): CaseActionInput => ({ type: 'reopen_case', occurredAt, route: 'reopened' });
    expect(verdict(c, reopen(at('04-10T04:59')), actor('school_head'))).toMatchObject({
      code: 'invalid_input',
      fieldErrors: { occurredAt: ['beforeSelfResolution'] },
    });
    expect(verdict(c, reopen(at('04-10T05:00')), actor('school_head'))).toBeNull();
  });

  it('a hearing cannot be scheduled for a date before the committee was requested', () => {
    const c = snapshot('committee_requested', [{ type: 'committee_requested', occurredAt: at('04-10T05:00') }]);
    const schedule = (scheduledAt: string): CaseActionInput => ({ type: 'schedule_hearing', occurredAt: at('04-11T00:00'), scheduledAt, location: 'room' });
    expect(verdict(c, schedule(at('04-09T05:00')))).toMatchObject({ code: 'invalid_input', fieldErrors: { scheduledAt: ['beforeRequest'] } });
    expect(verdict(c, schedule(at('04-20T05:00')))).toBeNull();
  });

  it('a hearing cannot be recorded as held before the committee was requested', () => {
    const c = snapshot('hearing_scheduled', [
      { type: 'committee_requested', occurredAt: at('04-10T05:00') },
      { type: 'hearing_scheduled', occurredAt: at('04-11T00:00') },
    ]);
    expect(verdict(c, { type: 'record_hearing', occurredAt: at('04-10T04:00') })).toMatchObject({
      code: 'invalid_input',
      fieldErrors: { occurredAt: ['beforeRequest'] },
    });
    expect(verdict(c, { type: 'record_hearing', occurredAt: at('04-20T05:00') })).toBeNull();
  });

  it('a decision cannot be dated before the hearing', () => {
    const c = snapshot('hearing_scheduled', [
      { type: 'committee_requested', occurredAt: at('04-10T05:00') },
      { type: 'hearing_held', occurredAt: at('04-20T05:00') },
    ]);
    expect(verdict(c, { type: 'record_decision', occurredAt: at('04-20T04:00') })).toMatchObject({
      code: 'invalid_input',
      fieldErrors: { occurredAt: ['beforeHearing'] },
    });
    expect(verdict(c, { type: 'record_decision', occurredAt: at('04-20T06:00') })).toBeNull();
  });

  it('a disposition notice cannot be dated before the decision', () => {
    const c = snapshot('decided', [{ type: 'decision_made', occurredAt: at('04-21T05:00') }]);
    const notice = (occurredAt: string): CaseActionInput => ({ type: 'record_disposition_notice', occurredAt, recipientPartyIds: ['p1'], method: 'post' });
    expect(verdict(c, notice(at('04-21T04:00')))).toMatchObject({ code: 'invalid_input', fieldErrors: { occurredAt: ['beforeDecision'] } });
    expect(verdict(c, notice(at('04-22T05:00')))).toBeNull();
  });

  it('an appeal cannot be filed before the disposition notice', () => {
    const c = snapshot('in_execution', [{ type: 'disposition_notified', occurredAt: at('04-22T05:00') }]);
    const appeal = (occurredAt: string): CaseActionInput => ({
      type: 'file_appeal',
      occurredAt,
      appealId: 'a1',
      side: 'perpetrator',
      kind: 'administrative_appeal',
      body: 'board',
    });
    expect(verdict(c, appeal(at('04-22T04:00')))).toMatchObject({ code: 'invalid_input', fieldErrors: { occurredAt: ['beforeDisposition'] } });
    expect(verdict(c, appeal(at('04-23T05:00')))).toBeNull();
  });

  it('the victim cannot be told of an appeal, a stay granted or an outcome recorded before that appeal was filed', () => {
    const c = snapshot('appeal_pending', [
      { type: 'appeal_filed', occurredAt: at('04-20T05:00'), data: { appealId: 'other' } },
      { type: 'appeal_filed', occurredAt: at('04-25T05:00'), data: { appealId: 'a1' } },
    ]);
    for (const type of ['notify_victim_of_appeal', 'grant_stay', 'record_appeal_outcome'] as const) {
      expect(verdict(c, { type, occurredAt: at('04-24T05:00'), appealId: 'a1' })).toMatchObject({
        code: 'invalid_input',
        fieldErrors: { occurredAt: ['beforeAppeal'] },
      });
      // The other appeal, filed earlier, is measured against its own filing.
      expect(verdict(c, { type, occurredAt: at('04-24T05:00'), appealId: 'other' })).toBeNull();
    }
  });

  it('a stay cannot be lifted before it was granted', () => {
    const c = snapshot('appeal_pending', [
      { type: 'appeal_filed', occurredAt: at('04-25T05:00'), data: { appealId: 'a1' } },
      { type: 'stay_granted', occurredAt: at('04-26T05:00'), data: { appealId: 'a1' } },
    ]);
    expect(verdict(c, { type: 'lift_stay', occurredAt: at('04-26T04:00'), appealId: 'a1' })).toMatchObject({
      code: 'invalid_input',
      fieldErrors: { occurredAt: ['beforeStay'] },
    });
    expect(verdict(c, { type: 'lift_stay', occurredAt: at('04-27T05:00'), appealId: 'a1' })).toBeNull();
  });

  it('someone without the role hears "forbidden", never the order rule', () => {
    const c = snapshot('decided', [{ type: 'decision_made', occurredAt: at('04-21T05:00') }]);
    const early: CaseActionInput = { type: 'record_disposition_notice', occurredAt: at('04-21T04:00'), recipientPartyIds: ['p1'], method: 'post' };
    expect(verdict(c, early, actor('school_head'))).toMatchObject({ code: 'forbidden' });
  });
});

describe('a refused precondition says why when its form has the words', () => {
  it('the investigation can be extended only once', () => {
    const c = snapshot('investigating', [{ type: 'investigation_extended', occurredAt: at('03-10T05:00') }]);
    expect(verdict(c, { type: 'extend_investigation', occurredAt: at('03-11T05:00'), days: 7 }, actor('investigator'))).toMatchObject({
      code: 'invalid_transition',
      fieldErrors: { reason: ['alreadyExtended'] },
    });
    expect(verdict(snapshot('investigating', []), { type: 'extend_investigation', occurredAt: at('03-11T05:00'), days: 7 }, actor('investigator'))).toBeNull();
  });

  it('a decision can be made only once the hearing was held', () => {
    const c = snapshot('hearing_scheduled', [{ type: 'hearing_scheduled', occurredAt: at('04-11T00:00') }]);
    expect(verdict(c, { type: 'record_decision', occurredAt: at('04-21T05:00') })).toMatchObject({
      code: 'invalid_transition',
      fieldErrors: { _form: ['hearingNotHeld'] },
    });
  });

  it('the committee clock cannot be extended twice or after the hearing', () => {
    for (const done of ['committee_extended', 'hearing_held']) {
      const c = snapshot('hearing_scheduled', [{ type: done, occurredAt: at('04-11T00:00') }]);
      expect(verdict(c, { type: 'extend_committee', occurredAt: at('04-12T00:00'), reason: 'other' })).toMatchObject({ code: 'invalid_transition' });
    }
  });
});
