export const ROLES = [
  'school_staff',
  'school_head',
  'investigator',
  'committee_secretary',
  'committee_member',
  'office_auditor',
  'admin',
] as const;
export type Role = (typeof ROLES)[number];

export const SCHOOL_ROLES = ['school_staff', 'school_head'] as const satisfies readonly Role[];
export const OFFICE_ROLES = ['investigator', 'committee_secretary', 'committee_member', 'office_auditor'] as const satisfies readonly Role[];

export type RoleScope = 'school' | 'office' | 'global';

export function roleScope(role: Role): RoleScope {
  if ((SCHOOL_ROLES as readonly Role[]).includes(role)) return 'school';
  if ((OFFICE_ROLES as readonly Role[]).includes(role)) return 'office';
  return 'global';
}

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
