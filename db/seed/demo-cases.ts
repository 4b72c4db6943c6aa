/**
 * Demo cases: a dozen cases at different stages, filed and advanced through
 * the same use-cases the app uses (`fileCase`, `recordStep`) with `now` set in
 * the past, so every clock, event and audit row is what a real history would
 * leave. Times are relative to the moment of seeding, so the overdue cases
 * are overdue whenever the demo is run. Each case has a fixed idempotency
 * key: seeding again finds it, and its steps are not replayed.
 *
 * Students, guardians, phone numbers and incidents are made up.
 */
import { asc, eq, inArray } from 'drizzle-orm';
import { db } from '@/db/client';
import { loadActor } from '@/db/queries/actors';
import { caseParties, schools, users } from '@/db/schema';
import type { Actor } from '@/lib/auth/roles';
import { caseStepInput, fileCaseInput, type CaseStepInput, type FileCaseInput, type PartyInput } from '@/lib/cases/schemas';
import { fileCase, recordStep } from '@/lib/cases/service';
import { addCalendarDays, kstDateOf } from '@/lib/rules';

const HOUR = 3_600_000;

// `note` is typed by hand: the step schemas' inferred input makes exempt_separation's required note `undefined`.
type StepBody = CaseStepInput extends infer U ? (U extends unknown ? Omit<U, 'caseId' | 'occurredAt' | 'note'> & { note?: string } : never) : never;
/** A step `hours` after the report, by the filer unless `by` says otherwise; `parties` are the case's party ids in intake order. */
type DemoStep = { hours: number; by?: string; body: (parties: string[], at: Date) => StepBody };

type DemoCase = {
  key: string;
  by: string;
  school: string;
  /** When the school became aware, relative to the seeding moment. */
  reported: (now: Date) => Date;
  /** How long before the report the incident happened. */
  occurredHoursBefore: number;
  intake: Omit<FileCaseInput, 'idempotencyKey' | 'schoolId' | 'occurredAt' | 'reportedAt' | 'parties'>;
  parties: (school: (name: string) => string) => PartyInput[];
  steps: DemoStep[];
};

/** `days` days before today (KST) at `hhmm` KST. */
function daysAgoAt(days: number, hhmm: string) {
  return (now: Date) => new Date(`${addCalendarDays(kstDateOf(now.toISOString()), -days)}T${hhmm}:00+09:00`);
}
const hoursAgo = (h: number) => (now: Date) => new Date(now.getTime() - h * HOUR);
/** Today at `hhmm` KST if that was at least half an hour ago, otherwise `fallbackHours` ago. */
function todayAt(hhmm: string, fallbackHours: number) {
  return (now: Date) => {
    const today = daysAgoAt(0, hhmm)(now);
    return now.getTime() - today.getTime() >= HOUR / 2 ? today : hoursAgo(fallbackHours)(now);
  };
}

/** The last day a separation started at `at` may run: the start day counts as day 1 of 7 (Act 16①). */
const separationEnd = (at: Date) => addCalendarDays(kstDateOf(at.toISOString()), 6);

const guardianNotice = (hours: number, party = 0, method: 'phone' | 'in_person' | 'text_message' = 'phone'): DemoStep => ({
  hours,
  body: (p) => ({ type: 'record_guardian_notice', guardianPartyId: p[party]!, method }),
});
const officeReport = (hours: number): DemoStep => ({ hours, body: () => ({ type: 'record_office_report' }) });
const startSeparation = (hours: number, method: 'separate_classroom' | 'home_study' | 'different_schedule' = 'separate_classroom'): DemoStep => ({
  hours,
  body: (_p, at) => ({ type: 'start_separation', method, plannedEnd: separationEnd(at) }),
});
const endSeparation = (hours: number): DemoStep => ({ hours, body: () => ({ type: 'end_separation' }) });

export const DEMO_CASE_KEYS = Array.from({ length: 13 }, (_, i) => `d0b0e000-0000-4000-8000-${String(i + 1).padStart(12, '0')}`);
const key = (n: number) => DEMO_CASE_KEYS[n - 1]!;

