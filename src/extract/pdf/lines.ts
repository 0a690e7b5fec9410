import { cleanText } from '../text-normalize.js';
import type { Box } from './geometry.js';
import type { Word } from './words.js';

export interface Line extends Box {
  words: Word[];
  text: string;
  size: number;
  bold: boolean;
  baseline: number;
}

const ASCII_WORD = /[A-Za-z0-9.,%]/;

/** Whether two pieces of text are written together with a space (Latin words, numbers) or without (CJK). */
function needsSpace(left: string, right: string): boolean {
  return ASCII_WORD.test(left.slice(-1)) && ASCII_WORD.test(right.charAt(0));
}

export function joinPieces(pieces: string[]): string {
  let out = '';
  for (const p of pieces) out += out && needsSpace(out, p) ? ` ${p}` : p;
  return out;
}

function sameLine(line: Line, word: Word): boolean {
  const overlap = Math.min(line.bottom, word.bottom) - Math.max(line.top, word.top);
  return overlap > 0.5 * Math.min(line.bottom - line.top, word.bottom - word.top);
}

/** Words on one baseline, left to right; a gap wider than a space between Latin pieces keeps a space. */
function lineText(words: Word[]): string {
  let out = '';
  let prev: Word | null = null;
  for (const w of words) {
    const gap = prev ? w.x0 - prev.x1 : 0;
    const spaced = prev !== null && gap > 0.15 * w.size && needsSpace(out, w.text);
    out += spaced ? ` ${w.text}` : w.text;
    prev = w;
  }
  return cleanText(out);
}

function finishLine(words: Word[]): Line {
  words.sort((p, q) => p.x0 - q.x0);
  const size = Math.max(...words.map((w) => w.size));
  const main = words.reduce((p, q) => (q.size > p.size ? q : p));
  return {
    words,
    text: lineText(words),
    size,
    bold: words.every((w) => w.bold),
    baseline: main.baseline,
    x0: Math.min(...words.map((w) => w.x0)),
    x1: Math.max(...words.map((w) => w.x1)),
    top: Math.min(...words.map((w) => w.top)),
    bottom: Math.max(...words.map((w) => w.bottom)),
  };
}

/** Words → lines in reading order (top to bottom, then left to right). */
export function wordsToLines(words: Word[]): Line[] {
  const sorted = [...words].sort((p, q) => p.baseline - q.baseline || p.x0 - q.x0);
  const groups: { box: Line; words: Word[] }[] = [];
  for (const w of sorted) {
    // sorted by baseline: a word's line, if any, is among the last few opened
    const group = groups.slice(-4).find((g) => sameLine(g.box, w));
    if (group) {
      group.words.push(w);
      group.box.top = Math.min(group.box.top, w.top);
      group.box.bottom = Math.max(group.box.bottom, w.bottom);
    } else groups.push({ box: { top: w.top, bottom: w.bottom } as Line, words: [w] });
  }
  return groups
    .map((g) => finishLine(g.words))
    .filter((l) => l.text)
    .sort((p, q) => p.top - q.top || p.x0 - q.x0);
}

/** Several lines of one cell or paragraph → one string: CJK lines join without a space. */
export function joinLines(lines: Line[]): string {
  return cleanText(joinPieces(lines.map((l) => l.text)));
}
