import 'server-only';
import { and, eq } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { caseParties, decisions, schools, victimMeasures } from '@/db/schema';
import type { CaseRow, StepEvent } from '@/lib/cases/step-engine';
import { DomainError } from '@/lib/errors';
import type { SchoolLevel } from '@/lib/rules/types';
import { finalisedMeasures, hearingHeld } from './case-facts';
import { measureUnion, sameMeasures } from './measures';

type CaseEvents = StepEvent[];

/**
 * Decisions are drafted after the hearing and may be corrected until the
 * disposition is notified. After `decision_made` the clocks have read the
 * measures, so from then on a correction may not change them (see guardFinalised).
 * A save is not a step of its own: it takes the case lock under the
 * `record_decision` step's roles (lib/cases/step-engine `lockCase`), so saves,
 * finalising and the notice step serialize.
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
export async function guardFinalised(
  tx: Tx,
  row: CaseRow,
  events: CaseEvents,
  change: { perpetrator?: { partyId: string; measures: number[] }; victim?: { partyId: string; measures: number[] } },
): Promise<void> {
  const finalised = finalisedMeasures(events);
  if (!finalised) return;
  if (change.perpetrator) {
    const { partyId, measures } = change.perpetrator;
    const others = await tx.select({ partyId: decisions.perpetratorPartyId, measures: decisions.measures }).from(decisions).where(eq(decisions.caseId, row.id));
    const union = measureUnion([measures, ...others.filter((d) => d.partyId !== partyId).map((d) => d.measures.map((m) => m.measure))]);
    if (!sameMeasures(union, finalised.perpetratorMeasures))
      throw new DomainError('invalid_input', 'finalised measures changed', { measures: ['measuresFinalised'] });
  }
  if (change.victim) {
    const { partyId, measures } = change.victim;
    const others = await tx
      .select({ partyId: victimMeasures.victimPartyId, measures: victimMeasures.measures })
      .from(victimMeasures)
      .where(eq(victimMeasures.caseId, row.id));
    const union = measureUnion([measures, ...others.filter((v) => v.partyId !== partyId).map((v) => v.measures)]);
    if (!sameMeasures(union, finalised.victimMeasures))
      throw new DomainError('invalid_input', 'finalised measures changed', { measures: ['measuresFinalised'] });
  }
}
