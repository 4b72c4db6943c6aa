import { DEMO_PASSWORD, DEMO_USERS } from '../../db/seed/demo-org';

export { DEMO_PASSWORD, DEMO_USERS };

export const SESSION_COOKIE = 'next-auth.session-token';

/** Where each demo account lands after signing in, and the heading that proves it. */
export const DEMO_HOMES: Record<string, { path: string; testId: string }> = {
  'teacher@dolbom.demo': { path: '/school', testId: 'home-school' },
  'head@dolbom.demo': { path: '/school', testId: 'home-school' },
  'teacher2@dolbom.demo': { path: '/school', testId: 'home-school' },
  'teacher3@dolbom.demo': { path: '/school', testId: 'home-school' },
  'homeroom@dolbom.demo': { path: '/school', testId: 'home-school' },
  'investigator@dolbom.demo': { path: '/office', testId: 'home-office' },
  'secretary@dolbom.demo': { path: '/office', testId: 'home-office' },
  'member@dolbom.demo': { path: '/office', testId: 'home-office' },
  'auditor@dolbom.demo': { path: '/audit', testId: 'home-audit' },
  'admin@dolbom.demo': { path: '/admin', testId: 'home-admin' },
};

export function demoUser(email: string) {
  const user = DEMO_USERS.find((u) => u.email === email);
  if (!user) throw new Error(`${email} is not a demo user (db/seed/demo-org.ts)`);
  return user;
}
