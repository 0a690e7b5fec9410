import { OPS } from './load.js';
import { apply, IDENTITY, multiply, type Edge, type Matrix } from './geometry.js';

/** pdf.js 5.x path command codes (DrawOPS in src/shared/util.js of the pinned version). */
const MOVE_TO = 0;
const LINE_TO = 1;
const CURVE_TO = 2;
const QUADRATIC_CURVE_TO = 3;
const CLOSE_PATH = 4;

/** A filled shape at most this thick (pt) is a drawn line: Chromium draws borders as thin rectangles. */
const MAX_LINE_THICKNESS = 3;
/** Lines this far from axis-parallel are not table rules. */
const AXIS_TOLERANCE = 1;
const MIN_EDGE_LENGTH = 2;

const STROKE_OPS = new Set<number>([
  OPS.stroke,
  OPS.closeStroke,
  OPS.fillStroke,
  OPS.eoFillStroke,
  OPS.closeFillStroke,
  OPS.closeEOFillStroke,
]);
const FILL_OPS = new Set<number>([
  OPS.fill,
  OPS.eoFill,
  OPS.fillStroke,
  OPS.eoFillStroke,
  OPS.closeFillStroke,
  OPS.closeEOFillStroke,
]);
const WHITE = '#ffffff';

interface GraphicsState {
  ctm: Matrix;
  fill: string;
  stroke: string;
}

type Point = [number, number];

export interface OperatorList {
  fnArray: number[];
  argsArray: unknown[];
}

/** Splits pdf.js path data into subpaths of points (curves contribute their end point only). */
function subpaths(data: ArrayLike<number>): Point[][] {
  const result: Point[][] = [];
  let current: Point[] = [];
  const flush = () => {
    if (current.length > 1) result.push(current);
    current = [];
  };
  for (let i = 0; i < data.length; ) {
    const op = data[i++];
    if (op === MOVE_TO) {
      flush();
      current.push([data[i]!, data[i + 1]!]);
      i += 2;
    } else if (op === LINE_TO) {
      current.push([data[i]!, data[i + 1]!]);
      i += 2;
    } else if (op === CURVE_TO) {
      current.push([NaN, NaN], [data[i + 4]!, data[i + 5]!]);
      i += 6;
    } else if (op === QUADRATIC_CURVE_TO) {
      current.push([NaN, NaN], [data[i + 2]!, data[i + 3]!]);
      i += 4;
    } else if (op === CLOSE_PATH) {
      if (current.length > 1) current.push(current[0]!);
      flush();
    } else break;
  }
  flush();
  return result;
}

function segmentEdge(p: Point, q: Point): Edge | null {
  if ([p[0], p[1], q[0], q[1]].some(Number.isNaN)) return null;
  const dx = Math.abs(p[0] - q[0]);
  const dy = Math.abs(p[1] - q[1]);
  if (dy <= AXIS_TOLERANCE && dx >= MIN_EDGE_LENGTH)
    return { orient: 'h', pos: (p[1] + q[1]) / 2, a: Math.min(p[0], q[0]), b: Math.max(p[0], q[0]) };
  if (dx <= AXIS_TOLERANCE && dy >= MIN_EDGE_LENGTH)
    return { orient: 'v', pos: (p[0] + q[0]) / 2, a: Math.min(p[1], q[1]), b: Math.max(p[1], q[1]) };
  return null;
}

function strokedEdges(points: Point[], edges: Edge[]): void {
  for (let i = 1; i < points.length; i++) {
    const edge = segmentEdge(points[i - 1]!, points[i]!);
    if (edge) edges.push(edge);
  }
}

/** A thin filled shape becomes the line through its middle. */
function filledEdge(points: Point[]): Edge | null {
  const real = points.filter((p) => !Number.isNaN(p[0]));
  const xs = real.map((p) => p[0]);
  const ys = real.map((p) => p[1]);
  const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const w = x1 - x0;
  const h = y1 - y0;
  if (h <= MAX_LINE_THICKNESS && w >= MIN_EDGE_LENGTH && w > h)
    return { orient: 'h', pos: (y0 + y1) / 2, a: x0, b: x1 };
  if (w <= MAX_LINE_THICKNESS && h >= MIN_EDGE_LENGTH && h > w)
    return { orient: 'v', pos: (x0 + x1) / 2, a: y0, b: y1 };
  return null;
}

function pathEdges(args: unknown[], state: GraphicsState, toPage: Matrix, edges: Edge[]): void {
  const [paintOp, [data]] = args as [number, [Float32Array | null]];
  if (!data) return;
  const m = multiply(state.ctm, toPage);
  const paths = subpaths(data).map((points) =>
    points.map(([x, y]): Point => (Number.isNaN(x) ? [NaN, NaN] : apply(m, x, y))),
  );
  for (const points of paths) {
    if (STROKE_OPS.has(paintOp) && state.stroke !== WHITE) strokedEdges(points, edges);
    else if (FILL_OPS.has(paintOp) && state.fill !== WHITE) {
      const edge = filledEdge(points);
      if (edge) edges.push(edge);
    }
  }
}

/**
 * Every ruling line the page draws, in top-down page coordinates: stroked
 * segments (LibreOffice, Word) and thin filled rectangles (Chromium). The CTM
 * is tracked through save/restore/transform and form XObjects.
 */
export function rulingEdges(list: OperatorList, toPage: Matrix): Edge[] {
  const edges: Edge[] = [];
  const stack: GraphicsState[] = [];
  let state: GraphicsState = { ctm: IDENTITY, fill: '#000000', stroke: '#000000' };
  const { fnArray, argsArray } = list;
  for (let i = 0; i < fnArray.length; i++) {
    const fn = fnArray[i];
    const args = argsArray[i] as unknown[];
    switch (fn) {
      case OPS.save:
        stack.push(state);
        state = { ...state };
        break;
      case OPS.restore:
        state = stack.pop() ?? state;
        break;
      case OPS.transform:
        state.ctm = multiply(args as number[], state.ctm);
        break;
      case OPS.paintFormXObjectBegin:
        stack.push(state);
        state = { ...state, ctm: args[0] ? multiply(args[0] as number[], state.ctm) : state.ctm };
        break;
      case OPS.paintFormXObjectEnd:
        state = stack.pop() ?? state;
        break;
      case OPS.setFillRGBColor:
        state.fill = String(args[0]);
        break;
      case OPS.setStrokeRGBColor:
        state.stroke = String(args[0]);
        break;
      case OPS.constructPath:
        pathEdges(args, state, toPage, edges);
        break;
    }
  }
  return edges;
}

const IMAGE_OPS = new Set<number>([
  OPS.paintImageXObject,
  OPS.paintInlineImageXObject,
  OPS.paintImageXObjectRepeat,
  OPS.paintImageMaskXObject,
  OPS.paintInlineImageXObjectGroup,
]);

export function countImages(list: OperatorList): number {
  return list.fnArray.reduce((n, fn) => n + (IMAGE_OPS.has(fn) ? 1 : 0), 0);
}
