import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PDFDocumentProxy, PDFWorker as Worker } from 'pdfjs-dist';
import { afterAll, beforeAll } from 'vitest';
import type { DocumentIR, IRCell, TableBlock } from '../../src/model/ir.js';
import { DEFAULT_EXTRACT_OPTIONS, type ExtractOptions } from '../../src/extract/options.js';
import { pdfToDocument } from '../../src/extract/pdf/index.js';
import { getDocument, loadOptions, PDFWorker, VerbosityLevel } from '../../src/extract/pdf/load.js';
import { stockWorker, textOnlyWorker } from '../../src/extract/pdf/text-worker.js';

export const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'pdf');

export function fixture(name: string): Uint8Array {
  return new Uint8Array(readFileSync(join(FIXTURES, name)));
}

export interface Workers {
  /** nianbao's text-only worker; null only where its patches do not apply (a test says so) */
  textOnly: Worker | null;
  stock: Worker;
}

/** Both pdf.js workers for a test file, made before its tests and destroyed after them. */
export function bothWorkers(): Workers {
  const workers = {} as Workers;
  beforeAll(async () => {
    workers.textOnly = await textOnlyWorker(PDFWorker, VerbosityLevel.ERRORS);
    workers.stock = await stockWorker(PDFWorker, VerbosityLevel.ERRORS);
  });
  afterAll(() => {
    workers.textOnly?.destroy();
    workers.stock?.destroy();
  });
  return workers;
}

/** A PDF opened with nianbao's load options through the worker given. */
export function openThrough(bytes: Uint8Array, worker: Worker | null, extra: object = {}): Promise<PDFDocumentProxy> {
  return getDocument({ ...loadOptions(bytes), ...extra, ...(worker ? { worker } : {}) }).promise;
}

export function extract(name: string, options: Partial<ExtractOptions> = {}): Promise<DocumentIR> {
  return pdfToDocument(fixture(name), { ...DEFAULT_EXTRACT_OPTIONS, ...options });
}

export function tables(doc: DocumentIR): TableBlock[] {
  return doc.blocks.filter((b): b is TableBlock => b.kind === 'table');
}

/** The table whose some cell contains `text`. */
export function tableWith(doc: DocumentIR, text: string): TableBlock {
  const t = tables(doc).find((b) => b.cells.some((c) => c.text.includes(text)));
  if (!t) throw new Error(`no table with ${text}`);
  return t;
}

export function cellAt(t: TableBlock, row: number, col: number): IRCell | undefined {
  return t.cells.find((c) => c.row === row && c.col === col);
}

/** Rows of the table as arrays of anchored cell texts (spans as `text@rowSpanxcolSpan`). */
export function rowsOf(t: TableBlock): string[][] {
  return Array.from({ length: t.rows }, (_, r) =>
    t.cells
      .filter((c) => c.row === r)
      .sort((p, q) => p.col - q.col)
      .map((c) => (c.rowSpan > 1 || c.colSpan > 1 ? `${c.text}@${c.rowSpan}x${c.colSpan}` : c.text)),
  );
}
