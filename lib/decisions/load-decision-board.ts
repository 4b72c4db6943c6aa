import 'server-only';
import { eq } from 'drizzle-orm';
import { db } from '@/db/client';
import { getCaseRow } from '@/db/queries/cases';
import { caseParties, decisions, schools, victimMeasures } from '@/db/schema';
import type { Actor } from '@/lib/auth/roles';
import { canSeeIdentities, canViewCase } from '@/lib/cases/access';
import { DomainError } from '@/lib/errors';
import type { SchoolLevel } from '@/lib/rules/types';

/**
 * What the decision section shows beyond the case view: the saved decisions
 * with their versions, the victims' measures, and each student's school
 * level (null for a school outside the system: the case school's applies).
 * Free-text reasons and notes can name students, so pseudonym-only viewers get them blank.
 */
export async function loadDecisionBoard(caseId: string, actor: Actor) {
  const row = await getCaseRow(db, caseId);
  if (!row || !canViewCase(actor, row)) throw new DomainError('not_found');
  const identities = canSeeIdentities(actor, row);
  const [decided, victims, levels] = await Promise.all([
    db.select().from(decisions).where(eq(decisions.caseId, caseId)),
    db.select().from(victimMeasures).where(eq(victimMeasures.caseId, caseId)),
    db
      .select({ id: caseParties.id, level: schools.level })
      .from(caseParties)
      .leftJoin(schools, eq(schools.id, caseParties.schoolId))
      .where(eq(caseParties.caseId, caseId)),
  ]);
  return {
    decisions: decided.map((d) => ({
      id: d.id,
      perpetratorPartyId: d.perpetratorPartyId,
      notSchoolViolence: d.notSchoolViolence,
      rubric: d.rubric,
      measures: d.measures,
      differsFromRecommendation: d.differsFromRecommendation,
      overrideReason: identities ? d.overrideReason : null,
      emergencyRatification: (d.emergencyRatification ?? {}) as Record<string, { ratified: boolean; note?: string }>,
      version: d.version,
      updatedAt: d.updatedAt,
    })),
    victimMeasures: victims.map((v) => ({ victimPartyId: v.victimPartyId, measures: v.measures, note: identities ? v.note : null })),
    schoolLevels: Object.fromEntries(levels.map((l) => [l.id, l.level])) as Record<string, SchoolLevel | null>,
  };
}

export type DecisionBoard = Awaited<ReturnType<typeof loadDecisionBoard>>;
