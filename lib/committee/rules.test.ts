import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  committeeSizeWarning,
  conflictExcludes,
  daysUntil,
  eligiblePanel,
  heldBeforeScheduledDay,
  hearingDateWarning,
  icsEvent,
  parentShare,
  parentShareOk,
  quorumMet,
  quorumSize,
  requiredStatements,
} from './rules';

const m = (category: string, active = true) => ({ category, active });

describe('parentShareOk: parents are at least one third of the active members (Act 13①)', () => {
  it('one parent among three active members is enough', () => {
    expect(parentShareOk([m('parent'), m('teacher'), m('lawyer')])).toBe(true);
  });
  it('one parent among four active members is not', () => {
    expect(parentShareOk([m('parent'), m('teacher'), m('lawyer'), m('police')])).toBe(false);
  });
  it('an inactive parent does not count', () => {
    expect(parentShareOk([m('parent', false), m('parent'), m('teacher'), m('lawyer'), m('police')])).toBe(false);
  });
  it('inactive members of other categories do not dilute the share', () => {
    expect(parentShareOk([m('parent'), m('teacher'), m('lawyer'), m('police', false), m('doctor', false)])).toBe(true);
  });
  it('an empty pool has no share to fall short', () => {
    expect(parentShare([])).toEqual({ parents: 0, active: 0, ok: true });
  });
  it('exactly a third passes, with no rounding error', () => {
    const pool = [...Array(10)].map(() => m('parent')).concat([...Array(20)].map(() => m('teacher')));
    expect(parentShare(pool)).toEqual({ parents: 10, active: 30, ok: true });
    expect(parentShareOk([...pool, m('teacher')])).toBe(false);
  });
});

describe('committeeSizeWarning: 10 to 50 members', () => {
  it('warns below 10 and above 50', () => {
    expect(committeeSizeWarning(9)).toBe('below_minimum');
    expect(committeeSizeWarning(10)).toBeNull();
    expect(committeeSizeWarning(50)).toBeNull();
    expect(committeeSizeWarning(51)).toBe('above_maximum');
  });
});

describe('eligiblePanel: 제척·회피 and an upheld 기피 take a member off the panel', () => {
  const panel = ['a', 'b', 'c', 'd', 'e'];
  it('a related member cannot sit', () => {
    expect(eligiblePanel(panel, [{ memberId: 'a', kind: 'related', outcome: 'excluded' }])).toEqual(['b', 'c', 'd', 'e']);
  });
  it('a member who recuses cannot sit', () => {
    expect(eligiblePanel(panel, [{ memberId: 'b', kind: 'recusal', outcome: 'excluded' }])).toEqual(['a', 'c', 'd', 'e']);
  });
  it('an upheld challenge excludes, a rejected one does not', () => {
    expect(
      eligiblePanel(panel, [
        { memberId: 'c', kind: 'challenge', outcome: 'upheld' },
        { memberId: 'd', kind: 'challenge', outcome: 'rejected' },
      ]),
    ).toEqual(['a', 'b', 'd', 'e']);
    expect(conflictExcludes({ kind: 'challenge', outcome: 'rejected' })).toBe(false);
  });
  it('a conflict of a member not on the panel changes nothing, and duplicates collapse', () => {
    expect(eligiblePanel(['a', 'a', 'b'], [{ memberId: 'z', kind: 'related', outcome: 'excluded' }])).toEqual(['a', 'b']);
  });
});

describe('quorumMet: a strict majority of the sitting panel opens the hearing', () => {
  it('3 of 5 opens, 2 of 5 does not', () => {
    expect(quorumMet(['a', 'b', 'c', 'd', 'e'], ['a', 'b', 'c'])).toBe(true);
    expect(quorumMet(['a', 'b', 'c', 'd', 'e'], ['a', 'b'])).toBe(false);
  });
  it('half of an even panel is not a majority', () => {
    expect(quorumMet(['a', 'b', 'c', 'd'], ['a', 'b'])).toBe(false);
    expect(quorumMet(['a', 'b', 'c', 'd'], ['a', 'b', 'c'])).toBe(true);
  });
  it('people who are not sitting, and repeats, do not count', () => {
    expect(quorumMet(['a', 'b', 'c'], ['a', 'x', 'y', 'a'])).toBe(false);
  });
  it('an empty panel never has a quorum', () => {
    expect(quorumMet([], [])).toBe(false);
  });
  it('agrees with quorumSize for every panel size', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 50 }), fc.integer({ min: 0, max: 50 }), (n, k) => {
        const sitting = [...Array(n).keys()].map(String);
        const present = sitting.slice(0, Math.min(k, n));
        expect(quorumMet(sitting, present)).toBe(present.length >= quorumSize(n));
      }),
    );
  });
});

describe('hearingDateWarning: a date after the committee_meeting deadline', () => {
  const due = '2026-04-23T00:00:00+09:00';
  it('warns after the due time only', () => {
    expect(hearingDateWarning('2026-04-22T14:00:00+09:00', due)).toBeNull();
    expect(hearingDateWarning('2026-04-23T00:00:00+09:00', due)).toBeNull();
    expect(hearingDateWarning('2026-04-23T10:00:00+09:00', due)).toBe('after_deadline');
    expect(hearingDateWarning(new Date('2026-04-23T01:00:00Z'), due)).toBe('after_deadline');
  });
  it('says nothing without a deadline', () => {
    expect(hearingDateWarning('2030-01-01T00:00:00Z', null)).toBeNull();
  });
});

