import 'server-only';
import type { Tx } from '@/db/client';
import type { getCaseRow } from '@/db/queries/cases';
import { applyStep, type Ctx } from '@/lib/cases/service';
import { applyAction, type CaseActionInput, type CaseSnapshot } from '@/lib/cases/workflow';
import { DomainError, type DomainErrorCode } from '@/lib/errors';

export type CaseRow = NonNullable<Awaited<ReturnType<typeof getCaseRow>>>;

/**
 * One execution-area step through `applyStep`. The workflow table is asked
 * first (a dry run of the same pure `applyAction`), so a wrong role or status
 * is reported as such before this area's own preconditions are looked at;
 * then `check` runs under the case lock `applyStep` holds.
 */
export async function takeStep<T = undefined>(tx: Tx, caseId: string, input: CaseActionInput, ctx: Ctx & { now: Date }, check?: (row: CaseRow, events: CaseSnapshot['events']) => Promise<T>) {
  let checked: { value: T } | undefined;
  const applied = await applyStep(tx, caseId, input, ctx, async (row, events) => {
    const snapshot: CaseSnapshot = {
      id: row.id,
      status: row.status,
      schoolId: row.schoolId,
      officeId: row.officeId,
      reportedAt: row.reportedAt.toISOString(),
      categories: row.categories,
      events,
    };
    applyAction(snapshot, input, ctx.actor, ctx.now);
    checked = { value: check ? await check(row, events) : (undefined as T) };
  });
  if (!checked) throw new Error(`${input.type}: check did not run`);
  return { ...applied, checked: checked.value };
}

/** A refusal with the message key on the field it concerns (`_form` for the form as a whole). */
export function refuse(code: DomainErrorCode, field: string, key: string): never {
  throw new DomainError(code, key, { [field]: [key] });
}

export function withNow(ctx: Ctx): Ctx & { now: Date } {
  return { ...ctx, now: ctx.now ?? new Date() };
}
