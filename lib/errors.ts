import type { z } from 'zod';

export const DOMAIN_ERROR_CODES = ['not_found', 'forbidden', 'invalid_transition', 'conflict', 'deadline_passed', 'invalid_input', 'unauthenticated'] as const;
export type DomainErrorCode = (typeof DOMAIN_ERROR_CODES)[number];

/** An expected failure with a code the UI translates. Its message is for logs, never shown raw. */
export class DomainError extends Error {
  constructor(
    readonly code: DomainErrorCode,
    message: string = code,
    readonly fieldErrors?: Record<string, string[]>,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export const HTTP_STATUS: Record<DomainErrorCode, number> = {
  not_found: 404,
  forbidden: 403,
  invalid_transition: 409,
  conflict: 409,
  deadline_passed: 422,
  invalid_input: 400,
  unauthenticated: 401,
};

/** What every server action returns to its form. `error` and field messages are i18n keys. */
export type ActionState<T = undefined> =
  { ok: true; data?: T } | { ok: false; error: DomainErrorCode | 'unexpected'; fieldErrors?: Record<string, string[]> } | null;

export function fieldErrors(error: z.ZodError): { ok: false; error: 'invalid_input'; fieldErrors: Record<string, string[]> } {
  const out: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join('.') || '_form';
    (out[key] ??= []).push(issue.message);
  }
  return { ok: false, error: 'invalid_input', fieldErrors: out };
}

/** Turns a DomainError into the action's result in one place; anything else is logged and hidden. */
export async function runAction<T>(
  fn: () => Promise<T>,
): Promise<{ ok: true; data: T } | { ok: false; error: DomainErrorCode | 'unexpected'; fieldErrors?: Record<string, string[]> }> {
  try {
    return { ok: true, data: await fn() };
  } catch (e) {
    if (e instanceof DomainError) return { ok: false, error: e.code, ...(e.fieldErrors ? { fieldErrors: e.fieldErrors } : {}) };
    if (isNextControlFlow(e)) throw e;
    console.error('[action] unexpected error', e);
    return { ok: false, error: 'unexpected' };
  }
}

/** redirect() and notFound() work by throwing; they must pass through untouched (actions and route handlers alike). */
export function isNextControlFlow(e: unknown): boolean {
  const digest = (e as { digest?: unknown } | null)?.digest;
  return typeof digest === 'string' && (digest.startsWith('NEXT_REDIRECT') || digest.startsWith('NEXT_HTTP_ERROR_FALLBACK') || digest === 'NEXT_NOT_FOUND');
}
