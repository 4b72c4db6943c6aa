import { describe, expect, it } from 'vitest';
import type { Person } from '@/lib/notifications/rules';
import { noticeEmail, noticeSentence } from '@/lib/notifications/render';
import { planReminders, reminderDedupeKey } from './notice';
import { recordLocationInput, takedownUrl } from './schemas';
import {
  canTransition,
  followingReminder,
  keepsReminding,
  locationRemoved,
  nextReminderAt,
  reminderIntervalDays,
  summarizeTakedowns,
  TAKEDOWN_STATUSES,
  TAKEDOWN_TRANSITIONS,
  type TakedownStatus,
} from './status';

const at = (iso: string) => new Date(iso);
const DAY = 24 * 60 * 60 * 1000;

describe('the takedown status machine', () => {
  it('a request moves forward from requested, and nothing returns to requested', () => {
    expect(canTransition('requested', 'in_progress')).toBe(true);
    expect(canTransition('requested', 'removed')).toBe(true);
    expect(canTransition('requested', 'refused')).toBe(true);
    expect(canTransition('requested', 'closed')).toBe(true);
    for (const from of TAKEDOWN_STATUSES) expect(canTransition(from, 'requested')).toBe(false);
  });

  it('a removal can be followed by a re-upload, which can be chased again', () => {
    expect(canTransition('removed', 'reuploaded')).toBe(true);
    expect(canTransition('reuploaded', 'in_progress')).toBe(true);
    expect(canTransition('reuploaded', 'removed')).toBe(true);
  });

  it('a re-upload is only recorded for material that had been removed or the request closed', () => {
    const into = TAKEDOWN_STATUSES.filter((s) => canTransition(s, 'reuploaded'));
    expect(into.sort()).toEqual(['closed', 'removed']);
  });

  it('a closed request stays closed unless the material comes back', () => {
    expect(TAKEDOWN_TRANSITIONS.closed).toEqual(['reuploaded']);
  });

  it('a refused request can be pursued again, removed after all, or closed', () => {
    expect(canTransition('refused', 'in_progress')).toBe(true);
    expect(canTransition('refused', 'removed')).toBe(true);
    expect(canTransition('refused', 'closed')).toBe(true);
    expect(canTransition('refused', 'refused')).toBe(false);
  });

  it('a removed request is finished: only a re-upload moves it, so closing cannot hide a removal from the summary', () => {
    expect(TAKEDOWN_TRANSITIONS.removed).toEqual(['reuploaded']);
    expect(canTransition('removed', 'removed')).toBe(false);
    expect(canTransition('removed', 'refused')).toBe(false);
    expect(canTransition('removed', 'in_progress')).toBe(false);
  });
});

describe('follow-up reminders', () => {
  it('the first reminder is due N days after the request', () => {
    expect(nextReminderAt('requested', at('2026-03-02T10:00:00+09:00'), 7)).toEqual(at('2026-03-09T10:00:00+09:00'));
  });

  it('a status change restarts the interval from the change', () => {
    expect(nextReminderAt('in_progress', at('2026-03-05T15:30:00+09:00'), 7)).toEqual(at('2026-03-12T15:30:00+09:00'));
    expect(nextReminderAt('refused', at('2026-03-05T15:30:00+09:00'), 3)).toEqual(at('2026-03-08T15:30:00+09:00'));
  });

  it('none once removed or closed', () => {
    expect(nextReminderAt('removed', at('2026-03-05T15:30:00+09:00'), 7)).toBeNull();
    expect(nextReminderAt('closed', at('2026-03-05T15:30:00+09:00'), 7)).toBeNull();
  });

  it('a re-upload reopens the follow-up', () => {
    expect(nextReminderAt('reuploaded', at('2026-04-01T09:00:00+09:00'), 7)).toEqual(at('2026-04-08T09:00:00+09:00'));
  });

  it('only removed and closed stop the reminders', () => {
    const stopping = TAKEDOWN_STATUSES.filter((s: TakedownStatus) => !keepsReminding(s));
    expect(stopping.sort()).toEqual(['closed', 'removed']);
  });

  it('after a reminder the next is N days after the one just due', () => {
    const due = at('2026-03-09T10:00:00+09:00');
    expect(followingReminder(due, at('2026-03-09T10:05:00+09:00'), 7)).toEqual(at('2026-03-16T10:00:00+09:00'));
    // Swept exactly at the due instant: still one period on, never the same instant.
    expect(followingReminder(due, due, 7)).toEqual(at('2026-03-16T10:00:00+09:00'));
  });

  it('a sweep that was down for weeks sends one reminder and keeps the rhythm, not one per missed week', () => {
    const due = at('2026-03-09T10:00:00+09:00');
    const now = new Date(due.getTime() + 20 * DAY);
    const next = followingReminder(due, now, 7);
    expect(next).toEqual(at('2026-03-30T10:00:00+09:00'));
    expect(next.getTime()).toBeGreaterThan(now.getTime());
  });

  it('the interval comes from the rulebook: 7 days', () => {
    expect(reminderIntervalDays(at('2026-03-02T10:00:00+09:00'))).toBe(7);
  });
});