describe('heldBeforeScheduledDay: a hearing is held on or after its scheduled day (KST)', () => {
  it('the same Korean day is fine, even earlier than the planned hour', () => {
    expect(heldBeforeScheduledDay('2026-04-21T09:00:00+09:00', '2026-04-21T14:00:00+09:00')).toBe(false);
    expect(heldBeforeScheduledDay('2026-04-21T00:00:00+09:00', '2026-04-21T14:00:00+09:00')).toBe(false);
    expect(heldBeforeScheduledDay('2026-04-22T10:00:00+09:00', '2026-04-21T14:00:00+09:00')).toBe(false);
  });
  it('the day before is not, counted in Korean time', () => {
    expect(heldBeforeScheduledDay('2026-04-20T23:59:00+09:00', '2026-04-21T14:00:00+09:00')).toBe(true);
    // 2026-04-20T16:00Z is 04-21 01:00 KST: the scheduled day.
    expect(heldBeforeScheduledDay('2026-04-20T16:00:00Z', '2026-04-21T00:30:00+09:00')).toBe(false);
  });
});

describe('daysUntil', () => {
  it('rounds up while time is left and counts overdue days negative', () => {
    const now = new Date('2026-04-20T10:00:00+09:00');
    expect(daysUntil('2026-04-23T00:00:00+09:00', now)).toBe(3);
    expect(daysUntil('2026-04-20T11:00:00+09:00', now)).toBe(1);
    expect(daysUntil('2026-04-19T00:00:00+09:00', now)).toBe(-2);
  });
});

describe('requiredStatements: each side states unless all of it stayed away', () => {
  it('needs both sides when both attend', () => {
    expect(
      requiredStatements([
        { role: 'victim', mode: 'in_person' },
        { role: 'alleged_perpetrator', mode: 'written' },
      ]),
    ).toEqual({ victim: true, perpetrator: true });
  });
  it('an absent side needs no statement', () => {
    expect(
      requiredStatements([
        { role: 'victim', mode: 'video' },
        { role: 'alleged_perpetrator', mode: 'absent' },
      ]),
    ).toEqual({ victim: true, perpetrator: false });
  });
  it('a student on both sides speaks for both', () => {
    expect(requiredStatements([{ role: 'both', mode: 'in_person' }])).toEqual({ victim: true, perpetrator: true });
  });
});

describe('icsEvent: an RFC 5545 invite', () => {
  const base = {
    uid: 'hearing-1@dolbom',
    start: '2026-04-21T14:00:00+09:00',
    durationMinutes: 120,
    summary: '심의위원회 심의, 강남서초-2026-0001; 2차',
    location: '강남서초교육지원청 3층 회의실',
    description: '사건번호 강남서초-2026-0001\n비밀 유지 (학교폭력예방법 제21조)',
    stamp: '2026-04-15T01:02:03Z',
  };
  const ics = icsEvent(base);
  const unfolded = ics.replace(/\r\n /g, '');
  const lines = unfolded.split('\r\n');

  it('ends every line with CRLF and has no bare line feed', () => {
    expect(ics.endsWith('\r\n')).toBe(true);
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });
  it('wraps one VEVENT in a VCALENDAR with version and product id', () => {
    expect(lines.slice(0, 3)).toEqual(['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Dolbom//Committee hearing//KO']);
    expect(lines.filter((l) => l === 'BEGIN:VEVENT')).toHaveLength(1);
    expect(lines.at(-2)).toBe('END:VCALENDAR');
  });
  it('writes DTSTAMP, DTSTART and DTEND in UTC', () => {
    expect(lines).toContain('DTSTAMP:20260415T010203Z');
    expect(lines).toContain('DTSTART:20260421T050000Z');
    expect(lines).toContain('DTEND:20260421T070000Z');
    expect(lines).toContain('UID:hearing-1@dolbom');
  });
  it('escapes commas, semicolons and line breaks in text', () => {
    expect(lines).toContain('SUMMARY:심의위원회 심의\\, 강남서초-2026-0001\\; 2차');
    expect(lines).toContain('DESCRIPTION:사건번호 강남서초-2026-0001\\n비밀 유지 (학교폭력예방법 제21조)');
    expect(icsEvent({ ...base, location: 'a\\b' }).replace(/\r\n /g, '')).toContain('LOCATION:a\\\\b');
  });
  it('folds long lines at 75 octets without splitting a character', () => {
    fc.assert(
      // U+FFFD in the input would pass through and look like a split character, so the input holds none.
      fc.property(
        fc.string({ unit: 'grapheme', maxLength: 200 }).filter((s) => !s.includes('\ufffd')),
        (s) => {
          const out = icsEvent({ ...base, description: s });
          for (const line of out.split('\r\n')) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
          expect(out.replace(/\r\n /g, '')).toContain(
            `DESCRIPTION:${s
              .replace(/\\/g, '\\\\')
              .replace(/;/g, '\\;')
              .replace(/,/g, '\\,')
              .replace(/\r\n|\r|\n/g, '\\n')}\r\n`,
          );
          expect(out).not.toContain('\uFFFD');
        },
      ),
    );
  });
  it('refuses a non-positive duration', () => {
    expect(() => icsEvent({ ...base, durationMinutes: 0 })).toThrow(RangeError);
  });
});
