import type { Edge } from '../pdf/geometry.js';
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

/** Ruling lines found in the pixels, in page points: what a born-digital PDF states as paths. */
export function pixelEdges(r: Raster): Edge[] {
  return [...runs(r, 'h'), ...runs(r, 'v')];
}
