/** The dashboard's tables as CSV (lib/csv.ts does the encoding). Pure. */ import { toCsv } from '@/lib/csv';
import type { Cell, TableModel } from './tables';

/** A cell as the CSV holds it: shares as percentages and days with one decimal, so a spreadsheet reads numbers. */
export function csvValue(cell: Cell): string | number | null {
  if (cell.value === null || typeof cell.value === 'string') return cell.value;
  if (cell.format === 'pct') return Math.round(cell.value * 1000) / 10;
  if (cell.format === 'days') return Math.round(cell.value * 10) / 10;
  return cell.value;
}

export function tableCsv(model: TableModel): string {
  return toCsv(
    model.columns.map((c, i) => (model.rows.some((r) => r[i]?.format === 'pct') ? `${c.label} (%)` : c.label)),
    model.rows.map((r) => r.map(csvValue)),
  );
}
