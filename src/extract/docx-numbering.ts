import {
  byTag,
  elementChildren,
  parseXml,
  stripDoctype,
  styleChain,
  wChild,
  wVal,
  type StyleInfo,
} from './docx-xml.js';

/**
 * Word's automatic numbering (「一、」「（三）」「1.」 drawn from numbering.xml) is
 * not in the text; mammoth turns such paragraphs into list items without the
 * number. Reports number their parts and 表三 rows this way, so the number is
 * written into the paragraph as text, as the reader sees it.
 */

interface Level {
  start: number;
  format: string;
  text: string;
}

interface Numbering {
  abstracts: Map<string, Map<number, Level>>;
  nums: Map<string, { abstractId: string; starts: Map<number, number> }>;
}

const attr = (el: Element, name: string) =>
  el.getAttributeNS(el.namespaceURI, name) || el.getAttribute(`${el.prefix}:${name}`) || null;

function readLevels(abstract: Element): Map<number, Level> {
  const levels = new Map<number, Level>();
  for (const lvl of elementChildren(abstract).filter((c) => c.localName === 'lvl')) {
    levels.set(Number(attr(lvl, 'ilvl') ?? 0), {
      start: Number(wVal(wChild(lvl, 'start')) ?? 1),
      format: wVal(wChild(lvl, 'numFmt')) ?? 'decimal',
      text: wVal(wChild(lvl, 'lvlText')) ?? '',
    });
  }
  return levels;
}

export function readNumbering(numberingXml: string | null): Numbering {
  const numbering: Numbering = { abstracts: new Map(), nums: new Map() };
  if (!numberingXml) return numbering;
  const doc = parseXml(stripDoctype(numberingXml).xml);
  for (const abstract of byTag(doc, 'abstractNum'))
    numbering.abstracts.set(attr(abstract, 'abstractNumId') ?? '', readLevels(abstract));
  for (const num of byTag(doc, 'num')) {
    const starts = new Map<number, number>();
    for (const override of elementChildren(num).filter((c) => c.localName === 'lvlOverride')) {
      const start = wVal(wChild(override, 'startOverride'));
      if (start !== null) starts.set(Number(attr(override, 'ilvl') ?? 0), Number(start));
    }
    numbering.nums.set(attr(num, 'numId') ?? '', { abstractId: wVal(wChild(num, 'abstractNumId')) ?? '', starts });
  }
  return numbering;
}

const DIGITS = '零一二三四五六七八九';
const LEGAL_DIGITS = '零壹贰叁肆伍陆柒捌玖';
const TIANGAN = '甲乙丙丁戊己庚辛壬癸';
const DIZHI = '子丑寅卯辰巳午未申酉戌亥';

function chinese(n: number, digits = DIGITS, ten = '十'): string {
  if (n < 10) return digits[n]!;
  if (n < 20) return ten + (n % 10 ? digits[n % 10] : '');
  if (n < 100) return digits[Math.floor(n / 10)]! + ten + (n % 10 ? digits[n % 10] : '');
  return String(n);
}

function letters(n: number, upper: boolean): string {
  const letter = String.fromCharCode((upper ? 65 : 97) + ((n - 1) % 26));
  return letter.repeat(Math.floor((n - 1) / 26) + 1);
}

function roman(n: number): string {
  const table: [number, string][] = [
    [1000, 'M'],
    [900, 'CM'],
    [500, 'D'],
    [400, 'CD'],
    [100, 'C'],
    [90, 'XC'],
    [50, 'L'],
    [40, 'XL'],
    [10, 'X'],
    [9, 'IX'],
    [5, 'V'],
    [4, 'IV'],
    [1, 'I'],
  ];
  let out = '';
  for (const [value, symbol] of table) for (; n >= value; n -= value) out += symbol;
  return out;
}

const enclosed = (n: number, first: number) => (n >= 1 && n <= 20 ? String.fromCodePoint(first + n - 1) : String(n));

/** A counter in one of Word's number formats (ST_NumberFormat); unknown formats fall back to decimal. */
export function formatNumber(n: number, format: string): string {
  switch (format) {
    case 'none':
      return '';
    case 'decimalZero':
      return n < 10 ? `0${n}` : String(n);
    case 'decimalFullWidth':
    case 'decimalFullWidth2':
      return String(n).replace(/\d/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));
    case 'chineseCounting':
    case 'chineseCountingThousand':
    case 'japaneseCounting':
    case 'taiwaneseCounting':
    case 'taiwaneseCountingThousand':
      return chinese(n);
    case 'chineseLegalSimplified':
      return chinese(n, LEGAL_DIGITS, '拾');
    case 'ideographDigital':
    case 'taiwaneseDigital':
      return String(n).replace(/\d/g, (d) => '〇一二三四五六七八九'[Number(d)]!);
    case 'ideographTraditional':
      return TIANGAN[(n - 1) % 10]!;
    case 'ideographZodiac':
      return DIZHI[(n - 1) % 12]!;
    case 'decimalEnclosedCircle':
    case 'decimalEnclosedCircleChinese':
      return enclosed(n, 0x2460);
    case 'decimalEnclosedParen':
      return enclosed(n, 0x2474);
    case 'decimalEnclosedFullstop':
      return enclosed(n, 0x2488);
    case 'upperLetter':
    case 'lowerLetter':
      return letters(n, format === 'upperLetter');
    case 'upperRoman':
    case 'lowerRoman':
      return format === 'upperRoman' ? roman(n) : roman(n).toLowerCase();
    default:
      return String(n);
  }
}

