import { join } from 'node:path';
import type { AnnualReport, Cell } from '../model/report.js';
import { atomicWriter } from './atomic.js';
import { csvField as quote, spreadsheetSafe } from './csv.js';

export const TABLE_FILES = {
  activeDisclosure: 'active-disclosure.csv',
  applications: 'applications.csv',
  reviewLitigation: 'review-litigation.csv',
} as const;

const HEADERS = {
  activeDisclosure: ['file', 'agency', 'year', 'template', 'subtable', 'row', 'column', 'value', 'raw', 'page'],
  applications: ['file', 'agency', 'year', 'template', 'row', 'column', 'value', 'raw', 'page'],
  reviewLitigation: ['file', 'agency', 'year', 'template', 'group', 'column', 'value', 'raw', 'page'],
} as const;

/** Text columns are guarded against spreadsheet formulas; `value` stays a plain number for analysis tools. */
function line(prefix: string[], keys: string[], cell: Cell): string {
  const text = [...prefix, ...keys].map((s) => quote(spreadsheetSafe(s)));
  return `${[...text, cell.value === null ? '' : String(cell.value), quote(spreadsheetSafe(cell.raw)), cell.page?.toString() ?? ''].join(',')}\r\n`;
}

function rowsOf(file: string, report: AnnualReport): Record<keyof typeof TABLE_FILES, string[]> {
  const { agency, year } = report.meta;
  const t = report.tables;
  const prefix = (table: keyof typeof TABLE_FILES) => [
    file,
    agency ?? '',
    year?.toString() ?? '',
    report.tableTemplates[table] ?? '',
  ];
  const out: Record<keyof typeof TABLE_FILES, string[]> = {
    activeDisclosure: [],
    applications: [],
    reviewLitigation: [],
  };
  for (const [sub, rows] of Object.entries(t.activeDisclosure ?? {}))
    for (const [row, cells] of Object.entries(rows))
      for (const [col, cell] of Object.entries(cells))
        out.activeDisclosure.push(line(prefix('activeDisclosure'), [sub, row, col], cell));
  for (const [row, cells] of Object.entries(t.applications ?? {}))
    for (const [col, cell] of Object.entries(cells))
      out.applications.push(line(prefix('applications'), [row, col], cell));
  for (const [group, cells] of Object.entries(t.reviewLitigation ?? {}))
    for (const [col, cell] of Object.entries(cells))
      out.reviewLitigation.push(line(prefix('reviewLitigation'), [group, col], cell));
  return out;
}

/**
 * The three tables of every report as tidy CSVs (one row per report × row ×
 * column), streamed to temporary files and renamed when complete.
 */
export async function writeTidyTables(
  dir: string,
  reports: Iterable<{ file: string; report: AnnualReport }>,
): Promise<Record<keyof typeof TABLE_FILES, number>> {
  const keys = Object.keys(TABLE_FILES) as (keyof typeof TABLE_FILES)[];
  const writers = Object.fromEntries(keys.map((k) => [k, atomicWriter(join(dir, TABLE_FILES[k]))]));
  const counts = { activeDisclosure: 0, applications: 0, reviewLitigation: 0 };
  try {
    for (const k of keys) writers[k]!.write(`\ufeff${HEADERS[k].join(',')}\r\n`);
    for (const { file, report } of reports) {
      const rows = rowsOf(file, report);
      for (const k of keys) {
        counts[k] += rows[k].length;
        if (rows[k].length) writers[k]!.write(rows[k].join(''));
      }
    }
  } catch (error) {
    for (const k of keys) writers[k]!.abort();
    throw error;
  }
  for (const k of keys) writers[k]!.commit();
  return counts;
}
