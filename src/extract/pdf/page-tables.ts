import type { IRCell, TableBlock } from '../../model/ir.js';
import type { Box } from './geometry.js';
import type { LatticeCell, LatticeTable } from './lattice.js';
import { joinLines, wordsToLines, type Line } from './lines.js';
import type { Word } from './words.js';

/** A table as found on one page, with the geometry the page-break join needs. */
export interface PageTable extends Box {
  /** column boundaries (pt), left to right */
  xs: number[];
  block: TableBlock;
  /** left edges of the bottom row's cells whose last line runs to the cell's edge: text the page break may have cut */
  runOn: number[];
}

/** A wrapped line leaves less than this many text sizes unused, plus the padding on each side. */
const WRAP_SLACK = 1.5;
/** Cell padding is at most about this many text sizes; more space on both sides means centred short text. */
const MAX_PADDING = 0.8;

function indexIn(bounds: number[], v: number): number {
  let i = 0;
  while (i < bounds.length - 2 && v >= bounds[i + 1]!) i++;
  return i;
}

function center(w: Word): [number, number] {
  return [(w.x0 + w.x1) / 2, (w.top + w.bottom) / 2];
}

export function insideBox(box: Box, w: Word): boolean {
  const [x, y] = center(w);
  return x >= box.x0 && x <= box.x1 && y >= box.top && y <= box.bottom;
}

/** Whether the line was broken by the cell's width (so the text may go on), not ended by the text itself. */
function fillsWidth(line: Line, left: number, right: number): boolean {
  const before = line.x0 - left;
  const after = right - line.x1;
  return Math.min(before, after) <= MAX_PADDING * line.size + 2 && Math.abs(after - before) <= WRAP_SLACK * line.size;
}

function runsOn(cell: LatticeCell, lines: Line[], table: LatticeTable): boolean {
  const last = lines[lines.length - 1];
  return (
    last !== undefined &&
    cell.row + cell.rowSpan === table.ys.length - 1 &&
    fillsWidth(last, table.xs[cell.col]!, table.xs[cell.col + cell.colSpan]!)
  );
}

/** The grid without row `r`: its own cells go, cells spanning it lose a row. */
function withoutRow(table: LatticeTable, r: number, keep: boolean[]): LatticeTable {
  const cells = table.cells
    .filter((_, i) => keep[i])
    .map((c) => {
      if (c.row > r) return { ...c, row: c.row - 1 };
      return c.row + c.rowSpan > r ? { ...c, rowSpan: c.rowSpan - 1 } : c;
    });
  return { ...table, ys: table.ys.filter((_, i) => i !== (r === 0 ? 0 : table.ys.length - 1)), cells };
}

/**
 * An open end row (closed by the walls' ends, not a line) with no text in a
 * cell of its own is no row: a spanning cell's text or walls running on into
 * the page margin. The spanning cells keep their words.
 */
function trimOpenRows(table: LatticeTable, content: Word[][]): [LatticeTable, Word[][]] {
  const rows = table.ys.length - 1;
  const ends = [table.open.top && 0, table.open.bottom && rows - 1].filter((r): r is number => r !== false);
  for (const r of ends.sort((p, q) => q - p)) {
    const own = (c: LatticeCell) => c.row === r && c.rowSpan === 1;
    if (table.ys.length <= 2 || table.cells.some((c, i) => own(c) && content[i]!.length)) continue;
    const keep = table.cells.map((c) => !own(c));
    [table, content] = [withoutRow(table, r, keep), content.filter((_, i) => keep[i])];
  }
  return [table, content];
}

/** Puts each word in the cell that contains its centre and writes the cells' text. */
export function fillLattice(found: LatticeTable, words: Word[], page: number): PageTable {
  const cols = found.xs.length - 1;
  const owner = new Map<number, number>();
  found.cells.forEach((c, i) => {
    for (let r = c.row; r < c.row + c.rowSpan; r++)
      for (let k = c.col; k < c.col + c.colSpan; k++) owner.set(r * cols + k, i);
  });
  const placed: Word[][] = found.cells.map(() => []);
  for (const w of words) {
    if (!insideBox(found, w)) continue;
    const [x, y] = center(w);
    const cell = owner.get(indexIn(found.ys, y) * cols + indexIn(found.xs, x));
    if (cell !== undefined) placed[cell]!.push(w);
  }
  const [table, content] = trimOpenRows(found, placed);
  const lines = content.map((words) => wordsToLines(words));
  const cells: IRCell[] = table.cells.map((c, i) => ({ ...c, text: joinLines(lines[i]!), page }));
  const block: TableBlock = { kind: 'table', layout: 'grid', rows: table.ys.length - 1, cols, cells, page };
  const runOn = table.cells.filter((c, i) => runsOn(c, lines[i]!, table)).map((c) => table.xs[c.col]!);
  // the box keeps any trimmed row: the words in it belong to the cells spanning it
  return { x0: found.x0, x1: found.x1, top: found.top, bottom: found.bottom, xs: table.xs, block, runOn };
}
