import type { Box, Edge } from './geometry.js';

/** Edges this close across (pt) are one line: double borders, rounding, pen width. */
const SNAP_TOLERANCE = 3;
/** Collinear pieces this close along the line join (Chromium draws a border piece per cell). */
const JOIN_TOLERANCE = 3;
/** A horizontal and a vertical edge closer than this touch. */
const INTERSECT_TOLERANCE = 3;
const MIN_TABLE_EDGE = 8;

/** A table found from ruling lines: grid lines and the cells between them, in grid units. */
export interface LatticeTable extends Box {
  xs: number[];
  ys: number[];
  cells: LatticeCell[];
  /** the first or last row is closed by the walls' ends, not by a drawn line (see `wallsEnd`) */
  open: { top: boolean; bottom: boolean };
}

export interface LatticeCell {
  row: number;
  col: number;
  rowSpan: number;
  colSpan: number;
}

/** Groups items whose key lies within `tolerance` of the group's first member, in key order (pdfplumber's cluster_objects). */
function cluster<T>(items: T[], key: (item: T) => number, tolerance: number): T[][] {
  const sorted = [...items].sort((p, q) => key(p) - key(q));
  const groups: T[][] = [];
  for (const item of sorted) {
    const last = groups[groups.length - 1];
    if (last && key(item) - key(last[0]!) <= tolerance) last.push(item);
    else groups.push([item]);
  }
  return groups;
}

function mean(values: number[]): number {
  return values.reduce((s, v) => s + v, 0) / values.length;
}

/** The grid line positions that edges at `positions` lie on: one per cluster. */
function linePositions(positions: number[]): number[] {
  return cluster(positions, (v) => v, SNAP_TOLERANCE).map(mean);
}

/**
 * Disjoint sets over 0..n-1: `join` merges two sets, `sets` lists the members
 * of each (edges into frames, grid squares into merged cells).
 */
