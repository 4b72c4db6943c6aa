import { describe, expect, it } from 'vitest';
import { signViewToken, verifyViewToken, viewTokenKey, VIEW_TOKEN_TTL_SECONDS, type ViewClaims } from './view-token';

const key = viewTokenKey('test-only-auth-secret-0123456789abcdef0123456789');
const claims: ViewClaims = { evidenceId: '6f1c1b7e-4c55-4a57-9a7e-0d9c2b0b1a11', userId: '0b8f3a57-1d7c-4f1b-8f0a-7a8b9c0d1e2f', stage: 'preview' };
const now = new Date('2026-03-02T10:00:00+09:00');
const later = (s: number) => new Date(now.getTime() + s * 1000);

describe('view tokens', () => {
  it('a fresh token verifies for its own file, person and stage', () => {
    const { token, expiresAt } = signViewToken(key, claims, now);
    expect(verifyViewToken(key, token, claims, later(10))).toBe(true);
    expect(expiresAt.getTime() - now.getTime()).toBe(VIEW_TOKEN_TTL_SECONDS * 1000);
  });

  it('expires after its short lifetime', () => {
    const { token } = signViewToken(key, claims, now);
    expect(verifyViewToken(key, token, claims, later(VIEW_TOKEN_TTL_SECONDS - 1))).toBe(true);
    expect(verifyViewToken(key, token, claims, later(VIEW_TOKEN_TTL_SECONDS))).toBe(false);
  });

  it('a preview token does not open the original, another file or another person', () => {
    const { token } = signViewToken(key, claims, now);
    expect(verifyViewToken(key, token, { ...claims, stage: 'original' }, now)).toBe(false);
    expect(verifyViewToken(key, token, { ...claims, evidenceId: '00000000-0000-4000-8000-000000000000' }, now)).toBe(false);
    expect(verifyViewToken(key, token, { ...claims, userId: '00000000-0000-4000-8000-000000000000' }, now)).toBe(false);
  });

  it('an edited payload or another secret fails the signature', () => {
    const { token } = signViewToken(key, claims, now);
    const [, sig] = token.split('.');
    const forged = Buffer.from(JSON.stringify({ e: claims.evidenceId, u: claims.userId, s: 'original', x: 9_999_999_999 })).toString('base64url');
    expect(verifyViewToken(key, `${forged}.${sig}`, { ...claims, stage: 'original' }, now)).toBe(false);
    expect(verifyViewToken(viewTokenKey('another-secret-another-secret-another-secret'), token, claims, now)).toBe(false);
    expect(verifyViewToken(key, 'garbage', claims, now)).toBe(false);
    expect(verifyViewToken(key, `${token}.extra`, claims, now)).toBe(false);
  });
});
