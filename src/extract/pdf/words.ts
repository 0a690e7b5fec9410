import { multiply, type Box, type Matrix } from './geometry.js';

/** A run of text without spaces, placed on the page (top-down coordinates). */
export interface Word extends Box {
  text: string;
  baseline: number;
  size: number;
  bold: boolean;
}

export interface RawTextItem {
  str: string;
  transform: number[];
  width: number;
  fontName: string;
}

const ASCENT = 0.88;
const DESCENT = 0.12;
const WIDE =
  /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6\u2018-\u201d\u2026\u2014]/;
/**
 * Kangxi radicals and compatibility ideographs stand in for ordinary
 * characters when a font's ToUnicode maps glyphs to them (Chromium's Noto CJK
 * output does: ⾏ for 行, ⼀ for 一). NFKC maps each back.
 */
const LOOKALIKE = /[\u2e80-\u2fdf\uf900-\ufaff]/g;

/** CJK Radicals Supplement forms have no NFKC mapping; these are the ones that stand for whole characters. */
const RADICAL_FORMS: Record<string, string> = Object.fromEntries(
  [
    ...'⺁厂⺊卜⺌小⺒巳⺓幺⺗心⺜日⺝月⺟母⺠民⺧牛⺩王⺮竹⺯糸⺶羊⺻聿⺽臼⻁虎⻄西⻅见⻆角⻉贝⻊足⻋车⻐金⻑長⻓长⻔门⻗雨⻘青⻙韦⻚页⻛风⻜飞⻝食⻢马⻣骨⻤鬼⻥鱼⻦鸟⻧卤⻨麦⻩黄⻪黾⻬齐⻮齿⻰龙⻳龟'.matchAll(
      /(.)(.)/gu,
    ),
  ].map((m) => [m[1]!, m[2]!]),
);

export function normalizeGlyphs(text: string): string {
  return text.replace(LOOKALIKE, (ch) => RADICAL_FORMS[ch] ?? ch.normalize('NFKC'));
}

function advance(ch: string): number {
  return WIDE.test(ch) ? 1 : 0.55;
}

/**
 * pdf.js joins glyphs on one line into one item, putting a space where a gap
 * was (even across table cells); split it back at the spaces, placing each
 * piece by estimated glyph advances scaled to the item's measured width.
 */
function splitItem(text: string, x: number, width: number, size: number): { text: string; x0: number; x1: number }[] {
  const chars = [...text];
  const spaces = chars.filter((c) => c === ' ').length;
  const inked = chars.reduce((s, c) => s + (c === ' ' ? 0 : advance(c)), 0) * size;
  let scale = 1;
  let space = 0.25 * size;
  if (spaces > 0 && width > inked) space = (width - inked) / spaces;
  else scale = width / Math.max(inked + spaces * space, 1e-6);
  const pieces: { text: string; x0: number; x1: number }[] = [];
  let cursor = x;
  let current: { text: string; x0: number; x1: number } | null = null;
  for (const ch of chars) {
    const w = (ch === ' ' ? space : advance(ch) * size) * scale;
    if (ch === ' ') current = null;
    else {
      if (!current) pieces.push((current = { text: '', x0: cursor, x1: cursor }));
      current.text += ch;
      current.x1 = cursor + w;
    }
    cursor += w;
  }
  return pieces;
}

/** Text items → words in top-down page coordinates. Rotated items keep their bounding box only. */
export function itemsToWords(items: RawTextItem[], toPage: Matrix, isBold: (fontName: string) => boolean): Word[] {
  const words: Word[] = [];
  for (const item of items) {
    const text = normalizeGlyphs(item.str).replace(/[\s\u00a0\u3000]+/g, ' ');
    if (!text.trim()) continue;
    const m = multiply(item.transform, toPage);
    const size = Math.hypot(m[2], m[3]) || Math.hypot(m[0], m[1]);
    if (!(size > 0)) continue;
    const horizontal = Math.abs(m[1]) < 1e-3 * size;
    const baseline = m[5];
    const bold = isBold(item.fontName);
    // the viewport is at scale 1, so pdf.js's width (user space units) is already page units
    const pieces = horizontal
      ? splitItem(text, m[4], Math.abs(item.width), size)
      : [{ text: text.replace(/ /g, ''), x0: m[4], x1: m[4] + size }];
    for (const p of pieces)
      words.push({
        text: p.text,
        x0: p.x0,
        x1: p.x1,
        top: baseline - ASCENT * size,
        bottom: baseline + DESCENT * size,
        baseline,
        size,
        bold,
      });
  }
  return words;
}
