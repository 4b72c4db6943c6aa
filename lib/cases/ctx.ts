import type { Actor } from '@/lib/auth/roles';

/**
 * Who acts, from where and when: the second argument of every use-case.
 * `now` is injectable so tests set the clock without mocks; the use-case
 * fixes it once (`withNow`) so the event, the clocks and the audit row of one
 * change carry the same instant.
 */
export type Ctx = { actor: Actor; ip: string | null; now?: Date };

export type TimedCtx = Ctx & { now: Date };

export function withNow(ctx: Ctx): TimedCtx {
  return { ...ctx, now: ctx.now ?? new Date() };
}
