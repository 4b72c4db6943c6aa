import 'server-only';
import { revalidatePath } from 'next/cache';
import type { z } from 'zod';
import type { Permission } from '@/lib/auth/permissions';
import type { Actor } from '@/lib/auth/roles';
import { requestIp, requireActor, requirePermission } from '@/lib/auth/session';
import { fieldErrors, runAction, type ActionState } from '@/lib/errors';
import { caseRecordPaths, caseStepPaths, type PagePath } from './revalidation';

/** What every use-case is given: the actor with grants read fresh from the database, and the request's address for the audit row. */
export type ActionCtx = { actor: Actor; ip: string | null };

type UseCase<I, R> = (input: I, ctx: ActionCtx) => Promise<R>;

/** A use-case that returns nothing answers the form with no data, as `ActionState` (undefined data) says. */
type Reply<R> = [R] extends [void] ? undefined : R;

export type ServerActionOptions<I, R, T> = {
  /** The pages that show what the action changed; called only after the use-case succeeded. */
  revalidate: (input: I, result: R) => readonly PagePath[];
  /** What the form gets back, when that is less than the use-case returns (it travels to the browser). */
  reply?: (result: R) => T;
  /** For actions whose service scopes rows to the actor but does not check a role itself. */
  permission?: Permission;
};

/**
 * The one shape of a server action: parse with the form's zod schema (a
 * failure answers with field errors before anything else runs), authenticate
 * (no session is `unauthenticated`, never a redirect mid-mutation), run the
 * use-case, which authorizes and writes its rows and audit row in one
 * transaction, then revalidate. DomainError codes become the ActionState in
 * runAction (lib/errors.ts); anything else is logged and hidden there.
 */
export function serverAction<S extends z.ZodType, R, T = Reply<R>>(
  schema: S,
  useCase: UseCase<z.output<S>, R>,
  options: ServerActionOptions<z.output<S>, R, T>,
): (raw: unknown) => Promise<ActionState<T>> {
  return async (raw) => {
    const parsed = schema.safeParse(raw);
    if (!parsed.success) return fieldErrors(parsed.error);
    const input = parsed.data;
    return runAction(async () => {
      const actor = options.permission ? await requirePermission(options.permission) : await requireActor();
      const result = await useCase(input, { actor, ip: await requestIp() });
      for (const path of options.revalidate(input, result)) {
        if (typeof path === 'string') revalidatePath(path);
        else revalidatePath(path[0], path[1]);
      }
      return (options.reply ? options.reply(result) : result) as T;
    });
  };
}

type CaseInput = z.ZodType<{ caseId: string }>;

/**
 * A step of the case's workflow: it changes the case's status or clocks, so
 * the case page and every list it appears in are revalidated.
 * `export const xAction = caseAction(xInput, x)` is a valid 'use server'
 * export: Next's compiler registers the call's result, and the runtime
 * check (ensureServerEntryExports) asks only that it be a function.
 */
export function caseAction<S extends CaseInput, R>(schema: S, useCase: UseCase<z.output<S>, R>): (raw: unknown) => Promise<ActionState<Reply<R>>> {
  return serverAction(schema, useCase, { revalidate: (input) => caseStepPaths(input.caseId) });
}

/** A record only the case page shows (evidence, legal holds, takedowns): the lists stay as they are. */
export function caseRecordAction<S extends CaseInput, R>(schema: S, useCase: UseCase<z.output<S>, R>): (raw: unknown) => Promise<ActionState<Reply<R>>> {
  return serverAction(schema, useCase, { revalidate: (input) => caseRecordPaths(input.caseId) });
}
