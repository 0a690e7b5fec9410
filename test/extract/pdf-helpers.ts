import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DocumentIR, IRCell, TableBlock } from '../../src/model/ir.js';
import { DEFAULT_EXTRACT_OPTIONS, type ExtractOptions } from '../../src/extract/options.js';
import { pdfToDocument } from '../../src/extract/pdf/index.js';

export const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'pdf');

export function fixture(name: string): Uint8Array {
  return new Uint8Array(readFileSync(join(FIXTURES, name)));
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
