import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { PDFWorker as Worker } from 'pdfjs-dist';

/**
 * pdf.js's worker without the one job a text reader never needs: turning each
 * embedded font program into a browser font. pdf.js does it for every font a
 * page sets, before the page's operator list exists (Type1: decrypt and
 * convert every charstring, compile a CFF, wrap it as OpenType; CFF: compile
 * it again; TrueType: check and repair every glyph and rebuild the file), and
 * then copies the result to the main thread, where nianbao drops it (load.ts
 * FONT_SINK). That was a sixth of an audit's time on LibreOffice's PDFs (CJK
 * text in Type1 subsets) and an eighth on WPS's (CJK TrueType).
 *
 * What text needs from a font program is kept: a Type1 font's clear-text
 * header (FontMatrix, built-in Encoding, FontBBox) and a CFF font's parse (its
 * matrix, charset and encoding), and after them exactly the steps pdf.js's own
 * conversion takes on the text mapping: adjustWidths, and adjustType1ToUnicode
 * for a built-in encoding. Glyph codes for rendering (toFontChar), accent
 * composition (seacMap) and the OpenType file are what is left out; no glyph,
 * width or Unicode value of the text changes. A TrueType program (WPS's and
 * Word's CJK fonts) is not repaired and rebuilt either: only its table
 * directory and the head and hhea metrics pdf.js takes from it are read. Where
 * the tables pdf.js's repair requires are missing or malformed, so that it
 * would give up on the program, the font goes the stock way, and pdf.js's
 * fallback is the same as before; a program broken deeper than that keeps its
 * PDF's own text mapping, where pdf.js would have swapped in a system font's.
 *
 * One thing is added for the text: a Type3 font's setFont carries, as a
 * third argument, the factor getTextContent scales its text height by
 * (getCurrentTextTransform: from the glyph box pdf.js settled on, which the
 * main thread's copy of the font does not keep), so op-text.ts can rebuild
 * such text, Chromium's CJK text among it, without a text layer pass.
 *
 * The worker is pdf.js's own file with the patches below applied as text.
 * Each must match the pinned pdfjs-dist exactly once: on any other version
 * none is applied and pdf.js's stock worker is used (slower, never wrong), and
 * test/extract/pdf-text-worker.test.ts fails, so an upgrade is noticed. That
 * test also reads every corpus and real PDF page through both workers and
 * requires the same operator lists and text.
 */
interface Patch {
  name: string;
  find: string;
  replace: string;
}

