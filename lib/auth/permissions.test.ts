import { describe, expect, it } from 'vitest';
import { can, PERMISSIONS, queryScope, type Permission, type Resource } from './permissions';
import { homePath, ROLES, roleScope, type Actor, type Grant, type Role } from './roles';

const OFFICE_A = 'office-a';
const OFFICE_B = 'office-b';
const SCHOOL_A1 = { kind: 'school', schoolId: 'school-a1', officeId: OFFICE_A } as const satisfies Resource;
const SCHOOL_A2 = { kind: 'school', schoolId: 'school-a2', officeId: OFFICE_A } as const satisfies Resource;
const SCHOOL_B1 = { kind: 'school', schoolId: 'school-b1', officeId: OFFICE_B } as const satisfies Resource;

function actorWith(role: Role): Actor {
  const scope = roleScope(role);
  const grant: Grant = { role, schoolId: scope === 'school' ? SCHOOL_A1.schoolId : null, officeId: scope === 'office' ? OFFICE_A : null };
  return { userId: `u-${role}`, name: role, email: `${role}@x`, grants: [grant] };
}

/**
 * The full matrix, role × permission, written out by hand so a change to the
 * catalogue must be made twice: once in code, once here where a reviewer
 * reads it as a grid. One column a role, in the order of COLUMNS; `x` may, `.` may not.
 */
const COLUMNS = ['school_staff', 'school_head', 'investigator', 'committee_secretary', 'committee_member', 'office_auditor', 'admin'] as const;
//                                   staff head  inv   sec   mem   aud   admin
const MATRIX: Record<Permission, string> = {
  'admin.manage_users': '.     .     .     .     .     .     x',
  'admin.manage_orgs': '.     .     .     .     .     .     x',
  'admin.view_audit_log': '.     .     .     .     .     .     x',
  'school.view_home': 'x     x     .     .     .     .     .',
  'office.view_home': '.     .     x     x     x     .     .',
  'audit.view_dashboard': '.     .     .     .     .     x     x',
  'case.file': 'x     x     .     .     .     .     .',
  'case.view': 'x     x     x     x     x     x     x',
  'case.view_identities': 'x     x     x     x     x     .     x',
  'case.manage_team': '.     .     .     .     .     .     x',
  'calendar.manage': '.     .     .     .     .     .     x',
  'case.step': 'x     x     x     x     .     .     .',
  'investigation.assign_others': '.     .     .     x     .     .     .',
  'evidence.view': 'x     x     x     x     x     .     .',
  'evidence.upload': 'x     x     x     x     .     .     .',
  'evidence.download': '.     .     x     x     .     .     .',
  'evidence.manage_holds': '.     x     x     x     .     .     x',
  'evidence.export_custody': '.     x     x     x     .     .     .',
  'takedown.manage': 'x     x     x     x     .     .     .',
  'committee.manage_members': '.     .     .     x     .     .     x',
  'committee.download_invite': 'x     x     x     x     x     x     .',
  'committee.read_hearing_record': '.     .     .     x     x     .     x',
  'notifications.view_own': 'x     x     x     x     x     x     x',
};

const cellsOf = (action: Permission): string[] => MATRIX[action].split(/\s+/);

describe('permission matrix', () => {
  it('has one column a role, in the catalogue order, and a cell for each', () => {
    expect(COLUMNS).toEqual(ROLES);
    for (const action of Object.keys(MATRIX) as Permission[]) {
      expect(cellsOf(action), action).toHaveLength(COLUMNS.length);
      expect(
        cellsOf(action).filter((c) => c !== 'x' && c !== '.'),
        action,
      ).toEqual([]);
    }
  });

  it('covers every catalogued action', () => {
    expect(Object.keys(MATRIX).sort()).toEqual(Object.keys(PERMISSIONS).sort());
  });

  for (const action of Object.keys(MATRIX) as Permission[]) {
    ROLES.forEach((role, column) => {
      const allowed = cellsOf(action)[column] === 'x';
      it(`${role} ${allowed ? 'may' : 'may not'} ${action} in their own scope`, () => {
        const resource: Resource = roleScope(role) === 'office' ? { kind: 'office', officeId: OFFICE_A } : role === 'admin' ? { kind: 'global' } : SCHOOL_A1;
        expect(can(actorWith(role), action, resource)).toBe(allowed);
      });
    });
  }
});

describe('scope', () => {
  it("a school's staff reach their own school only", () => {
    const staff = actorWith('school_staff');
    expect(can(staff, 'school.view_home', SCHOOL_A1)).toBe(true);
    expect(can(staff, 'school.view_home', SCHOOL_A2)).toBe(false);
    expect(can(staff, 'school.view_home', SCHOOL_B1)).toBe(false);
  });

  it("an office's people reach every school of their office and none of another office", () => {
    const investigator = actorWith('investigator');
    expect(can(investigator, 'office.view_home', SCHOOL_A1)).toBe(true);
    expect(can(investigator, 'office.view_home', SCHOOL_A2)).toBe(true);
    expect(can(investigator, 'office.view_home', SCHOOL_B1)).toBe(false);
    expect(can(investigator, 'office.view_home', { kind: 'office', officeId: OFFICE_B })).toBe(false);
  });

  it('an admin reaches everything', () => {
    const admin = actorWith('admin');
    expect(can(admin, 'audit.view_dashboard', SCHOOL_B1)).toBe(true);
    expect(queryScope(admin).all).toBe(true);
  });

  it('an actor without grants can do nothing', () => {
    const nobody: Actor = { userId: 'n', name: 'n', email: 'n@x', grants: [] };
    for (const action of Object.keys(PERMISSIONS) as Permission[]) expect(can(nobody, action)).toBe(false);
    expect(homePath([])).toBe('/no-access');
  });

  it('query scope lists the schools and offices of the grants, filtered by role', () => {
    const multi: Actor = {
      userId: 'm',
      name: 'm',
      email: 'm@x',
      grants: [
        { role: 'school_staff', schoolId: 's1', officeId: null },
        { role: 'investigator', schoolId: null, officeId: 'o2' },
      ],
    };
    expect(queryScope(multi)).toEqual({ all: false, schoolIds: ['s1'], officeIds: ['o2'] });
    expect(queryScope(multi, ['school_staff'])).toEqual({ all: false, schoolIds: ['s1'], officeIds: [] });
  });

  it('each role lands on its own home', () => {
    expect(homePath(actorWith('school_staff').grants)).toBe('/school');
    expect(homePath(actorWith('school_head').grants)).toBe('/school');
    expect(homePath(actorWith('investigator').grants)).toBe('/office');
    expect(homePath(actorWith('committee_secretary').grants)).toBe('/office');
    expect(homePath(actorWith('committee_member').grants)).toBe('/office');
    expect(homePath(actorWith('office_auditor').grants)).toBe('/audit');
    expect(homePath(actorWith('admin').grants)).toBe('/admin');
  });
});
