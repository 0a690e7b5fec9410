import type { PDFDocumentProxy, PDFPageProxy } from 'pdfjs-dist';
import { UnreadableDocument, type Block, type DocumentIR } from '../../model/ir.js';
import type { ExtractOptions } from '../options.js';
import { cleanText } from '../text-normalize.js';
import { joinPageTables } from './continuation.js';
import { linesToBlocks, type FlowContext } from './flow.js';
import type { Matrix } from './geometry.js';
import { findLatticeTables } from './lattice.js';
import { wordsToLines, type Line } from './lines.js';
import { hasEndMarker, openPdf, pdfDate } from './load.js';
import { fillLattice, insideBox, type PageTable } from './page-tables.js';
import { fontsSet, textFromOperatorList, type FontInfo } from './op-text.js';
import { countImages, rulingEdges, type OperatorList } from './paths.js';
import { assertReadable, MIN_CHARS_PER_PAGE } from './quality.js';
import { dropRunningLines } from './running.js';
import { findTextTables } from './stream.js';
import { itemsToWords, type RawTextItem, type Word } from './words.js';

export interface PageContent {
  number: number;
  width: number;
  height: number;
  lines: Line[];
  tables: PageTable[];
  text: string;
  images: number;
}

const BOLD_FONT = /bold|heavy|black|demi|semibold|hei|黑/i;

function boldLookup(page: PDFPageProxy): (fontName: string) => boolean {
  const cache = new Map<string, boolean>();
  return (id) => {
    if (!cache.has(id)) {
      const font = page.commonObjs.has(id) ? (page.commonObjs.get(id) as { name?: string } | null) : null;
      cache.set(id, BOLD_FONT.test(font?.name ?? ''));
    }
    return cache.get(id)!;
  };
}

/** Two text items on one baseline at least this many font sizes apart stand in columns. */
const COLUMN_GAP = 1;
/** Lines this low on a page (share of its height) are footers: a table above them still reaches the page's end. */
const FOOTER_ZONE = 0.88;
/** Baselines closer than this share a line. */
const BASELINE_TOLERANCE = 2;

/** Some baseline holds items with a gap between them: the column positions a table's cells have. */
function hasColumns(items: RawTextItem[]): boolean {
  const placed = items
    .filter((i) => i.str.trim())
    .map((i) => ({
      y: i.transform[5]!,
      x0: i.transform[4]!,
      x1: i.transform[4]! + i.width,
      size: Math.abs(i.transform[3]!),
    }))
    .sort((p, q) => p.y - q.y || p.x0 - q.x0);
  for (let k = 1; k < placed.length; k++) {
    const [p, q] = [placed[k - 1]!, placed[k]!];
    if (Math.abs(p.y - q.y) <= BASELINE_TOLERANCE && q.x0 - p.x1 >= COLUMN_GAP * Math.max(p.size, 1)) return true;
  }
  return false;
}

/** A table on the page with nothing but a footer below it may continue on the next page. */
function endsInTable(page: PageContent): boolean {
  const body = page.lines.filter((l) => l.top < page.height * FOOTER_ZONE);
  return page.tables.some((t) => !body.some((l) => l.top >= t.bottom));
}

/**
 * Whether a page needs its operator list, decided from the text layer: for
 * ruling lines where a table may stand (items in columns, or a table that
 * ends the page before and may continue here), for the font names bold is read from
 * when a font is new to the document, and for images when the page has so
 * little text that the document may be a scan (quality.ts counts image pages
 * only for documents under 5 characters a page, so a page with more never
 * needs them). Every page's operator list is read (it costs less than the text
 * layer, and the text is rebuilt from it: op-text.ts), but only a page that
 * needs it has its ruling lines and images read, and `known` holds the fonts
 * of those pages: what pdf.js's common objects held when the operator list
 * was fetched for those pages alone, which is what decided before.
 */
function needsOperatorList(known: Set<string>, items: RawTextItem[], previous: PageContent | undefined, pages: number) {
  if (previous && endsInTable(previous)) return true;
  if (items.some((i) => !known.has(i.fontName))) return true;
  if (
    items
      .map((i) => i.str)
      .join('')
      .replace(/\s+/g, '').length <
    MIN_CHARS_PER_PAGE * pages
  )
    return true;
  return hasColumns(items);
}

async function readPage(
  doc: PDFDocumentProxy,
  number: number,
  previous: PageContent | undefined,
  known: Set<string>,
): Promise<PageContent> {
  const page = await doc.getPage(number);
  const viewport = page.getViewport({ scale: 1 });
  const toPage = viewport.transform as Matrix;
  const all = (await page.getOperatorList()) as OperatorList;
  const fontOf = (id: string) => (page.commonObjs.has(id) ? (page.commonObjs.get(id) as FontInfo) : null);
  const items =
    textFromOperatorList(all, fontOf, page.view) ??
    (await page.getTextContent()).items.filter((i): i is RawTextItem & typeof i => 'str' in i);
  const ops = needsOperatorList(known, items, previous, doc.numPages) ? all : null;
  if (ops) for (const font of fontsSet(ops)) known.add(font);
  const words = itemsToWords(items, toPage, boldLookup(page));
  const ruled = ops ? findLatticeTables(rulingEdges(ops, toPage)) : [];
  const tables = ruled.map((t) => fillLattice(t, words, number));
  const free: Word[] = words.filter((w) => !tables.some((t) => insideBox(t, w)));
  const lines = wordsToLines(free);
  const textTables = findTextTables(lines, number);
  const text = items.map((i) => i.str).join('');
  page.cleanup();
  return {
    number,
    width: viewport.width,
    height: viewport.height,
    lines: lines.filter((l) => !textTables.some((t) => t.lines.has(l))),
    tables: [...tables, ...textTables.map((t) => t.table)],
    text,
    images: ops ? countImages(ops) : 0,
  };
}

