import type { Block } from '../model/ir.js';
import type { Section } from '../model/report.js';
import { APPLICATION_ROWS, OUTCOME_GROUP_LABELS, SECTIONS, type SectionDef } from '../model/templates.js';
import { labelScore, normalizeLabel } from './labels.js';
import {
  chineseOrdinal,
  headingWording,
  PART_WORDING,
  printedOrdinal,
  type Numbering,
  type OutlineLine,
  outlineOf,
  partByWording,
  readNumbering,
  templateWordingAt,
} from './outline.js';

/** a heading standing on its own line is short; longer lines are prose with a run-in heading at most */
const MAX_HEADING_LENGTH = 44;
const RUN_IN_TITLE = 30;

/** Where a part opens: block, character range of its heading, and what the heading says. */
interface Head {
  block: number;
  start: number;
  /** where the heading ends and the part's prose begins */
  end: number;
  page: number | null;
  numbering: Numbering | null;
  def: SectionDef | null;
}

const headingOf = (text: string, start: number, end: number) => text.slice(start, end).trim();

const ROW_LABELS = [...APPLICATION_ROWS['2019'], ...APPLICATION_ROWS['2021']];

const GROUP_PHRASES = OUTCOME_GROUP_LABELS.flatMap((g) => g.phrases).filter((p) => p.length >= 4);

/** 表三's row labels 「一、本年新收…」「三、本年度办理结果」「四、结转下年度继续办理」 are rows, not parts. */
function isTableRowLabel(title: string): boolean {
  const normalized = normalizeLabel(title);
  if (!normalized) return false;
  return ROW_LABELS.some((def) => labelScore(def, normalized) > 0) || GROUP_PHRASES.some((p) => normalized.includes(p));
}

interface Candidate extends Head {
  /** the words after the numbering are the template's own wording of `def` */
  exact: boolean;
  /** a line that is only a heading (no prose after it) */
  short: boolean;
  rowLabel: boolean;
}

/** A level-1 line read as a heading: how far the heading runs and which part its words name. */
function candidateAt(line: OutlineLine): Candidate | null {
  const numbering = line.numbering!;
  const text = line.text;
  const base = { block: line.block, start: 0, page: line.page, numbering };
  const exact = templateWordingAt(text, numbering.length);
  if (exact) {
    const def = SECTIONS[exact.part - 1]!;
    const short = !text.slice(exact.end).replace(/^[\s\u3000。：:、.．]+/, '');
    return { ...base, end: exact.end, def, exact: true, short, rowLabel: false };
  }
  const rest = text.slice(numbering.length);
  if (text.trim().length <= MAX_HEADING_LENGTH) {
    const def = partByWording(rest);
    return { ...base, end: text.length, def, exact: false, short: true, rowLabel: isTableRowLabel(rest) };
  }
  const stop = /[。：:]/.exec(rest.slice(0, RUN_IN_TITLE));
  const title = stop ? rest.slice(0, stop.index) : '';
  const def = partByWording(title);
  if (!def || !stop) return null;
  const end = numbering.length + stop.index;
  return { ...base, end, def, exact: false, short: false, rowLabel: isTableRowLabel(title) };
}

/**
 * Pass one: level-1 lines. A line whose words name a part opens it when its
 * number keeps the sequence going (a repeated or skipped number is the report's
 * own error, recorded as printed), or when it is the template's exact heading
 * of a part not yet seen. A numbered line that names no part opens the part
 * its number is due to be, when it is a bare heading and the next number.
 */
function numberedHeads(lines: OutlineLine[]): Head[] {
  const heads: Head[] = [];
  let lastOrdinal = 0;
  let lastPart = 0;
  /** the number of the last out-of-sequence line: a list restarted inside a part (「一、…」「二、…」 under 五) */
  let listOrdinal: number | null = null;
  const seen = new Set<number>();
  for (const line of lines) {
    if (line.level !== 1) continue;
    const c = candidateAt(line);
    const ordinal = line.numbering!.ordinal;
    const def = c && !c.rowLabel ? partOf(c, ordinal, lastOrdinal, lastPart, listOrdinal, seen) : undefined;
    if (def === undefined) {
      if (ordinal < lastOrdinal) listOrdinal = ordinal;
      continue;
    }
    heads.push({ ...c!, def });
    listOrdinal = null;
    lastOrdinal = Math.max(lastOrdinal, ordinal);
    if (def) {
      lastPart = Math.max(lastPart, def.number);
      seen.add(def.number);
    }
  }
  return heads;
}