function disjointSets(n: number) {
  const parent = Array.from({ length: n }, (_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  return {
    join(p: number, q: number): void {
      parent[find(p)] = find(q);
    },
    sets(): number[][] {
      const members = new Map<number, number[]>();
      for (let i = 0; i < n; i++) {
        const root = find(i);
        const set = members.get(root);
        if (set) set.push(i);
        else members.set(root, [i]);
      }
      return [...members.values()];
    },
  };
}

/** Moves nearly collinear edges onto one line, the mean of their cluster (pdfplumber's snap). */
export function snapEdges(edges: Edge[]): Edge[] {
  return (['h', 'v'] as const).flatMap((orient) =>
    cluster(
      edges.filter((e) => e.orient === orient),
      (e) => e.pos,
      SNAP_TOLERANCE,
    ).flatMap((line) => {
      const at = mean(line.map((e) => e.pos));
      return line.map((e) => ({ ...e, pos: at }));
    }),
  );
}

/** Joins overlapping or nearly touching pieces of the same line. */
export function joinEdges(edges: Edge[]): Edge[] {
  const byLine = new Map<string, Edge[]>();
  for (const e of edges) {
    const key = `${e.orient}${e.pos}`;
    const line = byLine.get(key);
    if (line) line.push(e);
    else byLine.set(key, [e]);
  }
  const out: Edge[] = [];
  for (const line of byLine.values()) {
    line.sort((p, q) => p.a - q.a);
    let current = { ...line[0]! };
    for (const e of line.slice(1)) {
      if (e.a <= current.b + JOIN_TOLERANCE) current.b = Math.max(current.b, e.b);
      else {
        out.push(current);
        current = { ...e };
      }
    }
    out.push(current);
  }
  return out;
}

function touches(h: Edge, v: Edge): boolean {
  const t = INTERSECT_TOLERANCE;
  return v.pos >= h.a - t && v.pos <= h.b + t && h.pos >= v.a - t && h.pos <= v.b + t;
}

/** Index of the first of `sorted` (by pos) at or beyond `pos`. */
function firstAtOrAfter(sorted: Edge[], pos: number): number {
  let [lo, hi] = [0, sorted.length];
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]!.pos < pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Connected groups of edges: each group is one table's frame. Verticals are
 * sorted by position so each horizontal meets only those within its reach
 * (Chromium pages draw hundreds of border pieces; all pairs would be slow).
 */
export function groupEdges(edges: Edge[]): Edge[][] {
  const sets = disjointSets(edges.length);
  const vs = edges.flatMap((e, i) => (e.orient === 'v' ? [i] : [])).sort((p, q) => edges[p]!.pos - edges[q]!.pos);
  const sortedVs = vs.map((i) => edges[i]!);
  edges.forEach((h, i) => {
    if (h.orient !== 'h') return;
    for (
      let k = firstAtOrAfter(sortedVs, h.a - INTERSECT_TOLERANCE);
      k < vs.length && sortedVs[k]!.pos <= h.b + INTERSECT_TOLERANCE;
      k++
    ) {
      if (touches(h, sortedVs[k]!)) sets.join(i, vs[k]!);
    }
  });
  return sets.sets().map((set) => set.map((i) => edges[i]!));
}

/** The edges lying on each of the grid lines at `positions`, so that a cell's wall is looked up among few. */
function onLines(edges: Edge[], positions: number[]): Edge[][] {
  return positions.map((pos) => edges.filter((e) => Math.abs(e.pos - pos) <= SNAP_TOLERANCE));
}

/** Whether the line's edges cover the middle of the span `from`..`to` along it. */
function lineCovers(line: Edge[], from: number, to: number): boolean {
  const mid = (from + to) / 2;
  return line.some((e) => e.a - SNAP_TOLERANCE <= mid && e.b + SNAP_TOLERANCE >= mid);
}

/**
 * The smallest cells bounded by edges: the grid of every line position, then
 * neighbouring grid squares with no line between them are one (merged) cell.
 */
function cellsOfFrame(hs: Edge[], vs: Edge[], xs: number[], ys: number[]): LatticeCell[] {
  const [rowLines, colLines] = [onLines(hs, ys), onLines(vs, xs)];
  const rows = ys.length - 1;
  const cols = xs.length - 1;
  const squares = disjointSets(rows * cols);
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      if (c + 1 < cols && !lineCovers(colLines[c + 1]!, ys[r]!, ys[r + 1]!))
        squares.join(r * cols + c, r * cols + c + 1);
      if (r + 1 < rows && !lineCovers(rowLines[r + 1]!, xs[c]!, xs[c + 1]!))
        squares.join(r * cols + c, (r + 1) * cols + c);
    }
  }
  return squares
    .sets()
    .map((set) => {
      const [r0, r1] = [Math.floor(set[0]! / cols), Math.floor(set[set.length - 1]! / cols)];
      const cs = set.map((i) => i % cols);
      const c0 = Math.min(...cs);
      return { row: r0, col: c0, rowSpan: r1 - r0 + 1, colSpan: Math.max(...cs) - c0 + 1 };
    })
    .sort((p, q) => p.row - q.row || p.col - q.col);
}

/** Indices of the column lines drawn beside row `r`. */
function rowWalls(colLines: Edge[][], ys: number[], r: number): number[] {
  return colLines.flatMap((line, i) => (lineCovers(line, ys[r]!, ys[r + 1]!) ? [i] : []));
}

/** Two rows of one table share their outer walls and, unless one spans the whole width, some inner wall. */
function sameTable(p: number[], q: number[]): boolean {
  if (p[0] !== q[0] || p[p.length - 1] !== q[q.length - 1]) return false;
  const inner = q.slice(1, -1);
  return p.length <= 2 || inner.length === 0 || inner.some((i) => p.includes(i));
}

/**
 * Rows where a new table starts inside one connected frame: tables drawn
 * touching (one HTML <table> per 表二 sub-table, 表二 right above 表三) whose
 * columns do not line up. Full-width rows (a sub-table's title) go with the
 * rows below them.
 */
function tableStarts(walls: number[][]): number[] {
  const starts = [0];
  let reference = walls[0]!;
  for (let r = 1; r < walls.length; r++) {
    if (sameTable(reference, walls[r]!)) {
      if (walls[r]!.length > 2 || reference.length <= 2) reference = walls[r]!;
      continue;
    }
    let start = r;
    while (
      start - 1 > starts[starts.length - 1]! &&
      walls[start - 1]!.length <= 2 &&
      sameTable(walls[start - 1]!, walls[r]!)
    )
      start--;
    starts.push(start);
    reference = walls[r]!;
  }
  return starts;
}

