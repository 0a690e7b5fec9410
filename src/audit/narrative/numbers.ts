import { UNITS } from '../../model/claims.js';

/** A number written in the prose with the unit that follows it. */
export interface Mention {
  value: number;
  /** as written, multiplier and unit included: 「1.2万条」 */
  raw: string;
  unit: string;
  /** 万 = 1e4, 亿 = 1e8, else 1 */
  multiplier: number;
  /** the number without its multiplier, for telling a unit slip from a wrong sum */
  base: number;
  approximate: boolean;
  start: number;
  end: number;
  chinese: boolean;
}

const CN_DIGITS: Record<string, number> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};
const CN_POWERS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };
const MENTION = new RegExp(
  String.raw`(\d+(?:,\d{3})+(?!\d)|\d+(?:\.\d+)?|[零〇一二两三四五六七八九十百千]+)\s*(万|亿)?\s*(余|多)?\s*(${UNITS.join('|')})`,
  'g',
);
/** characters that make a Chinese numeral part of a word: 第一, 每一, 统一, 进一步 */
const WORD_BEFORE = /[第每逐统唯进同单任这那某之些其初万数几若]$/;
/** 一次性, 一条龙, 一件事: the unit begins a word */
const WORD_AFTER = /^[性龙事样般致]/;

/** Full-width digits, ％ and the full-width point as ASCII, so that patterns see one form. */
export function halfWidthDigits(text: string): string {
  return text.replace(/[０-９％．]/g, (c) =>
    c === '％' ? '%' : c === '．' ? '.' : String.fromCharCode(c.charCodeAt(0) - 0xfee0),
  );
}

/** 十二 → 12, 一百零五 → 105, 二〇二三 → 2023; null when the characters do not form a number. */
export function chineseNumber(text: string): number | null {
  if (![...text].some((c) => c in CN_POWERS)) {
    if (![...text].every((c) => c in CN_DIGITS)) return null;
    return Number([...text].map((c) => CN_DIGITS[c]).join(''));
  }
  let total = 0;
  let digit: number | null = null;
  for (const c of text) {
    if (c in CN_DIGITS) digit = CN_DIGITS[c]!;
    else if (c in CN_POWERS) {
      total += (digit ?? 1) * CN_POWERS[c]!;
      digit = null;
    } else return null;
  }
  return total + (digit ?? 0);
}

function plainNumber(text: string): number {
  return Number(text.replace(/,/g, ''));
}

function looksLikeWord(text: string, start: number, end: number, unitEnd: number): boolean {
  return (
    WORD_BEFORE.test(text.slice(Math.max(0, start - 1), start)) ||
    WORD_AFTER.test(text.slice(unitEnd, unitEnd + 1)) ||
    end === start
  );
}

/** Every number-with-unit in `text` (already through halfWidthDigits), in order. */
export function findMentions(text: string): Mention[] {
  const out: Mention[] = [];
  for (const m of text.matchAll(MENTION)) {
    const start = m.index;
    const digits = m[1]!;
    const chinese = !/\d/.test(digits);
    if (!chinese && /[\d.第]$/.test(text.slice(Math.max(0, start - 1), start))) continue;
    if (chinese && looksLikeWord(text, start, start + digits.length, start + m[0].length)) continue;
    const base = chinese ? chineseNumber(digits) : plainNumber(digits);
    if (base === null || Number.isNaN(base)) continue;
    const multiplier = m[2] === '亿' ? 1e8 : m[2] === '万' ? 1e4 : 1;
    const unit = m[2] === '万' && m[4] === '元' ? '万元' : m[4]!;
    const scale = unit === '万元' ? 1 : multiplier;
    out.push({
      value: Math.round(base * scale * 1e6) / 1e6,
      raw: m[0],
      unit,
      multiplier: scale,
      base,
      approximate: !!m[3] || (scale > 1 && !Number.isInteger(base)),
      start,
      end: start + m[0].length,
      chinese,
    });
  }
  return out;
}

/** A four-digit year: 「2023年」, not 「3年」. */
export function isYear(m: Mention): boolean {
  return m.unit === '年' && m.multiplier === 1 && Number.isInteger(m.value) && m.value >= 1990 && m.value <= 2100;
}
