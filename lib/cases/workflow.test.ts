import { describe, expect, it } from 'vitest';
import type { Actor, Role } from '@/lib/auth/roles';
import { DomainError } from '@/lib/errors';
import { messages } from '@/lib/i18n/messages';
import { applyAction, availableActions, CASE_ACTIONS, SCHOOL_STEP_ACTIONS, TRANSITIONS, type CaseSnapshot } from './workflow';

const SCHOOL = 'school-1';
const OFFICE = 'office-1';

function actor(role: Role, place: { schoolId?: string; officeId?: string } = {}): Actor {
  const schoolId = role === 'school_staff' || role === 'school_head' ? (place.schoolId ?? SCHOOL) : null;
  const officeId = schoolId || role === 'admin' ? null : (place.officeId ?? OFFICE);
  return { userId: role, name: role, email: `${role}@x`, grants: [{ role, schoolId, officeId }] };
}

function snapshot(overrides: Partial<CaseSnapshot> = {}): CaseSnapshot {
  return {
    id: 'c1',
    status: 'reported',
    schoolId: SCHOOL,
    officeId: OFFICE,
    reportedAt: '2026-03-02T01:00:00.000Z',
    categories: ['physical'],
    events: [],
    ...overrides,
  };
}

const now = new Date('2026-03-03T00:00:00.000Z');