/** The part a level-1 line opens (null: a level-1 heading that names none), or undefined when it opens nothing. */
function partOf(
  c: Candidate,
  ordinal: number,
  lastOrdinal: number,
  lastPart: number,
  listOrdinal: number | null,
  seen: Set<number>,
): SectionDef | null | undefined {
  if (c.def) {
    if (ordinal >= lastOrdinal) return c.def;
    if (c.exact && ordinal === c.def.number) return c.def;
    const continuesList = listOrdinal !== null && ordinal === listOrdinal + 1;
    if (!continuesList && c.short && ordinal === c.def.number && !seen.has(c.def.number)) return c.def;
    return undefined;
  }
  if (!c.short || ordinal !== lastOrdinal + 1) return undefined;
  const due = SECTIONS[ordinal - 1];
  return due && due.number > lastPart && !seen.has(due.number) ? due : null;
}

const isOcr = (block: Block | undefined) => block?.kind !== 'table' && block?.ocr === true;

/** A position in the document, for ordering heads. */
const position = (h: Pick<Head, 'block' | 'start'>) => h.block * 1e7 + h.start;

/** The found heads just before and after a position: a part filled in later must fit between them. */
function fitsBetween(heads: Head[], at: number, part: number, ordinal: number | null): boolean {
  let before: Head | null = null;
  let after: Head | null = null;
  for (const h of heads) {
    if (!h.def) continue;
    if (position(h) < at) before = h;
    else if (!after) after = h;
  }
  const ord = (h: Head | null) => h?.numbering?.ordinal ?? null;
  if (before && before.def!.number >= part) return false;
  if (after && after.def!.number <= part) return false;
  if (ordinal !== null) {
    const b = ord(before);
    const a = ord(after);
    if (b !== null && ordinal <= b) return false;
    if (a !== null && ordinal >= a) return false;
  }
  return true;
}

const MID_LINE = /([一二三四五六七八九十]{1,3})[\s\u3000]*[、.．][\s\u3000]*/g;
/** what stands between the items of a list of part names in an intro: 「一、总体情况；二、…」 */
const LIST_SEPARATOR = /^[\s\u3000]*[、，,；;和及与]{1,2}[\s\u3000]*$/;

interface MidLine {
  start: number;
  end: number;
  part: number;
  ordinal: number;
  numberingLength: number;
}

/** Level-1 headings inside a flattened line: 「…多角度宣传工作亮点。二、主动公开政府信息情况 第二十条…」. */
function midLineHeadings(text: string): MidLine[] {
  const found: MidLine[] = [];
  for (const m of text.matchAll(MID_LINE)) {
    if (m.index === 0) continue;
    const wording = templateWordingAt(text, m.index + m[0].length);
    const ordinal = chineseOrdinal(m[1]!);
    if (!wording || ordinal === 0) continue;
    found.push({ start: m.index, end: wording.end, part: wording.part, ordinal, numberingLength: m[0].length });
  }
  // part names listed one after another with only 「、」「；」 between them are an intro's list, not headings
  const listed = new Set<number>();
  for (let i = 0; i + 1 < found.length; i++) {
    if (LIST_SEPARATOR.test(text.slice(found[i]!.end, found[i + 1]!.start))) {
      listed.add(i);
      listed.add(i + 1);
    }
  }
  return found.filter((_, i) => !listed.has(i));
}

