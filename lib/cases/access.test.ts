import { describe, expect, it } from 'vitest';
import { ROLES, roleScope, type Actor, type Role } from '@/lib/auth/roles';
import { canSeeIdentities, canViewCase, type CaseRef } from './access';

const SCHOOL = 'school-1';
const OFFICE = 'office-1';

function actor(role: Role, place: { schoolId?: string; officeId?: string } = {}): Actor {
  const scope = roleScope(role);
  return {
    userId: `u-${role}`,
    name: role,
    email: `${role}@x`,
    grants: [{ role, schoolId: scope === 'school' ? (place.schoolId ?? SCHOOL) : null, officeId: scope === 'office' ? (place.officeId ?? OFFICE) : null }],
  };
}

const open: CaseRef = { schoolId: SCHOOL, officeId: OFFICE, restricted: false, teamUserIds: [] };
const restricted = (team: readonly string[]): CaseRef => ({ ...open, restricted: true, teamUserIds: team });
const everyone = ROLES.map((r) => `u-${r}`);

/**
 * Role × (ordinary case, restricted case with the actor on its team,
 * restricted case without): written out so a reviewer reads the rule.
 */
const EXPECTED: Record<Role, { open: boolean; onTeam: boolean; offTeam: boolean }> = {
  school_staff: { open: true, onTeam: true, offTeam: false },
  school_head: { open: true, onTeam: true, offTeam: false },
  investigator: { open: true, onTeam: true, offTeam: false },
  committee_secretary: { open: true, onTeam: true, offTeam: false },
  committee_member: { open: true, onTeam: true, offTeam: false },
  office_auditor: { open: true, onTeam: true, offTeam: false },
  admin: { open: true, onTeam: true, offTeam: false },
};

describe('who may open a case', () => {
  for (const role of ROLES) {
    const want = EXPECTED[role];
    it(`${role}: ordinary case ${want.open}, restricted on the team ${want.onTeam}, restricted off the team ${want.offTeam}`, () => {
      const a = actor(role);
      expect(canViewCase(a, open)).toBe(want.open);
      expect(canViewCase(a, restricted(everyone))).toBe(want.onTeam);
      expect(canViewCase(a, restricted(everyone.filter((id) => id !== a.userId)))).toBe(want.offTeam);
    });
  }

  it('a restricted case opens for its team member and not for another teacher of the same school', () => {
    const filer: Actor = { ...actor('school_staff'), userId: 'teacher-1' };
    const colleague: Actor = { ...actor('school_staff'), userId: 'teacher-2' };
    const c = restricted(['teacher-1']);
    expect(canViewCase(filer, c)).toBe(true);
    expect(canViewCase(colleague, c)).toBe(false);
    expect(canSeeIdentities(colleague, c)).toBe(false);
  });

  it('an admin not on the team gets nothing, though an admin reaches every ordinary case', () => {
    expect(canViewCase(actor('admin'), restricted(['someone-else']))).toBe(false);
    expect(canViewCase(actor('admin'), { ...open, schoolId: 'anywhere', officeId: 'anywhere' })).toBe(true);
  });

  it('an auditor is never on a team by default and so gets no restricted case', () => {
    expect(canViewCase(actor('office_auditor'), restricted(['u-school_staff', 'u-school_head', 'u-investigator']))).toBe(false);
  });

  it('being on the team does not reach past the role and place: a member moved to another school loses the case', () => {
    const moved = actor('school_staff', { schoolId: 'school-2' });
    expect(canViewCase(moved, restricted([moved.userId]))).toBe(false);
    const elsewhere = actor('investigator', { officeId: 'office-2' });
    expect(canViewCase(elsewhere, restricted([elsewhere.userId]))).toBe(false);
  });

  it('an auditor on a team still sees pseudonyms only', () => {
    const auditor = actor('office_auditor');
    expect(canViewCase(auditor, restricted([auditor.userId]))).toBe(true);
    expect(canSeeIdentities(auditor, restricted([auditor.userId]))).toBe(false);
  });
});