const DEMO_CASES: DemoCase[] = [
  {
    // Filed this morning: every clock pending.
    key: key(1),
    by: 'teacher@dolbom.demo',
    school: '대치중학교',
    reported: todayAt('08:40', 1.5),
    occurredHoursBefore: 1,
    intake: {
      location: '본관 1층 급식실 앞 복도',
      learnedVia: 'teacher_observation',
      reporterType: 'teacher',
      categories: ['physical'],
      summary:
        '점심시간 급식실 앞 복도에서 2학년 학생이 같은 반 학생을 밀쳐 넘어뜨리고 발로 참. 순회 지도 중인 교사가 목격함. 피해학생은 무릎 찰과상으로 보건실 처치를 받음.',
    },
    parties: () => [
      { name: '이서준', role: 'victim', schoolMode: 'own', grade: 2, classNo: '4', guardianName: '이정민', guardianContact: '010-2481-3307' },
      { name: '박도윤', role: 'alleged_perpetrator', schoolMode: 'own', grade: 2, classNo: '4', guardianName: '박성호', guardianContact: '010-7719-0452' },
    ],
    steps: [],
  },
  {
    // Three days and nothing recorded: guardian notice, office report and separation all breached.
    key: key(2),
    by: 'teacher@dolbom.demo',
    school: '대치중학교',
    reported: daysAgoAt(3, '10:20'),
    occurredHoursBefore: 40,
    intake: {
      location: '학급 단체대화방(카카오톡)',
      learnedVia: 'guardian_contact',
      reporterType: 'guardian',
      categories: ['verbal', 'cyberbullying'],
      summary:
        '같은 반 학생 3명이 학급 단체대화방에서 피해학생의 외모를 비하하는 별명을 반복해 부르고, 피해학생 사진에 조롱하는 문구를 붙여 올림. 피해학생 보호자가 담임교사에게 전화로 알림.',
    },
    parties: () => [
      { name: '김하윤', role: 'victim', schoolMode: 'own', grade: 1, classNo: '2', guardianName: '김미경', guardianContact: '010-3345-9021' },
      { name: '정민준', role: 'alleged_perpetrator', schoolMode: 'own', grade: 1, classNo: '2' },
      { name: '강지우', role: 'alleged_perpetrator', schoolMode: 'own', grade: 1, classNo: '2' },
      { name: '윤하은', role: 'alleged_perpetrator', schoolMode: 'own', grade: 1, classNo: '3' },
    ],
    steps: [],
  },
  {
    // Guardians told, office informed, separation running and near its 7-day cap.
    key: key(3),
    by: 'teacher@dolbom.demo',
    school: '대치중학교',
    reported: daysAgoAt(5, '09:10'),
    occurredHoursBefore: 15,
    intake: {
      location: '학교 후문 앞 인도',
      learnedVia: 'direct_report',
      reporterType: 'student',
      categories: ['physical'],
      summary:
        '하교 시간 학교 후문 앞에서 3학년 학생이 피해학생의 멱살을 잡고 얼굴을 두 차례 때림. 피해학생이 다음 날 아침 담임교사에게 직접 신고함. 입술이 부어 병원 진료를 받음.',
    },
    parties: () => [
      { name: '장시우', role: 'victim', schoolMode: 'own', grade: 2, classNo: '1', guardianName: '장현주', guardianContact: '010-5520-1184' },
      { name: '한예준', role: 'alleged_perpetrator', schoolMode: 'own', grade: 3, classNo: '6', guardianName: '한동석', guardianContact: '010-9031-7745' },
    ],
    steps: [guardianNotice(1), guardianNotice(1.5, 1), startSeparation(2), officeReport(26)],
  },
  {
    // The victim declined separation, so its clock does not apply.
    key: key(4),
    by: 'teacher@dolbom.demo',
    school: '대치중학교',
    reported: daysAgoAt(4, '13:40'),
    occurredHoursBefore: 24 * 50,
    intake: {
      location: '2학년 5반 교실',
      learnedVia: 'survey',
      reporterType: 'student',
      categories: ['exclusion', 'verbal'],
      summary:
        '약 두 달 전부터 같은 반 학생 4명이 피해학생을 모둠 활동에서 빼고, 말을 걸면 못 들은 척하거나 비웃는 일이 반복됨. 학교폭력 실태조사 응답에서 드러나 상담으로 확인함.',
    },
    parties: () => [
      { name: '임수아', role: 'victim', schoolMode: 'own', grade: 2, classNo: '5', guardianName: '임재훈', guardianContact: '010-4418-6620' },
      { name: '오지안', role: 'alleged_perpetrator', schoolMode: 'own', grade: 2, classNo: '5' },
      { name: '서유진', role: 'alleged_perpetrator', schoolMode: 'own', grade: 2, classNo: '5' },
    ],
    steps: [
      guardianNotice(2, 0, 'in_person'),
      {
        hours: 3,
        body: () => ({
          type: 'exempt_separation',
          reason: 'victim_declined',
          note: '피해학생과 보호자가 면담에서 분리를 원하지 않는다고 밝힘. 담임교사가 모둠 구성을 조정하기로 함.',
        }),
      },
      officeReport(20),
    ],
  },
  {
    // The principal's emergency suspension, awaiting ratification by the school body.
    key: key(5),
    by: 'teacher@dolbom.demo',
    school: '대치중학교',
    reported: daysAgoAt(2, '11:00'),
    occurredHoursBefore: 2,
    intake: {
      location: '3학년 2반 교실',
      learnedVia: 'direct_report',
      reporterType: 'student',
      categories: ['physical', 'coercion'],
      summary:
        '쉬는 시간마다 피해학생에게 매점 심부름을 시키고, 거절하면 주먹으로 어깨와 등을 여러 차례 때림. 약 3주간 반복되었다는 피해학생 진술. 같은 반 학생 1명이 목격 진술함.',
    },
    parties: () => [
      { name: '신현우', role: 'victim', schoolMode: 'own', grade: 3, classNo: '2', guardianName: '신은정', guardianContact: '010-6673-2209' },
      { name: '황준서', role: 'alleged_perpetrator', schoolMode: 'own', grade: 3, classNo: '2', guardianName: '황인철', guardianContact: '010-8125-3390' },
      { name: '권나연', role: 'witness', schoolMode: 'own', grade: 3, classNo: '2' },
    ],
    steps: [
      guardianNotice(1),
      startSeparation(1.5),
      officeReport(4),
      {
        hours: 5,
        by: 'head@dolbom.demo',
        body: (p) => ({
          type: 'take_emergency_measure',
          measure: 'suspension',
          perpetratorPartyId: p[1]!,
          note: '피해학생 보호를 위해 출석정지 3일. 전담기구 추인 예정.',
        }),
      },
    ],
  },
  {
    // Digital sex offence, reported to the police within the hour; filed by the principal, so restricted to the case team.
    key: key(6),
    by: 'head@dolbom.demo',
    school: '대치중학교',
    reported: daysAgoAt(6, '15:30'),
    occurredHoursBefore: 30,
    intake: {
      location: '메신저 개인 대화방',
      learnedVia: 'guardian_contact',
      reporterType: 'guardian',
      categories: ['digital_sex_offence'],
      summary:
        '같은 학년 학생이 피해학생의 얼굴 사진을 합성한 성적 이미지를 만들어 다른 학생 2명에게 보냈다는 신고. 피해학생 보호자가 유포 사실을 알고 학교에 연락함. 이미지 원본은 보존 조치함.',
    },
    parties: () => [
      { name: '송채원', role: 'victim', schoolMode: 'own', grade: 2, classNo: '3', guardianName: '송지현', guardianContact: '010-2290-4417' },
      { name: '안태윤', role: 'alleged_perpetrator', schoolMode: 'own', grade: 2, classNo: '6' },
    ],
    steps: [
      {
        hours: 0.75,
        body: (_p, at) => ({
          type: 'record_police_report',
          station: '서울수서경찰서',
          reportNumber: `접수 제${kstDateOf(at.toISOString()).slice(0, 4)}-1184호`,
          officer: '여성청소년과 담당 수사관',
        }),
      },
      guardianNotice(1),
      startSeparation(3, 'different_schedule'),
      officeReport(18),
      endSeparation(24 * 4),
    ],
  },
  {
    // Sexual violence with no police report on record: the 24-hour police clock is breached.
    key: key(7),
    by: 'teacher@dolbom.demo',
    school: '대치중학교',
    reported: daysAgoAt(2, '12:15'),
    occurredHoursBefore: 3,
    intake: {
      location: '체육관 창고',
      learnedVia: 'direct_report',
      reporterType: 'student',
      categories: ['sexual_violence'],
      summary: '체육 수업 뒤 체육관 창고에서 같은 반 학생이 피해학생의 의사에 반해 신체를 접촉했다는 피해학생 진술. 담임교사가 상담 중 인지함.',
    },
    parties: () => [
      { name: '조은서', role: 'victim', schoolMode: 'own', grade: 1, classNo: '4', guardianName: '조민호', guardianContact: '010-7764-5513' },
      { name: '배시현', role: 'alleged_perpetrator', schoolMode: 'own', grade: 1, classNo: '4' },
    ],
    steps: [startSeparation(1), guardianNotice(2), officeReport(6)],
  },
  {
    // Weeks in: investigating, and the office's 14-day investigation is overdue. The other side is at a high school.
    key: key(8),
    by: 'teacher@dolbom.demo',
    school: '대치중학교',
    reported: daysAgoAt(18, '10:00'),
    occurredHoursBefore: 24 * 9,
    intake: {
      location: '인스타그램 DM 및 게시물 댓글',
      learnedVia: 'guardian_contact',
      reporterType: 'guardian',
      categories: ['cyberbullying', 'exclusion'],
      summary:
        '인근 고등학교 1학년 학생이 인스타그램 DM과 게시물 댓글로 피해학생을 지속적으로 조롱하고, 다른 학생들에게 피해학생을 차단하라고 부추김. 피해학생 보호자가 화면 캡처 자료를 제출함.',
    },
    parties: (school) => [
      { name: '문지호', role: 'victim', schoolMode: 'own', grade: 3, classNo: '1', guardianName: '문혜진', guardianContact: '010-3058-7716' },
      { name: '유건우', role: 'alleged_perpetrator', schoolMode: 'listed', schoolId: school('서초고등학교'), grade: 1, classNo: '7' },
    ],
    steps: [
      guardianNotice(3),
      {
        hours: 4,
        body: () => ({
          type: 'exempt_separation',
          reason: 'already_separated',
          note: '가해 관련 학생이 다른 학교(서초고등학교) 학생으로 학교 안에서 마주치지 않음.',
        }),
      },
      officeReport(20),
    ],
  },
  {
    // An elementary school's case with a special-school student as the victim; investigation under way.
    key: key(9),
    by: 'teacher2@dolbom.demo',
    school: '역삼초등학교',
    reported: daysAgoAt(10, '14:00'),
    occurredHoursBefore: 3,
    intake: {
      location: '강남구 학생체육관 운동장',
      learnedVia: 'teacher_observation',
      reporterType: 'teacher',
      categories: ['verbal', 'physical'],
      summary:
        '지역 통합 체육 행사 중 5학년 학생 2명이 강남특수학교 학생의 말투를 흉내 내며 놀리고, 물병을 빼앗아 던져 팔에 맞힘. 인솔 교사가 현장에서 목격함.',
    },
    parties: (school) => [
      {
        name: '노하람',
        role: 'victim',
        schoolMode: 'listed',
        schoolId: school('강남특수학교'),
        grade: 5,
        guardianName: '노경수',
        guardianContact: '010-5186-2043',
      },
      { name: '전우진', role: 'alleged_perpetrator', schoolMode: 'own', grade: 5, classNo: '2', guardianName: '전소영', guardianContact: '010-2217-8806' },
      { name: '홍서율', role: 'alleged_perpetrator', schoolMode: 'own', grade: 5, classNo: '2' },
    ],
    steps: [
      guardianNotice(2),
      {
        hours: 2.5,
        body: () => ({
          type: 'exempt_separation',
          reason: 'already_separated',
          note: '피해학생이 다른 학교(강남특수학교) 학생으로 일상 교육활동에서 만나지 않음.',
        }),
      },
      officeReport(22),
    ],
  },
  {
    // Extortion; separation over, the investigation report is due within days.
    key: key(10),
    by: 'teacher2@dolbom.demo',
    school: '역삼초등학교',
    reported: daysAgoAt(13, '09:30'),
    occurredHoursBefore: 24 * 20,
    intake: {
      location: '학교 앞 놀이터 및 문구점',
      learnedVia: 'guardian_contact',
      reporterType: 'guardian',
      categories: ['extortion'],
      summary:
        '6학년 학생이 4학년 피해학생에게 약 3주 동안 "빌려 달라"며 용돈과 문화상품권을 여러 차례 받아 감(약 8만 원). 피해학생 보호자가 용돈 기입장을 보고 학교에 알림.',
    },
    parties: () => [
      { name: '백승민', role: 'victim', schoolMode: 'own', grade: 4, classNo: '3', guardianName: '백지은', guardianContact: '010-6627-1930' },
      { name: '고태현', role: 'alleged_perpetrator', schoolMode: 'own', grade: 6, classNo: '1', guardianName: '고명수', guardianContact: '010-4452-7781' },
    ],
    steps: [guardianNotice(1), startSeparation(2), officeReport(24), endSeparation(24 * 3)],
  },
  {
    // Reported through the 117 hotline yesterday; the guardians were never told in time.
    key: key(11),
    by: 'teacher2@dolbom.demo',
    school: '역삼초등학교',
    reported: hoursAgo(30),
    occurredHoursBefore: 20,
    intake: {
      location: '2층 남자 화장실 앞',
      learnedVia: 'hotline_117',
      reporterType: 'student',
      categories: ['verbal'],
      summary: '3학년 학생 2명이 쉬는 시간마다 피해학생의 가족을 비하하는 말과 욕설을 함. 피해학생이 117 학교폭력 신고센터에 신고해 학교로 통보됨.',
    },
    parties: () => [
      { name: '양지환', role: 'victim', schoolMode: 'own', grade: 3, classNo: '2', guardianName: '양수빈', guardianContact: '010-8840-3326' },
      { name: '차민재', role: 'alleged_perpetrator', schoolMode: 'own', grade: 3, classNo: '4' },
      { name: '구도현', role: 'alleged_perpetrator', schoolMode: 'own', grade: 3, classNo: '4' },
    ],
    steps: [startSeparation(3)],
  },
  {
    // The other office (수원): a fight where both students were hurt.
    key: key(12),
    by: 'teacher3@dolbom.demo',
    school: '매탄중학교',
    reported: daysAgoAt(1, '16:00'),
    occurredHoursBefore: 1,
    intake: {
      location: '2학년 3반 교실',
      learnedVia: 'teacher_observation',
      reporterType: 'teacher',
      categories: ['physical'],
      summary:
        '청소 시간 자리 배치 문제로 다투다 서로 밀쳤고, 한 학생이 책상 모서리에 이마를 부딪쳐 병원에서 봉합 치료를 받음. 다른 학생은 손목을 삠. 수업 담당 교사가 현장에서 인지함.',
    },
    parties: () => [
      { name: '엄준혁', role: 'both', schoolMode: 'own', grade: 2, classNo: '3', guardianName: '엄기태', guardianContact: '031-212-4475' },
      { name: '곽민성', role: 'both', schoolMode: 'own', grade: 2, classNo: '3', guardianName: '곽정아', guardianContact: '010-9913-2058' },
    ],
    steps: [guardianNotice(1, 0), guardianNotice(1.2, 1), startSeparation(2)],
  },
  {
    // The other office, weeks in: office report filed late, investigation overdue.
    key: key(13),
    by: 'teacher3@dolbom.demo',
    school: '매탄중학교',
    reported: daysAgoAt(25, '10:00'),
    occurredHoursBefore: 24 * 6,
    intake: {
      location: '학년 단체대화방(카카오톡)',
      learnedVia: 'survey',
      reporterType: 'student',
      categories: ['cyberbullying', 'verbal'],
      summary: '1학년 단체대화방에서 피해학생을 강제로 내보낸 뒤 따로 대화방을 만들어 욕설과 근거 없는 소문을 퍼뜨림. 학교폭력 실태조사 응답에서 드러남.',
    },
    parties: () => [
      { name: '표지원', role: 'victim', schoolMode: 'own', grade: 1, classNo: '5', guardianName: '표상우', guardianContact: '010-7350-6612' },
      { name: '탁현서', role: 'alleged_perpetrator', schoolMode: 'own', grade: 1, classNo: '5' },
      { name: '기은우', role: 'alleged_perpetrator', schoolMode: 'own', grade: 1, classNo: '1' },
    ],
    steps: [guardianNotice(2), startSeparation(3), officeReport(60), endSeparation(24 * 5)],
  },
];

