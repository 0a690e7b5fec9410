import type { Finding } from '../model/finding.js';
import { writeAtomicChunks } from './atomic.js';
import type { Sink } from './sink.js';

/** The fixed columns of interface.md, in order; extra columns may follow. */
export const CSV_COLUMNS = [
  'file',
  'agency',
  'year',
  'rule',
  'severity',
  'location',
  'expected',
  'actual',
  'message',
] as const;

const FORMULA_START = /^[=+\-@\t\r]/;
// C0 controls but tab and newlines, DEL, and the invisible format characters a spreadsheet skips over
const INVISIBLE = /[\0-\x08\v\f\x0e-\x1f\x7f\u200b-\u200f\u2028-\u202e\u2060-\u2064\ufeff]/g;
const VISIBLE_FORMULA_START = /^\s*[=+\-@]/;
// The quoting rule of fast-csv, which wrote these files before: outputs stay byte for byte the same ('|' included).
const NEEDS_QUOTES = /[",\r\n|]/;
const BOM = '\ufeff';
const CHUNK_ROWS = 2000;

/**
 * A spreadsheet must show a cell, never run it. Invisible characters go
 * first (a leading NUL once walked a formula past the check), then what
 * would start a formula, at the first visible character, is prefixed.
 */
export function spreadsheetSafe(value: string): string {
  const clean = value.replace(INVISIBLE, '');
  return FORMULA_START.test(clean) || VISIBLE_FORMULA_START.test(clean) ? `'${clean}` : clean;
}

/** One RFC 4180 field: every CSV nianbao writes quotes the same way. */
export function csvField(text: string): string {
  const s = text.includes('\0') ? text.replaceAll('\0', '') : text;
  return NEEDS_QUOTES.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

function cellText(f: Finding, column: string): string {
  const v = (f as unknown as Record<string, unknown>)[column];
  return spreadsheetSafe(v === null || v === undefined ? '' : String(v));
}

function csvLine(f: Finding, headers: readonly string[]): string {
  let line = '';
  for (let i = 0; i < headers.length; i++) line += (i ? ',' : '') + csvField(cellText(f, headers[i]!));
  return `${line}\r\n`;
}

/** The CSV text in pieces, so a large run never holds the whole file as one string. */
function* csvChunks<T extends Finding>(findings: Iterable<T>, headers: readonly string[]): Generator<string> {
  const sink = csvSink<T>(headers);
  yield sink.head();
  let chunk = '';
  let n = 0;
  for (const f of findings) {
    chunk += sink.row(f);
    if (++n % CHUNK_ROWS === 0) {
      yield chunk;
      chunk = '';
    }
  }
  if (chunk) yield chunk;
}

/** The CSV as a sink: the header row, then one line per finding as it arrives. */
export function csvSink<T extends Finding>(headers: readonly string[]): Sink<T> {
  return {
    // the header row even for a clean run: a script reading the list must always find its columns
    head: () => `${BOM}${headers.map(csvField).join(',')}\r\n`,
    row: (f) => csvLine(f, headers),
    tail: () => '',
  };
}

export const headersOf = (extra: readonly string[]) => [...CSV_COLUMNS, ...extra];

/** Findings with any extra fields; `extraColumns` names the fields written after the fixed columns. */
export async function findingsCsv<T extends Finding>(
  findings: Iterable<T>,
  extraColumns: readonly (keyof T & string)[] = [],
): Promise<Buffer> {
  return Buffer.from([...csvChunks(findings, headersOf(extraColumns))].join(''), 'utf8');
}

/** Written beside the target and renamed (writeAtomicChunks), chunk by chunk. */
export async function writeFindingsCsv<T extends Finding>(
  path: string,
  findings: Iterable<T>,
  extraColumns: readonly (keyof T & string)[] = [],
): Promise<void> {
  writeAtomicChunks(path, csvChunks(findings, headersOf(extraColumns)));
}
