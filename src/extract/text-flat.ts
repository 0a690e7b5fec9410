import type { Block } from '../model/ir.js';
import { buildTable } from './grid.js';
import { type CellToken, rowsFromTokens } from './text-cells.js';
import { cleanText } from './text-normalize.js';
import {
  CAPTION,
  foldChar,
  GROUP_WORDS,
  HEADER_WORDS,
  isPartHeading,
  isRowLabel,
  NUMBERING,
  ROW_LABELS,
} from './text-vocabulary.js';

/**
 * Tables in text that lost its cell boundaries (a crawler's rendering of a
 * report page: 「…现行有效件数规章000行政规范性文件693665第二十条第（五）项…」).
 * A run of template row labels, each followed by a run of digits, is cut out
 * as a table with one row per label: [label cells…, the digit run as printed].
 * The digits are not split here: only the template's identities can tell
 * where one cell ends, and that is structure's work.
 */

type Kind = 'caption' | 'header' | 'row' | 'group' | 'num' | 'run' | 'text';

interface Token {
  kind: Kind;
  /** span in the folded text */
  from: number;
  to: number;
}

interface Item {
  kind: 'caption' | 'header' | 'row' | 'label' | 'part' | 'note' | 'text' | 'run';
  from: number;
  to: number;
}

const DICTIONARY: { word: string; kind: Kind }[] = [
  ...ROW_LABELS.map((word) => ({ word, kind: 'row' as const })),
  ...GROUP_WORDS.map((word) => ({ word, kind: 'group' as const })),
  ...HEADER_WORDS.map((word) => ({ word, kind: 'header' as const })),
].sort((a, b) => b.word.length - a.word.length);
/** the dictionary by first character: a long page is scanned once, not once per word */
const BY_FIRST = new Map<string, typeof DICTIONARY>();
for (const d of DICTIONARY) BY_FIRST.set(d.word[0]!, [...(BY_FIRST.get(d.word[0]!) ?? []), d]);

/** one printed number; a digit that is the numbering of the next label (「…00000002.其他法律…」) is not part of it */
const NUMBER = String.raw`-?(?:\d(?![.、](?:\D|$)))+(?:\.\d+)?(?:万元|元)?`;
const RUN = new RegExp(`^(?:${NUMBER}|/)+`);
/** what follows a number in prose (「2645条」), never a table cell */
const CLASSIFIER = /^[条件个项次起宗份篇例封笔台套张年月日号%余多名人户家万亿批期场岁倍分秒时]/;

/** the longest template row label is 38 characters; a longer numbered stretch is prose */
const MAX_LABEL = 60;

interface Folded {
  text: string;
  /** folded index → index in the original line */
  at: number[];
}

function foldLine(line: string): Folded {
  let text = '';
  const at: number[] = [];
  for (let i = 0; i < line.length; i++) {
    const ch = foldChar(line[i]!);
    if (/\s/.test(ch)) continue;
    text += ch;
    at.push(i);
  }
  return { text, at };
}

function tokenize(f: string): Token[] {
  const tokens: Token[] = [];
  const push = (kind: Kind, from: number, to: number) => {
    const last = tokens[tokens.length - 1];
    if (kind === 'text' && last?.kind === 'text' && last.to === from) last.to = to;
    else tokens.push({ kind, from, to });
  };
  let p = 0;
  while (p < f.length) {
    const rest = f.slice(p, p + 80);
    const caption = CAPTION.exec(rest);
    const word = caption ? null : BY_FIRST.get(f[p]!)?.find((d) => rest.startsWith(d.word));
    const numbering = NUMBERING.exec(rest);
    const run = RUN.exec(rest);
    let len = 1;
    if (caption) push('caption', p, p + (len = caption[0].length));
    else if (word) push(word.kind, p, p + (len = word.word.length));
    else if (numbering) push('num', p, p + (len = numbering[0].length));
    else if (run) push('run', p, p + (len = run[0].length));
    else push('text', p, p + 1);
    p += len;
  }
  return tokens;
}

