import type { Role } from '@/lib/auth/roles';

/** The demo world. Every demo account shares one password, printed by `npm run demo` and in the README. */
export const DEMO_PASSWORD = 'dolbom-demo-2026';

export const DEMO_OFFICES = [
  { name: '서울특별시강남서초교육지원청', shortName: '강남서초', region: '서울', phone: '02-3470-0100' },
  { name: '경기도수원교육지원청', shortName: '수원', region: '경기', phone: '031-1396-0100' },
] as const;

export const DEMO_SCHOOLS = [
  { office: '강남서초', name: '대치중학교', level: 'middle', phone: '02-555-0101' },
  { office: '강남서초', name: '역삼초등학교', level: 'elementary', phone: '02-555-0102' },
  { office: '강남서초', name: '서초고등학교', level: 'high', phone: '02-555-0103' },
  { office: '강남서초', name: '강남특수학교', level: 'special', phone: '02-555-0104' },
  { office: '수원', name: '수원중앙초등학교', level: 'elementary', phone: '031-222-0201' },
  { office: '수원', name: '매탄중학교', level: 'middle', phone: '031-222-0202' },
  { office: '수원', name: '수원고등학교', level: 'high', phone: '031-222-0203' },
] as const;

type DemoUser = { email: string; name: string; grants: { role: Role; school?: string; office?: string }[] };

export const DEMO_USERS: DemoUser[] = [
  { email: 'teacher@dolbom.demo', name: '김담임', grants: [{ role: 'school_staff', school: '대치중학교' }] },
  { email: 'head@dolbom.demo', name: '박교장', grants: [{ role: 'school_head', school: '대치중학교' }] },
  { email: 'teacher2@dolbom.demo', name: '이책임', grants: [{ role: 'school_staff', school: '역삼초등학교' }] },
  { email: 'teacher3@dolbom.demo', name: '최수원', grants: [{ role: 'school_staff', school: '매탄중학교' }] },
  // A colleague at 대치중학교 who did not file its sexual cases: the one the case team keeps out.
  { email: 'homeroom@dolbom.demo', name: '송교사', grants: [{ role: 'school_staff', school: '대치중학교' }] },
  { email: 'investigator@dolbom.demo', name: '정조사', grants: [{ role: 'investigator', office: '강남서초' }] },
  { email: 'secretary@dolbom.demo', name: '한간사', grants: [{ role: 'committee_secretary', office: '강남서초' }] },
  { email: 'member@dolbom.demo', name: '오위원', grants: [{ role: 'committee_member', office: '강남서초' }] },
  { email: 'auditor@dolbom.demo', name: '윤감사', grants: [{ role: 'office_auditor', office: '강남서초' }] },
  { email: 'admin@dolbom.demo', name: '관리자', grants: [{ role: 'admin' }] },
];

/** Each office's committee pool: a third or more parents (Act 13), and the professions the Act names. */
export const DEMO_COMMITTEE = [
  { name: '강민서', category: 'parent' },
  { name: '윤지호', category: 'parent' },
  { name: '서하은', category: 'parent' },
  { name: '조현우', category: 'parent' },
  { name: '임수빈', category: 'teacher' },
  { name: '장도윤', category: 'lawyer' },
  { name: '오세린', category: 'police' },
  { name: '신예준', category: 'doctor' },
  { name: '홍다인', category: 'other' },
  { name: '권태오', category: 'teacher' },
] as const;
