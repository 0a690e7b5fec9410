import type { PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';

/** Recognition resolution: Tesseract reads body text best with glyphs ~40 px high. */
export const OCR_DPI = 300;

/**
 * Pixels per pt to render a scan of `scanDpi` at: a whole multiple of its own pixels at OCR_DPI or more, since
 * resampling by a fraction (200 → 300 dpi) blurs bilevel strokes into digits the engine doubts.
 */
export function renderScale(scanDpi: number): number {
  if (!(scanDpi > 0)) return OCR_DPI / 72;
  return (scanDpi * Math.max(1, Math.ceil(OCR_DPI / scanDpi - 0.05))) / 72;
}

/**
 * One rendered page as ink: 0 white … 255 black. Ink is the page's darkness in its
 * lightest channel, so a red seal (light in red) drops out and black text under it stays.
 */
export interface Raster {
  width: number;
  height: number;
  /** pixels per pt */
  scale: number;
  ink: Uint8Array;
  /** Gaussian sigma (px) the engine's images are smoothed by: see SMOOTHING */
  blur: number;
  factory: CanvasFactory;
}

/**
 * A bilevel scan rendered at a multiple of its pixels has staircase edges; the
 * engine was trained on smooth glyphs and doubts them (a lone 0 of a 150 dpi scan
 * read at 77–88, smoothed at 88–94). Sigma, in the scan's own pixels.
 */
const SMOOTHING = 0.6;

/** Separable Gaussian over a grey image (0 black … 255 white), in place. */
function smooth(grey: Float32Array, w: number, h: number, sigma: number): void {
  if (sigma <= 0) return;
  const radius = Math.ceil(sigma * 2.5);
  const kernel = Array.from({ length: 2 * radius + 1 }, (_, i) => Math.exp(-((i - radius) ** 2) / (2 * sigma * sigma)));
  const sum = kernel.reduce((a, b) => a + b, 0);
  const k = kernel.map((v) => v / sum);
  const line = new Float32Array(Math.max(w, h));
  const pass = (n: number, count: number, at: (i: number, j: number) => number) => {
    for (let j = 0; j < count; j++) {
      for (let i = 0; i < n; i++) {
        let v = 0;
        for (let d = -radius; d <= radius; d++) v += k[d + radius]! * grey[at(Math.min(n - 1, Math.max(0, i + d)), j)]!;
        line[i] = v;
      }
      for (let i = 0; i < n; i++) grey[at(i, j)] = line[i]!;
    }
  };
  pass(w, h, (x, y) => y * w + x);
  pass(h, w, (y, x) => y * w + x);
}

export interface PixelRect {
  x: number;
  y: number;
  w: number;
  h: number;
}

interface Canvas {
  width: number;
  height: number;
  getContext(kind: '2d'): {
    getImageData(x: number, y: number, w: number, h: number): { data: Uint8ClampedArray };
    putImageData(d: unknown, x: number, y: number): void;
    createImageData(w: number, h: number): { data: Uint8ClampedArray };
  };
  toBuffer(mime: 'image/png'): Buffer;
}

interface Context2D {
  canvas: Canvas;
  getImageData(x: number, y: number, w: number, h: number): { data: Uint8ClampedArray };
  fillStyle: string;
  fillRect(x: number, y: number, w: number, h: number): void;
  translate(x: number, y: number): void;
  rotate(angle: number): void;
  drawImage(image: unknown, x: number, y: number): void;
}

/** The page turned back by `skew` about its centre, on white. */
function upright(factory: CanvasFactory, source: Canvas, skew: number): Context2D {
  const { canvas } = factory.create(source.width, source.height);
  const ctx = canvas.getContext('2d') as unknown as Context2D;
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, source.width, source.height);
  ctx.translate(source.width / 2, source.height / 2);
  ctx.rotate(-skew);
  ctx.translate(-source.width / 2, -source.height / 2);
  ctx.drawImage(source, 0, 0);
  return ctx;
}

interface CanvasFactory {
  create(w: number, h: number): { canvas: Canvas; context: unknown };
  destroy(canvasAndContext: { canvas: Canvas | null; context: unknown }): void;
}

function inkOf(rgba: Uint8ClampedArray, pixels: number): Uint8Array {
  const ink = new Uint8Array(pixels);
  for (let i = 0; i < pixels; i++) {
    const o = i * 4;
    ink[i] = 255 - Math.max(rgba[o]!, rgba[o + 1]!, rgba[o + 2]!);
  }
  return ink;
}

/**
 * Grey PNG of the ink in `rect` with a white margin of `pad` px: what the engine
 * sees has the seal already removed, and the pixels `skip` names (ruling lines, tables) blanked.
 */
