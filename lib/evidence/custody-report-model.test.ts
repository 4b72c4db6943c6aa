import { describe, expect, it } from 'vitest';
import { custodyFileName, custodyReportCsv, custodyReportModel, kstStamp, type CustodySource } from './custody-report-model';

const HASH_A = 'a'.repeat(63) + '1';
const HASH_B = 'b'.repeat(63) + '2';
const at = (local: string) => new Date(`${local}+09:00`);

const source: CustodySource = {
  caseNumber: '강남서초-2026-0042',
  schoolName: '대치중학교',
  officeName: '서울특별시강남서초교육지원청',
  categories: ['digital_sex_offence', 'cyberbullying'],
  generatedAt: at('2026-09-01T10:00:00'),
  generatedBy: '정조사',
  files: [
    {
      id: 'f1',
      fileName: '캡처1.png',
      contentType: 'image/png',
      sizeBytes: 4096,
      sha256: HASH_A,
      uploadedByName: '김담임',
      uploadedAt: at('2026-03-03T10:00:00'),
      sensitive: true,
      purgedAt: null,
    },
    {
      id: 'f2',
      fileName: '대화.pdf',
      contentType: 'application/pdf',
      sizeBytes: 1000,
      sha256: HASH_B,
      uploadedByName: '김담임',
      uploadedAt: at('2026-03-03T10:05:00'),
      sensitive: true,
      purgedAt: at('2029-03-04T03:00:00'),
    },
  ],
  custody: [
    { evidenceId: 'f1', action: 'uploaded', at: at('2026-03-03T10:00:00'), actorName: '김담임', reason: null, sha256: HASH_A, ip: '10.0.0.7' },
    { evidenceId: 'f2', action: 'uploaded', at: at('2026-03-03T10:05:00'), actorName: '김담임', reason: null, sha256: HASH_B, ip: '10.0.0.7' },
    {
      evidenceId: 'f1',
      action: 'preview_viewed',
      at: at('2026-03-04T09:00:00'),
      actorName: '정조사',
      reason: '피해 사실 확인',
      sha256: HASH_A,
      ip: '10.0.0.8',
    },
    { evidenceId: 'f2', action: 'purged', at: at('2029-03-04T03:00:00'), actorName: null, reason: null, sha256: HASH_B, ip: null },
    { evidenceId: null, action: 'custody_exported', at: at('2026-09-01T10:00:00'), actorName: '정조사', reason: null, sha256: null, ip: '10.0.0.8' },
  ],
  holds: [{ reason: '형사재판 증거', setByName: '박교장', setAt: at('2026-05-01T09:00:00'), releasedByName: '박교장', releasedAt: at('2026-06-01T09:00:00') }],
  pendingAppeals: [{ kind: 'lawsuit', filedAt: at('2026-07-20T10:00:00') }],
  locations: [
    {
      platform: 'telegram',
      url: 'https://t.me/example/123',
      firstSeenAt: at('2026-03-02T21:00:00'),
      firstSeenBy: '같은 반 학생',
      recordedByName: '김담임',
      recordedAt: at('2026-03-03T11:00:00'),
      requests: [
        {
          target: 'dsc',
          requestedAt: at('2026-03-03T12:00:00'),
          referenceNo: 'DSC-2026-777',
          status: 'removed',
          updates: [
            { status: 'requested', at: at('2026-03-03T12:00:00'), note: null, actorName: '김담임' },
            { status: 'removed', at: at('2026-03-10T15:00:00'), note: '삭제 확인', actorName: '김담임' },
          ],
        },
      ],
    },
  ],
};

