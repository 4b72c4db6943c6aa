/**
 * The committee's rules: pool composition, who may sit, quorum, the meeting
 * clock and the calendar invite. Pure: no I/O and no clock of its own, so
 * the page, the services and the tests call the same code.
 */
// time.ts only: the rules index pulls in the holiday tables, which the browser forms do not need.
import { kstDateOf, startOfKstDay } from '@/lib/rules/time';
import { COMMITTEE_SIZE, PERPETRATOR_SIDE, VICTIM_SIDE, type AttendanceMode, type ConflictKind, type MemberCategory } from './constants';

type PoolMember = { category: MemberCategory | string; active: boolean };

/**
 * Act 13①: parents of students in the district are at least one third of the
 * committee. Only active members count; an empty pool has no share to fall short.
 */
export function parentShare(members: readonly PoolMember[]): { parents: number; active: number; ok: boolean } {
  const active = members.filter((m) => m.active);
  const parents = active.filter((m) => m.category === 'parent').length;
  // Integers only: 3 × parents ≥ active avoids rounding 1/3.
  return { parents, active: active.length, ok: parents * 3 >= active.length };
}

export function parentShareOk(members: readonly PoolMember[]): boolean {
  return parentShare(members).ok;
}

/** Act 13①: the committee has 10 to 50 members. */
export function committeeSizeWarning(activeCount: number): 'below_minimum' | 'above_maximum' | null {
  if (activeCount < COMMITTEE_SIZE.min) return 'below_minimum';
  if (activeCount > COMMITTEE_SIZE.max) return 'above_maximum';
  return null;
}

export type ConflictRecord = { memberId: string; kind: ConflictKind | string; outcome: string };

/** 제척 and 회피 always take the member off the case; 기피 only when the challenge is upheld. */
export function conflictExcludes(c: Pick<ConflictRecord, 'kind' | 'outcome'>): boolean {
  if (c.kind === 'related' || c.kind === 'recusal') return true;
  return c.kind === 'challenge' && c.outcome === 'upheld';
}

/** The members who may sit: the panel without anyone a conflict excludes, in panel order. */
export function eligiblePanel(panel: readonly string[], conflicts: readonly ConflictRecord[]): string[] {
  const excluded = new Set(conflicts.filter(conflictExcludes).map((c) => c.memberId));
  return [...new Set(panel)].filter((id) => !excluded.has(id));
}

/**
 * A hearing opens only with a strict majority of the sitting panel present
 * (docs/domain-process.md §1, quorum: majority present to open). Members not on the
 * sitting panel do not count; an empty panel never has a quorum.
 */
export function quorumMet(sittingPanel: readonly string[], presentMemberIds: readonly string[]): boolean {
  const sitting = new Set(sittingPanel);
  if (sitting.size === 0) return false;
  const present = new Set(presentMemberIds.filter((id) => sitting.has(id)));
  return present.size * 2 > sitting.size;
}

/** Members needed present to open: ⌊n/2⌋ + 1. */
export function quorumSize(sittingCount: number): number {
  return Math.floor(sittingCount / 2) + 1;
}

/**
 * A hearing after the committee_meeting due time would meet the clock late
 * (MOE guidebook: 21 days, +7 once). Meeting exactly at the due time is on time,
 * as `met` is "at or before dueAt" (docs/rules-contract.md §1).
 */
export function hearingDateWarning(date: Date | string, committeeDueAt: string | null | undefined): 'after_deadline' | null {
  if (!committeeDueAt) return null;
  return new Date(date).getTime() > new Date(committeeDueAt).getTime() ? 'after_deadline' : null;
}

/**
 * A hearing cannot be recorded as held before the day it was scheduled for
 * (Korean time): an earlier hearing is rescheduled first, so the notices and
 * the meeting clock agree with what happened.
 */
export function heldBeforeScheduledDay(heldAt: Date | string, scheduledAt: Date | string): boolean {
  return new Date(heldAt).getTime() < startOfKstDay(kstDateOf(new Date(scheduledAt).toISOString()));
}

const DAY_MS = 86_400_000;

/** Whole days left until an instant, rounded up; negative once it has passed. */
export function daysUntil(dueAt: string, now: Date): number {
  const ms = new Date(dueAt).getTime() - now.getTime();
  return ms >= 0 ? Math.ceil(ms / DAY_MS) : -Math.ceil(-ms / DAY_MS);
}

/**
 * Act 13⑤, 16②: each side states its facts and opinion. A side's statement
 * is required unless every party on that side stayed away.
 */
export function requiredStatements(parties: readonly { role: string; mode: AttendanceMode }[]): { victim: boolean; perpetrator: boolean } {
  const needs = (side: readonly string[]) => parties.some((p) => side.includes(p.role) && p.mode !== 'absent');
  return { victim: needs(VICTIM_SIDE), perpetrator: needs(PERPETRATOR_SIDE) };
}

export type IcsEventInput = {
  uid: string;
  start: Date | string;
  durationMinutes: number;
  summary: string;
  location: string;
  description: string;
  /** DTSTAMP: when the invite was produced (passed in, so this stays pure). */
  stamp: Date | string;
};

/** RFC 5545 §3.3.5 form 2: UTC date-time, `YYYYMMDDTHHMMSSZ`. */
function utc(at: Date | string): string {
  const d = new Date(at);
  if (Number.isNaN(d.getTime())) throw new RangeError(`Invalid instant: ${String(at)}`);
  return d
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

/** RFC 5545 §3.3.11: backslash, semicolon, comma and line breaks are escaped in TEXT. */
function text(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
}

const encoder = new TextEncoder();

/**
 * RFC 5545 §3.1: lines longer than 75 octets are folded with CRLF and one
 * space. Korean is three octets a character, so folding counts bytes and
 * never splits a character.
 */
function fold(line: string): string {
  const out: string[] = [];
  let current = '';
  let bytes = 0;
  for (const ch of line) {
    const size = encoder.encode(ch).length;
    const limit = out.length === 0 ? 75 : 74; // a continuation line starts with the folding space
    if (bytes + size > limit) {
      out.push(current);
      current = '';
      bytes = 0;
    }
    current += ch;
    bytes += size;
  }
  out.push(current);
  return out.join('\r\n ');
}

/** One VEVENT in its own VCALENDAR, CRLF line ends, times in UTC. */
export function icsEvent(input: IcsEventInput): string {
  if (!Number.isFinite(input.durationMinutes) || input.durationMinutes <= 0) throw new RangeError(`durationMinutes must be positive: ${input.durationMinutes}`);
  const start = new Date(input.start);
  const end = new Date(start.getTime() + input.durationMinutes * 60_000);
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Dolbom//Committee hearing//KO',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    'BEGIN:VEVENT',
    `UID:${text(input.uid)}`,
    `DTSTAMP:${utc(input.stamp)}`,
    `DTSTART:${utc(start)}`,
    `DTEND:${utc(end)}`,
    `SUMMARY:${text(input.summary)}`,
    `LOCATION:${text(input.location)}`,
    `DESCRIPTION:${text(input.description)}`,
    'END:VEVENT',
    'END:VCALENDAR',
  ];
  return lines.map(fold).join('\r\n') + '\r\n';
}
