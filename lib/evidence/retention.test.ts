import { describe, expect, it } from 'vitest';
import { rulebookFor } from '@/lib/rules';
import { isPurgeDue, purgeDate, retentionState, type RetentionInput } from './retention';

const rules = { retentionDaysAfterClose: 30, takedownReminderDays: 7, unconfirmed: true };
const closedAt = new Date('2026-04-01T15:00:00+09:00');
const purgeAt = new Date('2026-05-01T15:00:00+09:00');
const input = (over: Partial<RetentionInput> = {}): RetentionInput => ({
  closedAt,
  openAppeals: 0,
  activeHolds: 0,
  now: new Date('2026-06-01T00:00:00+09:00'),
  rules,
  ...over,
});

describe('evidence retention', () => {
  it('a closed case with no hold is due once its retention period has passed', () => {
    expect(retentionState(input())).toEqual({ kind: 'due', purgeAt });
    expect(isPurgeDue(input())).toBe(true);
  });

  it('a closed case is scheduled for closing time plus the configured days until then', () => {
    expect(retentionState(input({ now: new Date('2026-04-20T00:00:00+09:00') }))).toEqual({ kind: 'scheduled', purgeAt });
  });

  it('the boundary: scheduled one millisecond before the period ends, due at its end', () => {
    expect(retentionState(input({ now: new Date(purgeAt.getTime() - 1) })).kind).toBe('scheduled');
    expect(retentionState(input({ now: purgeAt })).kind).toBe('due');
  });

  it('a manual legal hold blocks a purge that would otherwise be due', () => {
    expect(retentionState(input({ activeHolds: 1 }))).toEqual({ kind: 'held', reasons: ['manual'], purgeAt });
    expect(isPurgeDue(input({ activeHolds: 1 }))).toBe(false);
  });

  it('a pending appeal or lawsuit holds the evidence automatically, with no hold row', () => {
    expect(retentionState(input({ openAppeals: 2 }))).toEqual({ kind: 'held', reasons: ['appeal_pending'], purgeAt });
    expect(isPurgeDue(input({ openAppeals: 1 }))).toBe(false);
  });

  it('both holds are reported when both stand, and releasing one leaves the other holding', () => {
    expect(retentionState(input({ openAppeals: 1, activeHolds: 1 }))).toMatchObject({ kind: 'held', reasons: ['appeal_pending', 'manual'] });
    expect(retentionState(input({ openAppeals: 1, activeHolds: 0 }))).toMatchObject({ kind: 'held', reasons: ['appeal_pending'] });
  });

  it('an open case is never due, however long ago it was reported', () => {
    expect(retentionState(input({ closedAt: null, now: new Date('2099-01-01T00:00:00Z') }))).toEqual({ kind: 'kept' });
    expect(isPurgeDue(input({ closedAt: null, now: new Date('2099-01-01T00:00:00Z') }))).toBe(false);
  });

  it('an open case under appeal shows the hold, without a purge date', () => {
    expect(retentionState(input({ closedAt: null, openAppeals: 1 }))).toEqual({ kind: 'held', reasons: ['appeal_pending'], purgeAt: null });
  });

  it('the shipped rulebook keeps evidence three years (1095 days) after closing', () => {
    const evidence = rulebookFor('2026-03-02T10:00:00+09:00').evidence;
    expect(purgeDate(closedAt, evidence)).toEqual(new Date('2029-03-31T15:00:00+09:00'));
  });
});
