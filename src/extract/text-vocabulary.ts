import { looksLikeValue } from '../model/cell.js';
import {
  ACTIVE_DISCLOSURE,
  APPLICATION_COLUMNS,
  APPLICATION_HEADER_WORDS,
  APPLICATION_ROWS,
  OUTCOME_GROUP_LABELS,
  REVIEW_COLUMNS,
  REVIEW_GROUPS,
  SECTIONS,
  TABLE_MARKERS,
} from '../model/templates.js';

/**
 * The template's words as plain text prints them, for finding tables in text
 * that has lost its cell boundaries. Everything here is read from
 * model/templates.ts; a new label variant belongs there, not here.
 */

/** One character per character (so positions survive): full-width ASCII → ASCII, ideographic space → space. */
export function foldChar(ch: string): string {
  const code = ch.charCodeAt(0);
  if (code >= 0xff01 && code <= 0xff5e) return String.fromCharCode(code - 0xfee0);
  if (code === 0x3000 || code === 0xa0) return ' ';
  return ch;
}

/** Text compared without whitespace and without full-/half-width differences. */
export function fold(text: string): string {
  let out = '';
  for (const ch of text) if (!/\s/.test(foldChar(ch))) out += foldChar(ch);
  return out;
}

const activeSubtables = Object.values(ACTIVE_DISCLOSURE).flat();
const applicationRows = Object.values(APPLICATION_ROWS).flat();
const rowDefs = [...activeSubtables.flatMap((s) => s.rows), ...applicationRows];

const unique = (words: string[]) => [...new Set(words.map(fold).filter(Boolean))];

/** Row labels exactly as the official formats print them (「1.属于国家秘密」, 「行政规范性文件」). */
export const ROW_LABELS = unique(rowDefs.map((r) => r.label));
/** Group cells that carry no values of their own: 本年度办理结果, 不予公开 … */
export const GROUP_WORDS = unique(OUTCOME_GROUP_LABELS.flatMap((g) => g.phrases));
const ROW_PHRASES = unique([...rowDefs.flatMap((r) => r.phrases), ...GROUP_WORDS]);

const isInRowLabel = (word: string) => ROW_LABELS.some((l) => l.includes(fold(word)));

/** Column and header words: 本年制发件数, 自然人, 结果维持, 行政复议, 信息内容 … */
export const HEADER_WORDS = unique([
  ...activeSubtables.flatMap((s) => s.cols.map((c) => c.label)),
  ...APPLICATION_COLUMNS.map((c) => c.label),
  ...APPLICATION_HEADER_WORDS,
  ...REVIEW_COLUMNS.map((c) => c.label),
  ...REVIEW_GROUPS.flatMap((g) => g.label.split('·')),
  ...Object.values(TABLE_MARKERS)
    .flat()
    .filter((m) => !isInRowLabel(m)),
]);

/** 「第二十条第（一）项」, folded. */
export const CAPTION = /^第二十一?条第?\(?[一二三四五六七八九十]+\)?项/;
/** The numbering a label or heading starts with: 一、 （一） 1. 1、 */
export const NUMBERING = /^(?:[一二三四五六七八九十]+、|\([一二三四五六七八九十]+\)|\d{1,2}[.、](?!\d))/;

export type CellKind = 'blank' | 'value' | 'caption' | 'header' | 'row' | 'text';

function stripNumbering(folded: string): string {
  return folded.replace(NUMBERING, '');
}

/** A label naming a template row or group (「（七）总计」, 「3.其他」, 「三、本年度办理结果」), not a column. */
export function isRowLabel(text: string): boolean {
  const f = fold(text);
  if (!f || HEADER_WORDS.includes(f)) return false;
  if (ROW_LABELS.includes(f)) return true;
  const bare = stripNumbering(f);
  if (bare !== f && rowDefs.some((r) => r.exact?.includes(bare))) return true;
  return ROW_PHRASES.some((p) => f.includes(p));
}

/** A row label printed without its numbering that is also a column word (「总计」 for （七）总计). */
export function isBareRowLabel(text: string): boolean {
  const f = fold(text);
  return rowDefs.some((r) => r.exact?.includes(f));
}

export function isHeaderWord(text: string): boolean {
  const f = fold(text);
  return CAPTION.test(f) || HEADER_WORDS.some((w) => f === w || (w.length >= 3 && f.includes(w)));
}

/** What one table cell of plain text is. */
export function cellKind(text: string): CellKind {
  const trimmed = text.trim().replace(/^[\s\u3000]+|[\s\u3000]+$/g, '');
  if (!trimmed) return 'blank';
  if (looksLikeValue(trimmed)) return 'value';
  if (CAPTION.test(fold(trimmed))) return 'caption';
  if (isRowLabel(trimmed)) return 'row';
  if (isHeaderWord(trimmed)) return 'header';
  return 'text';
}

/**
 * A part heading of the report (「三、收到和处理政府信息公开申请情况」), which a
 * table never contains; 「三、本年度办理结果」 is a row label, not one.
 */
export function isPartHeading(text: string): boolean {
  const f = fold(text);
  const m = /^([一二三四五六七八九十]+)、/.exec(f);
  if (!m || isRowLabel(f)) return false;
  const section = SECTIONS[' 一二三四五六'.indexOf(m[1]!) - 1];
  return !!section && section.pattern.test(f.slice(m[0].length, m[0].length + 24));
}

/** Whether two header fragments are one column label broken over lines (「本年新」「公开数量」, 「其他」「结果」). */
export function joinsHeader(a: string, b: string): boolean {
  const fa = fold(a);
  const fb = fold(b);
  const known = (f: string) => HEADER_WORDS.some((w) => f === w || (w.length >= 4 && f.endsWith(w)));
  return !!fa && !!fb && !known(fb) && known(fa + fb);
}
