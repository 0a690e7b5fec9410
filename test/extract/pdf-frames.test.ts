import { describe, expect, it } from 'vitest';
import { joinParts } from '../../src/extract/pdf/continuation.js';
import type { Edge } from '../../src/extract/pdf/geometry.js';
import { findLatticeTables } from '../../src/extract/pdf/lattice.js';
import type { IRCell, TableBlock } from '../../src/model/ir.js';

/** Edges of a ruled grid; `rows` lists each row's column lines (x), rows of height 20 from y = 100. */
function grid(rows: number[][], top = 100): Edge[] {
  const edges: Edge[] = [];
  rows.forEach((xs, r) => {
    const [a, b] = [top + r * 20, top + (r + 1) * 20];
    edges.push(
      { orient: 'h', pos: a, a: xs[0]!, b: xs[xs.length - 1]! },
      { orient: 'h', pos: b, a: xs[0]!, b: xs[xs.length - 1]! },
    );
    for (const x of xs) edges.push({ orient: 'v', pos: x, a, b });
  });
  return edges;
}

describe('tables drawn touching in one frame', () => {
  it('are two tables when their columns do not line up (one HTML table per 表二 sub-table)', () => {
    const first = [50, 170, 260, 350, 440];
    const second = [50, 180, 270, 330, 410];
    const tables = findLatticeTables(grid([first, first, first, second, second, second]));
    expect(tables.map((t) => [t.xs, t.ys.length - 1])).toEqual([
      [first, 3],
      [second, 3],
    ]);
  });

  it('are two tables when the lower one is wider (表二 right above 表三)', () => {
    const tables = findLatticeTables(
      grid([
        [50, 150, 300],
        [50, 150, 300],
        [50, 100, 150, 200, 250, 400],
        [50, 100, 150, 200, 250, 400],
      ]),
    );
    expect(tables.map((t) => t.xs.length - 1)).toEqual([2, 5]);
  });

  it('give a full-width title row to the table below it', () => {
    const tables = findLatticeTables(
      grid([
        [50, 170, 260, 440],
        [50, 170, 260, 440],
        [50, 440],
        [50, 180, 330, 440],
        [50, 180, 330, 440],
      ]),
    );
    expect(tables.map((t) => [t.top, t.bottom])).toEqual([
      [100, 140],
      [140, 200],
    ]);
  });

  it('stay one table when rows share a column line or span the whole width (one 表二 with merged cells)', () => {
    const tables = findLatticeTables(
      grid([
        [50, 440],
        [50, 150, 250, 350, 440],
        [50, 440],
        [50, 150, 440],
        [50, 150, 440],
      ]),
    );
    expect(tables).toHaveLength(1);
    expect(tables[0]!.xs).toEqual([50, 150, 250, 350, 440]);
    expect(tables[0]!.cells.filter((c) => c.colSpan === 4)).toHaveLength(2);
  });
});

function table(rows: string[][], page: number): TableBlock {
  const cells: IRCell[] = rows.flatMap((row, r) =>
    row.map((text, col) => ({ row: r, col, rowSpan: 1, colSpan: 1, text, page })),
  );
  return { kind: 'table', layout: 'grid', rows: rows.length, cols: rows[0]!.length, cells, page };
}

function texts(t: TableBlock): string[][] {
  return Array.from({ length: t.rows }, (_, r) => t.cells.filter((c) => c.row === r).map((c) => c.text));
}

describe('a table row at a page break', () => {
  const prev = () => table([['信息内容', '本年处理决定数量']], 1);

  it('is a row of its own when the text above ended inside its cell', () => {
    const joined = joinParts(prev(), table([['行政许可', '若干']], 2), () => false);
    expect(texts(joined)).toEqual([
      ['信息内容', '本年处理决定数量'],
      ['行政许可', '若干'],
    ]);
  });

  it('is the rest of the row above when that text ran to the cell’s edge', () => {
    const joined = joinParts(
      table([['5.要求行政机关确认或', '3']], 1),
      table([['重新出具已获取信息', '']], 2),
      () => true,
    );
    expect(texts(joined)).toEqual([['5.要求行政机关确认或重新出具已获取信息', '3']]);
  });
});
