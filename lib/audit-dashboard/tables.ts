/**
 * Every table of the dashboard as data: titles, columns, cells, and for each
 * number the drill-down it links to. The page renders these, the CSV export
 * writes them and the monthly report prints some of them, so a table shows
 * the same numbers wherever it appears. Pure: labels come from `tr`.
 */
import { CATEGORIES, SCHOOL_LEVELS, SEPARATION_EXEMPTION_REASONS, type DeadlineKey } from '@/lib/rules';
import { COMMITTEE_EXTENSION_CODES, PERPETRATOR_MEASURES, VICTIM_MEASURES, type FactCounter } from './counters';
import type { ClockFigures } from './figures';
import type { ClockOutcome, DrillSpec, ScopeOverride, TableSort } from './filters';
import type { Dashboard } from './queries';

/** A translator over the whole message tree, e.g. tr('vocab.deadline.office_report'). */
export type Tr = (key: string, values?: Record<string, string | number>) => string;

export type CellFormat = 'text' | 'int' | 'pct' | 'days' | 'month';
export type Cell = { value: string | number | null; format: CellFormat; drill?: DrillSpec; override?: ScopeOverride; testId?: string };
export type Column = { id: string; label: string; sort?: TableSort };
export type TableModel = {
  id: AuditTableId;
  title: string;
  columns: Column[];
  rows: Cell[][];
  /** The column drawn as bars, by index, with each row's first cell as its label. */
  chart?: number;
  note?: string;
};

export const AUDIT_TABLE_IDS = [
  'keys',
  'offices',
  'schools',
  'trend',
  'separation',
  'delays',
  'stats_cases',
  'stats_outcomes',
  'stats_measures',
  'stats_victim_measures',
  'stats_emergency',
  'stats_appeals',
  'stats_sexual',
] as const;
export type AuditTableId = (typeof AUDIT_TABLE_IDS)[number];

const text = (value: string): Cell => ({ value, format: 'text' });
const int = (value: number, drill?: DrillSpec, override?: ScopeOverride, testId?: string): Cell => ({
  value,
  format: 'int',
  ...(drill ? { drill } : {}),
  ...(override ? { override } : {}),
  ...(testId ? { testId } : {}),
});
const pct = (value: number | null, drill?: DrillSpec, override?: ScopeOverride): Cell => ({
  value,
  format: 'pct',
  ...(drill ? { drill } : {}),
  ...(override ? { override } : {}),
});
const clock = (key: DeadlineKey | 'all', outcome: ClockOutcome): DrillSpec => ({ metric: 'clock', key, outcome });
const fact = (name: FactCounter): DrillSpec => ({ metric: 'fact', fact: name });
const share = (part: number, whole: number) => (whole > 0 ? part / whole : null);

/** The columns every clock table has after its label columns. */
function clockColumns(tr: Tr, sortable: boolean): Column[] {
  const s = (id: TableSort) => (sortable ? { sort: id } : {});
  return [
    { id: 'clocks', label: tr('audit.col.clocks'), ...s('clocks') },
    { id: 'met', label: tr('audit.col.met') },
    { id: 'late', label: tr('audit.col.late'), ...s('late') },
    { id: 'breached_open', label: tr('audit.col.breachedOpen'), ...s('breached_open') },
    { id: 'late_share', label: tr('audit.col.lateShare'), ...s('late_share') },
  ];
}

function clockCells(f: ClockFigures, key: DeadlineKey | 'all', override: ScopeOverride | undefined, testPrefix: string): Cell[] {
  return [
    int(f.clocks, clock(key, 'all'), override),
    int(f.met, clock(key, 'met'), override),
    int(f.late, clock(key, 'late'), override),
    int(f.breachedOpen, clock(key, 'breached_open'), override, `${testPrefix}-breached-open`),
    pct(f.lateShare, clock(key, 'late'), override),
  ];
}

