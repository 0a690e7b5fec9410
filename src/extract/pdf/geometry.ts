/** Affine matrix [a, b, c, d, e, f] as PDF writes it. */
export type Matrix = [number, number, number, number, number, number];

export const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];

/** `m` applied first, then `n` (PDF's `cm` prepends: CTM' = m × CTM). */
export function multiply(m: ArrayLike<number>, n: ArrayLike<number>): Matrix {
  const [a, b, c, d, e, f] = [m[0]!, m[1]!, m[2]!, m[3]!, m[4]!, m[5]!];
  const [A, B, C, D, E, F] = [n[0]!, n[1]!, n[2]!, n[3]!, n[4]!, n[5]!];
  return [a * A + b * C, a * B + b * D, c * A + d * C, c * B + d * D, e * A + f * C + E, e * B + f * D + F];
}

export function apply(m: Matrix, x: number, y: number): [number, number] {
  return [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];
}

/** Top-down page coordinates (the viewport's): y grows downwards. */
export interface Box {
  x0: number;
  x1: number;
  top: number;
  bottom: number;
}

/** A ruling line: `pos` across it, `a`..`b` along it. */
export interface Edge {
  orient: 'h' | 'v';
  pos: number;
  a: number;
  b: number;
}
