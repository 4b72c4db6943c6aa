/** Every role, in the order of the database's `role` enum, which is built from this list (db/schema/users.ts). */
export const ROLES = ['school_staff', 'school_head', 'investigator', 'committee_secretary', 'committee_member', 'office_auditor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** Where a role's grant lives: school roles at a school, office roles at an office, admin everywhere (the role_grants check constraint). */
export type RoleScope = 'school' | 'office' | 'global';

const ROLE_SCOPES: Record<Role, RoleScope> = {
  school_staff: 'school',
  school_head: 'school',
  investigator: 'office',
  committee_secretary: 'office',
  committee_member: 'office',
  office_auditor: 'office',
  admin: 'global',
};

export const roleScope = (role: Role): RoleScope => ROLE_SCOPES[role];
export const SCHOOL_ROLES: readonly Role[] = ROLES.filter((r) => ROLE_SCOPES[r] === 'school');
export const OFFICE_ROLES: readonly Role[] = ROLES.filter((r) => ROLE_SCOPES[r] === 'office');

export type Grant = { role: Role; schoolId: string | null; officeId: string | null };

/** Who is acting: loaded fresh from the database on every request, so a revoked grant stops working at once. */
export type Actor = { userId: string; name: string; email: string; grants: Grant[] };

/** Where each role lands after signing in, most specific world first. */
const HOME_ORDER: { role: Role; path: string }[] = [
  { role: 'admin', path: '/admin' },
  { role: 'school_head', path: '/school' },
  { role: 'school_staff', path: '/school' },
  { role: 'committee_secretary', path: '/office' },
  { role: 'investigator', path: '/office' },
  { role: 'committee_member', path: '/office' },
  { role: 'office_auditor', path: '/audit' },
];

export function homePath(grants: readonly Grant[]): string {
  for (const { role, path } of HOME_ORDER) if (grants.some((g) => g.role === role)) return path;
  return '/no-access';
}
