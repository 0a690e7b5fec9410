import { cellMatrix } from '../model/grid.js';
import type { IRCell, TableBlock } from '../model/ir.js';
import { looksLikeValue } from '../model/cell.js';
import { digitRun } from './digit-runs.js';

/** A table as rows of the distinct cells that start in each row, plus the full coverage matrix. */
export interface GridView {
  table: TableBlock;
  matrix: (IRCell | null)[][];
}

export function viewOf(table: TableBlock): GridView {
  return { table, matrix: cellMatrix(table) };
}

/** Distinct cells covering row r, left to right (a merged cell appears once). */
export function rowCells(view: GridView, r: number, from = 0, to = view.table.cols): IRCell[] {
  const out: IRCell[] = [];
  for (let c = from; c < to; c++) {
    const cell = view.matrix[r]?.[c];
    if (cell && out[out.length - 1] !== cell) out.push(cell);
  }
  return out;
}

/** Cells that start in row r, left to right: what the row itself wrote. */
export function ownCells(view: GridView, r: number): IRCell[] {
  return rowCells(view, r).filter((c) => c.row === r);
}

export function hasValue(cells: IRCell[]): boolean {
  return cells.some((c) => c.text.trim() !== '' && looksLikeValue(c.text));
}

/** The row's cells split into its label cells and the run of value cells that ends it (text layout). */
export function splitTrailingValues(cells: IRCell[]): { labels: IRCell[]; values: IRCell[] } {
  let i = cells.length;
  while (i > 0 && (cells[i - 1]!.text.trim() === '' || looksLikeValue(cells[i - 1]!.text))) i--;
  const tail = cells.slice(i);
  const firstValue = tail.findIndex((c) => c.text.trim() !== '');
  const values = firstValue < 0 ? [] : tail.slice(firstValue);
  return { labels: cells.slice(0, i).filter((c) => c.text.trim() !== ''), values: trimTrailingBlanks(values) };
}

function trimTrailingBlanks(cells: IRCell[]): IRCell[] {
  let end = cells.length;
  while (end > 0 && cells[end - 1]!.text.trim() === '') end--;
  return cells.slice(0, end);
}

/** A run of digits at the end of a text row: its own cell, or the tail of the label cell it was printed against. */
export interface TrailingRun {
  labels: IRCell[];
  run: string;
  page: number | null;
}

const RUN_TAIL = /^(.*[^\d\s.\-−–])\s*(-?\d[\d\s.\-−–]*(?:万元|元)?)\s*$/s;

export function trailingRun(cells: IRCell[]): TrailingRun | null {
  const filled = cells.filter((c) => c.text.trim() !== '');
  const last = filled[filled.length - 1];
  if (!last) return null;
  const own = digitRun(last.text);
  if (own !== null)
    return filled.length > 1 && !looksLikeValue(filled[filled.length - 2]!.text)
      ? { labels: filled.slice(0, -1), run: own, page: last.page }
      : null;
  const tail = RUN_TAIL.exec(last.text);
  const run = tail && digitRun(tail[2]!);
  if (!tail || run === null) return null;
  return { labels: [...filled.slice(0, -1), { ...last, text: tail[1]! }], run, page: last.page };
}