/** Pass two: parts still missing, found inside long lines, in document order and numbered in sequence. */
function midLineHeads(blocks: Block[], lines: OutlineLine[], heads: Head[]): Head[] {
  const added: Head[] = [];
  for (const line of lines) {
    for (const m of midLineHeadings(line.text)) {
      const at = position({ block: line.block, start: m.start });
      const all = [...heads, ...added].sort((a, b) => position(a) - position(b));
      const owner = all.find((h) => h.block === line.block && h.start <= m.start && m.start < h.end);
      if (owner || !fitsBetween(all, at, m.part, m.ordinal)) continue;
      const printed = line.text.slice(m.start, m.start + m.numberingLength);
      const numbering = readNumbering(printed)!;
      added.push({
        block: line.block,
        start: m.start,
        end: m.end,
        page: blocks[line.block]!.page,
        numbering,
        def: SECTIONS[m.part - 1]!,
      });
    }
  }
  return added;
}

/** Characters OCR may make of a part's numbering (「一、」 read as 「人人」, 「二、」 as 「=.」). */
const UNREAD_NUMBERING = 3;

/**
 * Where the template's words for a part start in an unnumbered line: at its start, or,
 * in a line read by OCR, after a few characters that stand where the numbering would.
 */
function unnumberedWording(bare: string, ocr: boolean): { part: number; end: number } | null {
  for (let from = 0; from <= (ocr ? UNREAD_NUMBERING : 0); from++) {
    const wording = templateWordingAt(bare, from);
    if (wording) return wording;
  }
  return null;
}

/**
 * Pass three: an unnumbered line opens a part only when nothing else can — it
 * says exactly the template's words for that part, and it stands where that
 * part belongs between the parts already found. A line read by OCR may have a
 * numbering the engine could not read before those words: it opens the part
 * with its ordinal unknown, not taken for one missing.
 */
function unnumberedHeads(blocks: Block[], lines: OutlineLine[], heads: Head[]): Head[] {
  const added: Head[] = [];
  const have = new Set(heads.filter((h) => h.def).map((h) => h.def!.number));
  for (const line of lines) {
    if (line.numbering || line.text.trim().length > MAX_HEADING_LENGTH) continue;
    const bare = line.text.trim().replace(/[。：:]$/, '');
    const wording = unnumberedWording(bare, isOcr(blocks[line.block]));
    if (!wording || bare.slice(wording.end).trim() || have.has(wording.part)) continue;
    const all = [...heads, ...added].sort((a, b) => position(a) - position(b));
    if (!fitsBetween(all, position({ block: line.block, start: 0 }), wording.part, null)) continue;
    have.add(wording.part);
    added.push({
      block: line.block,
      start: 0,
      end: line.text.length,
      page: line.page,
      numbering: null,
      def: SECTIONS[wording.part - 1]!,
    });
  }
  return added;
}

/** The report's parts in document order, each with the prose under it; a part is recorded as printed. */
export function findSections(blocks: Block[]): Section[] {
  const lines = outlineOf(blocks);
  const heads = numberedHeads(lines);
  heads.push(...midLineHeads(blocks, lines, heads));
  heads.push(...unnumberedHeads(blocks, lines, heads));
  heads.sort((a, b) => position(a) - position(b));
  if (heads.length === 0) return [];

  const sections: Section[] = [];
  let h = 0;
  let current: { head: Head; heading: string; text: string[] } | null = null;
  const close = () => {
    if (!current) return;
    const { head, heading, text } = current;
    sections.push({
      number: head.def?.number ?? null,
      printed: head.numbering?.printed ?? null,
      ordinal: printedOrdinal(head.numbering?.printed ?? null),
      matchesTemplate: head.def ? headingWording(heading) === PART_WORDING[head.def.number - 1] : false,
      key: head.def?.key ?? null,
      heading,
      text: text.join('\n'),
      page: head.page,
      ...(isOcr(blocks[head.block]) ? { uncertain: true } : {}),
    });
  };
  blocks.forEach((block, index) => {
    if (block.kind === 'table') return;
    let from = 0;
    while (h < heads.length && heads[h]!.block === index) {
      const head = heads[h++]!;
      const before = block.text.slice(from, head.start).trim();
      if (before && current) current.text.push(before);
      close();
      current = { head, heading: headingOf(block.text, head.start, head.end), text: [] };
      from = head.end;
    }
    const rest = block.text
      .slice(from)
      .replace(/^[\s\u3000。：:、]+/, '')
      .trimEnd();
    if (rest && current) current.text.push(rest);
  });
  close();
  return sections;
}