interface NumPr {
  numId: string;
  ilvl: number;
}

function paragraphNumPr(
  p: Element,
  styles: Map<string, StyleInfo>,
): { numPr: NumPr | null; direct: Element | undefined } {
  const pPr = wChild(p, 'pPr');
  const direct = pPr ? wChild(pPr, 'numPr') : undefined;
  if (direct) {
    const numId = wVal(wChild(direct, 'numId'));
    return {
      numPr: numId && numId !== '0' ? { numId, ilvl: Number(wVal(wChild(direct, 'ilvl')) ?? 0) } : null,
      direct,
    };
  }
  const styled = styleChain(styles, pPr ? wVal(wChild(pPr, 'pStyle')) : null).find((s) => s.numId !== null);
  return {
    numPr: styled?.numId && styled.numId !== '0' ? { numId: styled.numId, ilvl: Number(styled.ilvl ?? 0) } : null,
    direct,
  };
}

/** Counters per abstract list: Word continues a list across w:num instances of one abstractNum unless a start is overridden. */
class Counters {
  private readonly byAbstract = new Map<string, number[]>();
  private readonly overridden = new Set<string>();

  next(numbering: Numbering, numPr: NumPr): { levels: Map<number, Level>; counts: number[] } | null {
    const num = numbering.nums.get(numPr.numId);
    const levels = num && numbering.abstracts.get(num.abstractId);
    if (!num || !levels?.has(numPr.ilvl)) return null;
    const counts = this.byAbstract.get(num.abstractId) ?? [];
    if (!this.overridden.has(numPr.numId)) {
      this.overridden.add(numPr.numId);
      for (const [ilvl, start] of num.starts) counts[ilvl] = start - 1;
    }
    const level = levels.get(numPr.ilvl)!;
    counts[numPr.ilvl] = (counts[numPr.ilvl] ?? level.start - 1) + 1;
    counts.length = numPr.ilvl + 1;
    this.byAbstract.set(num.abstractId, counts);
    return { levels, counts };
  }
}

function labelText(levels: Map<number, Level>, counts: number[], ilvl: number): string | null {
  const level = levels.get(ilvl)!;
  if (level.format === 'bullet') return null;
  return level.text.replace(/%([1-9])/g, (_, k: string) => {
    const i = Number(k) - 1;
    const at = levels.get(i);
    return at ? formatNumber(counts[i] ?? at.start, at.format) : '';
  });
}

function prependText(doc: Document, p: Element, text: string): void {
  const ns = p.namespaceURI;
  const run = doc.createElementNS(ns, `${p.prefix}:r`);
  const t = run.appendChild(doc.createElementNS(ns, `${p.prefix}:t`));
  t.setAttribute('xml:space', 'preserve');
  t.appendChild(doc.createTextNode(text));
  const pPr = wChild(p, 'pPr');
  p.insertBefore(run, pPr ? pPr.nextSibling : p.firstChild);
}

/** numId 0 switches numbering off for the paragraph, so mammoth does not make it a list item as well. */
function switchOffNumbering(doc: Document, p: Element, direct: Element | undefined): void {
  const ns = p.namespaceURI;
  const pPr = wChild(p, 'pPr') ?? p.insertBefore(doc.createElementNS(ns, `${p.prefix}:pPr`), p.firstChild);
  if (direct) pPr.removeChild(direct);
  const numPr = pPr.insertBefore(doc.createElementNS(ns, `${p.prefix}:numPr`), pPr.firstChild);
  numPr.appendChild(doc.createElementNS(ns, `${p.prefix}:ilvl`)).setAttributeNS(ns, `${p.prefix}:val`, '0');
  numPr.appendChild(doc.createElementNS(ns, `${p.prefix}:numId`)).setAttributeNS(ns, `${p.prefix}:val`, '0');
}

/** Writes each numbered paragraph's number as text at its start; returns how many were numbered. */
export function inlineNumbering(
  doc: Document,
  paragraphs: Element[],
  numberingXml: string | null,
  styles: Map<string, StyleInfo>,
): number {
  const numbering = readNumbering(numberingXml);
  if (numbering.nums.size === 0) return 0;
  const counters = new Counters();
  let numbered = 0;
  for (const p of paragraphs) {
    const { numPr, direct } = paragraphNumPr(p, styles);
    const next = numPr && counters.next(numbering, numPr);
    if (!numPr || !next) continue;
    const text = labelText(next.levels, next.counts, numPr.ilvl);
    if (text === null) continue;
    if (text) prependText(doc, p, text);
    switchOffNumbering(doc, p, direct);
    numbered++;
  }
  return numbered;
}
