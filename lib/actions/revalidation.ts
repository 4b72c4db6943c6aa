/**
 * Which pages show what a kind of server action changes, declared once per
 * kind so that no action forgets a list. Pure data: the action helper
 * (./case-action.ts) hands these to Next's revalidatePath.
 */

/** A literal path, or a route pattern with the type revalidatePath needs for it. */
export type PagePath = string | readonly [path: string, type: 'page' | 'layout'];

/**
 * Every list a case shows up in with its status and clocks: the school's and
 * the office's case lists, the case-team admin (status, team size) and the
 * audit dashboard with its drill-down and monthly report. The committee page
 * lists members, not cases, so it is not among them.
 */
export const CASE_LISTS: readonly PagePath[] = ['/school', '/office', ['/admin/case-teams', 'layout'], ['/audit', 'layout']];

/** Every case page at once, for data that all of them read (holidays in the committee's clocks, the member pool). */
export const EVERY_CASE_PAGE: PagePath = ['/cases/[id]', 'page'];

/** A workflow step (or a change of who is on the case's team) moves the case in every list as well as on its page. */
export function caseStepPaths(caseId: string): PagePath[] {
  return [`/cases/${caseId}`, ...CASE_LISTS];
}

/** A record that only the case page shows (evidence, legal holds, takedown requests). */
export function caseRecordPaths(caseId: string): PagePath[] {
  return [`/cases/${caseId}`];
}

/** Users, grants and organisations show on the admin list, a user's page and the grant form's organisation picker. */
export const ADMIN_PATHS: readonly PagePath[] = [['/admin', 'layout']];
