import type { IRCell, TableBlock, TableLayout } from '../model/ir.js';

export interface DrawnCell {
  text: string;
  rowSpan?: number;
  colSpan?: number;
  page?: number | null;
}

const MAX_SPAN = 1000;

function span(n: number | undefined): number {
  return Number.isFinite(n) && n! >= 1 ? Math.min(Math.floor(n!), MAX_SPAN) : 1;
}

/**
 * Places cells given row by row (as HTML and Word write them) on a grid, the
 * way browsers do: a cell takes the first column not already covered by a
 * rowspan from above. The one grid builder for HTML and DOCX tables.
 */
export function buildTable(rows: DrawnCell[][], layout: TableLayout = 'grid', page: number | null = null): TableBlock {
  const covered: boolean[][] = [];
  const cells: IRCell[] = [];
  let cols = 0;
  const mark = (r: number, c: number) => ((covered[r] ??= [])[c] = true);
  rows.forEach((drawn, r) => {
    let c = 0;
    for (const cell of drawn) {
      while (covered[r]?.[c]) c++;
      const rowSpan = Math.min(span(cell.rowSpan), rows.length - r);
      const colSpan = span(cell.colSpan);
      for (let dr = 0; dr < rowSpan; dr++) for (let dc = 0; dc < colSpan; dc++) mark(r + dr, c + dc);
      cells.push({ row: r, col: c, rowSpan, colSpan, text: cell.text, page: cell.page ?? page });
      c += colSpan;
      cols = Math.max(cols, c);
    }
  });
  return { kind: 'table', layout, rows: rows.length, cols, cells, page: cells[0]?.page ?? page };
}