export function keysTable(d: Dashboard, tr: Tr): TableModel {
  return {
    id: 'keys',
    title: tr('audit.keys.title'),
    note: tr('audit.keys.note'),
    columns: [
      { id: 'key', label: tr('audit.col.deadline') },
      // One clock per case and key: here the clocks are cases.
      { id: 'clocks', label: tr('audit.col.cases') },
      { id: 'met', label: tr('audit.col.metOnTime') },
      { id: 'met_late', label: tr('audit.col.metLate') },
      { id: 'breached_open', label: tr('audit.col.breachedOpen') },
      { id: 'breached_closed', label: tr('audit.col.breachedClosed') },
      { id: 'pending', label: tr('audit.col.pending') },
      { id: 'late_share', label: tr('audit.col.lateShare') },
      { id: 'median', label: tr('audit.col.medianDays') },
      { id: 'p90', label: tr('audit.col.p90Days') },
    ],
    rows: d.keys.map(({ key, window, figures: f, medianDays, p90Days }) =>
      window
        ? [
            text(tr(`vocab.deadline.${key}`)),
            int(f.clocks, clock(key, 'all')),
            { value: null, format: 'int' },
            { value: null, format: 'int' },
            { value: null, format: 'int' },
            int(f.pastDue, clock(key, 'past_due')),
            int(f.pending, clock(key, 'pending')),
            { value: null, format: 'pct' },
            { value: null, format: 'days' },
            { value: null, format: 'days' },
          ]
        : [
            text(tr(`vocab.deadline.${key}`)),
            int(f.clocks, clock(key, 'all')),
            int(f.met, clock(key, 'met')),
            int(f.metLate, clock(key, 'met_late')),
            int(f.breachedOpen, clock(key, 'breached_open'), undefined, `key-${key}-breached-open`),
            int(f.breachedClosed, clock(key, 'past_due')),
            int(f.pending, clock(key, 'pending')),
            pct(f.lateShare, clock(key, 'late')),
            { value: medianDays, format: 'days', drill: clock(key, 'resolved') },
            { value: p90Days, format: 'days', drill: clock(key, 'resolved') },
          ],
    ),
    chart: 7,
  };
}

/** `all`: every office (the CSV); otherwise the page on screen. */
export function officesTable(d: Dashboard, tr: Tr, key: DeadlineKey | 'all', which: 'page' | 'all' = 'page'): TableModel {
  return {
    id: 'offices',
    title: tr('audit.offices.title', { key: key === 'all' ? tr('audit.allKeys') : tr(`vocab.deadline.${key}`) }),
    columns: [{ id: 'office', label: tr('audit.col.office'), sort: 'name' }, ...clockColumns(tr, true)],
    rows: (which === 'all' ? d.offices.all : d.offices.rows).map((o) => [
      text(o.name),
      ...clockCells(o.figures, key, { office: o.id, school: null }, `office-${o.id}`),
    ]),
    chart: 5,
  };
}

export function schoolsTable(d: Dashboard, tr: Tr, key: DeadlineKey | 'all'): TableModel {
  return {
    id: 'schools',
    title: tr('audit.schools.title', { key: key === 'all' ? tr('audit.allKeys') : tr(`vocab.deadline.${key}`) }),
    columns: [
      { id: 'school', label: tr('audit.col.school'), sort: 'name' },
      { id: 'office', label: tr('audit.col.office') },
      { id: 'level', label: tr('audit.col.level') },
      ...clockColumns(tr, true),
    ],
    rows: d.schools.rows.map((s) => [
      text(s.name),
      text(s.officeName),
      text(tr(`common.levels.${s.level}`)),
      ...clockCells(s.figures, key, { school: s.id }, `school-${s.id}`),
    ]),
  };
}

export function trendTable(d: Dashboard, tr: Tr, key: DeadlineKey | 'all'): TableModel {
  return {
    id: 'trend',
    title: tr('audit.trend.title', { key: key === 'all' ? tr('audit.allKeys') : tr(`vocab.deadline.${key}`) }),
    columns: [{ id: 'month', label: tr('audit.col.month') }, ...clockColumns(tr, false)],
    rows: d.trend.map((m) => [
      { value: m.month.slice(0, 7), format: 'month' },
      ...clockCells(m.figures, key, { fromMonth: m.month, toMonth: m.month }, `month-${m.month.slice(0, 7)}`),
    ]),
    chart: 5,
  };
}

