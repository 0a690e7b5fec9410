import type { IRCell, TableBlock } from '../../model/ir.js';
import { cleanText } from '../text-normalize.js';
import { joinPieces } from './lines.js';
import type { PageTable } from './page-tables.js';

/** Column lines this close (pt) are the same column on the next page. */
const COLUMN_TOLERANCE = 3;
const MAX_HEADER_ROWS = 6;
/** Text that opens a row of its own: 一、 （二） 3. 第四 … A cut row's tail never starts like that. */
const ROW_OPENER =
  /^([（(][一二三四五六七八九十\d]+[）)]|[一二三四五六七八九十\d]+[、.．]|第[一二三四五六七八九十\d]+)/;
const NUMBER = /^[-+－]?\d[\d,.]*%?$/;

interface Part {
  block: TableBlock | { kind: string };
  table?: PageTable;
}

function near(p: number, q: number): boolean {
  return Math.abs(p - q) <= COLUMN_TOLERANCE;
}

/**
 * The column lines of both parts, or null when they are not one table: same
 * outer edges, and every line of the part with fewer lines is also a line of
 * the other (a header with merged columns draws fewer lines than the body).
 */
function unionColumns(p: number[], q: number[]): number[] | null {
  if (!near(p[0]!, q[0]!) || !near(p[p.length - 1]!, q[q.length - 1]!)) return null;
  const [few, many] = p.length <= q.length ? [p, q] : [q, p];
  if (!few.every((x) => many.some((y) => near(x, y)))) return null;
  return many;
}

function onColumns(t: TableBlock, xs: number[], union: number[]): TableBlock {
  const at = (x: number) => union.findIndex((u) => near(u, x));
  const cells = t.cells.map((c) => {
    const col = at(xs[c.col]!);
    return { ...c, col, colSpan: at(xs[c.col + c.colSpan]!) - col };
  });
  return { ...t, cols: union.length - 1, cells };
}

function rowSignature(t: TableBlock, rows: number): string | null {
  const cells = t.cells.filter((c) => c.row < rows);
  if (cells.some((c) => c.row + c.rowSpan > rows)) return null;
  return cells.map((c) => `${c.row},${c.col},${c.rowSpan},${c.colSpan},${c.text}`).join('|');
}

/** How many leading rows of `next` repeat the header of `prev` (Word's "repeat header rows", <thead>). */
export function repeatedHeaderRows(prev: TableBlock, next: TableBlock): number {
  for (let k = Math.min(MAX_HEADER_ROWS, prev.rows - 1, next.rows - 1); k >= 1; k--) {
    const sig = rowSignature(next, k);
    if (sig !== null && sig === rowSignature(prev, k) && /[^\d\s]/.test(sig.replace(/\d+,\d+,\d+,\d+,/g, ''))) return k;
  }
  return 0;
}

function dropRows(t: TableBlock, k: number): TableBlock {
  const cells = t.cells.filter((c) => c.row >= k).map((c) => ({ ...c, row: c.row - k }));
  return { ...t, rows: t.rows - k, cells };
}

/** Cells that end on the last row of `prev` paired with the cells that start the first row of `next`, column for column. */
function boundaryPairs(prev: TableBlock, next: TableBlock): { pairs: [IRCell, IRCell][]; unpaired: number } {
  const above = new Map(
    prev.cells.filter((c) => c.row + c.rowSpan === prev.rows).map((c) => [`${c.col},${c.colSpan}`, c]),
  );
  const pairs: [IRCell, IRCell][] = [];
  let unpaired = 0;
  for (const b of next.cells.filter((c) => c.row === 0)) {
    const a = above.get(`${b.col},${b.colSpan}`);
    if (a) pairs.push([a, b]);
    else unpaired++;
  }
  return { pairs, unpaired };
}

/** Whether `prev`'s cell `a` ends where its text was still running (its last line fills the cell). */
export type RunsOn = (a: IRCell) => boolean;

function isTailPair([a, b]: [IRCell, IRCell], runsOn: RunsOn): boolean {
  if (!a.text || !b.text) return true;
  return runsOn(a) && !NUMBER.test(a.text) && !NUMBER.test(b.text) && !ROW_OPENER.test(b.text);
}

/**
 * Whether the first row of `next` is the rest of the last row of `prev`
 * (a row the page break cut): every cell continues one above it, and either
 * the row is blank or some cell's text visibly runs on (its last line fills
 * the cell, and the tail opens no row). A short label over another short
 * label is two rows, however much they read like one.
 */
function isCutRow(pairs: [IRCell, IRCell][], unpaired: number, runsOn: RunsOn): boolean {
  if (unpaired > 0 || !pairs.length) return false;
  if (pairs.every(([, b]) => !b.text)) return true;
  return pairs.some(([a, b]) => a.text && b.text) && pairs.every((pair) => isTailPair(pair, runsOn));
}

function fuse(prev: TableBlock, next: TableBlock, pairs: [IRCell, IRCell][], overlap: number): TableBlock {
  const fused = new Set(pairs.map(([, b]) => b));
  for (const [a, b] of pairs) {
    a.text = cleanText(joinPieces([a.text, b.text].filter(Boolean)));
    a.rowSpan += b.rowSpan - overlap;
  }
  const offset = prev.rows - overlap;
  const cells = [...prev.cells, ...next.cells.filter((c) => !fused.has(c)).map((c) => ({ ...c, row: c.row + offset }))];
  return { ...prev, rows: offset + next.rows, cols: Math.max(prev.cols, next.cols), cells };
}

/**
 * Joins `next` below `prev`, fusing what the page break cut: a whole row, or
 * row-spanning cells (a group label whose rows go on; its text may be cut
 * too, （三） above the break and 不予公开 below it).
 */
export function joinParts(prev: TableBlock, next: TableBlock, runsOn: RunsOn): TableBlock {
  const body = dropRows(next, repeatedHeaderRows(prev, next));
  const { pairs, unpaired } = boundaryPairs(prev, body);
  if (isCutRow(pairs, unpaired, runsOn)) return fuse(prev, body, pairs, 1);
  const spans = pairs.filter((pair) => (pair[0].rowSpan > 1 || pair[1].rowSpan > 1) && isTailPair(pair, runsOn));
  return fuse(prev, body, spans, 0);
}

/**
 * Joins a table continued from the previous page into it, in place. Returns
 * whether `next` was consumed.
 */
export function joinPageTables(prev: Part, next: Part): boolean {
  if (!prev.table || !next.table || prev.block.kind !== 'table' || next.block.kind !== 'table') return false;
  if (prev.table.block.layout !== next.table.block.layout) return false;
  const union = unionColumns(prev.table.xs, next.table.xs);
  if (!union) return false;
  const a = onColumns(prev.block as TableBlock, prev.table.xs, union);
  const b = onColumns(next.block as TableBlock, next.table.xs, union);
  const runOn = prev.table.runOn;
  Object.assign(
    prev.block,
    joinParts(a, b, (cell) => runOn.some((x) => near(x, union[cell.col]!))),
  );
  prev.table = { ...next.table, xs: union, block: prev.block as TableBlock };
  return true;
}
