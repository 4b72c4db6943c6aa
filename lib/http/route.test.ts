import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Actor } from '@/lib/auth/roles';
import { DOMAIN_ERROR_CODES, DomainError, type DomainErrorCode } from '@/lib/errors';

const session = vi.hoisted(() => ({ actor: null as Actor | null }));
vi.mock('@/lib/auth/session', () => ({
  getActor: vi.fn(async () => session.actor),
  requestIp: vi.fn(async () => '203.0.113.7'),
}));

const { errorResponse, withActor } = await import('./route');

const actor: Actor = { userId: '00000000-0000-4000-8000-000000000001', name: '담당자', email: 'a@example.kr', grants: [] };

/** Written out rather than read from HTTP_STATUS, so a changed status fails here. */
const EXPECTED: Record<DomainErrorCode, number> = {
  not_found: 404,
  forbidden: 403,
  invalid_transition: 409,
  conflict: 409,
  deadline_passed: 422,
  invalid_input: 400,
  unauthenticated: 401,
};

let logged: ReturnType<typeof vi.spyOn>;
beforeEach(() => {
  session.actor = actor;
  logged = vi.spyOn(console, 'error').mockImplementation(() => {});
});
afterEach(() => logged.mockRestore());

describe('errorResponse', () => {
  it.each(DOMAIN_ERROR_CODES)('a DomainError %s answers its own status with the code and nothing else', async (code) => {
    const res = errorResponse(new DomainError(code, `internal detail of ${code}`), { where: 'test' });
    expect(res.status).toBe(EXPECTED[code]);
    expect(await res.json()).toEqual({ error: code });
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(logged).not.toHaveBeenCalled();
  });

  it('an unexpected error is logged and answered 500 without its message', async () => {
    const boom = new Error('relation "cases" does not exist: SELECT secret FROM cases');
    const res = errorResponse(boom, { where: 'test' });
    expect(res.status).toBe(500);
    const body = await res.text();
    expect(JSON.parse(body)).toEqual({ error: 'unexpected' });
    expect(body).not.toContain('relation');
    expect(body).not.toContain('secret');
    expect(logged).toHaveBeenCalledWith('[test] unexpected error', boom);
  });

  it('a thrown non-Error is hidden the same way', async () => {
    const res = errorResponse('password=hunter2', { where: 'test' });
    expect(res.status).toBe(500);
    expect(await res.text()).not.toContain('hunter2');
  });

  it('the _form message (an i18n key) goes along as the reason', async () => {
    const res = errorResponse(new DomainError('forbidden', 'token expired', { _form: ['viewExpired'] }), { where: 'test' });
    expect(res.status).toBe(403);
    expect(await res.json()).toEqual({ error: 'forbidden', reason: 'viewExpired' });
  });

  it.each(DOMAIN_ERROR_CODES)('a concealing route answers %s as 404, so it never confirms a case exists', async (code) => {
    const res = errorResponse(new DomainError(code), { where: 'test', conceal: true });
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ error: 'not_found' });
  });

  it('a concealing route still hides an unexpected error as 500', async () => {
    const res = errorResponse(new Error('db down'), { where: 'test', conceal: true });
    expect(res.status).toBe(500);
    expect(await res.json()).toEqual({ error: 'unexpected' });
  });

  it('the route’s own headers replace the default', () => {
    const res = errorResponse(new DomainError('not_found'), { where: 'test', headers: { 'cache-control': 'no-store, private', pragma: 'no-cache' } });
    expect(res.headers.get('cache-control')).toBe('no-store, private');
    expect(res.headers.get('pragma')).toBe('no-cache');
  });

  it('redirect() and notFound() pass through untouched', () => {
    const redirect = Object.assign(new Error('NEXT_REDIRECT'), { digest: 'NEXT_REDIRECT;replace;/login;307;' });
    expect(() => errorResponse(redirect, { where: 'test' })).toThrow(redirect);
  });
});

describe('withActor', () => {
  it('without a session answers 401 and never runs the body', async () => {
    session.actor = null;
    const body = vi.fn(async () => new Response('file'));
    const res = await withActor({ where: 'test' }, body);
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({ error: 'unauthenticated' });
    expect(body).not.toHaveBeenCalled();
  });

  it('without a session a concealing route answers 404', async () => {
    session.actor = null;
    const body = vi.fn(async () => new Response('file'));
    const res = await withActor({ where: 'test', conceal: true }, body);
    expect(res.status).toBe(404);
    expect(body).not.toHaveBeenCalled();
  });

  it('gives the body the actor and the request address, and returns its response', async () => {
    const res = await withActor({ where: 'test' }, async (ctx) => {
      expect(ctx).toEqual({ actor, ip: '203.0.113.7' });
      return new Response('file', { status: 200 });
    });
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('file');
  });

  it('maps the use-case’s DomainError and hides anything else', async () => {
    const denied = await withActor({ where: 'test' }, async () => {
      throw new DomainError('forbidden');
    });
    expect(denied.status).toBe(403);
    const broken = await withActor({ where: 'test' }, async () => {
      throw new Error('connection refused 10.0.0.5:5432');
    });
    expect(broken.status).toBe(500);
    expect(await broken.text()).not.toContain('10.0.0.5');
  });
});