/** Label, value, and the share of a base, for the sections that list measures rather than rows. */
function measureTable(
  id: AuditTableId,
  title: string,
  tr: Tr,
  rows: { label: string; value: number; drill?: DrillSpec; base?: number }[],
  note?: string,
): TableModel {
  return {
    id,
    title,
    columns: [
      { id: 'measure', label: tr('audit.col.measure') },
      { id: 'value', label: tr('audit.col.value') },
      { id: 'share', label: tr('audit.col.share') },
    ],
    rows: rows.map((r) => [text(r.label), int(r.value, r.drill), pct(r.base === undefined ? null : share(r.value, r.base), r.drill)]),
    chart: 1,
    ...(note ? { note } : {}),
  };
}

function keyFigures(d: Dashboard, key: DeadlineKey): ClockFigures {
  const row = d.keys.find((k) => k.key === key);
  if (!row) throw new Error(`no figures for ${key}`);
  return row.figures;
}

export function separationTable(d: Dashboard, tr: Tr): TableModel {
  const start = keyFigures(d, 'separation_start');
  const cap = keyFigures(d, 'separation_limit');
  const f = d.facts.total;
  const gapCases = f.gap_cases + d.facts.openGaps.newCases;
  const gapDays = f.gap_days + d.facts.openGaps.days;
  return measureTable(
    'separation',
    tr('audit.separation.title'),
    tr,
    [
      { label: tr('audit.separation.duty'), value: start.clocks, drill: clock('separation_start', 'all') },
      { label: tr('audit.separation.startedInTime'), value: start.met, drill: clock('separation_start', 'met'), base: start.clocks },
      { label: tr('audit.separation.startedLate'), value: start.metLate, drill: clock('separation_start', 'met_late'), base: start.clocks },
      { label: tr('audit.separation.notStarted'), value: start.breachedOpen, drill: clock('separation_start', 'breached_open'), base: start.clocks },
      { label: tr('audit.separation.exempted'), value: f.separation_exempted, drill: fact('separation_exempted'), base: f.cases },
      ...SEPARATION_EXEMPTION_REASONS.map((r) => ({
        label: tr('audit.separation.exemptedBecause', { reason: tr(`audit.exemption.${r}`) }),
        value: f[`exemption_${r}`],
        drill: fact(`exemption_${r}`),
        base: f.separation_exempted,
      })),
      { label: tr('audit.separation.started'), value: cap.clocks, drill: clock('separation_limit', 'all') },
      { label: tr('audit.separation.overCap'), value: cap.late, drill: clock('separation_limit', 'late'), base: cap.clocks },
      { label: tr('audit.separation.runningOverCap'), value: cap.breachedOpen, drill: clock('separation_limit', 'breached_open'), base: cap.clocks },
      { label: tr('audit.separation.gapCases'), value: gapCases, drill: { metric: 'gap' }, base: f.cases },
      { label: tr('audit.separation.gapDays'), value: gapDays, drill: { metric: 'gap' } },
    ],
    tr('audit.separation.gapDefinition'),
  );
}

export function delaysTable(d: Dashboard, tr: Tr): TableModel {
  const f = d.facts.total;
  return measureTable(
    'delays',
    tr('audit.delays.title'),
    tr,
    [
      { label: tr('audit.delays.committeeExtended'), value: f.committee_extended, drill: fact('committee_extended'), base: f.committee_requested },
      ...COMMITTEE_EXTENSION_CODES.map((c) => ({
        label: tr('audit.delays.because', { reason: tr(`audit.extension.${c}`) }),
        value: f[`committee_ext_${c}`],
        drill: fact(`committee_ext_${c}`),
        base: f.committee_extended,
      })),
      { label: tr('audit.delays.investigationExtended'), value: f.investigation_extended, drill: fact('investigation_extended'), base: f.cases },
      { label: tr('audit.delays.separationExempted'), value: f.separation_exempted, drill: fact('separation_exempted'), base: f.cases },
    ],
    tr('audit.delays.note'),
  );
}

