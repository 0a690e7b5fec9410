/**
 * A whole report as old Acrobat/iText exports make it: every glyph in
 * STSong-Light / UniGB-UCS2-H, not embedded (only pdf.js's bundled CMaps make
 * it readable), tables ruled with stroked segments, A4 pages with a folio.
 * The content is an HTML source's, laid out afresh: title, headings,
 * indented paragraphs, and each table as a grid with its spans.
 * Usage: node --import tsx scripts/pdf-fixtures/stsong-report.ts in.html out.pdf
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { extractDocument } from '../../src/extract/index.js';
import { DEFAULT_EXTRACT_OPTIONS } from '../../src/extract/options.js';
import type { Block, IRCell, TableBlock } from '../../src/model/ir.js';
import { ruledGrid, textAt, tinyPdf, type TinyPage } from './tiny-pdf.js';

const PAGE = { width: 595, height: 842 };
const MARGIN = { left: 72, right: 72, top: 72, bottom: 80 };
const WIDTH = PAGE.width - MARGIN.left - MARGIN.right;
const BODY = 12;
const LEADING = 1.6;
const CELL = 9;
const PAD = 3;
const MIN_COLUMN = 26;
const MAX_NATURAL = 150;

/** STSong-Light's widths as the font dictionary declares them: ASCII half an em, the rest a full em. */
function textWidth(text: string, size: number): number {
  return [...text].reduce((w, ch) => w + (ch.charCodeAt(0) < 0x80 ? 0.5 : 1), 0) * size;
}

function wrap(text: string, size: number, width: number, indent = 0): string[] {
  const lines: string[] = [];
  let line = '';
  let room = width - indent;
  for (const ch of text) {
    if (line && textWidth(line + ch, size) > room) {
      lines.push(line);
      line = '';
      room = width;
    }
    line += ch;
  }
  if (line) lines.push(line);
  return lines;
}

class Layout {
  pages: TinyPage[] = [];
  private content = '';
  private y = PAGE.height - MARGIN.top;

  constructor() {
    this.newPage();
  }

  newPage(): void {
    if (this.pages.length) this.pages[this.pages.length - 1]!.content = this.content + this.folio();
    this.pages.push({ ...PAGE, content: '' });
    this.content = '';
    this.y = PAGE.height - MARGIN.top;
  }

  private folio(): string {
    const n = `- ${this.pages.length} -`;
    return textAt((PAGE.width - textWidth(n, 10)) / 2, 40, 10, n, 'stsong');
  }

  finish(): TinyPage[] {
    this.pages[this.pages.length - 1]!.content = this.content + this.folio();
    return this.pages;
  }

  /** Room for `height` more points on this page, or a new page. */
  reserve(height: number): void {
    if (this.y - height < MARGIN.bottom) this.newPage();
  }

  line(text: string, size: number, x: number): void {
    this.reserve(size * LEADING);
    this.y -= size * LEADING;
    this.content += textAt(x, this.y + size * 0.3, size, text, 'stsong');
  }

  paragraph(text: string, indent: number): void {
    for (const [i, l] of wrap(text, BODY, WIDTH, indent).entries())
      this.line(l, BODY, MARGIN.left + (i === 0 ? indent : 0));
  }

  title(text: string): void {
    for (const l of wrap(text, 18, WIDTH)) this.line(l, 18, MARGIN.left + (WIDTH - textWidth(l, 18)) / 2);
    this.y -= BODY;
  }

  table(t: TableBlock): void {
    const xs = columnLines(t);
    const heights = rowHeights(t, xs);
    const total = heights.reduce((s, h) => s + h, 0);
    this.y -= 4;
    this.reserve(total);
    const ys = [this.y];
    for (const h of heights) ys.push(ys[ys.length - 1]! - h);
    this.content += ruledGrid(
      xs,
      ys,
      t.cells.filter((c) => c.rowSpan > 1 || c.colSpan > 1),
    );
    for (const cell of t.cells) this.content += cellText(cell, xs, ys);
    this.y = ys[ys.length - 1]! - 4;
  }
}

/** Column widths from the longest single-column text in each column (capped), scaled to the text width. */
function columnLines(t: TableBlock): number[] {
  const natural = Array.from({ length: t.cols }, (_, c) => {
    const widths = t.cells
      .filter((x) => x.col === c && x.colSpan === 1)
      .map((x) => Math.min(textWidth(x.text, CELL), MAX_NATURAL));
    return Math.max(MIN_COLUMN, ...widths) + 2 * PAD;
  });
  const scale = WIDTH / natural.reduce((s, w) => s + w, 0);
  const xs = [MARGIN.left];
  for (const w of natural) xs.push(xs[xs.length - 1]! + w * scale);
  return xs;
}

function cellLines(cell: IRCell, xs: number[]): string[] {
  return wrap(cell.text, CELL, xs[cell.col + cell.colSpan]! - xs[cell.col]! - 2 * PAD);
}

const cellHeight = (lines: number) => Math.max(1, lines) * CELL * 1.35 + 2 * PAD;

/** Each row as tall as its tallest one-row cell; a taller spanning cell stretches the last row it spans. */
function rowHeights(t: TableBlock, xs: number[]): number[] {
  const heights = Array.from({ length: t.rows }, () => cellHeight(1));
  for (const c of t.cells.filter((x) => x.rowSpan === 1))
    heights[c.row] = Math.max(heights[c.row]!, cellHeight(cellLines(c, xs).length));
  for (const c of t.cells.filter((x) => x.rowSpan > 1)) {
    const have = heights.slice(c.row, c.row + c.rowSpan).reduce((s, h) => s + h, 0);
    const need = cellHeight(cellLines(c, xs).length);
    if (need > have) heights[c.row + c.rowSpan - 1]! += need - have;
  }
  return heights;
}

function cellText(cell: IRCell, xs: number[], ys: number[]): string {
  const top = ys[cell.row]! - PAD;
  return cellLines(cell, xs)
    .map((l, i) => textAt(xs[cell.col]! + PAD, top - (i + 1) * CELL * 1.35 + CELL * 0.3, CELL, l, 'stsong'))
    .join('');
}

function render(blocks: Block[], layout: Layout): void {
  for (const b of blocks) {
    if (b.kind === 'table') layout.table(b);
    else if (b.kind === 'heading' && b.level === 1) layout.title(b.text);
    else if (b.kind === 'heading') layout.paragraph(b.text, 0);
    else layout.paragraph(b.text, 2 * BODY);
  }
}

export async function stsongReport(html: Uint8Array): Promise<Buffer> {
  const doc = await extractDocument(html, DEFAULT_EXTRACT_OPTIONS);
  const layout = new Layout();
  render(doc.blocks, layout);
  const info: Record<string, string> = {
    Producer: 'tiny-pdf (STSong-Light, not embedded)',
    CreationDate: "D:20240118093000+08'00'",
  };
  if (doc.title) info.Title = doc.title;
  return tinyPdf(layout.finish(), 'stsong', info);
}

if (process.argv[1]?.endsWith('stsong-report.ts')) {
  const [input, output] = process.argv.slice(2);
  writeFileSync(output!, await stsongReport(new Uint8Array(readFileSync(input!))));
}
