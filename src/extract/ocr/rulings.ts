import type { Edge } from '../pdf/geometry.js';
import { findLatticeTables, joinEdges, snapEdges, type LatticeTable } from '../pdf/lattice.js';
import type { Raster } from './raster.js';

/** Ink at or above this is a drawn pixel (light grey rules of office exports are ~110). */
export const DARK = 64;
/** A run of ink this long (pt) is a ruling line, not a stroke of a glyph (a 16 pt 一 is shorter). */
const MIN_RULE = 18;
/** Ink gaps this short (px) inside a run are scanning noise, not the end of the line. */
const GAP = 2;

function dark(r: Raster, x: number, y: number): boolean {
  return r.ink[y * r.width + x]! >= DARK;
}

/**
 * Runs of ink along one axis. A pixel counts as ink when it or its neighbour
 * across the line is, so a line tilted by a slightly rotated scan stays one run for longer.
 */
function runs(r: Raster, orient: 'h' | 'v'): Edge[] {
  const [along, across] = orient === 'h' ? [r.width, r.height] : [r.height, r.width];
  const at = (a: number, c: number) => (orient === 'h' ? dark(r, a, c) : dark(r, c, a));
  const inked = (a: number, c: number) => at(a, c) || (c > 0 && at(a, c - 1)) || (c + 1 < across && at(a, c + 1));
  const min = MIN_RULE * r.scale;
  const edges: Edge[] = [];
  for (let c = 0; c < across; c++) {
    let start = -1;
    let last = -1;
    for (let a = 0; a <= along; a++) {
      if (a < along && inked(a, c)) {
        if (start < 0) start = a;
        last = a;
      } else if (start >= 0 && a - last > GAP) {
        if (last - start >= min)
          edges.push({ orient, pos: (c + 0.5) / r.scale, a: start / r.scale, b: (last + 1) / r.scale });
        start = -1;
      }
    }
  }
  return edges;
}

/**
 * A wall that stops this short (pt) of a line across its path meets it. Less than a
 * row can be tall (one line of 9 pt text and its padding), so no wall reaches past a row.
 */
const REACH = 8;
/** An end this close to a line across it already meets it (the lattice's own tolerance). */
const MEETS = 3;

/** How far past `end` (in the direction `dir`) the nearest line across `e` lies, if within REACH. */
function gapTo(e: Edge, across: Edge[], end: number, dir: 1 | -1): number | null {
  let best: number | null = null;
  for (const p of across) {
    if (p.a - MEETS > e.pos || p.b + MEETS < e.pos) continue;
    const d = (p.pos - end) * dir;
    if (Math.abs(d) <= MEETS) return null;
    if (d > 0 && d <= REACH && (best === null || d < best)) best = d;
  }
  return best;
}

/**
 * Walls carried on to the line they stop just short of. A scan shows only the ink:
 * where a row-spanning cell's border is drawn a few points above the next row's (a
 * double line whose inner stroke is too thin or too light to print, as LibreOffice
 * draws at a page break), or a printed rule breaks off, the walls end in the air and
 * the frame falls apart into tables with too few columns.
 */
export function closeGaps(edges: Edge[]): Edge[] {
  return edges.map((e) => {
    const across = edges.filter((p) => p.orient !== e.orient);
    const after = gapTo(e, across, e.b, 1);
    const before = gapTo(e, across, e.a, -1);
    return { ...e, a: e.a - (before ?? 0), b: e.b + (after ?? 0) };
  });
}

/** Ruling lines found in the pixels, in page points: what a born-digital PDF states as paths. */
export function pixelEdges(r: Raster): Edge[] {
  return [...runs(r, 'h'), ...runs(r, 'v')];
}

/** A table row holds a line of text: 9 pt type and its padding are at least this tall (pt). */
const MIN_ROW = 12;

/**
 * A large heading's glyph strokes are long enough to pass for ruling lines (a 22 pt
 * title's verticals run 18 pt), and their crossings make a "table" whose rows are
 * slivers between strokes; a table none of whose rows could hold a line of text is that.
 */
function holdsText(t: LatticeTable): boolean {
  return t.ys.slice(1).some((y, i) => y - t.ys[i]! >= MIN_ROW);
}

/** The tables ruling lines found in a page image make: the lattice stages, after the gaps only pixels have are closed. */
export function pixelTables(edges: Edge[]): LatticeTable[] {
  return findLatticeTables(closeGaps(joinEdges(snapEdges(edges)))).filter(holdsText);
}
