import { and, asc, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { auditLog, legalHolds } from '@/db/schema';
import { seed } from '@/db/seed';
import { actorByEmail, closeCaseForTest, demoActors, fileAppealForTest, intake, refusal, rowCounts } from '@/db/test/fixtures';
import type { Actor } from '@/lib/auth/roles';
import { fileCaseInput } from '@/lib/cases/schemas';
import { fileCase } from '@/lib/cases/service';
import { loadRetention, releaseLegalHold, setLegalHold } from './holds';
import { releaseLegalHoldInput, setLegalHoldInput } from './holds-schemas';

let teacher: Actor;
let head: Actor;
let investigator: Actor;
let secretary: Actor;
let member: Actor;
let auditor: Actor;
let admin: Actor;
let outsider: Actor;
let schoolId: string;

const now = new Date('2026-08-01T10:00:00+09:00');
const ctx = (actor: Actor) => ({ actor, ip: '10.0.0.9', now });

beforeAll(async () => {
  await seed();
  [teacher, head, investigator, secretary, member, auditor, admin] = await demoActors(
    'teacher',
    'head',
    'investigator',
    'secretary',
    'member',
    'auditor',
    'admin',
  );
  schoolId = teacher.grants[0]!.schoolId!;
  // Staff of a school in another office: cannot open this school's cases at all.
  outsider = await actorByEmail('teacher3@dolbom.demo');
});

async function newCase(categories: string[] = ['physical']): Promise<string> {
  const { id } = await fileCase(fileCaseInput.parse(intake(schoolId, { categories: categories as never })), {
    actor: teacher,
    ip: null,
    now: new Date('2026-03-02T10:05:00+09:00'),
  });
  return id;
}

const counts = () => rowCounts({ holds: legalHolds, audit: auditLog });

describe('manual legal holds', () => {
  it('a school head sets a hold with a reason and releases it, each audited in the same transaction', async () => {
    const caseId = await newCase();
    const { holdId } = await setLegalHold(setLegalHoldInput.parse({ caseId, reason: '  경찰 수사 중: 증거 보존 요청  ' }), ctx(head));

    const [hold] = await db.select().from(legalHolds).where(eq(legalHolds.id, holdId));
    expect(hold).toMatchObject({ caseId, reason: '경찰 수사 중: 증거 보존 요청', setBy: head.userId, setAt: now, releasedAt: null, releasedBy: null });
    const later = new Date(now.getTime() + 3_600_000);
    await releaseLegalHold(releaseLegalHoldInput.parse({ caseId, holdId }), { actor: head, ip: '10.0.0.9', now: later });
    const [released] = await db.select().from(legalHolds).where(eq(legalHolds.id, holdId));
    expect(released).toMatchObject({ releasedBy: head.userId, releasedAt: later });

    const audits = await db
      .select({ action: auditLog.action, actorId: auditLog.actorId, detail: auditLog.detail, ip: auditLog.ip, at: auditLog.at })
      .from(auditLog)
      .where(and(eq(auditLog.targetId, caseId)))
      .orderBy(asc(auditLog.id));
    expect(audits.filter((a) => a.action.startsWith('evidence.'))).toEqual([
      { action: 'evidence.hold_set', actorId: head.userId, detail: { holdId, reason: '경찰 수사 중: 증거 보존 요청' }, ip: '10.0.0.9', at: now },
      { action: 'evidence.hold_released', actorId: head.userId, detail: { holdId }, ip: '10.0.0.9', at: later },
    ]);
  });

  it('the investigator, the committee secretary and an admin who may open the case may set holds', async () => {
    const caseId = await newCase();
    for (const actor of [investigator, secretary, admin]) await setLegalHold({ caseId, reason: '보존' }, ctx(actor));
    const rows = await db.select({ setBy: legalHolds.setBy }).from(legalHolds).where(eq(legalHolds.caseId, caseId));
    expect(rows.map((r) => r.setBy).sort()).toEqual([investigator.userId, secretary.userId, admin.userId].sort());
  });

  it('staff, committee members and auditors are refused and nothing is written; a case the actor may not open is not found', async () => {
    const caseId = await newCase();
    const { holdId } = await setLegalHold({ caseId, reason: '보존' }, ctx(head));
    const before = await counts();
    for (const actor of [teacher, member, auditor]) {
      expect((await refusal(setLegalHold({ caseId, reason: '보존' }, ctx(actor)))).code).toBe('forbidden');
      expect((await refusal(releaseLegalHold({ caseId, holdId }, ctx(actor)))).code).toBe('forbidden');
    }
    expect((await refusal(setLegalHold({ caseId, reason: '보존' }, ctx(outsider)))).code).toBe('not_found');
    expect(await counts()).toEqual(before);
  });

  it('on a restricted case only its team may set holds: an admin or a secretary outside the team gets not_found', async () => {
    const caseId = await newCase(['digital_sex_offence']);
    const before = await counts();
    expect((await refusal(setLegalHold({ caseId, reason: '보존' }, ctx(admin)))).code).toBe('not_found');
    expect((await refusal(setLegalHold({ caseId, reason: '보존' }, ctx(secretary)))).code).toBe('not_found');
    expect(await counts()).toEqual(before);
    await setLegalHold({ caseId, reason: '보존' }, ctx(investigator));
    expect((await counts()).holds).toBe(before.holds + 1);
  });

  it('a hold is released once: a second release, or a hold of another case, is refused without an audit row', async () => {
    const caseId = await newCase();
    const otherCase = await newCase();
    const { holdId } = await setLegalHold({ caseId, reason: '보존' }, ctx(head));
    await releaseLegalHold({ caseId, holdId }, ctx(head));
    const before = await counts();
    expect((await refusal(releaseLegalHold({ caseId, holdId }, ctx(head)))).code).toBe('invalid_transition');
    expect((await refusal(releaseLegalHold({ caseId: otherCase, holdId }, ctx(head)))).code).toBe('not_found');
    expect(await counts()).toEqual(before);
  });

  it('a blank reason fails the shared schema before anything runs', () => {
    const parsed = setLegalHoldInput.safeParse({ caseId: '00000000-0000-4000-8000-000000000000', reason: '   ' });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.message).toBe('required');
  });
});

