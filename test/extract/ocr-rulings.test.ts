/**
 * Ruling lines found in a scan's pixels → tables: the gaps only pixels have are
 * closed, and a large heading's glyph strokes are not a table. Edges as measured
 * on a 300 dpi scan of corpus/pdf/2023-qingshui-town.pdf (page 3, 表三 continued).
 */
import { describe, expect, it } from 'vitest';
import type { Edge } from '../../src/extract/pdf/geometry.js';
import { closeGaps, pixelTables } from '../../src/extract/ocr/rulings.js';

const h = (pos: number, a: number, b: number): Edge => ({ orient: 'h', pos, a, b });
const v = (pos: number, a: number, b: number): Edge => ({ orient: 'v', pos, a, b });

/**
 * 表三 continued at the top of a page: the first column's cell (三、本年度办理结果) and the
 * second's (（五）) span rows from the page before, so no line closes them at the top; their
 * walls stop 6 pt above the line under them, where LibreOffice draws the cell's own border
 * too thin to print.
 */
const CONTINUED = [
  h(63.3, 154.6, 562.3),
  h(83.5, 154.6, 562.3),
  h(121.6, 96.0, 562.3),
  h(159.4, 154.6, 562.3),
  h(255.7, 33.6, 562.3),
  h(276.1, 32.9, 562.3),
  v(34.0, 62.9, 249.4),
  v(34.0, 255.4, 276.5),
  v(96.6, 62.9, 115.4),
  v(96.6, 121.2, 256.1),
  v(155.0, 62.9, 255.7),
  v(356.3, 62.9, 276.1),
  v(562.0, 62.9, 276.1),
];

describe('tables from ruling lines found in pixels', () => {
  it('walls that stop just short of the line under them meet it: one table, not three', () => {
    const tables = pixelTables(CONTINUED);
    expect(tables.map((t) => [t.x0, t.x1, t.top, t.bottom])).toEqual([[34, 562, 63.3, 276.1]]);
    expect(tables[0]!.xs).toEqual([34, 96.6, 155, 356.3, 562]);
    // the first column's cell spans the rows down to 四、结转下年度继续办理
    expect(tables[0]!.cells.find((c) => c.col === 0 && c.row === 0)).toMatchObject({ rowSpan: 4, colSpan: 1 });
  });

  it('a wall is carried to a line across its path only within REACH (8 pt), and never past a line it meets', () => {
    const walls = [v(50, 0, 90), v(60, 0, 93), v(70, 0, 99), v(80, 0, 110), v(300, 0, 95), v(60, 107, 150)];
    expect(closeGaps([h(100, 0, 200), ...walls]).slice(1)).toEqual([
      v(50, 0, 90),
      v(60, 0, 100),
      v(70, 0, 99),
      v(80, 0, 110),
      v(300, 0, 95),
      v(60, 100, 150),
    ]);
  });

  it('the strokes of a 22 pt title are not a table: no row could hold a line of text', () => {
    const title = [h(223.3, 255.6, 318), h(229.2, 255.6, 318), h(234.3, 255.6, 318), h(238.3, 255.6, 318)];
    const strokes = [255.6, 281, 292.1, 298.4, 308.2, 318].map((x) => v(x, 222.3, 240.1));
    expect(pixelTables([...title, ...strokes])).toEqual([]);
    expect(
      pixelTables([h(223.3, 255.6, 318), h(243.3, 255.6, 318), v(255.6, 223, 243.5), v(318, 223, 243.5)]),
    ).toHaveLength(1);
  });
});
