import type { IRCell, TableBlock } from '../../model/ir.js';
import type { Box } from './geometry.js';
import { joinPieces, type Line } from './lines.js';
import type { PageTable } from './page-tables.js';
import type { Word } from './words.js';

/** A gap this many text sizes wide separates columns; prose never has one. */
const COLUMN_GAP = 1.5;
const MIN_COLUMNS = 3;
const MIN_ROWS = 2;

interface Segment extends Box {
  text: string;
}

function segments(line: Line): Segment[] {
  const out: Segment[] = [];
  let words: Word[] = [];
  const flush = () => {
    if (words.length) out.push({ text: joinPieces(words.map((w) => w.text)), x0: words[0]!.x0, x1: words[words.length - 1]!.x1, top: line.top, bottom: line.bottom });
    words = [];
  };
  for (const w of line.words) {
    const last = words[words.length - 1];
    if (last && w.x0 - last.x1 > COLUMN_GAP * w.size) flush();
    words.push(w);
  }
  flush();
  return out;
}

/** Column intervals: x-projection of the segments of the rows that have (nearly) every column. */
function columnIntervals(rows: Segment[][]): [number, number][] {
  const most = Math.max(...rows.map((r) => r.length));
  const spans = rows
    .filter((r) => r.length >= 0.6 * most)
    .flat()
    .map((s): [number, number] => [s.x0, s.x1])
    .sort((p, q) => p[0] - q[0]);
  const merged: [number, number][] = [];
  for (const [a, b] of spans) {
    const last = merged[merged.length - 1];
    if (last && a <= last[1]) last[1] = Math.max(last[1], b);
    else merged.push([a, b]);
  }
  return merged;
}

function rowCells(row: Segment[], columns: [number, number][], r: number, page: number): IRCell[] {
  const cells: IRCell[] = [];
  for (const s of row) {
    const hit = columns.flatMap(([a, b], i) => (s.x1 > a && s.x0 < b ? [i] : []));
    const col = hit[0] ?? columns.findIndex(([a]) => a > s.x0);
    const last = hit[hit.length - 1] ?? col;
    const prior = cells[cells.length - 1];
    if (prior && prior.col + prior.colSpan > col) prior.text = joinPieces([prior.text, s.text]);
    else cells.push({ row: r, col: Math.max(col, 0), rowSpan: 1, colSpan: Math.max(1, last - col + 1), text: s.text, page });
  }
  return cells;
}

function runToTable(run: Line[], page: number): PageTable | null {
  const rows = run.map(segments);
  const columns = columnIntervals(rows);
  if (columns.length < MIN_COLUMNS || rows.length < MIN_ROWS) return null;
  const cells = rows.flatMap((row, r) => rowCells(row, columns, r, page));
  const block: TableBlock = { kind: 'table', layout: 'text', rows: rows.length, cols: columns.length, cells, page };
  const box = { x0: Math.min(...run.map((l) => l.x0)), x1: Math.max(...run.map((l) => l.x1)), top: run[0]!.top, bottom: run[run.length - 1]!.bottom };
  return { ...box, xs: [...columns.map(([a]) => a), columns[columns.length - 1]![1]], block, runOn: [] };
}

export interface TextTable {
  table: PageTable;
  lines: Set<Line>;
}

/**
 * Tables drawn without ruling lines: runs of lines whose words stand in
 * columns (wide gaps), the columns being where the rows' text lines up.
 */
export function findTextTables(lines: Line[], page: number): TextTable[] {
  const found: TextTable[] = [];
  let run: Line[] = [];
  const flush = () => {
    const tabular = run.filter((l) => segments(l).length >= 2).length;
    const table = tabular >= MIN_ROWS ? runToTable(run, page) : null;
    if (table) found.push({ table, lines: new Set(run) });
    run = [];
  };
  for (const line of lines) {
    if (segments(line).length >= 2) run.push(line);
    else flush();
  }
  flush();
  return found;
}