/** The seeding moment clamps every "recorded at": a step cannot be recorded after now. */
const notAfter = (d: Date, now: Date) => (d.getTime() > now.getTime() ? now : d);

export async function seedDemoCases(now: Date = new Date()): Promise<{ created: number }> {
  const emails = [...new Set(DEMO_CASES.flatMap((c) => [c.by, ...c.steps.flatMap((s) => (s.by ? [s.by] : []))]))];
  const userRows = await db.select({ id: users.id, email: users.email }).from(users).where(inArray(users.email, emails));
  const actors = new Map<string, Actor>();
  for (const u of userRows) {
    const actor = await loadActor(db, u.id);
    if (actor) actors.set(u.email, actor);
  }
  const actor = (email: string) => {
    const a = actors.get(email);
    if (!a) throw new Error(`seed: demo user ${email} missing`);
    return a;
  };
  const schoolRows = await db.select({ id: schools.id, name: schools.name }).from(schools);
  const school = (name: string) => {
    const s = schoolRows.find((r) => r.name === name);
    if (!s) throw new Error(`seed: school ${name} missing`);
    return s.id;
  };

  let created = 0;
  for (const c of DEMO_CASES) {
    const reportedAt = c.reported(now);
    const filed = await fileCase(
      fileCaseInput.parse({
        ...c.intake,
        idempotencyKey: c.key,
        schoolId: school(c.school),
        reportedAt: reportedAt.toISOString(),
        occurredAt: new Date(reportedAt.getTime() - c.occurredHoursBefore * HOUR).toISOString(),
        parties: c.parties(school),
      }),
      { actor: actor(c.by), ip: null, now: notAfter(new Date(reportedAt.getTime() + 20 * 60_000), now) },
    );
    if (!filed.created) continue;
    created++;

    const partyIds = (await db.select({ id: caseParties.id }).from(caseParties).where(eq(caseParties.caseId, filed.id)).orderBy(asc(caseParties.position))).map(
      (p) => p.id,
    );
    for (const s of c.steps) {
      const at = new Date(reportedAt.getTime() + s.hours * HOUR);
      if (at.getTime() > now.getTime()) continue;
      await recordStep(caseStepInput.parse({ ...s.body(partyIds, at), caseId: filed.id, occurredAt: at.toISOString() }), {
        actor: actor(s.by ?? c.by),
        ip: null,
        now: notAfter(new Date(at.getTime() + 7 * 60_000), now),
      });
    }
  }
  return { created };
}

export const DEMO_CASE_COUNT = DEMO_CASES.length;
