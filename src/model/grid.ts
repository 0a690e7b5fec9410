import type { IRCell, TableBlock, TableLayout } from './ir.js';

/** Every grid position → the cell that covers it (the same object for a merged cell). */
export function cellMatrix(table: TableBlock): (IRCell | null)[][] {
  const m: (IRCell | null)[][] = Array.from({ length: table.rows }, () => Array<IRCell | null>(table.cols).fill(null));
  for (const cell of table.cells) {
    for (let r = cell.row; r < Math.min(cell.row + cell.rowSpan, table.rows); r++) {
      for (let c = cell.col; c < Math.min(cell.col + cell.colSpan, table.cols); c++) m[r]![c] = cell;
    }
  }
  return m;
}

/** Stacks tables vertically: a table split by a page break, or 表二's sub-tables drawn apart. */
export function concatTables(tables: TableBlock[]): TableBlock {
  const cells: IRCell[] = [];
  let offset = 0;
  for (const t of tables) {
    for (const c of t.cells) cells.push({ ...c, row: c.row + offset });
    offset += t.rows;
  }
  const layout: TableLayout = tables.every((t) => t.layout === 'grid') ? 'grid' : 'text';
  return {
    kind: 'table',
    layout,
    rows: offset,
    cols: Math.max(0, ...tables.map((t) => t.cols)),
    cells,
    page: tables[0]?.page ?? null,
  };
}
