import { describe, expect, it } from 'vitest';
import { extendCommitteeInput, recordHearingInput, recordMemberConflictInput, scheduleHearingInput, sendHearingNoticeInput } from './schemas';

const caseId = '00000000-0000-4000-8000-000000000001';
const a = '00000000-0000-4000-8000-0000000000aa';
const b = '00000000-0000-4000-8000-0000000000bb';

const issues = (r: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  r.success ? [] : r.error!.issues.map((i) => `${i.path.join('.')}:${i.message}`);

describe('committee schemas', () => {
  it('a hearing date from the form is Korean time; a lone panel checkbox becomes a list', () => {
    const r = scheduleHearingInput.parse({ caseId, scheduledAt: '2026-04-21T14:00', location: '회의실', panel: a });
    expect(r).toEqual({ caseId, scheduledAt: '2026-04-21T05:00:00.000Z', location: '회의실', panel: [a], acknowledgeLate: false });
  });
  it('a hearing needs a panel', () => {
    expect(issues(scheduleHearingInput.safeParse({ caseId, scheduledAt: '2026-04-21T14:00', location: 'x', panel: [] }))).toEqual(['panel:panelRequired']);
  });
  it('an extension for an "other" reason needs a note', () => {
    expect(issues(extendCommitteeInput.safeParse({ caseId, reason: 'other', note: ' ' }))).toEqual(['note:required']);
    expect(extendCommitteeInput.safeParse({ caseId, reason: 'party_request' }).success).toBe(true);
    expect(issues(extendCommitteeInput.safeParse({ caseId, reason: 'because' }))).toEqual(['reason:required']);
  });
  it('a challenge needs the party who raised it and its outcome; other kinds drop them', () => {
    expect(
      issues(recordMemberConflictInput.safeParse({ caseId, occurredAt: '2026-04-20T10:00', memberId: a, kind: 'challenge', raisedByPartyId: '', outcome: '' })),
    ).toEqual(['raisedByPartyId:required', 'outcome:required']);
    const related = recordMemberConflictInput.parse({
      caseId,
      occurredAt: '2026-04-20T10:00',
      memberId: a,
      kind: 'related',
      raisedByPartyId: b,
      outcome: 'rejected',
    });
    expect(related.raisedByPartyId).toBeUndefined();
    expect(related.outcome).toBeUndefined();
  });
  it('a notice goes to at least one party', () => {
    expect(issues(sendHearingNoticeInput.safeParse({ caseId, occurredAt: '2026-04-20T10:00', partyIds: [], method: 'post' }))).toEqual([
      'partyIds:partyRequired',
    ]);
  });
  it('an expert opinion is required when the victim side asked for one (Act 16②)', () => {
    const base = { caseId, occurredAt: '2026-04-21T16:00', presentMemberIds: [a, b], parties: [], minutes: '회의록' };
    expect(issues(recordHearingInput.safeParse({ ...base, victimRequestedExpert: true }))).toEqual(['expertOpinion:expertOpinionRequired']);
    expect(recordHearingInput.safeParse({ ...base, victimRequestedExpert: false }).success).toBe(true);
    expect(issues(recordHearingInput.safeParse({ ...base, minutes: '' }))).toEqual(['minutes:required']);
  });
});