export function casesTable(d: Dashboard, tr: Tr): TableModel {
  const levels = SCHOOL_LEVELS.map((level) => ({ level, counts: d.facts.byLevel.get(level) }));
  const row = (label: string, counts: (typeof d.facts)['total'] | undefined, override: ScopeOverride | undefined): Cell[] => [
    text(label),
    int(counts?.cases ?? 0, { metric: 'cases' }, override),
    ...CATEGORIES.map((c) => int(counts?.[`cat_${c}`] ?? 0, fact(`cat_${c}`), override)),
  ];
  return {
    id: 'stats_cases',
    title: tr('audit.stats.cases'),
    note: tr('audit.stats.casesNote'),
    columns: [
      { id: 'level', label: tr('audit.col.level') },
      { id: 'cases', label: tr('audit.col.cases') },
      ...CATEGORIES.map((c) => ({ id: c, label: tr(`vocab.category.${c}`) })),
    ],
    rows: [...levels.map(({ level, counts }) => row(tr(`common.levels.${level}`), counts, { level })), row(tr('audit.total'), d.facts.total, undefined)],
    chart: 1,
  };
}

export function outcomesTable(d: Dashboard, tr: Tr): TableModel {
  const f = d.facts.total;
  return measureTable('stats_outcomes', tr('audit.stats.outcomes'), tr, [
    { label: tr('audit.stats.casesTotal'), value: f.cases, drill: { metric: 'cases' }, base: f.cases },
    { label: tr('audit.stats.selfResolved'), value: f.self_resolved, drill: fact('self_resolved'), base: f.cases },
    { label: tr('audit.stats.closedNotViolence'), value: f.closed_not_violence, drill: fact('closed_not_violence'), base: f.cases },
    { label: tr('audit.stats.committeeRequested'), value: f.committee_requested, drill: fact('committee_requested'), base: f.cases },
    { label: tr('audit.stats.deliberated'), value: f.deliberated, drill: fact('deliberated'), base: f.cases },
    { label: tr('audit.stats.decided'), value: f.decided, drill: fact('decided'), base: f.cases },
    { label: tr('audit.stats.committeeNotViolence'), value: f.committee_not_violence, drill: fact('committee_not_violence'), base: f.perpetrators_decided },
  ]);
}

export function measuresTable(d: Dashboard, tr: Tr): TableModel {
  const f = d.facts.total;
  return measureTable(
    'stats_measures',
    tr('audit.stats.measures'),
    tr,
    [
      { label: tr('audit.stats.perpetratorsDecided'), value: f.perpetrators_decided, drill: fact('perpetrators_decided') },
      ...PERPETRATOR_MEASURES.map((m) => ({
        label: tr('decision.measures.numbered', { number: m, label: tr(`decision.measures.perpetrator.${m}`) }),
        value: f[`pm${m}`],
        drill: fact(`pm${m}`),
        base: f.perpetrators_decided,
      })),
    ],
    tr('audit.stats.measuresNote'),
  );
}

export function victimMeasuresTable(d: Dashboard, tr: Tr): TableModel {
  const f = d.facts.total;
  return measureTable('stats_victim_measures', tr('audit.stats.victimMeasures'), tr, [
    { label: tr('audit.stats.victimsWithMeasures'), value: f.victims_with_measures, drill: fact('victims_with_measures') },
    ...VICTIM_MEASURES.map((m) => ({
      label: tr('decision.measures.numbered', { number: m, label: tr(`decision.measures.victim.${m}`) }),
      value: f[`vm${m}`],
      drill: fact(`vm${m}`),
      base: f.victims_with_measures,
    })),
  ]);
}

