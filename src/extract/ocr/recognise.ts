import { OPS, type PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { UnreadableDocument, type DocumentIR } from '../../model/ir.js';
import type { ExtractOptions } from '../options.js';
import { assemble, type PageContent } from '../pdf/index.js';
import { wordsToLines } from '../pdf/lines.js';
import { openPdf } from '../pdf/load.js';
import { dropRunningLines } from '../pdf/running.js';
import type { Word } from '../pdf/words.js';
import { recogniseTable, dropCjkSpaces } from './cells.js';
import { startEngine, type Engine } from './engine.js';
import { inkImage, renderPage, renderScale, type Raster } from './raster.js';
import { pixelEdges, pixelTables } from './rulings.js';

/** Words the engine itself doubts this much are specks and smudges, not text. */
const MIN_WORD_CONFIDENCE = 30;
/** Fewer recognised characters per page than this and the scan holds no report text. */
const MIN_CHARS_PER_PAGE = 5;
/**
 * Cell workers (chi_sim; plus one eng for digits and one per page, see startEngine). Two cost ~80 MB more
 * and gave no time on a loaded 2-CPU machine (3-page 300 dpi scan: 25–28 s CPU either way).
 */
const THREADS = 1;
/** Scans below this resolution (the page image's pixels per inch of page width) do not read reliably. */
const MIN_SCAN_DPI = 100;

/** The resolution of a page's widest image, as scanned: pixels across the page's width. */
async function scanDpi(doc: PDFDocumentProxy, number: number): Promise<number> {
  const page = await doc.getPage(number);
  const ops = await page.getOperatorList();
  const width = page.getViewport({ scale: 1 }).width;
  let pixels = 0;
  ops.fnArray.forEach((fn, i) => {
    if (fn !== OPS.paintImageXObject && fn !== OPS.paintInlineImageXObject) return;
    const args = ops.argsArray[i] as unknown[];
    const w = typeof args[1] === 'number' ? args[1] : ((args[0] as { width?: number } | undefined)?.width ?? 0);
    pixels = Math.max(pixels, w);
  });
  return (pixels * 72) / width;
}

async function scanResolutions(doc: PDFDocumentProxy): Promise<number[]> {
  const dpis = await Promise.all(Array.from({ length: doc.numPages }, (_, i) => scanDpi(doc, i + 1)));
  const dpi = Math.max(...dpis);
  if (dpi < MIN_SCAN_DPI)
    throw new UnreadableDocument(
      `PDF 没有文字层（扫描件），且扫描分辨率过低（约 ${Math.round(dpi)} dpi，至少需要 ${MIN_SCAN_DPI} dpi），无法可靠识别文字`,
      'no-text',
    );
  return dpis;
}

async function pageWords(r: Raster, engine: Engine, tables: { x0: number; x1: number; top: number; bottom: number }[]) {
  const inTable = (x: number, y: number) =>
    tables.some((t) => x >= t.x0 * r.scale && x <= t.x1 * r.scale && y >= t.top * r.scale && y <= t.bottom * r.scale);
  const words = await engine.page(inkImage(r, { x: 0, y: 0, w: r.width, h: r.height }, 0, inTable));
  return words
    .filter((w) => w.confidence >= MIN_WORD_CONFIDENCE && w.text.trim())
    .map(
      (w): Word => ({
        text: dropCjkSpaces(w.text),
        x0: w.x0 / r.scale,
        x1: w.x1 / r.scale,
        top: w.y0 / r.scale,
        bottom: w.y1 / r.scale,
        baseline: w.y1 / r.scale,
        size: (w.y1 - w.y0) / r.scale,
        bold: false,
      }),
    );
}

async function ocrPage(doc: PDFDocumentProxy, number: number, engine: Engine, dpi: number): Promise<PageContent> {
  const raster = await renderPage(doc, number, renderScale(dpi), dpi);
  const lattice = pixelTables(pixelEdges(raster));
  const [tables, words] = await Promise.all([
    Promise.all(lattice.map((t) => recogniseTable(t, raster, engine, number))),
    pageWords(raster, engine, lattice),
  ]);
  const lines = wordsToLines(words);
  return {
    number,
    width: raster.width / raster.scale,
    height: raster.height / raster.scale,
    lines,
    tables,
    text: [...lines.map((l) => l.text), ...tables.flatMap((t) => t.block.cells.map((c) => c.text))].join(''),
    images: 1,
  };
}

/**
 * A scan (a PDF of page images) → the DocumentIR a born-digital PDF gives: ruling
 * lines found in the pixels make the tables, each cell is recognised on its own.
 * In this process: the OCR child (child.ts) runs it, see ocrToDocument in index.ts.
 */
export async function recogniseScan(
  bytes: Uint8Array,
  options: Pick<ExtractOptions, 'maxPages' | 'onOcrStart'>,
): Promise<DocumentIR> {
  const doc = await openPdf(bytes);
  let engine: Engine | undefined;
  try {
    if (doc.numPages > options.maxPages)
      throw new UnreadableDocument(`PDF 页数过多：${doc.numPages} 页，超过上限 ${options.maxPages} 页`, 'too-large');
    const dpis = await scanResolutions(doc);
    options.onOcrStart?.(doc.numPages);
    engine = await startEngine(THREADS);
    const pages: PageContent[] = [];
    for (let n = 1; n <= doc.numPages; n++) pages.push(await ocrPage(doc, n, engine, dpis[n - 1]!));
    const chars = pages
      .map((p) => p.text)
      .join('')
      .replace(/\s+/g, '').length;
    if (chars < MIN_CHARS_PER_PAGE * pages.length)
      throw new UnreadableDocument(
        'PDF 没有文字层（扫描件），文字识别（OCR）也未识别出文字：图像过于模糊或分辨率过低',
        'no-text',
      );
    dropRunningLines(pages);
    const cells = pages.flatMap((p) => p.tables.flatMap((t) => t.block.cells));
    const uncertain = cells.filter((c) => c.uncertain).length;
    return {
      format: 'pdf',
      pages: doc.numPages,
      title: null,
      published: null,
      created: null,
      blocks: assemble(pages).map((b) => (b.kind === 'table' ? b : { ...b, ocr: true })),
      diagnostics: [
        {
          code: 'extract/ocr',
          message: `扫描件经文字识别（OCR）：${pages.length} 页，${cells.length} 个单元格，其中 ${uncertain} 个识别不确定`,
        },
      ],
    };
  } finally {
    // tesseract's own worker threads end here, on success, failure or the pool's timeout alike
    await engine?.terminate();
    await doc.destroy();
  }
}