describe('the retention the case page shows', () => {
  it('an open case is kept; under a pending lawsuit it shows the automatic hold; closed, it is scheduled; a manual hold shows as such', async () => {
    const caseId = await newCase();
    expect((await loadRetention(caseId, head, now))!.state).toEqual({ kind: 'kept' });

    const appealId = await fileAppealForTest(caseId, head, new Date('2026-06-01T10:00:00+09:00'), 'administrative_appeal');
    const underAppeal = (await loadRetention(caseId, head, now))!;
    expect(underAppeal.state).toEqual({ kind: 'held', reasons: ['appeal_pending'], purgeAt: null });
    expect(underAppeal.pendingAppeals).toEqual([{ id: appealId, kind: 'administrative_appeal', filedAt: new Date('2026-06-01T10:00:00+09:00') }]);
    expect(await db.select().from(legalHolds).where(eq(legalHolds.caseId, caseId))).toEqual([]);

    const other = await newCase();
    await closeCaseForTest(other, new Date('2026-07-01T10:00:00+09:00'));
    const closed = (await loadRetention(other, investigator, now))!;
    expect(closed.state).toEqual({ kind: 'scheduled', purgeAt: new Date('2029-06-30T10:00:00+09:00') });
    expect(closed).toMatchObject({ mayManageHolds: true, mayExport: true, holds: [], files: { total: 0, purged: 0, lastPurgedAt: null } });

    await setLegalHold({ caseId: other, reason: '민사소송 예정' }, ctx(head));
    const held = (await loadRetention(other, head, now))!;
    expect(held.state).toEqual({ kind: 'held', reasons: ['manual'], purgeAt: new Date('2029-06-30T10:00:00+09:00') });
    expect(held.holds).toMatchObject([{ reason: '민사소송 예정', setByName: '박교장', releasedAt: null }]);
  });

  it('an auditor sees no retention panel, staff see it without the hold form or the export', async () => {
    const caseId = await newCase();
    expect(await loadRetention(caseId, auditor, now)).toBeNull();
    expect(await loadRetention(caseId, teacher, now)).toMatchObject({ mayManageHolds: false, mayExport: false });
    expect(await loadRetention(caseId, admin, now)).toMatchObject({ mayManageHolds: true, mayExport: false });
  });
});
