import { describe, expect, it } from 'vitest';
import { SCHOOL_LEVELS } from '@/lib/rules';
import { tableCsv } from './csv';
import { zeroCounts, type FactCounts } from './counters';
import { disclosedDrillQuery, disclosedTable } from './disclosure';
import { parseDrillQuery } from './filters';
import type { Dashboard } from './queries';
import { casesTable, sexualTable, type Tr } from './tables';

const now = new Date('2026-03-15T03:00:00Z');
const tr: Tr = (key) => key;
const counts = (c: Partial<FactCounts> & { cases: number }) => ({ ...zeroCounts(), ...c });

/** Middle schools: one deepfake case, one case both sexual violence and deepfake, one physical. */
const middle = counts({
  cases: 3,
  cat_sexual_violence: 1,
  cat_digital_sex_offence: 2,
  cat_physical: 1,
  sexual_cases: 2,
  sexual_police_reported: 2,
  dso_police_reported: 1,
});
const facts = { total: middle, byLevel: new Map([['middle' as const, middle]]), openGaps: { newCases: 0, days: 0 } } as Dashboard['facts'];
const d = { facts } as Dashboard;

describe('what a CSV export says about sexual cases', () => {
  it('the per-category case table has one sexual-violence column counting each sexual case once, and no digital-sex-offence column', () => {
    const model = disclosedTable(casesTable(d, tr), d);
    expect(model.columns.map((c) => c.id)).not.toContain('digital_sex_offence');
    const col = model.columns.findIndex((c) => c.id === 'sexual_violence');
    const middleRow = model.rows[SCHOOL_LEVELS.indexOf('middle')]!;
    expect(middleRow[col]!.value).toBe(2);
    expect(model.rows.at(-1)![col]!.value).toBe(2);
    expect(model.rows.every((r) => r.length === model.columns.length)).toBe(true);
    expect(tableCsv(model)).not.toContain('digital_sex_offence');
  });

  it('the sexual-case table keeps the sexual-violence rows and drops the digital-sex-offence rows', () => {
    const full = sexualTable(d, tr);
    const model = disclosedTable(full, d);
    expect(full.rows).toHaveLength(4);
    expect(model.rows.map((r) => r[0]!.value)).toEqual(['audit.stats.sexualCases', 'audit.stats.sexualPoliceReported']);
  });

  it('a drill on digital sex offences exports the sexual-violence cases instead', () => {
    const dso = disclosedDrillQuery(parseDrillQuery({ m: 'fact', fact: 'cat_digital_sex_offence', cat: 'digital_sex_offence' }, now));
    expect(dso).toMatchObject({ metric: 'fact', fact: 'sexual_cases', categories: ['sexual_violence', 'digital_sex_offence'] });
    expect(disclosedDrillQuery(parseDrillQuery({ m: 'fact', fact: 'dso_police_reported' }, now))).toMatchObject({ fact: 'sexual_police_reported' });
    expect(disclosedDrillQuery(parseDrillQuery({ m: 'fact', fact: 'decided', cat: 'verbal' }, now))).toMatchObject({ fact: 'decided', categories: ['verbal'] });
  });
});
