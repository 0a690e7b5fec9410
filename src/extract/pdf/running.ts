import type { Line } from './lines.js';

/** Header and footer lines live in the outer band of the page. */
const BAND = 0.12;
const PAGE_NUMBER =
  /^[-—–－‐~\s]*(第\s*)?\d{1,4}(\s*页)?([\s/]*(共\s*)?\d{1,4}\s*页?)?[-—–－‐~\s]*$|^(page\s*)?\d{1,4}(\s*of\s*\d{1,4})?$/i;

export interface PageLines {
  height: number;
  lines: Line[];
  /** tables count as body when measuring how far a line stands apart */
  tables: { top: number; bottom: number }[];
}

function median(values: number[]): number {
  const s = [...values].sort((p, q) => p - q);
  return s[Math.floor(s.length / 2)] ?? 0;
}

/**
 * The first and last line of a page when they sit in its outer band and
 * apart from the body (more space than between body lines): where running
 * heads and folios are.
 */
function marginLines(page: PageLines, usual: number, bodySize: number): Line[] {
  const lines = page.lines;
  // running heads are set apart from the body by space or by a smaller size
  const apart = (line: Line, gap: number) => gap > usual * 1.3 + 2 || line.size < bodySize * 0.95;
  const first = lines[0];
  const last = lines[lines.length - 1];
  if (!first || !last) return [];
  const body = [...lines.slice(1, -1), ...page.tables];
  const below = Math.min(...[...body, last].filter((b) => b !== first).map((b) => b.top));
  const above = Math.max(...[first, ...body].filter((b) => b !== last).map((b) => b.bottom));
  const out: Line[] = [];
  if (first.top < page.height * BAND && (lines.length === 1 || apart(first, below - first.bottom))) out.push(first);
  if (last !== first && last.bottom > page.height * (1 - BAND) && apart(last, last.top - above)) out.push(last);
  return out;
}

function usualGap(pages: PageLines[]): number {
  return median(pages.flatMap((p) => p.lines.slice(1).map((l, i) => l.top - p.lines[i]!.bottom)).filter((g) => g > 0));
}

function shape(text: string): string {
  return text.replace(/\d+/g, '#').replace(/\s+/g, '');
}

function dropOnce(pages: PageLines[]): boolean {
  const usual = usualGap(pages);
  const bodySize = median(pages.flatMap((p) => p.lines.map((l) => l.size)));
  const counts = new Map<string, number>();
  for (const page of pages)
    for (const s of new Set(marginLines(page, usual, bodySize).map((l) => shape(l.text))))
      counts.set(s, (counts.get(s) ?? 0) + 1);
  const repeated = (l: Line) => pages.length >= 2 && (counts.get(shape(l.text)) ?? 0) >= Math.max(2, pages.length / 2);
  let dropped = false;
  for (const page of pages) {
    const drop = new Set(marginLines(page, usual, bodySize).filter((l) => PAGE_NUMBER.test(l.text) || repeated(l)));
    if (drop.size) dropped = true;
    page.lines = page.lines.filter((l) => !drop.has(l));
  }
  return dropped;
}

/** Removes page numbers and lines repeated at the page edge on most pages (running headers/footers), up to two deep. */
export function dropRunningLines(pages: PageLines[]): void {
  if (dropOnce(pages)) dropOnce(pages);
}
