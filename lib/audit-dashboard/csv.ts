/**
 * CSV that Excel opens correctly with Korean text: UTF-8 with a byte-order
 * mark, CRLF line ends, RFC 4180 quoting. A text cell that starts like a
 * formula is prefixed with an apostrophe, so a school or office name can never
 * run as a spreadsheet formula. Pure.
 */
import type { Cell, TableModel } from './tables';

export const BOM = '\uFEFF';

const FORMULA_START = /^[=+\-@\t\r]/;

export function csvField(value: string | number | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** A cell as the CSV holds it: shares as percentages and days with one decimal, so a spreadsheet reads numbers. */
export function csvValue(cell: Cell): string | number | null {
  if (cell.value === null || typeof cell.value === 'string') return cell.value;
  if (cell.format === 'pct') return Math.round(cell.value * 1000) / 10;
  if (cell.format === 'days') return Math.round(cell.value * 10) / 10;
  return cell.value;
}

export function toCsv(header: readonly string[], rows: readonly (readonly (string | number | null)[])[]): string {
  return BOM + [header, ...rows].map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';
}

export function tableCsv(model: TableModel): string {
  return toCsv(
    model.columns.map((c, i) => (model.rows.some((r) => r[i]?.format === 'pct') ? `${c.label} (%)` : c.label)),
    model.rows.map((r) => r.map(csvValue)),
  );
}
