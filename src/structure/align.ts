/**
 * A table's rows aligned with the template's rows as two sequences, the way a
 * diff aligns lines: a row is placed by its label (key phrases, or a label
 * close enough to the template's after normalisation) and by its position
 * between its neighbours. A template row is missing only when nothing stands
 * in its place.
 */
import type { LabelDef } from '../model/templates.js';
import { labelScore, normalizeLabel } from './labels.js';

/** How close a label must be to a template label to stand in its place without a key phrase. */
export const MIN_SIMILARITY = 0.6;
/** Shorter template labels (总计, 其他, 规章) are too short to recognise by likeness. */
const MIN_FUZZY_LENGTH = 3;

export interface RowToAlign<T extends LabelDef> {
  /** the row's own label (for 表三, after a group label it was merged with) */
  text: string;
  /** whether the row's context (its group, its sub-table) admits a template row */
  admits?: (def: T) => boolean;
}

const NUMBERING =
  /^\s*(?:[（(]\s*(?:[一二三四五六七八九十]+|\d+)\s*[）)]|第[一二三四五六七八九十]+部分|[一二三四五六七八九十]+\s*[、.．]|\d+\s*[、.．]?)/;

/** A label as its words: without its leading numbering (（二）, 2., 一、), normalised. */
export function wording(text: string): string {
  return normalizeLabel(text.normalize('NFKC').replace(NUMBERING, ''));
}

const NOTE = /[（(][^（()）]*[）)]$/;

/** Wordings a template row accepts as its own: the label, the label without its trailing note, its exact forms. */
function ownWordings(def: LabelDef): string[] {
  const base = def.label.replace(/^[（(][一二三四五六七八九十]+[）)]/, '');
  return [wording(def.label), wording(base.replace(NOTE, '')), ...(def.exact ?? [])];
}

/** Whether a printed label says what the template says: script, width, spacing, punctuation and numbering aside. */
export function sameWording(def: LabelDef, printed: string): boolean {
  return ownWordings(def).includes(wording(printed));
}

function lcs(a: string, b: string): number {
  const prev = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = 0;
    for (let j = 1; j <= b.length; j++) {
      const up = prev[j]!;
      prev[j] = a[i - 1] === b[j - 1] ? diagonal + 1 : Math.max(up, prev[j - 1]!);
      diagonal = up;
    }
  }
  return prev[b.length]!;
}

/** Dice similarity over the longest common subsequence: 1 for equal wordings, 0 for nothing in common. */
export function similarity(def: LabelDef, printed: string): number {
  const w = wording(printed);
  if (!w) return 0;
  let best = 0;
  for (const own of ownWordings(def)) {
    if (own.length < MIN_FUZZY_LENGTH) continue;
    best = Math.max(best, (2 * lcs(w, own)) / (w.length + own.length));
  }
  return best;
}

/**
 * The score of placing a row on each template row, or null where it cannot
 * stand. A row that names template rows by a key phrase may stand only on the
 * best-named ones; a row that names none may stand on any row it resembles.
 */
function pairScores<T extends LabelDef>(defs: readonly T[], row: RowToAlign<T>): (number | null)[] {
  const normalized = normalizeLabel(row.text);
  const admitted = defs.map((d) => !!normalized && (row.admits?.(d) ?? true));
  const named = defs.map((d, j) => (admitted[j] ? labelScore(d, normalized) : 0));
  const top = Math.max(0, ...named);
  if (top > 0) return named.map((s) => (s === top ? 2 + s / 1000 : null));
  return defs.map((d, j) => {
    if (!admitted[j]) return null;
    const s = similarity(d, row.text);
    return s >= MIN_SIMILARITY ? s : null;
  });
}

/**
 * Each row's template row, or null when the row stands on none (an unknown
 * row, or a second copy of a row already placed). Order first, as a diff
 * does; then a row named by a key phrase out of order still takes its row
 * when nothing else did.
 */
export function alignRows<T extends LabelDef>(defs: readonly T[], rows: readonly RowToAlign<T>[]): (T | null)[] {
  const scores = rows.map((r) => pairScores(defs, r));
  const n = rows.length;
  const m = defs.length;
  const best: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = 1; i <= n; i++) {
    for (let j = 1; j <= m; j++) {
      const s = scores[i - 1]![j - 1];
      const pair = s === null || s === undefined ? -1 : best[i - 1]![j - 1]! + s;
      best[i]![j] = Math.max(best[i - 1]![j]!, best[i]![j - 1]!, pair);
    }
  }
  const placed: (T | null)[] = new Array<T | null>(n).fill(null);
  for (let i = n, j = m; i > 0 && j > 0; ) {
    const s = scores[i - 1]![j - 1];
    // an earlier row that can take the place does: a repeated row keeps its first copy
    if (best[i]![j] === best[i - 1]![j]) i--;
    else if (s !== null && s !== undefined && best[i]![j] === best[i - 1]![j - 1]! + s) {
      placed[i - 1] = defs[j - 1]!;
      i--;
      j--;
    } else j--;
  }
  const taken = new Set(placed.filter((d): d is T => d !== null));
  for (const [i, row] of scores.entries()) {
    if (placed[i]) continue;
    const open = defs.filter((d, j) => (row[j] ?? 0) >= 2 && !taken.has(d));
    if (open.length === 1) {
      placed[i] = open[0]!;
      taken.add(open[0]!);
    }
  }
  return placed;
}
