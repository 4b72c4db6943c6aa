/**
 * What a CSV export of the dashboard may say about the kind of case. A CSV
 * leaves the system (mailed on, printed, kept on a laptop), so there, as in
 * a notice, a digital sex offence is counted and listed only as sexual
 * violence (lib/cases/categories). The page itself keeps the finer rows: it
 * stays behind the auditor's sign-in. Pure.
 */
import { disclosedCategoryFilter } from '@/lib/cases/categories';
import type { FactCounter } from './counters';
import type { DrillQuery } from './filters';
import type { Dashboard } from './queries';
import type { Cell, TableModel } from './tables';

/** Counters that single out digital sex offences, and the sexual-violence counter each is disclosed as. */
const UNDISCLOSED_FACTS: Partial<Record<FactCounter, FactCounter>> = {
  cat_digital_sex_offence: 'sexual_cases',
  cat_sexual_violence: 'sexual_cases',
  dso_police_reported: 'sexual_police_reported',
};

/**
 * The drill-down an export runs: a category filter on one sexual category
 * takes both, and a drill on a digital-sex-offence counter becomes the
 * sexual-violence counter, so the exported rows never say which cases were
 * digital sex offences.
 */
export function disclosedDrillQuery(q: DrillQuery): DrillQuery {
  const categories = disclosedCategoryFilter(q.categories);
  if (q.metric === 'fact') return { ...q, categories, fact: UNDISCLOSED_FACTS[q.fact] ?? q.fact };
  return { ...q, categories };
}

const isUndisclosedFact = (c: Cell) => c.drill?.metric === 'fact' && c.drill.fact in UNDISCLOSED_FACTS && c.drill.fact !== 'cat_sexual_violence';

/**
 * A dashboard table as an export may write it: the per-category case table
 * has one sexual-violence column counting cases of either sexual category
 * (a case with both counts once), and the sexual-case table drops its
 * digital-sex-offence rows. Other tables pass unchanged.
 */
export function disclosedTable(model: TableModel, d: Pick<Dashboard, 'facts'>): TableModel {
  if (model.id === 'stats_sexual') return { ...model, rows: model.rows.filter((r) => !r.some(isUndisclosedFact)) };
  if (model.id !== 'stats_cases') return model;
  const dso = model.columns.findIndex((c) => c.id === 'digital_sex_offence');
  const sexual = model.columns.findIndex((c) => c.id === 'sexual_violence');
  if (dso < 0 || sexual < 0) return model;
  return {
    ...model,
    columns: model.columns.filter((_, i) => i !== dso),
    rows: model.rows.map((r) => {
      const level = r.find((c) => c.override?.level)?.override?.level;
      const counts = level ? d.facts.byLevel.get(level) : d.facts.total;
      return r.flatMap((c, i): Cell[] =>
        i === dso ? [] : i === sexual ? [{ ...c, value: counts?.sexual_cases ?? 0, drill: { metric: 'fact', fact: 'sexual_cases' } }] : [c],
      );
    }),
  };
}