/** What the patches call, added to the module's end: pdf.js's own functions are in its scope there. */
const HELPERS = `
function nianbaoReadType1Header(file, properties) {
  let headerBlockLength = properties.length1;
  const pfbHeader = file.peekBytes(6);
  if (pfbHeader[0] === 0x80 && pfbHeader[1] === 0x01) {
    file.skip(6);
    headerBlockLength = pfbHeader[5] << 24 | pfbHeader[4] << 16 | pfbHeader[3] << 8 | pfbHeader[2];
  }
  const headerBlock = getHeaderBlock(file, headerBlockLength);
  new Type1Parser(headerBlock.stream, false, SEAC_ANALYSIS_ENABLED).extractFontHeader(properties);
}
function nianbaoReadCff(file, properties) {
  const font = Object.create(CFFFont.prototype);
  font.properties = properties;
  font.cff = new CFFParser(file, properties, SEAC_ANALYSIS_ENABLED).parse();
  font._createBuiltInEncoding();
}
function nianbaoSetFontArgs(font, loadedName, fontSize) {
  if (!font?.isType3Font) {
    return [loadedName, fontSize];
  }
  const fontMatrix = font.fontMatrix || FONT_IDENTITY_MATRIX;
  if (!(fontSize <= 1 || font.isCharBBox) || isArrayEqual(fontMatrix, FONT_IDENTITY_MATRIX)) {
    return [loadedName, fontSize, 1];
  }
  const glyphHeight = font.bbox[3] - font.bbox[1];
  return [loadedName, fontSize, glyphHeight > 0 ? glyphHeight * fontMatrix[3] : 1];
}
function nianbaoReadTrueTypeMetrics(font, file) {
  const bytes = file.peekBytes();
  const u16 = at => bytes[at] << 8 | bytes[at + 1];
  const u32 = at => (u16(at) << 16 | u16(at + 2)) >>> 0;
  const s16 = at => u16(at) << 16 >> 16;
  if (bytes.length < 12 || u32(0) !== 0x00010000 && u32(0) !== 0x74727565) {
    return false;
  }
  const tables = Object.create(null);
  for (let k = 0, at = 12; k < u16(4); k++, at += 16) {
    if (at + 16 > bytes.length) {
      return false;
    }
    const tag = String.fromCharCode(bytes[at], bytes[at + 1], bytes[at + 2], bytes[at + 3]);
    const offset = u32(at + 8), length = u32(at + 12);
    if (length > 0) {
      tables[tag] = { offset, length, fits: offset + length <= bytes.length };
    }
  }
  const { head, hhea, maxp, loca, glyf } = tables;
  if (tables["CFF "] || ![head, hhea, maxp, loca, glyf].every(table => table?.fits)) {
    return false;
  }
  if (head.length < 54 || hhea.length < 10 || maxp.length < 6 || u16(head.offset + 50) > 1) {
    return false;
  }
  if (u32(maxp.offset) !== 0x00010000 && u32(maxp.offset) !== 0x00005000) {
    return false;
  }
  const unitsPerEm = u16(head.offset + 18);
  font.isOpenType = false;
  font.ascent = s16(hhea.offset + 4) / unitsPerEm;
  font.descent = s16(hhea.offset + 6) / unitsPerEm;
  font.lineGap = s16(hhea.offset + 8) / unitsPerEm;
  font.lineHeight = font.ascent - font.descent + font.lineGap;
  return true;
}
`;

const PATCHES: Patch[] = [
  {
    name: 'Type1 and CFF programs read for text only',
    find: `          const cff = subtype === "Type1C" || subtype === "CIDFontType0C" ? new CFFFont(file, properties) : new Type1Font(name, file, properties);
          adjustWidths(properties);
          data = this.convert(name, cff, properties);
          break;`,
    replace: `          if (subtype === "Type1C" || subtype === "CIDFontType0C") {
            nianbaoReadCff(file, properties);
          } else {
            nianbaoReadType1Header(file, properties);
          }
          adjustWidths(properties);
          properties.fixedPitch = false;
          if (properties.builtInEncoding) {
            adjustType1ToUnicode(properties, properties.builtInEncoding);
          }
          break;`,
  },
  {
    name: 'TrueType programs read for text only',
    find: `          this.mimetype = "font/opentype";
          data = this.checkAndRepair(name, file, properties);`,
    replace: `          this.mimetype = "font/opentype";
          data = nianbaoReadTrueTypeMetrics(this, file) ? undefined : this.checkAndRepair(name, file, properties);`,
  },
  {
    name: "a Type3 font's text height on its setFont",
    find: `              operatorList.addOp(OPS.setFont, [loadedName, fontSize]);`,
    replace: `              operatorList.addOp(OPS.setFont, nianbaoSetFontArgs(stateManager.state.font, loadedName, fontSize));`,
  },
  {
    name: 'no process-wide worker',
    find: `globalThis.pdfjsWorker = {
  WorkerMessageHandler: WorkerMessageHandler
};
`,
    replace: '',
  },
  {
    name: "no source map (pdf.js's no longer fits)",
    find: '//# sourceMappingURL=pdf.worker.mjs.map',
    replace: '',
  },
  {
    name: 'what the patches call',
    find: 'export { WorkerMessageHandler };',
    replace: `${HELPERS}\nexport { WorkerMessageHandler };`,
  },
];

