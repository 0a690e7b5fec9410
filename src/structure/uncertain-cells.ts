import type { IRCell, TableBlock } from '../model/ir.js';

/**
 * Why values read by OCR cannot be trusted, or null when they can: a cell the
 * engine was not sure of makes its row (or table) uncertain, like an unplaceable value.
 */
export function uncertainCells(cells: readonly (IRCell | null | undefined)[]): string | null {
  const doubtful = cells.filter((c): c is IRCell => !!c?.uncertain);
  if (!doubtful.length) return null;
  const read = doubtful.map((c) => `「${c.text}」`).join('');
  return `扫描件文字识别（OCR）对 ${doubtful.length} 个单元格把握不足（识别为${read}），未作核对`;
}

/**
 * Whether text was read by OCR (only OCR sets a confidence). A recognised label's
 * wording is never evidence of a typo: the engine's confidence is a mean over the
 * characters, and one wrong character is read at 90 or more (「要求提供会开出版物」 at 96).
 */
export function recognised(cells: readonly IRCell[]): boolean {
  return cells.some((c) => c.confidence !== undefined);
}

/** Labels are read as words; what is left (digits, a stray mark) is where a value stood. */
const LABEL = /[\u4e00-\u9fff]{2}/u;

/** Uncertain value cells anywhere in the table: for tables read as a whole (表四). */
export function uncertainValues(table: TableBlock): string | null {
  return uncertainCells(table.cells.filter((c) => !LABEL.test(c.text)));
}
