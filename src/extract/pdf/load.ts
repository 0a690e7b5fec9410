import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { PDFDocumentProxy } from 'pdfjs-dist';
import { UnreadableDocument } from '../../model/ir.js';
import { isoDate } from '../../model/dates.js';
import './polyfills.js';
import { textOnlyWorker } from './text-worker.js';

const NODE_BUILD_WARNING = 'Please use the `legacy` build';

/**
 * The modern build, not the legacy one: on Node 20 it needs only the few
 * built-ins polyfills.ts adds, where the legacy build loads core-js and its
 * slow Array.prototype.push for the whole process. Loading it prints a warning
 * saying to use the legacy build; that one line is dropped, nothing else.
 */
async function loadPdfjs(): Promise<typeof import('pdfjs-dist')> {
  const warn = console.warn;
  console.warn = (...args: unknown[]) => {
    if (!String(args[0]).includes(NODE_BUILD_WARNING)) warn(...args);
  };
  try {
    return await import('pdfjs-dist');
  } finally {
    console.warn = warn;
  }
}

const pdfjs = await loadPdfjs();
export const { getDocument, OPS, PDFWorker, VerbosityLevel } = pdfjs;
/** Which pdf.js build reads PDFs (the benchmark names it). */
export const PDFJS_BUILD: 'legacy' | 'modern' = 'modern';

const PDFJS_ROOT = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));

/**
 * A document whose style sheet takes the fonts pdf.js "loads" and keeps none.
 * With font faces disabled (pdf.js's default in Node) the worker turns every
 * glyph a page draws into a path, for canvas rendering, while it builds the
 * operator list: some 10% of an audit. nianbao never renders, so font faces
 * stay on and go here; each @font-face rule pdf.js writes is dropped.
 */
const FONT_SINK = {
  createElement: () => ({ sheet: { cssRules: [], insertRule: () => 0 }, remove: () => undefined }),
  documentElement: { getElementsByTagName: () => [{ append: () => undefined }] },
} as unknown as InitParameters['ownerDocument'];

type InitParameters = Exclude<
  Parameters<typeof getDocument>[0],
  string | URL | ArrayBuffer | ArrayBufferView | undefined
>;

/**
 * The one set of load options (the benchmark's bare pass uses it too). CMaps are
 * what make non-embedded CID fonts (STSong-Light, UniGB-UCS2-H) readable;
 * eval stays off because reports are untrusted web downloads; the factory urls
 * are directory paths that pdf.js reads with fs in Node.
 */
export function loadOptions(bytes: Uint8Array) {
  return {
    // pdf.js transfers the buffer to its (fake) worker, which detaches it: give it a copy
    data: new Uint8Array(bytes),
    cMapUrl: `${join(PDFJS_ROOT, 'cmaps')}/`,
    cMapPacked: true,
    standardFontDataUrl: `${join(PDFJS_ROOT, 'standard_fonts')}/`,
    wasmUrl: `${join(PDFJS_ROOT, 'wasm')}/`,
    isEvalSupported: false,
    disableFontFace: false,
    ownerDocument: FONT_SINK,
    useSystemFonts: false,
    stopAtErrors: false,
    verbosity: VerbosityLevel.ERRORS,
  };
}

function loadError(error: unknown): UnreadableDocument {
  const name = (error as { name?: string } | null)?.name;
  const message = (error as { message?: string } | null)?.message ?? String(error);
  if (name === 'PasswordException') return new UnreadableDocument('PDF 已加密，需要打开密码，无法读取', 'encrypted');
  if (name === 'InvalidPDFException')
    return new UnreadableDocument(`PDF 文件损坏或不完整，无法解析（${message}）`, 'corrupt');
  return new UnreadableDocument(`PDF 无法打开（${message}）`, 'corrupt');
}

let worker: ReturnType<typeof textOnlyWorker> | undefined;

/** Opens a PDF or throws `UnreadableDocument`; the caller must `destroy()` the result. */
export async function openPdf(bytes: Uint8Array): Promise<PDFDocumentProxy> {
  let task: ReturnType<typeof getDocument> | undefined;
  worker ??= textOnlyWorker(PDFWorker, VerbosityLevel.ERRORS);
  const textOnly = await worker;
  try {
    task = getDocument({ ...loadOptions(bytes), ...(textOnly ? { worker: textOnly } : {}) });
    return await task.promise;
  } catch (error) {
    await task?.destroy().catch(() => undefined);
    throw loadError(error);
  }
}

/** Whether the file ends the way a complete PDF does; a download cut short does not. */
export function hasEndMarker(bytes: Uint8Array): boolean {
  const tail = Buffer.from(bytes.subarray(Math.max(0, bytes.length - 2048))).toString('latin1');
  return tail.includes('%%EOF');
}

/** PDF date string (D:20240115093000+08'00') → 2024-01-15. */
export function pdfDate(value: unknown): string | null {
  const m = typeof value === 'string' ? /^(?:D:)?(\d{4})(\d{2})(\d{2})/.exec(value) : null;
  return m ? isoDate(m[1]!, m[2]!, m[3]!) : null;
}
