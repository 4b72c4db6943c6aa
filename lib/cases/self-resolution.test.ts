import { describe, expect, it } from 'vitest';
import { SELF_RESOLUTION_CONDITIONS, selfResolutionEligibility, type SelfResolutionAnswers } from './self-resolution';

const allHold = Object.fromEntries(SELF_RESOLUTION_CONDITIONS.map((c) => [c, { holds: true }])) as SelfResolutionAnswers['conditions'];
const consent = (id: string) => ({ perpetratorPartyId: id, victimConsentFile: 'victim.pdf', guardianConsentFile: 'guardian.pdf' });

describe('self-resolution eligibility', () => {
  it('is eligible when all four conditions hold and both consents exist for every perpetrator', () => {
    expect(selfResolutionEligibility({ conditions: allHold, consents: [consent('p1'), consent('p2')] }, ['p1', 'p2'])).toEqual({
      eligible: true,
      failures: [],
    });
  });

  for (const condition of SELF_RESOLUTION_CONDITIONS) {
    it(`is not eligible when "${condition}" fails, and says so`, () => {
      const r = selfResolutionEligibility({ conditions: { ...allHold, [condition]: { holds: false } }, consents: [consent('p1')] }, ['p1']);
      expect(r).toEqual({ eligible: false, failures: [{ kind: 'condition', condition }] });
    });
  }

  it("needs the guardian's consent as well as the victim's, per perpetrator", () => {
    const r = selfResolutionEligibility(
      { conditions: allHold, consents: [consent('p1'), { perpetratorPartyId: 'p2', victimConsentFile: 'v.pdf', guardianConsentFile: ' ' }] },
      ['p1', 'p2'],
    );
    expect(r.failures).toEqual([{ kind: 'consent', perpetratorPartyId: 'p2', missing: 'guardian' }]);
  });

  it('a perpetrator with no consent at all fails twice', () => {
    const r = selfResolutionEligibility({ conditions: allHold, consents: [] }, ['p1']);
    expect(r.failures).toHaveLength(2);
  });

  it('a case without an alleged perpetrator cannot be self-resolved', () => {
    expect(selfResolutionEligibility({ conditions: allHold, consents: [] }, []).failures).toEqual([{ kind: 'no_perpetrator' }]);
  });
});
