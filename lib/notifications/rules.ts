import type { Grant, Role } from '@/lib/auth/roles';
import { canViewCase } from '@/lib/cases/access';
import type { Deadline, DeadlineKey } from '@/lib/rules';

/**
 * Who is told what about a case, decided from its clocks and its events at
 * `now`. Pure: the sweep (lib/notifications/sweep.ts) feeds it rows and
 * writes what it returns.
 */

export const NOTICE_KINDS = ['deadline_due_soon', 'deadline_breached', 'separation_gap'] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];

/**
 * The people who act on a case's clocks: its school's staff and head, and the
 * office's investigator and committee secretary. Committee members and
 * auditors do not run the case, so they are not alerted about it.
 */
export const AUDIENCES = {
  case_team: ['school_staff', 'school_head', 'investigator', 'committee_secretary'],
  school_head: ['school_head'],
} as const satisfies Record<string, readonly Role[]>;
export type Audience = keyof typeof AUDIENCES;
export const NOTIFIED_ROLES: readonly Role[] = AUDIENCES.case_team;

/**
 * "Separation ends tomorrow": the cap ends at 24:00 KST of its last day, so
 * more than 24 and at most 48 hours left is exactly the day before that last day.
 */
export const SEPARATION_GAP_WINDOW_HOURS = { from: 24, to: 48 } as const;

export type Notice = { kind: NoticeKind; key: DeadlineKey; dueAt: string; audience: Audience };

export type NoticeCase = { id: string; caseNumber: string; schoolId: string; officeId: string; restricted: boolean; teamUserIds: readonly string[] };
export type NoticeEvent = { type: string; occurredAt: Date | string; data?: Record<string, unknown> | null };
export type Person = { userId: string; email: string; grants: readonly Grant[] };

export type NoticeParams = { caseNumber: string; key: DeadlineKey; dueAt: string };
export type PlannedNotification = { userId: string; email: string; caseId: string; kind: NoticeKind; params: NoticeParams; dedupeKey: string };

const HOUR_MS = 3_600_000;
const ms = (d: Date | string) => (typeof d === 'string' ? new Date(d) : d).getTime();

/** A due-soon and a breached notice for every open clock. */
export function deadlineNotices(deadlines: readonly Deadline[]): Notice[] {
  return deadlines.flatMap((d): Notice[] => {
    if (!d.dueAt) return [];
    if (d.status === 'due_soon') return [{ kind: 'deadline_due_soon', key: d.key, dueAt: d.dueAt, audience: 'case_team' }];
    if (d.status === 'breached') return [{ kind: 'deadline_breached', key: d.key, dueAt: d.dueAt, audience: 'case_team' }];
    return [];
  });
}

/** The last separation started has not been ended (an end at the same instant counts as later). */
export function separationRunning(events: readonly NoticeEvent[]): boolean {
  const order = (type: string) => (type === 'separation_started' ? 0 : 1);
  const relevant = events
    .filter((e) => e.type === 'separation_started' || e.type === 'separation_ended')
    .sort((a, b) => ms(a.occurredAt) - ms(b.occurredAt) || order(a.type) - order(b.type));
  return relevant.at(-1)?.type === 'separation_started';
}

/**
 * Protection that carries on after the separation: the head's emergency measure
 * (Act 17④), the school body approving the victim's separation request, or the
 * committee's protective measures being taken.
 */
export function followUpProtectionRecorded(events: readonly NoticeEvent[]): boolean {
  return events.some(
    (e) =>
      e.type === 'emergency_measure_taken' ||
      e.type === 'victim_measures_taken' ||
      (e.type === 'separation_request_reviewed' && e.data?.decision === 'approved'),
  );
}

/**
 * The secondary-victimisation gap: the separation runs out tomorrow and nothing
 * will keep the students apart afterwards. Flagged to the school head, who can
 * take an emergency measure.
 */
export function separationGapNotice(deadlines: readonly Deadline[], events: readonly NoticeEvent[], now: Date): Notice | null {
  const limit = deadlines.find((d) => d.key === 'separation_limit');
  if (!limit?.dueAt) return null;
  const left = ms(limit.dueAt) - now.getTime();
  if (left <= SEPARATION_GAP_WINDOW_HOURS.from * HOUR_MS || left > SEPARATION_GAP_WINDOW_HOURS.to * HOUR_MS) return null;
  if (!separationRunning(events) || followUpProtectionRecorded(events)) return null;
  return { kind: 'separation_gap', key: 'separation_limit', dueAt: limit.dueAt, audience: 'school_head' };
}

export function caseNotices(deadlines: readonly Deadline[], events: readonly NoticeEvent[], now: Date): Notice[] {
  const gap = separationGapNotice(deadlines, events, now);
  return [...deadlineNotices(deadlines), ...(gap ? [gap] : [])];
}

/**
 * The audience's people for this case: a school role at the case's own school,
 * an office role at the case's own office. A restricted (sexual) case is
 * narrowed further by the same rule that decides who may open it, so nobody
 * is told about a case they would get a 404 for.
 */
export function recipientsFor(c: NoticeCase, people: readonly Person[], audience: Audience): Person[] {
  const roles: readonly Role[] = AUDIENCES[audience];
  const seen = new Set<string>();
  return people.filter((p) => {
    if (seen.has(p.userId)) return false;
    const placed = p.grants.filter(
      (g) => roles.includes(g.role) && (g.role === 'school_staff' || g.role === 'school_head' ? g.schoolId === c.schoolId : g.officeId === c.officeId),
    );
    if (placed.length === 0) return false;
    if (!canViewCase({ userId: p.userId, name: '', email: p.email, grants: placed }, c)) return false;
    seen.add(p.userId);
    return true;
  });
}

/** One notice per person, case, kind, clock and due time: a moved due time is news, a repeat sweep is not. */
export function dedupeKey(p: { userId: string; caseId: string; kind: NoticeKind; key: DeadlineKey; dueAt: string }): string {
  return ['notice', p.caseId, p.kind, p.key, p.dueAt, p.userId].join(':');
}

export function planNotifications(
  input: { case: NoticeCase; deadlines: readonly Deadline[]; events: readonly NoticeEvent[]; people: readonly Person[] },
  now: Date,
): PlannedNotification[] {
  const c = input.case;
  return caseNotices(input.deadlines, input.events, now).flatMap((n) =>
    recipientsFor(c, input.people, n.audience).map((p) => ({
      userId: p.userId,
      email: p.email,
      caseId: c.id,
      kind: n.kind,
      params: { caseNumber: c.caseNumber, key: n.key, dueAt: n.dueAt },
      dedupeKey: dedupeKey({ userId: p.userId, caseId: c.id, kind: n.kind, key: n.key, dueAt: n.dueAt }),
    })),
  );
}
