/**
 * Rows whose numbers were printed without separators (a crawler's text:
 * 「行政规范性文件77132470」 is 77 / 132 / 470). A run is read only when exactly
 * one split satisfies the template's identities; otherwise it stays uncertain.
 */
import type { CellKind } from '../model/cell.js';

/** Column `total` of a row is the sum of columns `parts` (indices into the row's columns). */
export interface SumIdentity {
  parts: number[];
  total: number;
}

const RUN = /^-?\d[\d.-]*(?:万元|元)?$/;
const PIECE: Record<CellKind, RegExp> = {
  count: /^(?:0|[1-9]\d*)$/,
  signed: /^(?:0|-?[1-9]\d*)$/,
  amount: /^(?:0|[1-9]\d*)(?:\.\d+)?(?:万元|元)?$/,
};

/** The run of digits a value cell holds, spaces dropped (they are not reliable separators), or null. */
export function digitRun(text: string): string | null {
  const run = text
    .normalize('NFKC')
    .replace(/[\s\u00a0\u3000]+/g, '')
    .replace(/[−–]/g, '-');
  return RUN.test(run) ? run : null;
}

/** Whether a run has digits enough for one value per column: a shorter one is a lone value, not a run. */
export function fillsColumns(run: string, columns: number): boolean {
  return run.replace(/\D/g, '').length >= columns;
}

/** How many ways a split may be tried before a run is called unreadable. */
const BUDGET = 500_000;

/**
 * Every way to read `run` as one value per column, in column order, that keeps
 * every identity; null when there are too many to try.
 */
export function splitRun(
  run: string,
  kinds: readonly CellKind[],
  identities: readonly SumIdentity[] = [],
): string[][] | null {
  const out: string[][] = [];
  const pieces: string[] = [];
  const checks = kinds.map((_, i) => identities.filter((id) => Math.max(id.total, ...id.parts) === i));
  let tried = 0;
  const holds = (id: SumIdentity) =>
    Number(pieces[id.total]) === id.parts.reduce((sum, p) => sum + Number(pieces[p]), 0);
  const walk = (at: number): boolean => {
    const col = pieces.length;
    if (col === kinds.length) {
      if (at === run.length) out.push([...pieces]);
      return true;
    }
    const left = kinds.length - col - 1;
    for (let end = at + 1; end <= run.length - left; end++) {
      if (++tried > BUDGET) return false;
      const piece = run.slice(at, end);
      if (!PIECE[kinds[col]!].test(piece)) continue;
      pieces.push(piece);
      const complete = !checks[col]!.every(holds) || walk(end);
      pieces.pop();
      if (!complete) return false;
    }
    return true;
  };
  return walk(0) ? out : null;
}

/**
 * Settles rows that split more than one way by identities across rows: each
 * row keeps the one candidate that every consistent combination agrees on.
 * `consistent` sees one candidate per row and says whether the identities it
 * can evaluate hold. Rows still open are left out of the result.
 */
export function settleAcrossRows<K>(
  candidates: ReadonlyMap<K, string[][]>,
  consistent: (choice: ReadonlyMap<K, string[]>) => boolean,
): Map<K, string[]> {
  const keys = [...candidates.keys()];
  const sizes = keys.map((k) => candidates.get(k)!.length);
  const settled = new Map<K, string[]>();
  if (!keys.length || sizes.some((s) => s === 0) || sizes.reduce((a, b) => a * b, 1) > BUDGET) return settled;
  const agreed = new Map<K, number | 'many'>();
  const index = keys.map(() => 0);
  for (;;) {
    const choice = new Map(keys.map((k, i) => [k, candidates.get(k)![index[i]!]!]));
    if (consistent(choice))
      for (const [i, k] of keys.entries()) {
        const seen = agreed.get(k);
        agreed.set(k, seen === undefined || seen === index[i] ? index[i]! : 'many');
      }
    let i = 0;
    while (i < keys.length && ++index[i]! === sizes[i]) index[i++] = 0;
    if (i === keys.length) break;
  }
  for (const [k, which] of agreed) if (which !== 'many') settled.set(k, candidates.get(k)![which]!);
  return settled;
}
