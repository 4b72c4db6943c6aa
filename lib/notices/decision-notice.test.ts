import { describe, expect, it } from 'vitest';
import { buildDecisionNotice, type NoticeParty, type NoticeSource } from './decision-notice';

const party = (id: string, role: NoticeParty['role'], name: string, extra: Partial<NoticeParty> = {}): NoticeParty => ({
  id,
  role,
  name,
  pseudonym: `학생-${id.toUpperCase().padEnd(6, '0')}`,
  school: '대치중학교',
  grade: 2,
  classNo: '3',
  birthDate: null,
  guardianName: null,
  guardianContact: null,
  ...extra,
});

const victim = party('v1', 'victim', '김피해', { birthDate: '2012-04-01', guardianName: '김보호', guardianContact: '010-1111-2222' });
const perp = party('p1', 'alleged_perpetrator', '박가해', { birthDate: '2012-09-09', guardianName: '박보호', guardianContact: '010-3333-4444' });
const perp2 = party('p2', 'alleged_perpetrator', '이가해', { birthDate: '2012-01-01', guardianContact: '010-5555-6666' });
const witness = party('w1', 'witness', '최목격');

const source: NoticeSource = {
  caseNumber: '강남서초-2026-0007',
  reportedAt: '2026-03-02T10:00:00+09:00',
  categories: ['physical', 'verbal'],
  school: { name: '대치중학교', phone: '02-555-0101' },
  office: { name: '서울특별시강남서초교육지원청', phone: '02-3470-0100' },
  parties: [victim, perp, perp2, witness],
  decisions: [
    { perpetratorPartyId: 'p1', notSchoolViolence: false, measures: [{ measure: 1 }, { measure: 2, periodDays: 90 }, { measure: 6, periodDays: 5 }] },
    { perpetratorPartyId: 'p2', notSchoolViolence: true, measures: [] },
  ],
  victimMeasures: [{ victimPartyId: 'v1', measures: [1, 4] }],
  dispositionDate: '2026-03-20',
  receivedOn: '2026-03-20',
  today: '2026-03-21',
  calendar: { holidays: [] },
};

const text = (m: ReturnType<typeof buildDecisionNotice>) => JSON.stringify(m);

describe('decision notice model', () => {
  it("a victim's notice names the victim and shows every perpetrator only by pseudonym, without birth dates or contacts", () => {
    const m = buildDecisionNotice(source, 'v1', 'ko');
    const all = text(m);
    expect(all).toContain('김피해');
    expect(all).toContain('강남서초-2026-0007');
    for (const secret of ['박가해', '이가해', '박보호', '2012-09-09', '010-3333-4444', '010-5555-6666', '최목격']) expect(all).not.toContain(secret);
    const perpLines = m.sections.find((s) => s.heading.includes('가해'))!.lines;
    expect(perpLines).toEqual([
      '가해 관련 학생 학생-P10000: 제1호 서면사과, 제2호 접촉, 협박 및 보복행위의 금지 (90일), 제6호 출석정지 (5일)',
      '가해 관련 학생 학생-P20000: 학교폭력이 아닌 것으로 판단하였습니다',
    ]);
    expect(all).toContain('제4호 학급교체');
  });

  it("a perpetrator's notice shows their own measures only and masks the victim", () => {
    const m = buildDecisionNotice(source, 'p1', 'ko');
    const all = text(m);
    expect(all).toContain('박가해');
    for (const secret of ['김피해', '김보호', '2012-04-01', '010-1111-2222', '이가해', '학생-P20000']) expect(all).not.toContain(secret);
    expect(m.sections.some((s) => s.heading === '피해학생 보호조치')).toBe(false);
    expect(all).toContain('가해 관련 학생 측은 이 학생에 대한 조치에 불복할 수 있습니다.');
  });

  it('the notice never prints even the recipient’s own birth date or contact', () => {
    const all = text(buildDecisionNotice(source, 'p1', 'en'));
    expect(all).not.toContain('2012-09-09');
    expect(all).not.toContain('010-3333-4444');
  });

  it('gives the appeal routes with 90 days from receipt, 180 from the disposition and 90 for a lawsuit', () => {
    const m = buildDecisionNotice(source, 'v1', 'ko');
    const appeal = m.sections.find((s) => s.heading === '불복 방법과 기간')!.lines.join('\n');
    expect(appeal).toContain('90일 이내');
    expect(appeal).toContain('180일 이내');
    // 2026-03-20 + 180 days = 2026-09-16 (Wednesday); + 90 days = 2026-06-18 (Thursday).
    expect(appeal).toContain('2026년 9월 16일까지');
    expect(appeal).toContain('기한은 2026년 6월 18일입니다');
    expect(appeal).toContain('행정소송');
  });

  it('a last appeal day on a holiday moves to the next working day', () => {
    const m = buildDecisionNotice({ ...source, calendar: { holidays: ['2026-06-18'] } }, 'v1', 'en');
    const appeal = m.sections.find((s) => s.heading.startsWith('How to appeal'))!.lines.join('\n');
    expect(appeal).toContain('by June 19, 2026');
  });

  it('before delivery is recorded, the notice gives the periods without a receipt date', () => {
    const m = buildDecisionNotice({ ...source, receivedOn: null }, 'v1', 'en');
    const appeal = m.sections.find((s) => s.heading.startsWith('How to appeal'))!.lines;
    expect(appeal).toHaveLength(3);
    expect(appeal.join()).not.toContain('If you received');
  });

  it('gives the legal basis and the school and office contacts, in English too', () => {
    const m = buildDecisionNotice(source, 'v1', 'en');
    expect(m.title).toBe('Notice of decision on a school-violence case');
    const all = text(m);
    expect(all).toContain('Article 17-2');
    expect(all).toContain('School: 대치중학교 (02-555-0101)');
    expect(all).toContain('02-3470-0100');
    expect(all).toContain('No. 2 No contact, threats or retaliation (90 days)');
    expect(m.fileName).toBe('decision-notice-2026-0007-en.pdf');
  });

  it('names the categories as recorded for an ordinary case', () => {
    const m = buildDecisionNotice(source, 'v1', 'ko');
    expect(m.meta).toContainEqual({ label: '사안 유형', value: '신체폭력, 언어폭력' });
  });

  it('a digital sex offence is named only as sexual violence, in both languages', () => {
    const deepfake = { ...source, categories: ['digital_sex_offence', 'cyberbullying'] };
    const ko = buildDecisionNotice(deepfake, 'v1', 'ko');
    expect(ko.meta).toContainEqual({ label: '사안 유형', value: '사이버폭력, 성폭력' });
    expect(text(ko)).not.toContain('디지털');
    const en = buildDecisionNotice(deepfake, 'p1', 'en');
    expect(en.meta).toContainEqual({ label: 'Categories', value: 'Cyberbullying, Sexual violence' });
    expect(text(en).toLowerCase()).not.toContain('digital');
  });

  it('a witness is not a recipient', () => {
    expect(() => buildDecisionNotice(source, 'w1', 'ko')).toThrow(RangeError);
  });
});
