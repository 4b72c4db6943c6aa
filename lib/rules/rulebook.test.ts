import { describe, expect, it } from 'vitest';
import { KR_RULEBOOK_ERAS, resolveRulebook, rulebookFor } from './rulebook';
import { DEADLINE_KEYS } from './types';

describe('versioned rulebooks (chosen by the KST day of reportedAt)', () => {
  it('lists its eras oldest first', () => {
    expect(KR_RULEBOOK_ERAS).toEqual(['2020-03-01', '2021-06-23', '2023-03-01', '2023-09-01', '2024-03-01']);
  });

  it('enables mandatory separation from 2021-06-23 (Act 16① amendment)', () => {
    expect(rulebookFor('2021-06-22T23:59:59+09:00').deadlines.separation_start.enabled).toBe(false);
    expect(rulebookFor('2021-06-23T00:00:00+09:00').deadlines.separation_start.enabled).toBe(true);
  });

  it('caps separation at 3 days before 2023-09-01 and 7 days from then', () => {
    expect(rulebookFor('2023-08-31T23:59:59+09:00').deadlines.separation_limit.period).toBe(3);
    expect(rulebookFor('2023-08-31T15:00:00Z').deadlines.separation_limit.period).toBe(7);
    expect(rulebookFor('2023-09-01T00:00:00+09:00').deadlines.separation_limit).toMatchObject({
      period: 7,
      countTriggerDay: true,
      rollForward: false,
      kind: 'cap',
    });
  });

  it('records the contact/retaliation ban automatically from 2024-03-01 (Act 17, 2023 amendment)', () => {
    expect(rulebookFor('2024-02-29T23:59:59+09:00').contactBanAutomatic).toBe(false);
    expect(rulebookFor('2024-03-01T00:00:00+09:00').contactBanAutomatic).toBe(true);
  });

  it('names its version and validity', () => {
    expect(rulebookFor('2023-05-01T00:00:00+09:00')).toMatchObject({
      version: 'KR-2023-03-01',
      validFrom: '2023-03-01',
      validUntil: '2023-09-01',
    });
    expect(rulebookFor('2026-03-02T10:00:00+09:00')).toMatchObject({ version: 'KR-2024-03-01', validUntil: null });
    expect(rulebookFor('2019-01-01T00:00:00+09:00').version).toBe('KR-2020-03-01');
  });

  it('carries the contract defaults: periods, units, rollForward, extensions, due-soon thresholds', () => {
    const b = rulebookFor('2026-03-02T10:00:00+09:00');
    expect(b.dueSoon).toEqual({ hoursRule: { hours: 12 }, daysRule: { days: 3 } });
    const summary = Object.fromEntries(
      DEADLINE_KEYS.map((k) => [k, [b.deadlines[k].unit, b.deadlines[k].period, b.deadlines[k].rollForward, b.deadlines[k].extensionDays]]),
    );
    expect(summary).toEqual({
      guardian_notice: ['hours', 24, false, 0],
      office_report: ['hours', 48, false, 0],
      police_report: ['hours', 24, false, 0],
      separation_start: ['hours', 24, false, 0],
      separation_limit: ['days', 7, false, 0],
      investigation: ['days', 14, true, 7],
      committee_meeting: ['days', 21, true, 7],
      victim_measures: ['days', 7, true, 0],
      disposition_notice: ['days', 14, true, 0],
      transfer_request: ['days', 7, true, 0],
      appeal_window: ['days', 90, true, 0],
    });
    expect(b.deadlines.investigation.unconfirmed).toBe(true);
  });

  it('is plain JSON, shared per era and deeply frozen, so no caller can change it for another', () => {
    const a = rulebookFor('2026-03-02T10:00:00+09:00');
    expect(JSON.parse(JSON.stringify(a))).toEqual(a);
    expect(() => {
      a.deadlines.committee_meeting.period = 99;
    }).toThrow(TypeError);
    expect(() => a.rubric.ladder.push(10)).toThrow(TypeError);
    expect(() => {
      a.retention[6].deleteAfter = 1;
    }).toThrow(TypeError);
    const b = rulebookFor('2026-03-02T10:00:00+09:00');
    expect(b.deadlines.committee_meeting.period).toBe(21);
    expect(b.rubric.ladder).toEqual([1, 3, 4, 6, 7, 8, 9]);
    // One book per era: another report day of the same era gets the same object.
    expect(rulebookFor('2025-01-01T00:00:00+09:00')).toBe(a);
    expect(rulebookFor('2024-02-29T23:59:59+09:00')).not.toBe(a);
  });

  it('returns a fresh, writable copy when an override is applied, leaving the shared book untouched', () => {
    const shared = rulebookFor('2026-03-02T10:00:00+09:00');
    const own = resolveRulebook('2026-03-02T10:00:00+09:00', { deadlines: { committee_meeting: { period: 30 } } });
    expect(own).not.toBe(shared);
    own.rubric.ladder.push(10);
    expect(shared.deadlines.committee_meeting.period).toBe(21);
    expect(shared.rubric.ladder).toEqual([1, 3, 4, 6, 7, 8, 9]);
    expect(resolveRulebook('2026-03-02T10:00:00+09:00')).toBe(shared);
  });

  it('picks the era book on KST midnight boundaries (2021-06-23, 2023-09-01, 2024-03-01)', () => {
    const cases: [string, string][] = [
      ['2021-06-22T23:59:59.999+09:00', 'KR-2020-03-01'],
      ['2021-06-22T15:00:00Z', 'KR-2021-06-23'],
      ['2023-08-31T23:59:59+09:00', 'KR-2023-03-01'],
      ['2023-08-31T15:00:00Z', 'KR-2023-09-01'],
      ['2024-02-29T23:59:59+09:00', 'KR-2023-09-01'],
      ['2024-03-01T00:00:00+09:00', 'KR-2024-03-01'],
    ];
    for (const [at, version] of cases) expect(rulebookFor(at).version).toBe(version);
  });

  it('is fast: a lookup costs no copy (well under 300 µs per call)', () => {
    const start = process.hrtime.bigint();
    for (let i = 0; i < 10_000; i++) rulebookFor('2026-03-02T10:00:00+09:00');
    const perCallUs = Number(process.hrtime.bigint() - start) / 1000 / 10_000;
    expect(perCallUs).toBeLessThan(30);
  });

  it('carries the record rules: the unified field from the 2024 entrants and the deferral of 1–3 since 2020-03-01', () => {
    const b = rulebookFor('2026-03-02T10:00:00+09:00');
    expect(b.record.unifiedFieldFromEntryYear).toBe(2024);
    expect(b.record.deferral).toMatchObject({ from: '2020-03-01', measures: [1, 2, 3] });
    expect(b.record.legacyFields).toEqual({
      1: 'behaviour_opinion',
      2: 'behaviour_opinion',
      3: 'behaviour_opinion',
      4: 'attendance',
      5: 'attendance',
      6: 'attendance',
      7: 'behaviour_opinion',
      8: 'personal_academic',
      9: 'personal_academic',
    });
    const over = resolveRulebook('2026-03-02T10:00:00+09:00', { record: { unifiedFieldFromEntryYear: 2025 } });
    expect(over.record.unifiedFieldFromEntryYear).toBe(2025);
    expect(over.record.deferral.measures).toEqual([1, 2, 3]);
  });

  it('applies a per-call override on top of the era rulebook without touching other keys', () => {
    const b = resolveRulebook('2026-03-02T10:00:00+09:00', { deadlines: { investigation: { period: 10, extensionDays: 0 } } });
    expect(b.deadlines.investigation).toMatchObject({ period: 10, extensionDays: 0, unit: 'days' });
    expect(b.deadlines.committee_meeting.period).toBe(21);
  });
});
