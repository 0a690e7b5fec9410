import type { IRCell, TableBlock } from '../../model/ir.js';
import type { Box } from './geometry.js';
import { joinPieces, type Line } from './lines.js';
import type { PageTable } from './page-tables.js';
import type { Word } from './words.js';

/** A gap this many text sizes wide separates columns; prose never has one. */
const COLUMN_GAP = 1.5;
/** Numbers never hold a space: two numbers further apart than this (text sizes) are two cells, however narrow the columns. */
const NUMBER_GAP = 0.25;
const MIN_COLUMNS = 3;
const MIN_ROWS = 2;
/** Lines without columns a table may hold between two rows: a label wrapped onto its own line, a group label spanning rows. */
const MAX_INTERRUPTION = 4;
/** ... if each sits this close (text sizes) to the line above it; a heading or paragraph between two tables stands further off. */
const INTERRUPTION_GAP = 1;
const NUMBER = /^[-+－]?\d[\d,.]*%?$/;

interface Segment extends Box {
  text: string;
}

function separate(left: Word, right: Word): boolean {
  const gap = right.x0 - left.x1;
  return (
    gap > COLUMN_GAP * right.size ||
    (gap > NUMBER_GAP * right.size && NUMBER.test(left.text) && NUMBER.test(right.text))
  );
}

function segments(line: Line): Segment[] {
  const out: Segment[] = [];
  let words: Word[] = [];
  const flush = () => {
    if (words.length)
      out.push({
        text: joinPieces(words.map((w) => w.text)),
        x0: words[0]!.x0,
        x1: words[words.length - 1]!.x1,
        top: line.top,
        bottom: line.bottom,
      });
    words = [];
  };
  for (const w of line.words) {
    const last = words[words.length - 1];
    if (last && separate(last, w)) flush();
    words.push(w);
  }
  flush();
  return out;
}

interface Row {
  lines: Line[];
  segments: Segment[];
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
    else
      cells.push({
        row: r,
        col: Math.max(col, 0),
        rowSpan: 1,
        colSpan: Math.max(1, last - col + 1),
        text: s.text,
        page,
      });
  }
  return cells;
}

const hasNumber = (line: Line) => segments(line).some((s) => NUMBER.test(s.text));
const middle = (b: Box) => (b.top + b.bottom) / 2;

/**
 * Label lines (no number) after the first row with numbers, stacked ones
 * taken together: a wrapped row label, or a group label set beside the rows
 * it spans (三、本年度办理结果, （三）不予公开).
 */
function fragments(lines: Line[]): Line[][] {
  const out: Line[][] = [];
  for (const line of lines) {
    const last = out[out.length - 1];
    const below = last?.[last.length - 1];
    const stacked =
      below &&
      line.top - below.bottom <= INTERRUPTION_GAP * line.size &&
      last.some((l) => line.x1 > l.x0 && line.x0 < l.x1);
    if (stacked) last.push(line);
    else out.push([line]);
  }
  return out;
}

/** The row whose line is nearest a fragment's middle: a label belongs to the values it is set beside. */
function nearestRow(rows: Row[], block: Line[]): Row {
  const y = (block[0]!.top + block[block.length - 1]!.bottom) / 2;
  return rows.reduce((p, q) => (Math.abs(middle(q.lines[0]!) - y) < Math.abs(middle(p.lines[0]!) - y) ? q : p));
}

/** A row's text from its own line and the fragments given to it: pieces one above another in a column join top to bottom. */
function rowSegments(lines: Line[]): Segment[] {
  const out: Segment[] = [];
  for (const line of [...lines].sort((p, q) => p.top - q.top)) {
    for (const s of segments(line)) {
      const same = out.find((o) => !NUMBER.test(o.text) && !NUMBER.test(s.text) && s.x1 > o.x0 && s.x0 < o.x1);
      if (same)
        Object.assign(same, {
          text: joinPieces([same.text, s.text]),
          x0: Math.min(same.x0, s.x0),
          x1: Math.max(same.x1, s.x1),
        });
      else out.push({ ...s });
    }
  }
  return out.sort((p, q) => p.x0 - q.x0);
}

/** The run's rows: header lines as they stand, then one row per line with columns, label fragments given to the nearest row with numbers. */
function runRows(run: Line[]): Row[] {
  const first = run.findIndex(hasNumber);
  const loose = (l: Line, i: number) => first >= 0 && i > first && segments(l).length < 2;
  const rows: Row[] = run.filter((l, i) => !loose(l, i)).map((l) => ({ lines: [l], segments: [] }));
  const valueRows = rows.filter((r) => hasNumber(r.lines[0]!));
  for (const block of fragments(run.filter(loose))) nearestRow(valueRows, block).lines.push(...block);
  for (const row of rows) row.segments = rowSegments(row.lines);
  return rows;
}

function runToTable(run: Line[], page: number): PageTable | null {
  const rows = runRows(run);
  const columns = columnIntervals(rows.map((r) => r.segments));
  if (columns.length < MIN_COLUMNS || rows.length < MIN_ROWS) return null;
  const cells = rows.flatMap((row, r) => rowCells(row.segments, columns, r, page));
  const block: TableBlock = { kind: 'table', layout: 'text', rows: rows.length, cols: columns.length, cells, page };
  const box = {
    x0: Math.min(...run.map((l) => l.x0)),
    x1: Math.max(...run.map((l) => l.x1)),
    top: run[0]!.top,
    bottom: run[run.length - 1]!.bottom,
  };
  return { ...box, xs: [...columns.map(([a]) => a), columns[columns.length - 1]![1]], block, runOn: [] };
}

export interface TextTable {
  table: PageTable;
  lines: Set<Line>;
}

/**
 * Whether `line` may sit inside a table between two rows: close below the
 * line above, no larger than the table's text, and left of every number (a
 * label, not a title across the table).
 */
function mayInterrupt(line: Line, above: Line, run: Line[]): boolean {
  const size = Math.max(...run.map((l) => l.size));
  const numbers = run.flatMap((l) =>
    segments(l)
      .filter((s) => NUMBER.test(s.text))
      .map((s) => s.x0),
  );
  return (
    line.size <= size * 1.05 && line.top - above.bottom <= INTERRUPTION_GAP * size && line.x1 <= Math.min(...numbers)
  );
}

/**
 * Tables drawn without ruling lines: runs of lines whose words stand in
 * columns (wide gaps), the columns being where the rows' text lines up. A
 * few close label lines inside a run are the table's own wrapped labels.
 */
export function findTextTables(lines: Line[], page: number): TextTable[] {
  const found: TextTable[] = [];
  let run: Line[] = [];
  let pending: Line[] = [];
  const flush = () => {
    const tabular = run.filter((l) => segments(l).length >= 2).length;
    const table = tabular >= MIN_ROWS ? runToTable(run, page) : null;
    if (table) found.push({ table, lines: new Set(run) });
    run = [];
    pending = [];
  };
  for (const line of lines) {
    const above = pending[pending.length - 1];
    if (segments(line).length >= 2) {
      if (above && line.top - above.bottom > INTERRUPTION_GAP * line.size) flush();
      run.push(...pending, line);
      pending = [];
    } else if (
      run.length &&
      pending.length < MAX_INTERRUPTION &&
      mayInterrupt(line, above ?? run[run.length - 1]!, run)
    )
      pending.push(line);
    else flush();
  }
  flush();
  return found;
}
