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

/** Puts each word in the cell that contains its centre and writes the cells' text. */
export function fillLattice(table: LatticeTable, words: Word[], page: number): PageTable {
  const cols = table.xs.length - 1;
  const owner = new Map<number, number>();
  table.cells.forEach((c, i) => {
    for (let r = c.row; r < c.row + c.rowSpan; r++)
      for (let k = c.col; k < c.col + c.colSpan; k++) owner.set(r * cols + k, i);
  });
  const content: Word[][] = table.cells.map(() => []);
  for (const w of words) {
    if (!insideBox(table, w)) continue;
    const [x, y] = center(w);
    const cell = owner.get(indexIn(table.ys, y) * cols + indexIn(table.xs, x));
    if (cell !== undefined) content[cell]!.push(w);
  }
  const lines = content.map((words) => wordsToLines(words));
  const cells: IRCell[] = table.cells.map((c, i) => ({ ...c, text: joinLines(lines[i]!), page }));
  const block: TableBlock = { kind: 'table', layout: 'grid', rows: table.ys.length - 1, cols, cells, page };
  const runOn = table.cells.filter((c, i) => runsOn(c, lines[i]!, table)).map((c) => table.xs[c.col]!);
  return { x0: table.x0, x1: table.x1, top: table.top, bottom: table.bottom, xs: table.xs, block, runOn };
}
