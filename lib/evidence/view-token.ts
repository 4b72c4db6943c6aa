import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';

/**
 * The pass between recording a view and serving it. The server action that
 * writes the custody row hands back this token; the GET that streams the
 * blurred preview or the original accepts only a token for that file, that
 * person and that stage, for a minute and a half. A URL copied into a chat
 * is useless to anyone else and soon useless to its owner too, and skipping
 * the preview by asking for `stage=original` fails without the second
 * confirmation's token. The reason never travels in the URL.
 */

export type ViewStage = 'preview' | 'original';
export type ViewClaims = { evidenceId: string; userId: string; stage: ViewStage };

export const VIEW_TOKEN_TTL_SECONDS = 90;

/** A key of its own derived from the app secret, so a token can never double as a session signature or vice versa. */
export function viewTokenKey(appSecret: string): Buffer {
  return Buffer.from(hkdfSync('sha256', appSecret, Buffer.alloc(0), 'dolbom/evidence-view-token/v1', 32));
}

function mac(key: Buffer, payload: string): Buffer {
  return createHmac('sha256', key).update(payload).digest();
}

export function signViewToken(key: Buffer, claims: ViewClaims, now: Date, ttlSeconds = VIEW_TOKEN_TTL_SECONDS): { token: string; expiresAt: Date } {
  const exp = Math.floor(now.getTime() / 1000) + ttlSeconds;
  const payload = Buffer.from(JSON.stringify({ e: claims.evidenceId, u: claims.userId, s: claims.stage, x: exp })).toString('base64url');
  return { token: `${payload}.${mac(key, payload).toString('base64url')}`, expiresAt: new Date(exp * 1000) };
}

/** True only for an untampered, unexpired token naming exactly these claims. */
export function verifyViewToken(key: Buffer, token: string, expected: ViewClaims, now: Date): boolean {
  const [payload, sig, extra] = token.split('.');
  if (!payload || !sig || extra !== undefined) return false;
  const given = Buffer.from(sig, 'base64url');
  const want = mac(key, payload);
  if (given.length !== want.length || !timingSafeEqual(given, want)) return false;
  let claims: { e?: unknown; u?: unknown; s?: unknown; x?: unknown };
  try {
    claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as typeof claims;
  } catch {
    return false;
  }
  return (
    claims.e === expected.evidenceId &&
    claims.u === expected.userId &&
    claims.s === expected.stage &&
    typeof claims.x === 'number' &&
    claims.x * 1000 > now.getTime()
  );
}