describe('the takedown summary', () => {
  const loc = (...statuses: TakedownStatus[]) => ({ requests: statuses.map((status) => ({ status })) });

  it('a location is removed once any request removed it, until a re-upload is recorded', () => {
    expect(locationRemoved(['removed'])).toBe(true);
    expect(locationRemoved(['removed', 'requested'])).toBe(true);
    expect(locationRemoved(['removed', 'reuploaded'])).toBe(false);
    expect(locationRemoved(['closed'])).toBe(false);
    expect(locationRemoved([])).toBe(false);
  });

  it('counts locations, removed locations and requests still followed up', () => {
    expect(summarizeTakedowns([])).toEqual({ locations: 0, removed: 0, open: 0 });
    expect(summarizeTakedowns([loc('removed'), loc('requested', 'refused'), loc(), loc('closed')])).toEqual({ locations: 4, removed: 1, open: 2 });
  });
});

describe('location input', () => {
  it('accepts http and https addresses only', () => {
    expect(takedownUrl.safeParse('https://t.me/some_channel/123').success).toBe(true);
    expect(takedownUrl.safeParse('  http://example.com/a?b=c  ').data).toBe('http://example.com/a?b=c');
    for (const bad of ['javascript:alert(1)', 'data:image/png;base64,AAAA', 'ftp://example.com/x', 'example.com/x', 'https://', '']) {
      expect(takedownUrl.safeParse(bad).success, bad).toBe(false);
    }
  });

  it('"other" needs the platform typed in, and stores what was typed', () => {
    const base = {
      caseId: '6f1f2f3f-0000-4000-8000-000000000001',
      url: 'https://example.com/p/1',
      firstSeenAt: '2026-03-02T10:00',
      firstSeenBy: '피해학생 보호자',
    };
    const missing = recordLocationInput.safeParse({ ...base, platform: 'other', platformOther: '' });
    expect(missing.success).toBe(false);
    expect(missing.error?.issues[0]?.path).toEqual(['platformOther']);
    expect(recordLocationInput.parse({ ...base, platform: 'other', platformOther: '밴드' }).platform).toBe('밴드');
    expect(recordLocationInput.parse({ ...base, platform: 'telegram', platformOther: 'ignored' }).platform).toBe('telegram');
  });
});

describe('the reminder notice', () => {
  const SCHOOL = 'a0000000-0000-4000-8000-000000000001';
  const OTHER_SCHOOL = 'a0000000-0000-4000-8000-000000000002';
  const OFFICE = 'b0000000-0000-4000-8000-000000000001';
  const person = (userId: string, role: Person['grants'][number]['role'], place: { schoolId?: string; officeId?: string }): Person => ({
    userId,
    email: `${userId}@dolbom.test`,
    grants: [{ role, schoolId: place.schoolId ?? null, officeId: place.officeId ?? null }],
  });
  const people = [
    person('teacher', 'school_staff', { schoolId: SCHOOL }),
    person('other-teacher', 'school_staff', { schoolId: SCHOOL }),
    person('elsewhere', 'school_staff', { schoolId: OTHER_SCHOOL }),
    person('investigator', 'investigator', { officeId: OFFICE }),
  ];
  const request = {
    id: 'req-1',
    target: 'dsc' as const,
    status: 'in_progress' as const,
    statusAt: at('2026-03-05T15:30:00+09:00'),
    nextReminderAt: at('2026-03-12T15:30:00+09:00'),
  };
  const c = { id: 'case-1', caseNumber: '강남서초-2026-0001', schoolId: SCHOOL, officeId: OFFICE, restricted: false, teamUserIds: [] };

  it('reaches the people who run the case; on a restricted case only its team', () => {
    expect(planReminders(request, c, people).map((p) => p.userId)).toEqual(['teacher', 'other-teacher', 'investigator']);
    expect(planReminders(request, { ...c, restricted: true, teamUserIds: ['teacher', 'investigator'] }, people).map((p) => p.userId)).toEqual([
      'teacher',
      'investigator',
    ]);
  });

  it('is keyed by request, due instant and person, so the next period is a new notice', () => {
    const [first] = planReminders(request, c, people);
    expect(first!.dedupeKey).toBe(reminderDedupeKey({ requestId: 'req-1', dueAt: request.nextReminderAt, userId: 'teacher' }));
    const [later] = planReminders({ ...request, nextReminderAt: at('2026-03-19T15:30:00+09:00') }, c, people);
    expect(later!.dedupeKey).not.toBe(first!.dedupeKey);
  });

  it('reads as one sentence naming the body and the status, without the address', () => {
    const [n] = planReminders(request, c, people);
    expect(noticeSentence('ko', n!)).toBe(
      '강남서초-2026-0001: 디지털성범죄피해자지원센터(디성센터)에 보낸 삭제 요청의 진행 상황을 확인해 주세요 (현재 처리 중, 3월 5일 15:30부터)',
    );
    expect(noticeSentence('en', n!)).toBe(
      '강남서초-2026-0001: follow up the takedown request to Digital Sexual Crime Victim Support Center (디성센터) (status: In progress since March 5 at 15:30)',
    );
    const mail = noticeEmail(n!, 'https://dolbom.example/cases/case-1');
    expect(mail.subject).toBe('[돌봄] 강남서초-2026-0001 디지털성범죄피해자지원센터(디성센터) 삭제 요청 확인 필요');
    expect(mail.body).toContain('https://dolbom.example/cases/case-1');
  });
});