async function readPageOrThrow(
  doc: PDFDocumentProxy,
  number: number,
  previous: PageContent | undefined,
  known: Set<string>,
): Promise<PageContent> {
  try {
    return await readPage(doc, number, previous, known);
  } catch (error) {
    throw new UnreadableDocument(`PDF 第 ${number} 页无法解析（${(error as Error)?.message ?? error}）`, 'corrupt');
  }
}

function bodySize(pages: PageContent[]): number {
  const sizes = pages.flatMap((p) => p.lines.map((l) => l.size)).sort((a, b) => a - b);
  return sizes[Math.floor(sizes.length / 2)] ?? 12;
}

interface Placed {
  block: Block;
  top: number;
  open: boolean;
  table?: PageTable;
}

/** One page's text and tables in reading order: runs of lines between tables become paragraphs. */
function pageBlocks(page: PageContent, size: number): Placed[] {
  const ctx: FlowContext = {
    page: page.number,
    bodySize: size,
    left: Math.min(...page.lines.map((l) => l.x0)),
    right: Math.max(...page.lines.map((l) => l.x1)),
    opening: page.number === 1,
  };
  const tables = [...page.tables].sort((p, q) => p.top - q.top);
  const placed: Placed[] = [];
  let rest = page.lines;
  for (const table of tables) {
    const above = rest.filter((l) => l.top < table.top);
    rest = rest.filter((l) => l.top >= table.top);
    placed.push(...linesToBlocks(above, ctx));
    ctx.opening = false;
    placed.push({ block: table.block, top: table.top, open: false, table });
  }
  placed.push(...linesToBlocks(rest, ctx));
  return placed;
}

/** A paragraph cut by the page break continues in the first paragraph of the next page. */
function joinParagraphs(prev: Placed | undefined, next: Placed | undefined): boolean {
  if (!prev?.open || prev.block.kind !== 'paragraph' || next?.block.kind !== 'paragraph') return false;
  prev.block.text = cleanText(prev.block.text + next.block.text);
  prev.open = next.open;
  return true;
}

export function assemble(pages: PageContent[]): Block[] {
  const size = bodySize(pages);
  const out: Placed[] = [];
  for (const page of pages) {
    const blocks = pageBlocks(page, size);
    const first = blocks[0];
    const last = out[out.length - 1];
    if (first && last && (joinParagraphs(last, first) || joinPageTables(last, first))) blocks.shift();
    out.push(...blocks);
  }
  return out.map(unboxSingleCell);
}

/** A framed single cell that did not continue a table is a boxed paragraph. */
function unboxSingleCell(p: Placed): Block {
  const b = p.block;
  if (b.kind !== 'table' || b.cells.length !== 1) return b;
  return { kind: 'paragraph', text: b.cells[0]!.text, level: null, page: b.page };
}

async function documentInfo(doc: PDFDocumentProxy): Promise<{ title: string | null; created: string | null }> {
  const meta = await doc.getMetadata().catch(() => null);
  const info = (meta?.info ?? {}) as { Title?: unknown; CreationDate?: unknown };
  const title = typeof info.Title === 'string' ? cleanText(info.Title) || null : null;
  return { title, created: pdfDate(info.CreationDate) };
}

export async function pdfToDocument(bytes: Uint8Array, options: ExtractOptions): Promise<DocumentIR> {
  if (!hasEndMarker(bytes))
    throw new UnreadableDocument('PDF 文件不完整：缺少结尾标记 %%EOF（下载中断或文件被截断）', 'corrupt');
  const doc = await openPdf(bytes);
  try {
    if (doc.numPages > options.maxPages)
      throw new UnreadableDocument(`PDF 页数过多：${doc.numPages} 页，超过上限 ${options.maxPages} 页`, 'too-large');
    if (doc.numPages === 0) throw new UnreadableDocument('PDF 没有页面', 'empty');
    const pages: PageContent[] = [];
    const known = new Set<string>();
    for (let n = 1; n <= doc.numPages; n++) pages.push(await readPageOrThrow(doc, n, pages[n - 2], known));
    assertReadable(pages);
    dropRunningLines(pages);
    const { title, created } = await documentInfo(doc);
    return {
      format: 'pdf',
      pages: doc.numPages,
      title,
      published: null,
      created,
      blocks: assemble(pages),
      diagnostics: [],
    };
  } finally {
    await doc.destroy();
  }
}
