'use server';
import { serverAction } from '@/lib/actions/case-action';
import { ADMIN_PATHS } from '@/lib/actions/revalidation';
import { createOffice, createSchool, createUser, grantRole, resetPassword, revokeRole, setUserActive } from '@/lib/admin/service';
import {
  createOfficeInput,
  createSchoolInput,
  createUserInput,
  grantRoleInput,
  resetPasswordInput,
  revokeRoleInput,
  setUserActiveInput,
} from '@/lib/admin/schemas';

/**
 * Users, grants and organisations (lib/actions/case-action.ts: parse,
 * authenticate, run the use-case, which authorizes and audits in its
 * transaction, revalidate). All of them show on the admin list and a user's
 * page, so they revalidate the admin layout; a new password shows nowhere.
 */
const revalidate = () => ADMIN_PATHS;

export const createUserAction = serverAction(createUserInput, createUser, { revalidate });
export const grantRoleAction = serverAction(grantRoleInput, grantRole, { revalidate });
export const revokeRoleAction = serverAction(revokeRoleInput, ({ grantId }, ctx) => revokeRole(grantId, ctx), { revalidate });
export const resetPasswordAction = serverAction(resetPasswordInput, resetPassword, { revalidate: () => [] });
export const setUserActiveAction = serverAction(setUserActiveInput, setUserActive, { revalidate });
export const createOfficeAction = serverAction(createOfficeInput, createOffice, { revalidate });
export const createSchoolAction = serverAction(createSchoolInput, createSchool, { revalidate });
