import type { Actor, Grant, Role } from './roles';

/**
 * The permission catalogue: every action a person can take, and the roles
 * that may take it. `can` adds the place: a school grant reaches its school,
 * an office grant reaches the schools of its office, admin reaches all.
 * Each area asks `can(actor, 'evidence.download', resource)` rather than
 * keeping a role list of its own; a right on a case comes after opening it
 * (`canViewCase` in lib/cases/access.ts, which narrows a restricted case to its team).
 */
export const PERMISSIONS = {
  'admin.manage_users': ['admin'],
  'admin.manage_orgs': ['admin'],
  'admin.view_audit_log': ['admin'],
  'school.view_home': ['school_staff', 'school_head'],
  'office.view_home': ['investigator', 'committee_secretary', 'committee_member'],
  'audit.view_dashboard': ['office_auditor', 'admin'],
  'case.file': ['school_staff', 'school_head'],
  'case.view': ['school_staff', 'school_head', 'investigator', 'committee_secretary', 'committee_member', 'office_auditor', 'admin'],
  /** Names and contacts; auditors work with pseudonyms only. */
  'case.view_identities': ['school_staff', 'school_head', 'investigator', 'committee_secretary', 'committee_member', 'admin'],
  /** Who is on a restricted case's team; managing it does not put the admin on it. */
  'case.manage_team': ['admin'],
  'calendar.manage': ['admin'],
  /**
   * Takes a step of the case workflow: the school and the office's working roles.
   * Each step's own roles stand in lib/cases/workflow.ts (TRANSITIONS) and are
   * checked against this entry by lib/auth/catalogue-consistency.test.ts.
   */
  'case.step': ['school_staff', 'school_head', 'investigator', 'committee_secretary'],
  /**
   * Assigns an investigator other than oneself to a case (an investigator may
   * only take a case on); the assignment step itself is `assign_investigator` in the workflow.
   */
  'investigation.assign_others': ['committee_secretary'],

  // The evidence vault (lib/evidence/access.ts). Auditors and admins are left
  // out: an auditor checks the process from the custody record, never the
  // material, and possessing or viewing sexual imagery of a minor is itself an
  // offence, so the set of eyes stays as small as the work allows.
  /** See the list and open a file with a reason (committee members judge the case on it). */
  'evidence.view': ['school_staff', 'school_head', 'investigator', 'committee_secretary', 'committee_member'],
  /** The school and the office's working roles; a committee member decides, it does not collect. */
  'evidence.upload': ['school_staff', 'school_head', 'investigator', 'committee_secretary'],
  /** A copy leaving the system is the riskiest access: only the office's investigator and committee secretary. */
  'evidence.download': ['investigator', 'committee_secretary'],
  /** Manual legal holds (lib/evidence/holds.ts): the people who answer for a case's evidence; an admin only for a case they may open. */
  'evidence.manage_holds': ['school_head', 'investigator', 'committee_secretary', 'admin'],
  /** A custody report goes to the police or a court: only those who would hand it over, never auditors, committee members or staff. */
  'evidence.export_custody': ['school_head', 'investigator', 'committee_secretary'],
  /**
   * Record takedown requests, change their status and see their URLs
   * (lib/takedowns/access.ts): the school that handles the case and the
   * office's investigator and secretary. Committee members and auditors need
   * no address of abuse material; admins run accounts, not cases.
   */
  'takedown.manage': ['school_staff', 'school_head', 'investigator', 'committee_secretary'],

  'committee.manage_members': ['committee_secretary', 'admin'],
  /** The hearing invite goes to people working the case, never to a bare admin (lib/committee/access.ts). */
  'committee.download_invite': ['school_staff', 'school_head', 'investigator', 'committee_secretary', 'committee_member', 'office_auditor'],
  /** Statements, expert opinion and minutes stay with the committee (Act 21) and admins. */
  'committee.read_hearing_record': ['committee_secretary', 'committee_member', 'admin'],
  'notifications.view_own': ['school_staff', 'school_head', 'investigator', 'committee_secretary', 'committee_member', 'office_auditor', 'admin'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

/** What an action is aimed at. `global` is anything not tied to a school or office. */
export type Resource = { kind: 'global' } | { kind: 'office'; officeId: string } | { kind: 'school'; schoolId: string; officeId: string };

export function grantCovers(grant: Grant, resource: Resource): boolean {
  if (grant.role === 'admin') return true;
  switch (resource.kind) {
    case 'global':
      // An own-scope action (view my inbox, my home) is allowed by any grant of the role.
      return true;
    case 'office':
      return grant.officeId !== null && grant.officeId === resource.officeId;
    case 'school':
      return (grant.schoolId !== null && grant.schoolId === resource.schoolId) || (grant.officeId !== null && grant.officeId === resource.officeId);
  }
}

export function canAs(actor: Actor, roles: readonly Role[], resource: Resource): boolean {
  return actor.grants.some((g) => roles.includes(g.role) && grantCovers(g, resource));
}

export function can(actor: Actor, action: Permission, resource: Resource = { kind: 'global' }): boolean {
  return canAs(actor, PERMISSIONS[action], resource);
}

/** The places an actor's grants reach, for scoping queries. */
export type QueryScope = { all: boolean; schoolIds: string[]; officeIds: string[] };

export function queryScope(actor: Actor, roles?: readonly Role[]): QueryScope {
  const grants = roles ? actor.grants.filter((g) => roles.includes(g.role)) : actor.grants;
  return {
    all: grants.some((g) => g.role === 'admin'),
    schoolIds: [...new Set(grants.flatMap((g) => (g.schoolId ? [g.schoolId] : [])))],
    officeIds: [...new Set(grants.flatMap((g) => (g.officeId ? [g.officeId] : [])))],
  };
}

export function hasRole(actor: Actor, ...roles: Role[]): boolean {
  return actor.grants.some((g) => roles.includes(g.role));
}
