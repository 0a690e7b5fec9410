import { createWriteStream } from 'node:fs';
import { mkdir, rename } from 'node:fs/promises';
import { join } from 'node:path';
import { finished } from 'node:stream/promises';
import type { AnnualReport, Cell } from '../model/report.js';
import { spreadsheetSafe } from './csv.js';

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

function quote(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

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
  await mkdir(dir, { recursive: true });
  const keys = Object.keys(TABLE_FILES) as (keyof typeof TABLE_FILES)[];
  const streams = Object.fromEntries(
    keys.map((k) => [k, createWriteStream(join(dir, `${TABLE_FILES[k]}.${process.pid}.tmp`))]),
  );
  const counts = { activeDisclosure: 0, applications: 0, reviewLitigation: 0 };
  for (const k of keys) streams[k]!.write(`\ufeff${HEADERS[k].join(',')}\r\n`);
  for (const { file, report } of reports) {
    const rows = rowsOf(file, report);
    for (const k of keys) {
      counts[k] += rows[k].length;
      if (rows[k].length && !streams[k]!.write(rows[k].join('')))
        await new Promise<void>((r) => streams[k]!.once('drain', () => r()));
    }
  }
  for (const k of keys) {
    streams[k]!.end();
    await finished(streams[k]!);
    await rename(join(dir, `${TABLE_FILES[k]}.${process.pid}.tmp`), join(dir, TABLE_FILES[k]));
  }
  return counts;
}
