import { beforeAll, describe, expect, it, vi } from 'vitest';
import { seed } from '@/db/seed';
import { actorByEmail, intake } from '@/db/test/fixtures';
import { fileCaseInput } from '@/lib/cases/schemas';
import { fileCase } from '@/lib/cases/service';
import { POST } from '@/app/api/cron/sweep/route';

const SECRET = 'cron-secret-for-tests-only-0123';
process.env.CRON_SECRET = SECRET;

const call = (authorization?: string) =>
  POST(new Request('http://localhost/api/cron/sweep', { method: 'POST', headers: authorization ? { authorization } : {} }));

beforeAll(async () => {
  await seed();
  const teacher = await actorByEmail('teacher@dolbom.demo');
  const input = fileCaseInput.parse(
    intake(teacher.grants[0]!.schoolId!, {
      occurredAt: '2026-01-05T09:00',
      reportedAt: '2026-01-05T10:00',
      location: '교실',
      categories: ['verbal'],
      summary: '욕설',
      parties: [{ name: '김피해', role: 'victim', schoolMode: 'own' }],
    }),
  );
  await fileCase(input, { actor: teacher, ip: null, now: new Date('2026-01-05T10:30:00+09:00') });
});

describe('POST /api/cron/sweep', () => {
  it('refuses a missing or wrong bearer token', async () => {
    expect((await call()).status).toBe(401);
    expect((await call(`Bearer ${SECRET}-wrong`)).status).toBe(401);
  });

  it('with the secret, sweeps and delivers, and answers the counts; a repeat call finds nothing new', async () => {
    vi.spyOn(console, 'info').mockImplementation(() => {});
    const first = await call(`Bearer ${SECRET}`);
    expect(first.status).toBe(200);
    const body = (await first.json()) as Record<string, number>;
    // The filed case is long overdue by now: at least its guardian notice, office report and separation start, to four people each.
    expect(body.notifications).toBeGreaterThanOrEqual(12);
    expect(body).toMatchObject({ emails: body.notifications, sent: body.notifications, failed: 0 });
    expect(await (await call(`Bearer ${SECRET}`)).json()).toEqual({ cases: body.cases, notifications: 0, emails: 0, sent: 0, failed: 0, evidencePurged: 0 });
  });
});
