import { writeToBuffer } from 'fast-csv';
import type { Finding } from '../model/finding.js';
import { writeAtomic } from './atomic.js';

/** The fixed columns of interface.md, in order; extra columns may follow. */
export const CSV_COLUMNS = ['file', 'agency', 'year', 'rule', 'severity', 'location', 'expected', 'actual', 'message'] as const;

const FORMULA_START = /^[=+\-@\t\r]/;

/** A spreadsheet must show a cell, never run it: prefix what would start a formula. */
export function spreadsheetSafe(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

function cellText(f: Finding, column: string): string {
  const v = (f as unknown as Record<string, unknown>)[column];
  return spreadsheetSafe(v === null || v === undefined ? '' : String(v));
}

/** Findings with any extra fields; `extraColumns` names the fields written after the fixed columns. */
export async function findingsCsv<T extends Finding>(findings: T[], extraColumns: readonly (keyof T & string)[] = []): Promise<Buffer> {
  const headers = [...CSV_COLUMNS, ...extraColumns];
  const rows = findings.map((f) => headers.map((h) => cellText(f, h)));
  const body = await writeToBuffer(rows, { headers: [...headers], quoteColumns: false, includeEndRowDelimiter: true, rowDelimiter: '\r\n' });
  return Buffer.concat([Buffer.from('\ufeff', 'utf8'), body]);
}

export async function writeFindingsCsv<T extends Finding>(path: string, findings: T[], extraColumns: readonly (keyof T & string)[] = []): Promise<void> {
  await writeAtomic(path, await findingsCsv(findings, extraColumns));
}