export function inkImage(r: Raster, rect: PixelRect, pad: number, skip?: (x: number, y: number) => boolean): Buffer {
  const w = rect.w + 2 * pad;
  const h = rect.h + 2 * pad;
  const { canvas } = r.factory.create(w, h);
  const ctx = canvas.getContext('2d');
  const img = ctx.createImageData(w, h);
  const grey = new Float32Array(w * h).fill(255);
  for (let row = 0; row < rect.h; row++) {
    const y = rect.y + row;
    for (let col = 0; col < rect.w; col++) {
      const x = rect.x + col;
      if (skip?.(x, y)) continue;
      grey[(row + pad) * w + col + pad] = 255 - r.ink[y * r.width + x]!;
    }
  }
  smooth(grey, w, h, r.blur);
  for (let i = 0; i < grey.length; i++) {
    const o = i * 4;
    img.data[o] = img.data[o + 1] = img.data[o + 2] = grey[i]!;
    img.data[o + 3] = 255;
  }
  ctx.putImageData(img, 0, 0);
  return canvas.toBuffer('image/png');
}

/** Ink blobs this small (pt²) are scanner specks; a decimal point at 10.5 pt is about 1.3 pt². */
const SPECK_AREA = 0.8;
const SPECK_INK = 64;

/** Clears specks: connected ink smaller than SPECK_AREA, which OCR would read as dots and commas. */
function despeckle(ink: Uint8Array, width: number, height: number, scale: number): void {
  const max = SPECK_AREA * scale * scale;
  const seen = new Uint8Array(ink.length);
  const stack: number[] = [];
  const blob: number[] = [];
  for (let start = 0; start < ink.length; start++) {
    if (seen[start] || ink[start]! < SPECK_INK) continue;
    seen[start] = 1;
    stack.push(start);
    blob.length = 0;
    while (stack.length) {
      const i = stack.pop()!;
      if (blob.length <= max) blob.push(i);
      const x = i % width;
      const y = (i - x) / width;
      for (let dy = -1; dy <= 1; dy++)
        for (let dx = -1; dx <= 1; dx++) {
          const nx = x + dx;
          const ny = y + dy;
          if (nx < 0 || ny < 0 || nx >= width || ny >= height) continue;
          const j = ny * width + nx;
          if (!seen[j] && ink[j]! >= SPECK_INK) {
            seen[j] = 1;
            stack.push(j);
          }
        }
    }
    if (blob.length <= max) for (const i of blob) ink[i] = 0;
  }
}

/** Scans lean by up to this much (degrees); the search steps by MAX_SKEW / SKEW_STEPS. */
const MAX_SKEW = 1.5;
const SKEW_STEPS = 30;
const SAMPLE = 3;

/**
 * The page's lean in radians, from the projection profile: text lines and rules
 * give the sharpest row histogram when sheared back by the right angle.
 */
export function estimateSkew(ink: Uint8Array, width: number, height: number): number {
  const points: number[] = [];
  // every row (a thin rule may lie in any), every SAMPLE-th column
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x += SAMPLE) if (ink[y * width + x]! >= SPECK_INK) points.push(x, y);
  let best = 0;
  let bestScore = -1;
  const bins = new Float64Array(height + width);
  for (let k = -SKEW_STEPS; k <= SKEW_STEPS; k++) {
    const slope = Math.tan(((k * MAX_SKEW) / SKEW_STEPS) * (Math.PI / 180));
    bins.fill(0);
    for (let i = 0; i < points.length; i += 2) bins[Math.round(points[i + 1]! - points[i]! * slope) + width]! += 1;
    let score = 0;
    for (const b of bins) score += b * b;
    if (score > bestScore) [best, bestScore] = [Math.atan(slope), score];
  }
  return best;
}

/** Page `number` rendered at `scale` px/pt; `scanDpi` is the resolution its image was scanned at. */
export async function renderPage(
  doc: PDFDocumentProxy,
  number: number,
  scale: number,
  scanDpi: number,
): Promise<Raster> {
  const page = await doc.getPage(number);
  const viewport = page.getViewport({ scale });
  const factory = (doc as unknown as { canvasFactory: CanvasFactory }).canvasFactory;
  const width = Math.ceil(viewport.width);
  const height = Math.ceil(viewport.height);
  const { canvas, context } = factory.create(width, height);
  await page.render({ canvas: canvas as never, canvasContext: context as never, viewport }).promise;
  let ink = inkOf(canvas.getContext('2d').getImageData(0, 0, width, height).data, width * height);
  const skew = estimateSkew(ink, width, height);
  // a leaning scan is turned upright first: ruling lines must run along pixel rows to be found
  if (Math.abs(skew) > 0.0005) {
    const turned = upright(factory, canvas, skew);
    ink = inkOf(turned.getImageData(0, 0, width, height).data, width * height);
    factory.destroy({ canvas: turned.canvas, context: turned });
  }
  // a page's pixels live outside the JS heap, where no collection is pressed to free them: freed here, not at
  // the next GC (without this a 3-page 300 dpi scan held every page it had rendered, 1.2 GB)
  factory.destroy({ canvas, context });
  page.cleanup();
  despeckle(ink, width, height, scale);
  const blur = scanDpi > 0 ? (SMOOTHING * scale * 72) / scanDpi : SMOOTHING;
  return { width, height, scale, ink, blur, factory };
}
