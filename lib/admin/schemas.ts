import { z } from 'zod';
import { ROLES, roleScope } from '@/lib/auth/roles';

/** Messages are i18n keys under `errors`. The same schemas run in the browser and on the server. */
const name = z.string().trim().min(1, 'required').max(100, 'tooLong');
const password = z.string().min(12, 'passwordLength').max(200, 'tooLong');
const optionalId = z.preprocess((v) => (v === '' || v === null ? undefined : v), z.string().uuid().optional());

const roleScopeShape = { role: z.enum(ROLES, { message: 'required' }), schoolId: optionalId, officeId: optionalId };
type ScopedFields = { role: (typeof ROLES)[number]; schoolId?: string | undefined; officeId?: string | undefined };

/** A school role needs a school, an office role an office, admin neither; the other id is dropped. */
function checkScope(v: ScopedFields, ctx: z.RefinementCtx) {
  const scope = roleScope(v.role);
  if (scope === 'school' && !v.schoolId) ctx.addIssue({ code: 'custom', path: ['schoolId'], message: 'scopeRequired' });
  if (scope === 'office' && !v.officeId) ctx.addIssue({ code: 'custom', path: ['officeId'], message: 'scopeRequired' });
}
function normaliseScope<T extends ScopedFields>(v: T): Omit<T, 'schoolId' | 'officeId'> & { schoolId: string | null; officeId: string | null } {
  const scope = roleScope(v.role);
  return { ...v, schoolId: scope === 'school' ? (v.schoolId ?? null) : null, officeId: scope === 'office' ? (v.officeId ?? null) : null };
}

export const createUserInput = z
  .object({
    name,
    email: z.string().trim().toLowerCase().email('email').max(254, 'tooLong'),
    password,
    ...roleScopeShape,
  })
  .superRefine(checkScope)
  .transform(normaliseScope);
export type CreateUserInput = z.input<typeof createUserInput>;

export const grantRoleInput = z
  .object({ userId: z.string().uuid(), ...roleScopeShape })
  .superRefine(checkScope)
  .transform(normaliseScope);
export type GrantRoleInput = z.input<typeof grantRoleInput>;

export const revokeRoleInput = z.object({ grantId: z.string().uuid() });
export const resetPasswordInput = z.object({ userId: z.string().uuid(), password });
export type ResetPasswordInput = z.input<typeof resetPasswordInput>;
export const setUserActiveInput = z.object({ userId: z.string().uuid(), active: z.enum(['true', 'false']).transform((v) => v === 'true') });

export const createOfficeInput = z.object({
  name,
  shortName: z.string().trim().min(1, 'required').max(20, 'tooLong'),
  region: z.string().trim().min(1, 'required').max(20, 'tooLong'),
  phone: z.string().trim().max(40, 'tooLong').optional(),
});
export type CreateOfficeInput = z.input<typeof createOfficeInput>;

export const createSchoolInput = z.object({
  officeId: z.string().uuid('required'),
  name,
  level: z.enum(['elementary', 'middle', 'high', 'special'], { message: 'required' }),
  phone: z.string().trim().max(40, 'tooLong').optional(),
});
export type CreateSchoolInput = z.input<typeof createSchoolInput>;
