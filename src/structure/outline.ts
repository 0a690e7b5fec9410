import type { Block } from '../model/ir.js';
import { SECTIONS } from '../model/templates.js';
import { foldScript, normalizeLabel } from './labels.js';

/**
 * The numbering styles Chinese official prose uses, outermost first. 「一是」
 * numbers points inside a sentence and is never a heading.
 */
export type NumberingStyle = 'part' | 'chinese' | 'bracketChinese' | 'arabic' | 'bracketArabic' | 'circled' | 'inline';

export interface Numbering {
  style: NumberingStyle;
  ordinal: number;
  /** the numbering as printed, trimmed: 「七、」「第三部分」「（二）」 */
  printed: string;
  /** characters of the line the numbering takes, leading space and separator included */
  length: number;
}

const CN = '[一二三四五六七八九十]{1,3}';
const LEAD = '^[\\s\\u3000]*';
const STYLES: [NumberingStyle, RegExp][] = [
  ['part', new RegExp(`${LEAD}(第(${CN})部分)[\\s\\u3000、.．，,:：]*`)],
  ['inline', new RegExp(`${LEAD}((${CN})是)`)],
  ['chinese', new RegExp(`${LEAD}((${CN})[\\s\\u3000]*[、.．，,:：])[\\s\\u3000]*`)],
  [
    'bracketChinese',
    new RegExp(`${LEAD}([（(〔【［\\[][\\s\\u3000]*(${CN})[\\s\\u3000]*[）)〕】］\\]][、.．]?)[\\s\\u3000]*`),
  ],
  ['arabic', /^[\s\u3000]*(([0-9０-９]{1,2})[\s\u3000]*[.．、，,](?![0-9０-９]))[\s\u3000]*/],
  ['bracketArabic', /^[\s\u3000]*([（(][\s\u3000]*([0-9０-９]{1,2})[\s\u3000]*[）)][、.．]?)[\s\u3000]*/],
  ['circled', /^[\s\u3000]*(([①-⑳]))[\s\u3000]*/],
];

/** Outline level of each style in a report whose parts are numbered 「一、」. */
const DEFAULT_LEVEL: Record<NumberingStyle, number | null> = {
  part: 1,
  chinese: 1,
  bracketChinese: 2,
  arabic: 3,
  bracketArabic: 4,
  circled: 5,
  inline: null,
};

const DIGITS = '一二三四五六七八九';

/** 一 → 1, 十二 → 12, 二十 → 20; 0 when the text is not a numeral. */
export function chineseOrdinal(text: string): number {
  const m = /^([一二三四五六七八九])?(十)?([一二三四五六七八九])?$/.exec(text);
  if (!m || (!m[2] && m[1] && m[3]) || !text) return 0;
  if (!m[2]) return DIGITS.indexOf(m[1]!) + 1;
  return (m[1] ? DIGITS.indexOf(m[1]) + 1 : 1) * 10 + (m[3] ? DIGITS.indexOf(m[3]) + 1 : 0);
}

function ordinalOf(style: NumberingStyle, digits: string): number {
  if (style === 'circled') return digits.charCodeAt(0) - 0x2460 + 1;
  if (style === 'arabic' || style === 'bracketArabic') return Number(digits.normalize('NFKC'));
  return chineseOrdinal(digits);
}

/** The numbering a line opens with, or null. */
export function readNumbering(text: string): Numbering | null {
  for (const [style, pattern] of STYLES) {
    const m = pattern.exec(text);
    if (!m) continue;
    const ordinal = ordinalOf(style, m[2]!);
    if (ordinal <= 0) continue;
    return { style, ordinal, printed: m[1]!.replace(/[\s\u3000]+/g, ''), length: m[0].length };
  }
  return null;
}

export interface OutlineLine {
  /** index of the block in the document */
  block: number;
  text: string;
  page: number | null;
  numbering: Numbering | null;
  /** 1 = a part's level; null = unnumbered prose or inline 「一是」 */
  level: number | null;
}

/**
 * Every heading and paragraph with its outline level. The level comes from the
 * numbering style, and from the neighbours in one respect: a report that
 * numbers its parts 「第一部分」 (lines in that style carrying a part's wording)
 * puts 「一、」 one level down.
 */
export function outlineOf(blocks: Block[]): OutlineLine[] {
  const lines: OutlineLine[] = [];
  blocks.forEach((block, index) => {
    if (block.kind === 'table') return;
    const numbering = readNumbering(block.text);
    lines.push({ block: index, text: block.text, page: block.page, numbering, level: null });
  });
  const partStyleNamesParts = lines.some(
    (l) => l.numbering?.style === 'part' && partByWording(l.text.slice(l.numbering.length)) !== null,
  );
  const shift = partStyleNamesParts ? 1 : 0;
  for (const line of lines) {
    const style = line.numbering?.style;
    const level = style ? DEFAULT_LEVEL[style] : null;
    line.level = level === null ? null : style === 'part' ? 1 : level + shift;
  }
  return lines;
}

/** the template's own words for each part, in normalised form: 总体情况, 主动公开政府信息情况, … */
export const PART_WORDING = SECTIONS.map((s) => normalizeLabel(s.heading.slice(2)));

/** Words that do not decide which part a heading names (「政府信息公开工作存在的主要问题」). */
const FILLER = /政府信息公开工作|行政机关|因|被申请|的|情况/g;

/** The part a heading's words name, by the template's key phrases; null when none. */
export function partByWording(title: string): (typeof SECTIONS)[number] | null {
  const bare = normalizeLabel(title).replace(FILLER, '');
  if (!bare) return null;
  return SECTIONS.find((s) => s.pattern.test(bare)) ?? null;
}

const SKIPPABLE = /[\s\p{P}\p{S}]/u;

/**
 * Where the template's own wording of a part, starting at `from`, ends in
 * `text`: script, width, spaces and punctuation are not wording. -1 when the
 * text there says something else.
 */
export function wordingEnd(text: string, from: number, wording: string): number {
  let i = from;
  for (const w of wording) {
    while (i < text.length && SKIPPABLE.test(text[i]!)) i++;
    if (i >= text.length || foldScript(text[i]!) !== w) return -1;
    i++;
  }
  return i;
}

/** The part whose template wording `text` opens with at `from`, and where that wording ends. */
export function templateWordingAt(text: string, from: number): { part: number; end: number } | null {
  for (let k = 0; k < PART_WORDING.length; k++) {
    const end = wordingEnd(text, from, PART_WORDING[k]!);
    if (end >= 0) return { part: k + 1, end };
  }
  return null;
}

/** The ordinal a printed numbering carries (「七、」 → 7, 「第三部分」 → 3), null when it carries none. */
export function printedOrdinal(printed: string | null): number | null {
  if (!printed) return null;
  return readNumbering(printed)?.ordinal ?? null;
}

/** A heading's words without its numbering, as compared with the template: 「五、存在的主要問題。」 → 存在的主要问题. */
export function headingWording(heading: string): string {
  const numbering = readNumbering(heading);
  return normalizeLabel(numbering ? heading.slice(numbering.length) : heading);
}
