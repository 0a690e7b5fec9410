import type { TableBlock } from '../../src/model/ir.js';

/** A plain-text table as the crawler-text reader hands it over: label cell(s), then one cell of digits. */
export function textTable(rows: string[][]): TableBlock {
  const cells = rows.flatMap((r, row) =>
    r.map((text, col) => ({ row, col, rowSpan: 1, colSpan: 1, text, page: null })),
  );
  return {
    kind: 'table',
    layout: 'text',
    rows: rows.length,
    cols: Math.max(...rows.map((r) => r.length)),
    cells,
    page: null,
  };
}