/** A numbered label runs on to the next boundary; a part heading stops before the table header after it. */
function items(f: string, tokens: Token[]): Item[] {
  const out: Item[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.kind !== 'num') {
      const kind = t.kind === 'group' ? 'row' : t.kind;
      out.push({ kind, from: t.from, to: t.to });
      continue;
    }
    let to = t.to;
    while (i + 1 < tokens.length) {
      const next = tokens[i + 1]!;
      if (next.kind === 'num' || next.kind === 'row' || next.kind === 'caption' || next.kind === 'run') break;
      if (next.kind === 'header' && isPartHeading(f.slice(t.from, to))) break;
      to = next.to;
      i++;
    }
    const text = f.slice(t.from, to);
    if (/[。;；]/.test(text) || text.length > MAX_LABEL) out.push({ kind: 'text', from: t.from, to });
    else if (isRowLabel(text)) out.push({ kind: 'row', from: t.from, to });
    else if (isPartHeading(text)) out.push(...splitNote(f, { kind: 'part', from: t.from, to }));
    else out.push({ kind: 'label', from: t.from, to });
  }
  return out;
}

/** 「三、收到和处理…情况（本列数据的勾稽关系为…）」: the bracketed note is the table's first header cell. */
function splitNote(f: string, part: Item): Item[] {
  if (f[part.to - 1] !== ')') return [part];
  const open = f.lastIndexOf('(', part.to - 1);
  if (open <= part.from) return [part];
  return [
    { kind: 'part', from: part.from, to: open },
    { kind: 'note', from: open, to: part.to },
  ];
}

const isNote = (f: string, item: Item) => item.kind === 'text' && f[item.from] === '(' && f[item.to - 1] === ')';

/** Whether a run of digits is a table's cell run: a label or a header stands right before it, no unit after it. */
function isCellRun(f: string, list: Item[], k: number): boolean {
  const before = list[k - 1];
  if (!before || CLASSIFIER.test(f.slice(list[k]!.to))) return false;
  return before.kind === 'row' || before.kind === 'label' || before.kind === 'header';
}

const MATERIAL = new Set<Item['kind']>(['caption', 'header', 'row', 'label', 'note']);

/** a table with one digit run (表四) shows it by its header: one column word before a number is prose */
const MIN_HEADERS = 3;

interface FlatTable {
  from: number;
  to: number;
  items: Item[];
}

function findTables(f: string, list: Item[]): FlatTable[] {
  const tables: FlatTable[] = [];
  let current: { start: number; lastRun: number } | null = null;
  const close = () => {
    if (!current) return;
    const span = list.slice(current.start, current.lastRun + 1);
    const runs = span.filter((x) => x.kind === 'run').length;
    const headers = span.filter((x) => x.kind === 'caption' || x.kind === 'header').length;
    if (runs >= 2 || (runs === 1 && headers >= MIN_HEADERS))
      tables.push({ from: span[0]!.from, to: span[span.length - 1]!.to, items: span });
    current = null;
  };
  for (let k = 0; k < list.length; k++) {
    if (list[k]!.kind !== 'run' || !isCellRun(f, list, k)) continue;
    let j = k - 1;
    while (j > (current?.lastRun ?? -1) && (MATERIAL.has(list[j]!.kind) || isNote(f, list[j]!))) j--;
    if (current && j === current.lastRun) current.lastRun = k;
    else {
      close();
      current = { start: j + 1, lastRun: k };
    }
  }
  close();
  return tables;
}

function cellTokens(line: string, fold: Folded, table: FlatTable): CellToken[] {
  const printed = (x: Item) => cleanText(line.slice(fold.at[x.from], fold.at[x.to - 1]! + 1));
  return table.items.map((x) => {
    const text = printed(x);
    if (x.kind === 'run') return { text, kind: 'value' };
    if (x.kind === 'row' || x.kind === 'label') return { text, kind: 'row' };
    return { text, kind: x.kind === 'caption' ? 'caption' : 'header' };
  });
}

/** A line with its tables cut out: paragraphs for the prose between them. Null when it holds no table. */
export function flatLineBlocks(line: string): Block[] | null {
  const fold = foldLine(line);
  const f = fold.text;
  const list = items(f, tokenize(f));
  const tables = findTables(f, list);
  if (!tables.length) return null;
  const blocks: Block[] = [];
  let done = 0;
  const prose = (to: number) => {
    const text = cleanText(line.slice(done, to));
    if (text) blocks.push({ kind: 'paragraph', text, level: null, page: null });
  };
  for (const table of tables) {
    const from = fold.at[table.from]!;
    prose(from);
    blocks.push(buildTable(rowsFromTokens(cellTokens(line, fold, table)), 'text'));
    done = fold.at[table.to - 1]! + 1;
  }
  prose(line.length);
  return blocks;
}
