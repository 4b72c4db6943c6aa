import { recommendMeasures } from '@/lib/rules/rubric';
import type { Recommendation, SchoolLevel } from '@/lib/rules/types';
import { EXPULSION_MEASURE, expulsionBarred, sameMeasures } from './measures';
import type { SaveDecisionData } from './schemas';

export type DecisionIssue = { path: 'measures' | 'overrideReason'; message: 'expulsionBarred' | 'overrideReasonRequired' };
export type DecisionReview = { recommendation: Recommendation; differs: boolean; issues: DecisionIssue[] };

/**
 * What the law and the rubric say about a decision before it is stored: the
 * recommendation (docs/rules-contract.md §2), whether the committee departs from it, and
 * what must be refused. The form shows the same review live.
 */
export function reviewDecision(d: Pick<SaveDecisionData, 'rubric' | 'measures' | 'overrideReason'>, schoolLevel: SchoolLevel): DecisionReview {
  const recommendation = recommendMeasures({ ...d.rubric, schoolLevel });
  const selected = d.measures.map((m) => m.measure);
  const differs = !sameMeasures(selected, recommendation.measures);
  const issues: DecisionIssue[] = [];
  if (selected.includes(EXPULSION_MEASURE) && expulsionBarred(schoolLevel)) issues.push({ path: 'measures', message: 'expulsionBarred' });
  // The committee may always decide differently, but must say why in writing (docs/rules-contract.md §2).
  if (differs && !d.overrideReason) issues.push({ path: 'overrideReason', message: 'overrideReasonRequired' });
  return { recommendation, differs, issues };
}

export function issuesAsFieldErrors(issues: readonly DecisionIssue[]): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const i of issues) (out[i.path] ??= []).push(i.message);
  return out;
}
