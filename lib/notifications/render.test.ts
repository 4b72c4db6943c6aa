import { describe, expect, it } from 'vitest';
import { bearerMatches } from './cron-auth';
import { noticeEmail, noticeSentence } from './render';

const breached = { kind: 'deadline_breached', params: { caseNumber: '강남서초-2026-0003', key: 'office_report', dueAt: '2026-03-04T10:00:00+09:00' } } as const;

describe('notice wording', () => {
  it('reads as one sentence with the case number, the clock and the due time in Korean time', () => {
    expect(noticeSentence('ko', breached)).toBe('강남서초-2026-0003: 교육지원청 보고 기한이 지났습니다 (3월 4일 10:00)');
    expect(noticeSentence('en', breached)).toBe('강남서초-2026-0003: Report to education office deadline has passed (March 4 at 10:00)');
  });

  it('a notice the app cannot read falls back to a generic sentence instead of failing the inbox', () => {
    expect(noticeSentence('ko', { kind: 'something_new', params: {} })).toBe('확인이 필요한 알림이 있습니다.');
    expect(noticeSentence('ko', { kind: 'deadline_breached', params: { caseNumber: 'x', key: 'nope', dueAt: 'x' } })).toBe('확인이 필요한 알림이 있습니다.');
  });

  it('the e-mail is Korean plain text with the case link and no student details', () => {
    const mail = noticeEmail(breached, 'https://dolbom.example/cases/abc');
    expect(mail.subject).toBe('[돌봄] 강남서초-2026-0003 교육지원청 보고 기한 초과');
    expect(mail.body).toContain('강남서초-2026-0003: 교육지원청 보고 기한이 지났습니다 (3월 4일 10:00)');
    expect(mail.body).toContain('https://dolbom.example/cases/abc');
    expect(noticeEmail(breached, null).body).not.toContain('http');
  });
});

describe('cron bearer token', () => {
  const secret = 'a-secret-of-sufficient-length';
  it('accepts exactly the configured secret', () => {
    expect(bearerMatches(`Bearer ${secret}`, secret)).toBe(true);
    expect(bearerMatches(`bearer ${secret}`, secret)).toBe(true);
    expect(bearerMatches(`Bearer ${secret}x`, secret)).toBe(false);
    expect(bearerMatches(secret, secret)).toBe(false);
    expect(bearerMatches(null, secret)).toBe(false);
    expect(bearerMatches('Bearer ', secret)).toBe(false);
  });
});
