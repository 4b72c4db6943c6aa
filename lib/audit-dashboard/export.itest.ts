import { and, asc, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { auditLog } from '@/db/schema';
import { seedOrganisations } from '@/db/seed';
import { demoActors } from '@/db/test/fixtures';
import type { Actor } from '@/lib/auth/roles';
import { exportAuditCsv } from './service';

const NOW = new Date('2026-06-15T03:00:00Z');
const tr = (key: string) => key;
let auditor: Actor;
let teacher: Actor;

beforeAll(async () => {
  await seedOrganisations();
  [auditor, teacher] = await demoActors('auditor', 'teacher');
});

const exportsBy = (actor: Actor) =>
  db
    .select({ detail: auditLog.detail, ip: auditLog.ip })
    .from(auditLog)
    .where(and(eq(auditLog.action, 'audit.exported'), eq(auditLog.actorId, actor.userId)))
    .orderBy(asc(auditLog.id));

describe('audit CSV exports', () => {
  it('every export writes an audit.exported row naming the table and its row count', async () => {
    const csv = await exportAuditCsv(auditor, 'offices', { from: '2026-01', to: '2026-06' }, tr, NOW, '203.0.113.9');
    const dataRows = csv.body.split('\r\n').filter(Boolean).length - 1;
    expect(await exportsBy(auditor)).toEqual([{ detail: { table: 'offices', rows: dataRows }, ip: '203.0.113.9' }]);

    await exportAuditCsv(auditor, 'cases', { from: '2026-01', to: '2026-06' }, tr, NOW);
    expect((await exportsBy(auditor)).map((r) => (r.detail as { table: string }).table)).toEqual(['offices', 'cases']);
  });

  it('a school staff member cannot export, and nothing is recorded as exported', async () => {
    await expect(exportAuditCsv(teacher, 'offices', {}, tr, NOW)).rejects.toMatchObject({ code: 'forbidden' });
    expect(await exportsBy(teacher)).toEqual([]);
  });
});
