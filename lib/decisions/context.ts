import 'server-only';
import { and, eq } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { getCaseEvents, getCaseRow } from '@/db/queries/cases';
import { caseParties, decisions, schools, victimMeasures } from '@/db/schema';
import { canAs } from '@/lib/auth/permissions';
import type { Actor } from '@/lib/auth/roles';
import { canViewCase } from '@/lib/cases/access';
import { TRANSITIONS, caseResource } from '@/lib/cases/workflow';
import { DomainError } from '@/lib/errors';
import type { SchoolLevel } from '@/lib/rules/types';
import { finalisedMeasures, hearingHeld } from './case-facts';
import { measureUnion, sameMeasures } from './measures';

export type CaseRow = NonNullable<Awaited<ReturnType<typeof getCaseRow>>>;
export type CaseEvents = Awaited<ReturnType<typeof getCaseEvents>>;

/**
 * Locks the case row for a decision write and checks who may write: the
 * roles of the `record_decision` step, on this case's office. Every decision
 * write takes this lock first, so saves, finalising and the notice step
 * serialize and a finalised decision cannot change under the clocks.
 */
export async function lockCaseForDecision(tx: Tx, caseId: string, actor: Actor): Promise<{ row: CaseRow; events: CaseEvents }> {
  const row = await getCaseRow(tx, caseId, { forUpdate: true });
  if (!row || !canViewCase(actor, row)) throw new DomainError('not_found');
  if (!canAs(actor, TRANSITIONS.record_decision.roles, caseResource(row))) throw new DomainError('forbidden');
  return { row, events: await getCaseEvents(tx, caseId) };
}

/**
 * Decisions are drafted after the hearing and may be corrected until the
 * disposition is notified. After `decision_made` the clocks have read the
 * measures, so from then on a correction may not change them (see guardFinalised).
 */
export function decisionStage(row: CaseRow, events: CaseEvents): 'drafting' | 'finalised' {
  if (row.status === 'hearing_scheduled') {
    if (!hearingHeld(events)) throw new DomainError('invalid_transition', 'no hearing held', { _form: ['hearingNotHeld'] });
    return 'drafting';
  }
  if (row.status === 'decided') return 'finalised';
  throw new DomainError('invalid_transition', `decision write in ${row.status}`);
}

/** A party of this case with the school level that decides compulsory education for them. */
export async function partyOnCase(tx: Tx, row: CaseRow, partyId: string): Promise<{ id: string; role: string; schoolLevel: SchoolLevel } | null> {
  const [party] = await tx
    .select({ id: caseParties.id, role: caseParties.role, level: schools.level })
    .from(caseParties)
    .leftJoin(schools, eq(schools.id, caseParties.schoolId))
    .where(and(eq(caseParties.id, partyId), eq(caseParties.caseId, row.id)));
  if (!party) return null;
  return { id: party.id, role: party.role, schoolLevel: party.level ?? (await caseSchoolLevel(tx, row)) };
}

/**
 * A student at a school outside the system (free-text name) is taken to be at
 * the case school's level: the report came from there, and for expulsion the
 * stricter answer is the safe one when the two differ.
 */
async function caseSchoolLevel(tx: Tx, row: CaseRow): Promise<SchoolLevel> {
  const [s] = await tx.select({ level: schools.level }).from(schools).where(eq(schools.id, row.schoolId));
  if (!s) throw new DomainError('not_found');
  return s.level;
}

/**
 * After `decision_made`, a correction must leave the measures the clocks read
 * (the union over perpetrators and over victims) as they were: the victim
 * measures clock, the disposition clock and the transfer clock started from them.
 */
export async function guardFinalised(tx: Tx, row: CaseRow, events: CaseEvents, change: { perpetrator?: { partyId: string; measures: number[] }; victim?: { partyId: string; measures: number[] } }): Promise<void> {
  const finalised = finalisedMeasures(events);
  if (!finalised) return;
  if (change.perpetrator) {
    const { partyId, measures } = change.perpetrator;
    const others = await tx.select({ partyId: decisions.perpetratorPartyId, measures: decisions.measures }).from(decisions).where(eq(decisions.caseId, row.id));
    const union = measureUnion([measures, ...others.filter((d) => d.partyId !== partyId).map((d) => d.measures.map((m) => m.measure))]);
    if (!sameMeasures(union, finalised.perpetratorMeasures)) throw new DomainError('invalid_input', 'finalised measures changed', { measures: ['measuresFinalised'] });
  }
  if (change.victim) {
    const { partyId, measures } = change.victim;
    const others = await tx.select({ partyId: victimMeasures.victimPartyId, measures: victimMeasures.measures }).from(victimMeasures).where(eq(victimMeasures.caseId, row.id));
    const union = measureUnion([measures, ...others.filter((v) => v.partyId !== partyId).map((v) => v.measures)]);
    if (!sameMeasures(union, finalised.victimMeasures)) throw new DomainError('invalid_input', 'finalised measures changed', { measures: ['measuresFinalised'] });
  }
}
