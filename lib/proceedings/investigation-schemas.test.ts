import { describe, expect, it } from 'vitest';
import { SELF_RESOLUTION_CONDITIONS } from '@/lib/cases/self-resolution';
import { assignInvestigatorInput, MAX_ATTACHMENTS, recordSchoolReviewInput, recordStatementInput, reopenCaseInput } from './investigation-schemas';

const caseId = '6f1c7a52-3c55-4d7e-9a51-1f2b3c4d5e6f';
const partyId = '0b8e4c1a-9d2f-4e6b-8a7c-5d4e3f2a1b0c';

describe('investigation schemas', () => {
  it('a blank "when" means now; a local time is Korean time', () => {
    expect(assignInvestigatorInput.parse({ caseId, investigatorId: partyId, occurredAt: '' }).occurredAt).toBeUndefined();
    expect(assignInvestigatorInput.parse({ caseId, investigatorId: partyId, occurredAt: '2026-03-03T09:00' }).occurredAt).toBe('2026-03-03T00:00:00.000Z');
  });

  it('a statement needs a student on the case or a named speaker', () => {
    const base = { caseId, takenAt: '2026-03-03T10:00', summary: '요지' };
    expect(recordStatementInput.safeParse({ ...base, partyId: '', speaker: ' ' }).error?.issues).toEqual([
      expect.objectContaining({ path: ['partyId'], message: 'speakerRequired' }),
    ]);
    expect(recordStatementInput.parse({ ...base, partyId }).attachments).toEqual([]);
    expect(recordStatementInput.parse({ ...base, speaker: '목격 교사' }).partyId).toBeUndefined();
  });

  it('attachments are a description and a file name, at most twenty', () => {
    const base = { caseId, speaker: '담임', takenAt: '2026-03-03T10:00', summary: '요지' };
    const many = Array.from({ length: MAX_ATTACHMENTS + 1 }, (_, i) => ({ description: `스캔 ${i}`, fileName: `s${i}.pdf` }));
    expect(recordStatementInput.safeParse({ ...base, attachments: many }).error?.issues[0]).toMatchObject({ path: ['attachments'], message: 'tooMany' });
    expect(recordStatementInput.safeParse({ ...base, attachments: [{ description: '스캔', fileName: ' ' }] }).error?.issues[0]).toMatchObject({
      path: ['attachments', 0, 'fileName'],
      message: 'required',
    });
  });

  it('each condition is answered yes or no; an empty consent file is no consent', () => {
    const conditions = Object.fromEntries(SELF_RESOLUTION_CONDITIONS.map((c) => [c, { holds: c === 'not_persistent' ? 'no' : 'yes', note: '' }]));
    const parsed = recordSchoolReviewInput.parse({
      caseId,
      conditions,
      consents: [{ perpetratorPartyId: partyId, victimConsentFile: 'v.pdf', guardianConsentFile: '' }],
    });
    expect(parsed.conditions.not_persistent).toEqual({ holds: false, note: undefined });
    expect(parsed.conditions.not_retaliation.holds).toBe(true);
    expect(parsed.consents[0]!.guardianConsentFile).toBeUndefined();
    const unanswered = recordSchoolReviewInput.safeParse({ caseId, conditions: { ...conditions, not_retaliation: { holds: '' } }, consents: [] });
    expect(unanswered.error?.issues).toEqual([expect.objectContaining({ path: ['conditions', 'not_retaliation', 'holds'], message: 'required' })]);
  });

  it('a reopened case says why: a broken promise or new facts, with an explanation', () => {
    expect(reopenCaseInput.safeParse({ caseId, reason: 'new_facts', note: '추가 피해 확인' }).success).toBe(true);
    expect(
      reopenCaseInput
        .safeParse({ caseId, reason: 'regret', note: '' })
        .error?.issues.map((i) => i.path.join('.'))
        .sort(),
    ).toEqual(['note', 'reason']);
  });
});
