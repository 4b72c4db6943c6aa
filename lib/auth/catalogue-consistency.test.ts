import { describe, expect, it } from 'vitest';
import { CASE_ACTIONS, SCHOOL_STEP_ACTIONS, TRANSITIONS } from '@/lib/cases/workflow';
import { PERMISSIONS, type Permission } from './permissions';
import type { Role } from './roles';

/**
 * The workflow table (lib/cases/workflow.ts) names the roles of each step;
 * the permission catalogue names who works a case at all. The two are kept
 * apart so the table reads as the law's sequence, and this test keeps them
 * from drifting: a role added to a step without the catalogue's say-so (or a
 * catalogue entry that outgrows the table) fails here.
 */

const holds = (role: Role, permission: Permission): boolean => (PERMISSIONS[permission] as readonly Role[]).includes(role);
const stepRoles = (action: (typeof CASE_ACTIONS)[number]): readonly Role[] => TRANSITIONS[action].roles;

describe('workflow table against the permission catalogue', () => {
  for (const action of CASE_ACTIONS) {
    it(`every role of ${action} may take a case step and see the parties' names`, () => {
      expect(stepRoles(action).length).toBeGreaterThan(0);
      for (const role of stepRoles(action)) {
        expect(holds(role, 'case.step'), `${role} in ${action} lacks case.step`).toBe(true);
        // A step records names, dates and contacts of the parties: never pseudonyms only.
        expect(holds(role, 'case.view_identities'), `${role} in ${action} lacks case.view_identities`).toBe(true);
      }
    });
  }

  it('case.step grants no role that takes no step', () => {
    const inTable = new Set(CASE_ACTIONS.flatMap(stepRoles));
    expect([...PERMISSIONS['case.step']].filter((r) => !inTable.has(r))).toEqual([]);
  });

  it("the school's own first steps are taken by the roles whose home is the school", () => {
    for (const action of SCHOOL_STEP_ACTIONS) {
      for (const role of stepRoles(action)) expect(holds(role, 'school.view_home'), `${role} in ${action}`).toBe(true);
    }
  });

  it('whoever may assign another investigator may take the assignment step', () => {
    for (const role of PERMISSIONS['investigation.assign_others']) expect(stepRoles('assign_investigator')).toContain(role);
  });
});