describe('chain-of-custody report', () => {
  it('the CSV is UTF-8 with a BOM and CRLF, one row per event in time order, with hashes, custody rows and the takedown history', () => {
    const csv = custodyReportCsv(source, 'ko');
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const lines = csv.slice(1).trimEnd().split('\r\n');
    expect(lines[0]).toContain('SHA-256');
    // 5 custody rows, 1 pending lawsuit, hold set and released, 1 location, 2 takedown updates.
    expect(lines).toHaveLength(1 + 5 + 1 + 2 + 1 + 2);
    const times = lines.slice(1).map((l) => l.split(',')[3]!);
    expect([...times].sort()).toEqual(times);
    expect(csv).toContain(HASH_A);
    expect(csv).toContain(HASH_B);
    expect(csv).toContain('흐림 미리보기 열람');
    expect(csv).toContain('피해 사실 확인');
    expect(csv).toContain('보존 기간 만료로 폐기');
    expect(csv).toContain('https://t.me/example/123');
    expect(csv).toContain('DSC-2026-777');
    expect(csv).toContain('삭제됨');
    expect(csv).toContain('텔레그램');
    expect(csv).toContain('행정소송 진행 중(자동 보존)');
    expect(csv).toContain('2026-03-03 10:00:00');
  });

  it('prints a sexual category only as sexual violence, in either language, and never the digital-offence detail', () => {
    for (const lang of ['ko', 'en'] as const) {
      const all = custodyReportCsv(source, lang) + JSON.stringify(custodyReportModel(source, lang));
      expect(all).not.toMatch(/딥페이크|digital_sex_offence|디지털 성범죄|Digital sex offence|deepfake/i);
    }
    expect(custodyReportModel(source, 'ko').meta.find((m) => m.label === '사안 유형')?.value).toBe('사이버폭력, 성폭력');
    expect(custodyReportModel(source, 'en').meta.find((m) => m.label === 'Category')?.value).toBe('Cyberbullying, Sexual violence');
  });

  it('the PDF model lists each file with its hash, upload, sensitivity, purge and its own custody rows, then the holds and takedowns', () => {
    const m = custodyReportModel(source, 'ko');
    expect(m.meta).toEqual(
      expect.arrayContaining([
        { label: '사건번호', value: '강남서초-2026-0042' },
        { label: '생성 일시', value: '2026-09-01 10:00:00 KST' },
        { label: '생성자', value: '정조사' },
      ]),
    );
    const [first, second] = m.sections;
    expect(first!.heading).toBe('파일 1. 캡처1.png');
    expect(first!.lines).toEqual([
      '형식: image/png · 크기: 4096바이트',
      `SHA-256: ${HASH_A}`,
      '업로드: 2026-03-03 10:00:00, 김담임',
      '민감 자료: 예',
      '폐기: 보관 중',
      '2026-03-03 10:00:00 · 업로드 · 김담임 · IP 10.0.0.7',
      '2026-03-04 09:00:00 · 흐림 미리보기 열람 · 정조사 · 사유: 피해 사실 확인 · IP 10.0.0.8',
    ]);
    expect(second!.lines).toContain('폐기: 2029-03-04 03:00:00 (내용과 키 삭제, 해시 보존)');
    expect(second!.lines).toContain('2029-03-04 03:00:00 · 보존 기간 만료로 폐기 · 시스템(자동)');
    const section = (h: string) => m.sections.find((s) => s.heading === h)!.lines;
    expect(section('사안 단위 기록')).toEqual(['2026-09-01 10:00:00 · 보관 이력 보고서 생성 · 정조사 · IP 10.0.0.8']);
    expect(section('법적 보존')).toEqual([
      '행정소송 진행 중 (2026-07-20 10:00:00 제기): 자동 보존',
      '2026-05-01 09:00:00 박교장 설정: 형사재판 증거 · 2026-06-01 09:00:00 박교장 해제',
    ]);
    expect(section('온라인 유포 위치와 삭제 요청')).toEqual([
      '텔레그램 · https://t.me/example/123',
      '최초 발견 2026-03-02 21:00:00, 발견한 사람: 같은 반 학생 · 김담임 기록 (2026-03-03 11:00:00)',
      '삭제 요청: 디지털성범죄피해자지원센터(디성센터) · 요청일 2026-03-03 12:00:00 · 접수번호 DSC-2026-777 · 현재 상태 삭제됨',
      '2026-03-03 12:00:00 · 요청함 · 김담임',
      '2026-03-10 15:00:00 · 삭제됨 · 김담임 · 비고: 삭제 확인',
    ]);
  });

  it('a case with no evidence, holds or locations says so rather than leaving sections blank', () => {
    const m = custodyReportModel({ ...source, files: [], custody: [], holds: [], pendingAppeals: [], locations: [] }, 'en');
    expect(m.sections.map((s) => s.lines)).toEqual([['None'], ['None'], ['None']]);
  });

  it('names the download in ASCII for the fallback header and stamps times in KST to the second', () => {
    expect(custodyFileName('강남서초-2026-0042', 'csv')).toBe('custody-report-2026-0042.csv');
    expect(kstStamp(new Date('2026-03-03T01:02:03.999Z'))).toBe('2026-03-03 10:02:03');
  });
});
