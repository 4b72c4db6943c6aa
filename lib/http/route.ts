import 'server-only';
import type { Actor } from '@/lib/auth/roles';
import { getActor, requestIp } from '@/lib/auth/session';
import { DomainError, HTTP_STATUS, isNextControlFlow, type DomainErrorCode } from '@/lib/errors';

/** A route handler's answers are per user: nothing may sit in a shared cache. */
export const NO_STORE: Readonly<Record<string, string>> = { 'cache-control': 'no-store' };

export type RouteErrorOptions = {
  /** Names the route in the log line of an unexpected error. */
  where: string;
  headers?: Readonly<Record<string, string>>;
  /**
   * Answer every expected failure, a missing session included, as 404, for a
   * route that must never confirm that a case exists to someone who may not
   * see it.
   */
  conceal?: boolean;
};

/** A JSON error body with the code the client translates; never a raw message. */
export function errorJson(
  code: DomainErrorCode | 'unexpected',
  headers: Readonly<Record<string, string>> = NO_STORE,
  extra: Record<string, string> = {},
): Response {
  return Response.json({ error: code, ...extra }, { status: code === 'unexpected' ? 500 : HTTP_STATUS[code], headers });
}

/**
 * DomainError codes become HTTP statuses here, once (HTTP_STATUS in
 * lib/errors.ts). A `_form` field message is an i18n key and may go along as
 * the reason. Anything else is logged and answered 500 with a generic body,
 * so a database or library message never reaches the user.
 */
export function errorResponse(e: unknown, { where, headers = NO_STORE, conceal = false }: RouteErrorOptions): Response {
  if (isNextControlFlow(e)) throw e;
  if (e instanceof DomainError) {
    if (conceal) return errorJson('not_found', headers);
    const reason = e.fieldErrors?._form?.[0];
    return errorJson(e.code, headers, reason ? { reason } : {});
  }
  console.error(`[${where}] unexpected error`, e);
  return errorJson('unexpected', headers);
}

/** What a route handler's body gets: the signed-in actor, grants read fresh, and the address for the audit row. */
export type RouteCtx = { actor: Actor; ip: string | null };

/**
 * Runs a route handler's body for the signed-in actor. No session answers
 * 401 (404 when concealing); the body's use-case still authorizes, and its
 * errors go through errorResponse.
 */
export async function withActor(options: RouteErrorOptions, body: (ctx: RouteCtx) => Promise<Response>): Promise<Response> {
  try {
    const actor = await getActor();
    if (!actor) throw new DomainError('unauthenticated');
    return await body({ actor, ip: await requestIp() });
  } catch (e) {
    return errorResponse(e, options);
  }
}