function bandToTable(hs: Edge[], vs: Edge[], ys: number[], open: LatticeTable['open']): LatticeTable | null {
  const [top, bottom] = [ys[0]!, ys[ys.length - 1]!];
  const inBand = vs.filter((e) => e.a < bottom - SNAP_TOLERANCE && e.b > top + SNAP_TOLERANCE);
  const candidates = linePositions(inBand.map((e) => e.pos));
  const lines = onLines(inBand, candidates);
  const xs = candidates.filter((_, i) => ys.slice(1).some((y, r) => lineCovers(lines[i]!, ys[r]!, y)));
  if (xs.length < 2 || ys.length < 2) return null;
  const box = { x0: xs[0]!, x1: xs[xs.length - 1]!, top, bottom };
  if (box.x1 - box.x0 < MIN_TABLE_EDGE || box.bottom - box.top < MIN_TABLE_EDGE) return null;
  const cells = cellsOfFrame(hs, inBand, xs, ys);
  // a single framed cell is kept: it may be the first row of a table the page break cut
  if (cells.length < 1) return null;
  return { ...box, xs, ys, cells, open };
}

/**
 * Where both outer walls run on past the frame's last (or first) horizontal
 * line to a common end, the page break cut the table open: the producer
 * closes the row on the next page (WPS), or draws a row-spanning cell's walls
 * to the page's edge (Chromium). The walls' end closes the row instead.
 */
function wallsEnd(vs: Edge[], xs: number[], ys: number[], side: 'top' | 'bottom'): number | null {
  const [first, last] = [ys[0]!, ys[ys.length - 1]!];
  const past = (v: Edge) => (side === 'bottom' ? v.b - last : first - v.a);
  const ends = [xs[0]!, xs[xs.length - 1]!].map((x) => {
    const wall = vs.filter((v) => Math.abs(v.pos - x) <= SNAP_TOLERANCE && past(v) >= MIN_TABLE_EDGE);
    return wall.length
      ? side === 'bottom'
        ? Math.max(...wall.map((v) => v.b))
        : Math.min(...wall.map((v) => v.a))
      : NaN;
  });
  const [left, right] = ends as [number, number];
  return Math.abs(left - right) <= SNAP_TOLERANCE ? (left + right) / 2 : null;
}

/** One connected frame → its table, or the tables drawn touching one another in it. */
function frameToTables(frame: Edge[]): LatticeTable[] {
  const hs = frame.filter((e) => e.orient === 'h');
  const vs = frame.filter((e) => e.orient === 'v');
  if (hs.length < 2 || vs.length < 2) return [];
  const xs = linePositions(vs.map((e) => e.pos));
  const ys = linePositions(hs.map((e) => e.pos));
  if (xs.length < 2 || ys.length < 2) return [];
  const colLines = onLines(vs, xs);
  const walls = ys.slice(1).map((_, r) => rowWalls(colLines, ys, r));
  const starts = tableStarts(walls);
  const [top, bottom] = [wallsEnd(vs, xs, ys, 'top'), wallsEnd(vs, xs, ys, 'bottom')];
  return starts.flatMap((start, i) => {
    const open = { top: i === 0 && top !== null, bottom: i === starts.length - 1 && bottom !== null };
    const band = ys.slice(start, (starts[i + 1] ?? ys.length - 1) + 1);
    if (open.top) band.unshift(top!);
    if (open.bottom) band.push(bottom!);
    return bandToTable(hs, vs, band, open) ?? [];
  });
}

/** Ruling lines → tables, top to bottom (pdfplumber's lattice stages). */
export function findLatticeTables(edges: Edge[]): LatticeTable[] {
  const joined = joinEdges(snapEdges(edges)).filter((e) => e.b - e.a >= MIN_TABLE_EDGE / 2);
  return groupEdges(joined)
    .flatMap(frameToTables)
    .sort((p, q) => p.top - q.top || p.x0 - q.x0);
}
