import type { Actor, Grant, Role } from './roles';

/**
 * The permission catalogue: every action a person can take, and the roles
 * that may take it. `can` adds the place: a school grant reaches its school,
 * an office grant reaches the schools of its office, admin reaches all.
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
  'committee.manage_members': ['committee_secretary', 'admin'],
  'notifications.view_own': ['school_staff', 'school_head', 'investigator', 'committee_secretary', 'committee_member', 'office_auditor', 'admin'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

/** What an action is aimed at. `global` is anything not tied to a school or office. */
export type Resource =
  | { kind: 'global' }
  | { kind: 'office'; officeId: string }
  | { kind: 'school'; schoolId: string; officeId: string };

export function grantCovers(grant: Grant, resource: Resource): boolean {
  if (grant.role === 'admin') return true;
  switch (resource.kind) {
    case 'global':
      // An own-scope action (view my inbox, my home) is allowed by any grant of the role.
      return true;
    case 'office':
      return grant.officeId !== null && grant.officeId === resource.officeId;
    case 'school':
      return (
        (grant.schoolId !== null && grant.schoolId === resource.schoolId) ||
        (grant.officeId !== null && grant.officeId === resource.officeId)
      );
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