/** The worker's source with every patch applied, or the names of those that do not match exactly once. */
export function patchWorker(stock: string): { source: string } | { unmatched: string[] } {
  const unmatched = PATCHES.filter((p) => stock.split(p.find).length !== 2).map((p) => p.name);
  if (unmatched.length > 0) return { unmatched };
  return { source: PATCHES.reduce((text, p) => text.replace(p.find, () => p.replace), stock) };
}

interface WorkerModule {
  WorkerMessageHandler: { initializeFromPort(port: LoopbackPort): void };
}

type Listener = (this: LoopbackPort, event: { data: unknown }) => void;

/**
 * Both ends of a worker in this thread, as pdf.js's own fake worker has them:
 * each message is cloned and delivered on a later microtask, in order.
 */
class LoopbackPort {
  readonly #listeners = new Set<Listener>();

  postMessage(message: unknown, transfer?: Transferable[]): void {
    const event = { data: structuredClone(message, transfer ? { transfer } : undefined) };
    queueMicrotask(() => {
      for (const listener of this.#listeners) listener.call(this, event);
    });
  }

  addEventListener(_type: 'message', listener: Listener, options?: { signal?: AbortSignal }): void {
    this.#listeners.add(listener);
    options?.signal?.addEventListener('abort', () => this.#listeners.delete(listener), { once: true });
  }

  removeEventListener(_type: 'message', listener: Listener): void {
    this.#listeners.delete(listener);
  }

  terminate(): void {
    this.#listeners.clear();
  }
}

const STOCK_WORKER = createRequire(import.meta.url).resolve('pdfjs-dist/build/pdf.worker.mjs');

function stockInstead(why: string): null {
  console.warn(`nianbao: ${why}，改用 pdf.js 原版 worker（较慢，结果不变）`);
  return null;
}

async function importPatched(): Promise<WorkerModule | null> {
  const patched = patchWorker(readFileSync(STOCK_WORKER, 'utf8'));
  if ('unmatched' in patched)
    return stockInstead(`pdf.js 的 worker 与所固定的版本不符（未匹配：${patched.unmatched.join('；')}）`);
  try {
    return await importFrom(patched.source);
  } catch (error) {
    return stockInstead(`无法在临时目录中载入只读文字的 worker（${(error as Error).message}）`);
  }
}

/**
 * Imported from a file of its own in a fresh private folder, removed once
 * loaded: a data: URL would be the module's name in every stack trace pdf.js
 * makes, two megabytes each time.
 */
async function importFrom(source: string): Promise<WorkerModule> {
  const folder = mkdtempSync(join(tmpdir(), 'nianbao-pdfjs-'));
  try {
    const file = join(folder, 'pdf.worker.text-only.mjs');
    writeFileSync(file, source);
    return (await import(pathToFileURL(file).href)) as WorkerModule;
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

/** `verbosity` as getDocument's: the worker keeps the level it was made with. */
function workerOn(module: WorkerModule, PDFWorker: typeof Worker, verbosity: number): Worker {
  const port = new LoopbackPort();
  module.WorkerMessageHandler.initializeFromPort(port);
  return new PDFWorker({ port: port as never, verbosity });
}

/** A text-only worker, or null where the patches do not apply (pdf.js's own is used then). */
export async function textOnlyWorker(PDFWorker: typeof Worker, verbosity: number): Promise<Worker | null> {
  const module = await importPatched();
  return module ? workerOn(module, PDFWorker, verbosity) : null;
}

/** pdf.js's stock worker, in this thread, for the tests that compare the text-only worker with it. */
export async function stockWorker(PDFWorker: typeof Worker, verbosity: number): Promise<Worker> {
  const module = (await import(pathToFileURL(STOCK_WORKER).href)) as WorkerModule;
  return workerOn(module, PDFWorker, verbosity);
}