describe('workflow table', () => {
  it('a teacher in charge may take every school-stage step on a fresh case except the emergency measure', () => {
    expect(availableActions(snapshot(), actor('school_staff')).sort()).toEqual(
      SCHOOL_STEP_ACTIONS.filter((a) => a !== 'take_emergency_measure' && a !== 'end_separation' && a !== 'record_separation_review').sort(),
    );
  });

  it('only the school head may take an emergency measure, and it awaits committee ratification', () => {
    const input = { type: 'take_emergency_measure', occurredAt: '2026-03-02T03:00:00.000Z', measure: 'class_change', perpetratorPartyId: 'p2' } as const;
    expect(() => applyAction(snapshot(), input, actor('school_staff'), now)).toThrow(expect.objectContaining({ code: 'forbidden' }));
    const applied = applyAction(snapshot(), input, actor('school_head'), now);
    expect(applied.event).toMatchObject({ type: 'emergency_measure_taken', data: { measure: 'class_change', awaitingRatification: true } });
  });

  it('office and other-school people cannot take school steps', () => {
    const input = { type: 'record_office_report', occurredAt: '2026-03-02T03:00:00.000Z' } as const;
    for (const a of [actor('investigator'), actor('office_auditor'), actor('school_staff', { schoolId: 'other' })]) {
      expect(() => applyAction(snapshot(), input, a, now)).toThrow(expect.objectContaining({ code: 'forbidden' }));
      expect(availableActions(snapshot(), a)).toEqual([]);
    }
  });

  it('an illegal transition is rejected with invalid_transition', () => {
    const closed = snapshot({ status: 'closed' });
    const err = (() => {
      try {
        applyAction(closed, { type: 'record_office_report', occurredAt: '2026-03-02T03:00:00.000Z' }, actor('school_staff'), now);
      } catch (e) {
        return e;
      }
    })();
    expect(err).toBeInstanceOf(DomainError);
    expect((err as DomainError).code).toBe('invalid_transition');
    expect(() => applyAction(snapshot(), { type: 'end_separation', occurredAt: '2026-03-02T03:00:00.000Z' }, actor('school_staff'), now)).toThrow(
      expect.objectContaining({ code: 'invalid_transition' }),
    );
  });

  it('the office report moves the case to investigation; other steps only leave "reported"', () => {
    expect(applyAction(snapshot(), { type: 'record_office_report', occurredAt: '2026-03-02T03:00:00.000Z' }, actor('school_staff'), now).status).toBe(
      'investigating',
    );
    expect(
      applyAction(
        snapshot(),
        { type: 'record_guardian_notice', occurredAt: '2026-03-02T03:00:00.000Z', guardianPartyId: 'p1', method: 'phone' },
        actor('school_staff'),
        now,
      ).status,
    ).toBe('initial_response');
    expect(
      applyAction(
        snapshot({ status: 'investigating' }),
        { type: 'record_guardian_notice', occurredAt: '2026-03-02T03:00:00.000Z', guardianPartyId: 'p1', method: 'phone' },
        actor('school_staff'),
        now,
      ).status,
    ).toBe('investigating');
  });

  it('a step may be recorded late but never in the future', () => {
    expect(() => applyAction(snapshot(), { type: 'record_office_report', occurredAt: '2026-03-04T00:00:00.000Z' }, actor('school_staff'), now)).toThrow(
      expect.objectContaining({ fieldErrors: { occurredAt: ['futureDate'] } }),
    );
    expect(applyAction(snapshot(), { type: 'record_office_report', occurredAt: '2026-03-02T01:30:00.000Z' }, actor('school_staff'), now).event.occurredAt).toBe(
      '2026-03-02T01:30:00.000Z',
    );
  });

  it('separation is capped at 7 days counting the start day (3 before 2023-09-01)', () => {
    const start = { type: 'start_separation', occurredAt: '2026-03-02T06:00:00.000Z', method: 'separate_classroom' } as const;
    expect(() => applyAction(snapshot(), { ...start, plannedEnd: '2026-03-08' }, actor('school_staff'), now)).not.toThrow();
    expect(() => applyAction(snapshot(), { ...start, plannedEnd: '2026-03-09' }, actor('school_staff'), now)).toThrow(
      expect.objectContaining({ fieldErrors: { plannedEnd: ['separationCapExceeded'] } }),
    );
    const old = snapshot({ reportedAt: '2023-05-02T01:00:00.000Z' });
    const oldStart = { ...start, occurredAt: '2023-05-02T06:00:00.000Z' };
    expect(() => applyAction(old, { ...oldStart, plannedEnd: '2023-05-04' }, actor('school_staff'), new Date('2023-05-03T00:00:00Z'))).not.toThrow();
    expect(() => applyAction(old, { ...oldStart, plannedEnd: '2023-05-05' }, actor('school_staff'), new Date('2023-05-03T00:00:00Z'))).toThrow(
      expect.objectContaining({ code: 'invalid_input' }),
    );
  });

  it('a running separation can be ended but not started again; an exemption rules out starting', () => {
    const running = snapshot({ events: [{ type: 'separation_started', occurredAt: '2026-03-02T06:00:00.000Z' }] });
    expect(availableActions(running, actor('school_staff'))).toContain('end_separation');
    expect(availableActions(running, actor('school_staff'))).not.toContain('start_separation');
    const exempted = snapshot({ events: [{ type: 'separation_exempted', occurredAt: '2026-03-02T06:00:00.000Z' }] });
    expect(availableActions(exempted, actor('school_staff'))).not.toContain('start_separation');
  });

  it('the police report of a sexual case must name the officer; other cases may leave it out', () => {
    const report = { type: 'record_police_report', occurredAt: '2026-03-02T03:00:00.000Z', station: '강남경찰서', reportNumber: '2026-123' } as const;
    for (const categories of [['digital_sex_offence'], ['sexual_violence', 'physical']]) {
      const sexual = snapshot({ categories });
      expect(() => applyAction(sexual, report, actor('school_staff'), now)).toThrow(
        expect.objectContaining({ code: 'invalid_input', fieldErrors: { officer: ['required'] } }),
      );
      expect(() => applyAction(sexual, { ...report, officer: '   ' }, actor('school_staff'), now)).toThrow(
        expect.objectContaining({ fieldErrors: { officer: ['required'] } }),
      );
      expect(applyAction(sexual, { ...report, officer: '김경위' }, actor('school_staff'), now).event).toMatchObject({
        type: 'police_reported',
        data: { station: '강남경찰서', reportNumber: '2026-123', officer: '김경위' },
      });
    }
    expect(applyAction(snapshot(), report, actor('school_staff'), now).event.type).toBe('police_reported');
  });

  it('every transition records an event the chronology can name', () => {
    // The chronology (app/(app)/cases/chronology.tsx) titles each event with vocab.event.<type> and shows the raw type when that label is missing.
    const events = [...new Set(CASE_ACTIONS.map((name) => TRANSITIONS[name].event))];
    for (const type of events) expect(type).toMatch(/^[a-z_]+$/);
    for (const locale of ['ko', 'en'] as const) {
      const labels: Record<string, string> = messages[locale].vocab.event;
      expect(
        events.filter((type) => !labels[type]?.trim()),
        `${locale} labels missing`,
      ).toEqual([]);
    }
  });
});
