import type { Block, DocumentIR, TableBlock } from '../model/ir.js';
import { readCrawlerPage } from './crawler.js';
import { buildTable, type DrawnCell } from './grid.js';
import { joinHeaderRows, rowsFromCells } from './text-cells.js';
import { flatLineBlocks } from './text-flat.js';
import { cleanText } from './text-normalize.js';
import { type CellKind, cellKind, isPartHeading } from './text-vocabulary.js';

const MD_HEADING = /^(#{1,6})\s+(.*)$/;
const MD_RULE = /^\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?$/;
/** a line that starts a new block even without a blank line before it */
const NUMBERED_START =
  /^\s*(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十]+[)）]|第[一二三四五六七八九十]+部分)/;

/** a numbered line short enough, and without a full stop, to be a heading of its own */
function isShortHeading(line: string): boolean {
  const text = line.trim();
  return text.length <= 30 && !/[。；;]/.test(text.slice(0, -1));
}

function tabCells(line: string): DrawnCell[] | null {
  if (!line.includes('\t')) return null;
  return line
    .replace(/\r$/, '')
    .split('\t')
    .map((t) => ({ text: cleanText(t) }));
}

const isPipeLine = (line: string) => {
  const t = line.trim();
  return t.length > 0 && (t.startsWith('|') || t.endsWith('|')) && !line.includes('\t');
};

/**
 * Cells of a pipe line. Markdown writes `| a | b |`; other exporters end every
 * cell with a pipe (`a | b |`, a blank cell as ` | |`, `|` alone on a line for
 * one blank cell), so there a leading pipe is a blank first cell.
 */
function pipeCells(line: string, markdown: boolean): DrawnCell[] {
  const t = line.trim();
  const pieces = markdown ? t.replace(/^\|/, '').replace(/\|$/, '').split('|') : t.split('|');
  if (!markdown && t.endsWith('|')) pieces.pop();
  return pieces.map((p) => ({ text: cleanText(p) }));
}

interface Region {
  end: number;
  table: TableBlock | null;
}

/** A run of pipe lines: one row per line, or one cell per line when no line holds two filled cells. */
function pipeRegion(lines: string[], start: number): Region | null {
  let end = start;
  while (end < lines.length && isPipeLine(lines[end]!)) end++;
  if (end === start) return null;
  const run = lines.slice(start, end).filter((l) => !MD_RULE.test(l.trim()));
  const markdown = run.every((l) => l.trim().startsWith('|'));
  const rows = run.map((l) => pipeCells(l, markdown));
  const oneCellPerLine = run.length > 2 && rows.every((r) => r.filter((c) => c.text).length <= 1);
  const drawn = oneCellPerLine ? rowsFromCells(rows.flat().map((c) => c.text)) : joinHeaderRows(rows);
  return { end, table: drawn.length ? buildTable(drawn, 'text') : null };
}

/** the longest template label is 38 characters; a cell line is short and is no sentence */
const MAX_CELL_LINE = 60;
const isCellLine = (line: string) => {
  const t = line.trim();
  return (
    !t ||
    (t.length <= MAX_CELL_LINE && !/[。；]/.test(t) && !isPipeLine(line) && !line.includes('\t') && !isPartHeading(t))
  );
};
const isNoteLine = (line: string) => /^[（(](?![一二三四五六七八九十]+[)）]).*[)）]$/.test(line.trim());
const KNOWN: CellKind[] = ['caption', 'header', 'row'];
/** fewer template labels than this on consecutive short lines is prose, not a table */
const MIN_KNOWN_CELLS = 3;

/** A table's first cell line: a template label, or the bracketed note that stands above the labels. */
function opensTable(lines: string[], i: number): boolean {
  const line = lines[i]!;
  if (!line.trim() || !isCellLine(line)) return false;
  if (KNOWN.includes(cellKind(line))) return true;
  const next = lines.slice(i + 1).find((l) => l.trim());
  return isNoteLine(line) && next !== undefined && isCellLine(next) && KNOWN.includes(cellKind(next));
}

/**
 * A table written one cell per line, found by its template labels. Blank cells
 * are where the layout proves them: an empty line in single-spaced text; in
 * double-spaced text (every line followed by an empty one) each further empty line.
 */
function cellRegion(lines: string[], start: number): Region | null {
  if (!opensTable(lines, start)) return null;
  let end = start;
  while (end < lines.length && isCellLine(lines[end]!)) end++;
  while (end > start && !lines[end - 1]!.trim()) end--;
  const span = lines.slice(start, end);
  const filled = span.filter((l) => l.trim());
  if (filled.filter((l) => KNOWN.includes(cellKind(l))).length < MIN_KNOWN_CELLS) return null;
  const adjacent = span.filter((l, i) => l.trim() && span[i + 1]?.trim()).length;
  const doubleSpaced = span.length > filled.length && adjacent <= filled.length * 0.05;
  const cells: string[] = [];
  let gap = 0;
  for (const line of span) {
    if (line.trim()) {
      for (let g = doubleSpaced ? 1 : 0; g < gap; g++) cells.push('');
      cells.push(line);
      gap = 0;
    } else gap++;
  }
  return { end, table: buildTable(rowsFromCells(cells), 'text') };
}

/**
 * Plain text or Markdown → DocumentIR. Tables are runs of lines whose cells are
 * separated by tabs (as text extractors write them) or pipes, tables written one
 * cell per line, and tables run together inside a long line (a crawler's text).
 * Their columns are positional guesses, so every table is marked `layout: 'text'`.
 */
export function textToDocument(text: string): DocumentIR {
  const all = text
    .replace(/^\ufeff/, '')
    .split(/\n/)
    .map((l) => l.replace(/\r$/, ''));
  const page = readCrawlerPage(all);
  const lines = page?.body ?? all;
  const blocks: Block[] = [];
  let paragraph: string[] = [];
  let rows: DrawnCell[][] = [];
  const flushParagraph = () => {
    const joined = cleanText(paragraph.join(''));
    if (joined) blocks.push({ kind: 'paragraph', text: joined, level: null, page: null });
    paragraph = [];
  };
  const flushTable = () => {
    if (rows.length) blocks.push(buildTable(rows, 'text'));
    rows = [];
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (MD_RULE.test(line.trim()) && rows.length) continue;
    const cells = tabCells(line);
    if (cells) {
      flushParagraph();
      rows.push(cells);
      continue;
    }
    flushTable();
    const region = pipeRegion(lines, i) ?? cellRegion(lines, i);
    if (region?.table) {
      flushParagraph();
      blocks.push(region.table);
      i = region.end - 1;
      continue;
    }
    const flat = line.length > MAX_CELL_LINE ? flatLineBlocks(line) : null;
    if (flat) {
      flushParagraph();
      blocks.push(...flat);
      continue;
    }
    const heading = MD_HEADING.exec(line.trim());
    if (heading) {
      flushParagraph();
      blocks.push({ kind: 'heading', text: cleanText(heading[2]!), level: heading[1]!.length, page: null });
    } else if (!line.trim()) flushParagraph();
    else if (NUMBERED_START.test(line) && isShortHeading(line)) {
      flushParagraph();
      paragraph.push(line.trim());
      flushParagraph();
    } else {
      if (NUMBERED_START.test(line)) flushParagraph();
      paragraph.push(line.trim());
    }
  }
  flushParagraph();
  flushTable();
  return {
    format: 'txt',
    pages: null,
    title: page?.title ?? null,
    published: page?.published ?? null,
    blocks,
    diagnostics: [],
  };
}
