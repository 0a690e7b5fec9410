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

export type CsvRow = Finding & Record<string, unknown>;

export async function findingsCsv(findings: CsvRow[], extraColumns: string[] = []): Promise<Buffer> {
  const headers = [...CSV_COLUMNS, ...extraColumns];
  const rows = findings.map((f) => headers.map((h) => spreadsheetSafe(f[h] === null || f[h] === undefined ? '' : String(f[h]))));
  const body = await writeToBuffer(rows, { headers: [...headers], quoteColumns: false, includeEndRowDelimiter: true, rowDelimiter: '\r\n' });
  return Buffer.concat([Buffer.from('\ufeff', 'utf8'), body]);
}

export async function writeFindingsCsv(path: string, findings: CsvRow[], extraColumns: string[] = []): Promise<void> {
  await writeAtomic(path, await findingsCsv(findings, extraColumns));
}