export function emergencyTable(d: Dashboard, tr: Tr): TableModel {
  const f = d.facts.total;
  const taken = f.emergency_suspension + f.emergency_class_change;
  return measureTable('stats_emergency', tr('audit.stats.emergency'), tr, [
    { label: tr('audit.stats.emergencySuspension'), value: f.emergency_suspension, drill: fact('emergency_suspension'), base: taken },
    { label: tr('audit.stats.emergencyClassChange'), value: f.emergency_class_change, drill: fact('emergency_class_change'), base: taken },
    { label: tr('audit.stats.ratified'), value: f.emergency_ratified, drill: fact('emergency_ratified'), base: taken },
    { label: tr('audit.stats.notRatified'), value: f.emergency_not_ratified, drill: fact('emergency_not_ratified'), base: taken },
  ]);
}

export function appealsTable(d: Dashboard, tr: Tr): TableModel {
  const f = d.facts.total;
  const filed = f.appeals_victim + f.appeals_perpetrator;
  const decided = f.appeals_upheld + f.appeals_varied + f.appeals_annulled + f.appeals_withdrawn;
  return measureTable('stats_appeals', tr('audit.stats.appeals'), tr, [
    { label: tr('audit.stats.appealsVictim'), value: f.appeals_victim, drill: fact('appeals_victim'), base: filed },
    { label: tr('audit.stats.appealsPerpetrator'), value: f.appeals_perpetrator, drill: fact('appeals_perpetrator'), base: filed },
    { label: tr('audit.stats.appealsAdministrative'), value: f.appeals_administrative, drill: fact('appeals_administrative'), base: filed },
    { label: tr('audit.stats.appealsLawsuit'), value: f.appeals_lawsuit, drill: fact('appeals_lawsuit'), base: filed },
    { label: tr('audit.stats.staysGranted'), value: f.stays_granted, drill: fact('stays_granted'), base: filed },
    { label: tr('audit.stats.appealsUpheld'), value: f.appeals_upheld, drill: fact('appeals_upheld'), base: decided },
    { label: tr('audit.stats.appealsVaried'), value: f.appeals_varied, drill: fact('appeals_varied'), base: decided },
    { label: tr('audit.stats.appealsAnnulled'), value: f.appeals_annulled, drill: fact('appeals_annulled'), base: decided },
    { label: tr('audit.stats.appealsWithdrawn'), value: f.appeals_withdrawn, drill: fact('appeals_withdrawn'), base: decided },
  ]);
}

export function sexualTable(d: Dashboard, tr: Tr): TableModel {
  const f = d.facts.total;
  return measureTable(
    'stats_sexual',
    tr('audit.stats.sexual'),
    tr,
    [
      { label: tr('audit.stats.dsoCases'), value: f.cat_digital_sex_offence, drill: fact('cat_digital_sex_offence'), base: f.cases },
      { label: tr('audit.stats.dsoPoliceReported'), value: f.dso_police_reported, drill: fact('dso_police_reported'), base: f.cat_digital_sex_offence },
      { label: tr('audit.stats.sexualCases'), value: f.sexual_cases, drill: fact('sexual_cases'), base: f.cases },
      { label: tr('audit.stats.sexualPoliceReported'), value: f.sexual_police_reported, drill: fact('sexual_police_reported'), base: f.sexual_cases },
    ],
    tr('audit.stats.sexualNote'),
  );
}

/** Every table, in page order; `all` puts every office in the per-office table (the CSV). */
export function dashboardTables(d: Dashboard, tr: Tr, key: DeadlineKey | 'all', offices: 'page' | 'all' = 'page'): Record<AuditTableId, TableModel> {
  return {
    keys: keysTable(d, tr),
    offices: officesTable(d, tr, key, offices),
    schools: schoolsTable(d, tr, key),
    trend: trendTable(d, tr, key),
    separation: separationTable(d, tr),
    delays: delaysTable(d, tr),
    stats_cases: casesTable(d, tr),
    stats_outcomes: outcomesTable(d, tr),
    stats_measures: measuresTable(d, tr),
    stats_victim_measures: victimMeasuresTable(d, tr),
    stats_emergency: emergencyTable(d, tr),
    stats_appeals: appealsTable(d, tr),
    stats_sexual: sexualTable(d, tr),
  };
}
