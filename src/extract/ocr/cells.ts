import type { IRCell } from '../../model/ir.js';
import type { Box } from '../pdf/geometry.js';
import type { LatticeTable } from '../pdf/lattice.js';
import { fillLattice, type PageTable } from '../pdf/page-tables.js';
import type { Word } from '../pdf/words.js';
import type { Engine, Recognised } from './engine.js';
import { type Raster, inkImage } from './raster.js';
import { DARK } from './rulings.js';

/** Below this confidence (0–100) a recognised cell is uncertain: reported, never trusted. */
export const MIN_CONFIDENCE = 70;
/** Space kept clear of the ruling lines inside a cell (pt). */
const INSET = 1.5;
/** Fewer inked pixels than this and the cell is empty (dust, a stray dot). */
const MIN_INK = 12;
/** A row or column this inked, this close to the cell's edge (pt), is a remnant of the ruling line, not a stroke. */
const RULE_SHARE = 0.85;
const RULE_ZONE = 3;
const PAD = 12;

/** Reads of digits that the Chinese model makes: full-width forms, O for 0, l for 1. */
const DIGIT_LOOKALIKE: Record<string, string> = {
  O: '0',
  o: '0',
  〇: '0',
  D: '0',
  l: '1',
  I: '1',
  '|': '1',
  '，': '.',
  '。': '.',
};
const NUMBER = /^\d+(\.\d+)?$/;

/** The Chinese model spaces every character apart; spaces stay only between Latin words and numbers. */
export function dropCjkSpaces(text: string): string {
  return text
    .replace(/\s*\n\s*/g, ' ')
    .replace(/(\S)\s+(?=(\S))/g, (_all, left: string, right: string) =>
      /[\x21-\x7e]/.test(left) && /[\x21-\x7e]/.test(right) ? `${left} ` : left,
    );
}

export function asDigits(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .replace(/./g, (ch) => DIGIT_LOOKALIKE[ch] ?? ch);
}

interface CellInk {
  /** the ink's bounding box in page pt */
  box: Box;
  png: Buffer;
}

/** The cell's ink without the ruling lines around it, or null when the cell is empty. */
function cellInk(r: Raster, x0: number, top: number, x1: number, bottom: number): CellInk | null {
  const left = Math.ceil((x0 + INSET) * r.scale);
  const right = Math.floor((x1 - INSET) * r.scale);
  const upper = Math.ceil((top + INSET) * r.scale);
  const lower = Math.floor((bottom - INSET) * r.scale);
  if (right - left < 4 || lower - upper < 4) return null;
  const isInk = (x: number, y: number) => r.ink[y * r.width + x]! >= DARK;
  const ruleRows = new Set<number>();
  const ruleCols = new Set<number>();
  const zone = RULE_ZONE * r.scale;
  const nearEdge = (v: number, lo: number, hi: number) => v - lo < zone || hi - v < zone;
  for (let y = upper; y < lower; y++) {
    if (!nearEdge(y, upper, lower)) continue;
    let n = 0;
    for (let x = left; x < right; x++) if (isInk(x, y)) n++;
    if (n > RULE_SHARE * (right - left)) ruleRows.add(y);
  }
  for (let x = left; x < right; x++) {
    if (!nearEdge(x, left, right)) continue;
    let n = 0;
    for (let y = upper; y < lower; y++) if (isInk(x, y)) n++;
    if (n > RULE_SHARE * (lower - upper)) ruleCols.add(x);
  }
  let count = 0;
  let [bx0, by0, bx1, by1] = [right, lower, left, upper];
  for (let y = upper; y < lower; y++) {
    if (ruleRows.has(y)) continue;
    for (let x = left; x < right; x++) {
      if (ruleCols.has(x) || !isInk(x, y)) continue;
      count++;
      bx0 = Math.min(bx0, x);
      bx1 = Math.max(bx1, x + 1);
      by0 = Math.min(by0, y);
      by1 = Math.max(by1, y + 1);
    }
  }
  if (count < MIN_INK) return null;
  const skip = (x: number, y: number) => ruleRows.has(y) || ruleCols.has(x);
  return {
    box: { x0: bx0 / r.scale, x1: bx1 / r.scale, top: by0 / r.scale, bottom: by1 / r.scale },
    png: inkImage(r, { x: bx0, y: by0, w: bx1 - bx0, h: by1 - by0 }, PAD, skip),
  };
}

/** Digits alone read this surely stand even where the Chinese model saw a stray character (it reads a lone 0 as 站). */
const SURE_DIGITS = 90;
const SIGN = /[增减+\-−]/;
/** Two Chinese characters read this surely are a word, not a digit the Chinese model mistook (it reads a lone 0 as 站 at ~50). */
const WORD = /^[\u4e00-\u9fff]{2}$/u;
const SURE_WORD = 80;

/**
 * A value is read twice, by the Chinese model and by a digits-only one; it is
 * certain when both agree and the digits reader is confident, or when the
 * Chinese model saw one or two odd characters and the digits reader is sure.
 */
async function recognise(engine: Engine, png: Buffer): Promise<Recognised & { uncertain: boolean }> {
  const first = await engine.cell(png);
  const text = dropCjkSpaces(first.text);
  const digitsLike = asDigits(text);
  const numeric = NUMBER.test(digitsLike);
  const stray = !numeric && [...text].length <= 2 && !SIGN.test(text);
  if (text && !numeric && !stray)
    return { text, confidence: first.confidence, uncertain: first.confidence < MIN_CONFIDENCE };
  const digits = await engine.digits(png);
  const value = asDigits(digits.text);
  const read = NUMBER.test(value);
  if (stray) {
    if (read && digits.confidence >= SURE_DIGITS)
      return { text: value, confidence: digits.confidence, uncertain: false };
    // 「其他」「总计」「规章」: a short word the Chinese model is sure of, where the digits reader sees no number
    const word = WORD.test(text) && first.confidence >= SURE_WORD && !(read && digits.confidence >= MIN_CONFIDENCE);
    return word
      ? { text, confidence: first.confidence, uncertain: false }
      : { text: text || value, confidence: Math.min(first.confidence, digits.confidence), uncertain: true };
  }
  const uncertain = value !== digitsLike || !read || digits.confidence < MIN_CONFIDENCE;
  return { text: value || text, confidence: digits.confidence, uncertain };
}

function cellBox(t: LatticeTable, c: { row: number; col: number; rowSpan: number; colSpan: number }) {
  return [t.xs[c.col]!, t.ys[c.row]!, t.xs[c.col + c.colSpan]!, t.ys[c.row + c.rowSpan]!] as const;
}

/** Each cell cropped from the page and recognised; the grid is the lattice's, the text the engine's. */
export async function recogniseTable(t: LatticeTable, r: Raster, engine: Engine, page: number): Promise<PageTable> {
  const reads = await Promise.all(
    t.cells.map(async (c) => {
      const ink = cellInk(r, ...cellBox(t, c));
      return ink ? { ink, read: await recognise(engine, ink.png) } : null;
    }),
  );
  const words: Word[] = reads.flatMap((x) =>
    x?.read.text
      ? [
          {
            ...x.ink.box,
            text: x.read.text,
            baseline: x.ink.box.bottom,
            size: x.ink.box.bottom - x.ink.box.top,
            bold: false,
          },
        ]
      : [],
  );
  const table = fillLattice(t, words, page);
  table.block.cells = table.block.cells.map((cell: IRCell, i) => {
    const read = reads[i]?.read;
    return read
      ? { ...cell, confidence: Math.round(read.confidence), ...(read.uncertain ? { uncertain: true } : {}) }
      : cell;
  });
  return table;
}
