import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import type { Actor } from '@/lib/auth/roles';
import { scheduleHearingInput } from '@/lib/committee/schemas';
import { DomainError } from '@/lib/errors';

const session = vi.hoisted(() => ({ actor: null as Actor | null, permitted: true }));
const revalidatePath = vi.hoisted(() => vi.fn());
vi.mock('next/cache', () => ({ revalidatePath }));
vi.mock('@/lib/auth/session', async () => {
  const { DomainError: Err } = await import('@/lib/errors');
  const requireActor = vi.fn(async () => {
    if (!session.actor) throw new Err('unauthenticated');
    return session.actor;
  });
  return {
    requireActor,
    requirePermission: vi.fn(async () => {
      const actor = await requireActor();
      if (!session.permitted) throw new Err('forbidden');
      return actor;
    }),
    requestIp: vi.fn(async () => '203.0.113.7'),
  };
});

const { caseAction, caseRecordAction, serverAction } = await import('./case-action');
const auth = await import('@/lib/auth/session');

const caseId = '00000000-0000-4000-8000-000000000001';
const member = '00000000-0000-4000-8000-0000000000aa';
const actor: Actor = { userId: '00000000-0000-4000-8000-000000000002', name: '간사', email: 's@example.kr', grants: [] };
const hearing = { caseId, scheduledAt: '2026-04-21T14:00', location: '회의실', panel: [member] };

let logged: ReturnType<typeof vi.spyOn>;
beforeEach(() => {
  session.actor = actor;
  session.permitted = true;
  vi.clearAllMocks();
  logged = vi.spyOn(console, 'error').mockImplementation(() => {});
});
afterEach(() => logged.mockRestore());

describe('caseAction', () => {
  it('bad input answers field errors and never authenticates, runs the use-case or revalidates', async () => {
    const useCase = vi.fn(async () => ({ hearingId: 'h' }));
    const result = await caseAction(scheduleHearingInput, useCase)({ caseId, scheduledAt: '2026-04-21T14:00', location: '회의실', panel: [] });
    expect(result).toEqual({ ok: false, error: 'invalid_input', fieldErrors: { panel: ['panelRequired'] } });
    expect(useCase).not.toHaveBeenCalled();
    expect(auth.requireActor).not.toHaveBeenCalled();
    expect(revalidatePath).not.toHaveBeenCalled();
  });

  it('input that is not even an object is field errors too', async () => {
    const useCase = vi.fn(async () => undefined);
    const result = await caseAction(scheduleHearingInput, useCase)('caseId=1');
    expect(result).toMatchObject({ ok: false, error: 'invalid_input' });
    expect(useCase).not.toHaveBeenCalled();
  });

  it('runs the use-case with the parsed input, the fresh actor and the address, then revalidates the case and every list it is in', async () => {
    const useCase = vi.fn(async () => ({ hearingId: 'h1' }));
    const result = await caseAction(scheduleHearingInput, useCase)(hearing);
    expect(result).toEqual({ ok: true, data: { hearingId: 'h1' } });
    expect(useCase).toHaveBeenCalledWith(scheduleHearingInput.parse(hearing), { actor, ip: '203.0.113.7' });
    expect(revalidatePath.mock.calls).toEqual([[`/cases/${caseId}`], ['/school'], ['/office'], ['/admin/case-teams', 'layout'], ['/audit', 'layout']]);
  });

  it('without a session answers unauthenticated and writes nothing', async () => {
    session.actor = null;
    const useCase = vi.fn(async () => undefined);
    expect(await caseAction(scheduleHearingInput, useCase)(hearing)).toEqual({ ok: false, error: 'unauthenticated' });
    expect(useCase).not.toHaveBeenCalled();
    expect(revalidatePath).not.toHaveBeenCalled();
  });

  it('a DomainError from the use-case becomes its code, with its field errors, and nothing is revalidated', async () => {
    const useCase = vi.fn(async () => {
      throw new DomainError('deadline_passed', 'day 29', { scheduledAt: ['tooLate'] });
    });
    expect(await caseAction(scheduleHearingInput, useCase)(hearing)).toEqual({
      ok: false,
      error: 'deadline_passed',
      fieldErrors: { scheduledAt: ['tooLate'] },
    });
    expect(revalidatePath).not.toHaveBeenCalled();
  });

  it('an unexpected error is logged and answered without its message', async () => {
    const useCase = vi.fn(async () => {
      throw new Error('duplicate key value violates unique constraint "hearings_pkey"');
    });
    const result = await caseAction(scheduleHearingInput, useCase)(hearing);
    expect(result).toEqual({ ok: false, error: 'unexpected' });
    expect(JSON.stringify(result)).not.toContain('hearings_pkey');
    expect(logged).toHaveBeenCalled();
  });

  it('a use-case that returns nothing answers ok without data', async () => {
    expect(await caseAction(scheduleHearingInput, async () => {})(hearing)).toEqual({ ok: true, data: undefined });
  });
});

describe('caseRecordAction', () => {
  it('revalidates the case page only', async () => {
    await caseRecordAction(z.object({ caseId: z.string().uuid() }), async () => ({ holdId: 'x' }))({ caseId });
    expect(revalidatePath.mock.calls).toEqual([[`/cases/${caseId}`]]);
  });
});

describe('serverAction', () => {
  const input = z.object({ id: z.string().uuid() });

  it('answers with the reply, not all the use-case returned', async () => {
    const act = serverAction(input, async () => ({ id: caseId, secretNote: 'x' }), { revalidate: () => [], reply: ({ id }) => ({ id }) });
    expect(await act({ id: caseId })).toEqual({ ok: true, data: { id: caseId } });
  });

  it('revalidates what the result names, after the use-case', async () => {
    const act = serverAction(input, async () => ({ caseId }), { revalidate: (_, r) => [`/cases/${r.caseId}`, ['/', 'layout']] });
    await act({ id: member });
    expect(revalidatePath.mock.calls).toEqual([[`/cases/${caseId}`], ['/', 'layout']]);
  });

  it('with a permission checks it before the use-case', async () => {
    session.permitted = false;
    const useCase = vi.fn(async () => undefined);
    const act = serverAction(input, useCase, { permission: 'notifications.view_own', revalidate: () => [] });
    expect(await act({ id: caseId })).toEqual({ ok: false, error: 'forbidden' });
    expect(auth.requirePermission).toHaveBeenCalledWith('notifications.view_own');
    expect(useCase).not.toHaveBeenCalled();
  });
});
