import { z } from 'zod';

/**
 * The format-free document every extractor produces. Nothing downstream knows
 * whether a table came from `<td rowspan>`, a Word vMerge or PDF ruling lines.
 */
export const FORMATS = ['pdf', 'docx', 'html', 'txt'] as const;
export const Format = z.enum(FORMATS);
export type Format = z.infer<typeof Format>;

/** One drawn cell, anchored at (row, col) of the table's grid. */
export const IRCell = z.object({
  row: z.number().int().nonnegative(),
  col: z.number().int().nonnegative(),
  rowSpan: z.number().int().positive(),
  colSpan: z.number().int().positive(),
  text: z.string(),
  page: z.number().int().positive().nullable(),
  /** recognition confidence 0–100, set only by OCR */
  confidence: z.number().min(0).max(100).optional(),
  /** OCR could not read the cell with confidence: its text is a guess that no identity may rest on */
  uncertain: z.boolean().optional(),
});
export type IRCell = z.infer<typeof IRCell>;

/**
 * `grid`: cell positions are the document's own (HTML, DOCX, PDF lattice).
 * `text`: positions come from separators in plain text; a cell's column is only
 * as good as the extractor that wrote the text, so structure must not trust it
 * beyond what the row itself proves.
 */
export const TableLayout = z.enum(['grid', 'text']);
export type TableLayout = z.infer<typeof TableLayout>;

export const TableBlock = z.object({
  kind: z.literal('table'),
  layout: TableLayout,
  rows: z.number().int().nonnegative(),
  cols: z.number().int().nonnegative(),
  cells: z.array(IRCell),
  page: z.number().int().positive().nullable(),
});
export type TableBlock = z.infer<typeof TableBlock>;

export const TextBlock = z.object({
  kind: z.enum(['heading', 'paragraph']),
  text: z.string(),
  /** outline level where the format states one (h1…h6, Word outline level) */
  level: z.number().int().positive().nullable(),
  page: z.number().int().positive().nullable(),
  /** read by OCR from a page image: the words are the engine's reading, not known to be what the page says */
  ocr: z.boolean().optional(),
});
export type TextBlock = z.infer<typeof TextBlock>;

export const Block = z.discriminatedUnion('kind', [TableBlock, TextBlock]);
export type Block = z.infer<typeof Block>;

export const Diagnostic = z.object({ code: z.string(), message: z.string() });
export type Diagnostic = z.infer<typeof Diagnostic>;

export const DocumentIR = z.object({
  format: Format,
  pages: z.number().int().nonnegative().nullable(),
  /** document title from metadata (<title>, PDF Info, docProps), not from the body */
  title: z.string().nullable(),
  /** publication date the source states (a web page's <meta name="PubDate">), ISO yyyy-mm-dd */
  published: z.string().nullable(),
  /**
   * when the file itself was made (PDF CreationDate, DOCX dcterms:created): not a
   * publication date — an export or re-export can come any time — so no rule reads it as one
   */
  created: z.string().nullable().optional(),
  blocks: z.array(Block),
  diagnostics: z.array(Diagnostic),
});
export type DocumentIR = z.infer<typeof DocumentIR>;

/** Thrown by extractors for files that cannot be read at all; becomes `extract/unreadable`. */
export class UnreadableDocument extends Error {
  constructor(
    message: string,
    readonly reason:
      | 'corrupt'
      | 'encrypted'
      | 'no-text'
      | 'garbled'
      | 'too-large'
      | 'unsupported'
      | 'empty'
      | 'timeout'
      | 'memory'
      | 'crash',
  ) {
    super(message);
    this.name = 'UnreadableDocument';
  }
}
