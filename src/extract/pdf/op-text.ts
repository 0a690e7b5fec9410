import { OPS } from './load.js';
import type { OperatorList } from './paths.js';
import type { RawTextItem } from './words.js';

/**
 * The text items getTextContent would give, rebuilt from a page's operator
 * list, so a page that needs the operator list for its ruling lines is not
 * parsed a second time for its text (a quarter of such a page's pdf.js time).
 * This mirrors the item building of pdf.js 5.6 getTextContent (src/core/
 * evaluator.js: buildTextContentItem, compareWithLastPosition, addFakeSpaces,
 * flushTextContentItem, normalizeUnicode) operation for operation, so the
 * numbers come out bit for bit the same. What it does not mirror it refuses
 * (returns null, and the caller asks pdf.js for the text): vertical fonts,
 * Type3 fonts from pdf.js's stock worker (whose setFont lacks the height
 * factor the text-only worker adds), form XObjects, fonts set from a graphics
 * state, image masks (from the operator list alone their Do cannot be told
 * from an inline image), text before any font, right-to-left scripts.
 *
 * The constants and decisions are pdf.js's (Copyright Mozilla Foundation,
 * Apache License 2.0); package.json pins pdfjs-dist to the version mirrored,
 * and test/extract/pdf-op-text.test.ts compares every corpus page with
 * getTextContent, so an upgrade that changes them fails there first.
 */

interface Glyph {
  originalCharCode: number;
  unicode: string;
  width: number;
}

export interface FontInfo {
  name?: string;
  fontMatrix?: number[];
  vertical?: boolean;
  isType3Font?: boolean;
}

type Matrix = ArrayLike<number>;

const IDENTITY = [1, 0, 0, 1, 0, 0];
/** Never written: each transform makes a new matrix. */
const INITIAL_CTM = new Float32Array(IDENTITY);
const FONT_IDENTITY = [0.001, 0, 0, 0.001, 0, 0];
const TRACKING_SPACE_FACTOR = 0.102;
const NOT_A_SPACE_FACTOR = 0.03;
const NEGATIVE_SPACE_FACTOR = -0.2;
const SPACE_IN_FLOW_MIN_FACTOR = 0.102;
const SPACE_IN_FLOW_MAX_FACTOR = 0.6;
const VERTICAL_SHIFT_RATIO = 0.25;
const SPECIAL_CHAR = /^(\s)|(\p{Mn})|(\p{Cf})$/u;
const NORMALIZE =
  /([\u00a0\u00b5\u037e\u0eb3\u2000-\u200a\u202f\u2126\ufb00-\ufb04\ufb06\ufb20-\ufb36\ufb38-\ufb3c\ufb3e\ufb40-\ufb41\ufb43-\ufb44\ufb46-\ufba1\ufba4-\ufba9\ufbae-\ufbb1\ufbd3-\ufbdc\ufbde-\ufbe7\ufbea-\ufbf8\ufbfc-\ufbfd\ufc00-\ufc5d\ufc64-\ufcf1\ufcf5-\ufd3d\ufd88\ufdf4\ufdfa-\ufdfb\ufe71\ufe77\ufe79\ufe7b\ufe7d]+)|(\ufb05+)/gu;
/** Strong right-to-left characters: pdf.js reorders such text (bidi), which is not mirrored here. */
const RTL = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]/;
/** Operations after which the text cannot be rebuilt here. */
const REFUSED = new Set<number>([
  OPS.paintFormXObjectBegin,
  OPS.paintImageMaskXObject,
  OPS.paintImageMaskXObjectGroup,
  OPS.paintImageMaskXObjectRepeat,
  OPS.paintSolidColorImageMask,
]);
/** Operations before which getTextContent ends the current item. */
const FLUSHES = new Set<number>([
  OPS.paintImageXObject,
  OPS.paintImageXObjectRepeat,
  OPS.beginMarkedContent,
  OPS.beginMarkedContentProps,
  OPS.endMarkedContent,
]);

function transform(m1: Matrix, m2: Matrix): number[] {
  return [
    m1[0]! * m2[0]! + m1[2]! * m2[1]!,
    m1[1]! * m2[0]! + m1[3]! * m2[1]!,
    m1[0]! * m2[2]! + m1[2]! * m2[3]!,
    m1[1]! * m2[2]! + m1[3]! * m2[3]!,
    m1[0]! * m2[4]! + m1[2]! * m2[5]! + m1[4]!,
    m1[1]! * m2[4]! + m1[3]! * m2[5]! + m1[5]!,
  ];
}

function normalizeUnicode(str: string): string {
  // pdf.js maps a run of U+FB05 through a one-entry map: a run of two gives "undefined"; so does this
  return str.replaceAll(NORMALIZE, (_, p1: string | undefined, p2: string) =>
    p1 ? p1.normalize('NFKC') : String(p2 === '\ufb05' ? 'ſt' : undefined),
  );
}

class TextState {
  ctm: Matrix = INITIAL_CTM;
  fontName: string | null = null;
  fontSize = 0;
  font: FontInfo | null = null;
  fontMatrix: number[] = FONT_IDENTITY;
  /** A Type3 font's text height factor, which the text-only worker puts on its setFont (text-worker.ts). */
  heightScale = 1;
  textMatrix = IDENTITY.slice();
  textLineMatrix = IDENTITY.slice();
  charSpacing = 0;
  wordSpacing = 0;
  leading = 0;
  textHScale = 1;
  textRise = 0;

  translateTextMatrix(x: number, y: number) {
    const m = this.textMatrix;
    m[4] = m[0]! * x + m[2]! * y + m[4]!;
    m[5] = m[1]! * x + m[3]! * y + m[5]!;
  }
  translateTextLineMatrix(x: number, y: number) {
    const m = this.textLineMatrix;
    m[4] = m[0]! * x + m[2]! * y + m[4]!;
    m[5] = m[1]! * x + m[3]! * y + m[5]!;
  }
  carriageReturn() {
    this.translateTextLineMatrix(0, -this.leading);
    this.textMatrix = this.textLineMatrix.slice();
  }
  /** pdf.js clones with Object.create(this), a prototype chain as deep as the saves: the same fields, copied. */
  clone(): TextState {
    const clone = new TextState();
    clone.ctm = this.ctm;
    clone.fontName = this.fontName;
    clone.fontSize = this.fontSize;
    clone.font = this.font;
    clone.fontMatrix = this.fontMatrix;
    clone.heightScale = this.heightScale;
    clone.textMatrix = this.textMatrix.slice();
    clone.textLineMatrix = this.textLineMatrix.slice();
    clone.charSpacing = this.charSpacing;
    clone.wordSpacing = this.wordSpacing;
    clone.leading = this.leading;
    clone.textHScale = this.textHScale;
    clone.textRise = this.textRise;
    return clone;
  }
}

class Refused extends Error {}

/** Rebuilds getTextContent's items from `ops`; null where it cannot (see above). */
export function textFromOperatorList(
  ops: OperatorList,
  fontOf: (loadedName: string) => FontInfo | null,
  viewBox: number[],
): RawTextItem[] | null {
  try {
    return new Builder(fontOf, viewBox).run(ops);
  } catch (error) {
    if (error instanceof Refused) return null;
    throw error;
  }
}

class Builder {
  private items: RawTextItem[] = [];
  private stack: TextState[] = [];
  private state = new TextState();
  private current: TextState | null = null;
  private item = {
    initialized: false,
    str: [] as string[],
    totalWidth: 0,
    width: 0,
    height: 0,
    prevTransform: null as number[] | null,
    prevTextRise: 0,
    textAdvanceScale: 0,
    spaceInFlowMin: 0,
    spaceInFlowMax: 0,
    trackingSpaceMin: Infinity,
    negativeSpaceMax: -Infinity,
    notASpace: -Infinity,
    transform: null as number[] | null,
    fontName: '',
  };
  private lastChars = [' ', ' '];
  private lastCharsPos = 0;

  constructor(
    private fontOf: (loadedName: string) => FontInfo | null,
    private viewBox: number[],
  ) {}

  run(ops: OperatorList): RawTextItem[] {
    const { fnArray, argsArray } = ops;
    for (let i = 0; i < fnArray.length; i++) {
      const fn = fnArray[i]!;
      const args = argsArray[i] as unknown[];
      if (fn === OPS.save) {
        this.stack.push(this.state);
        this.state = this.state.clone();
      } else if (fn === OPS.restore) {
        this.state = this.stack.pop() ?? this.state;
      } else if (fn === OPS.transform) {
        this.state.ctm = transform(this.state.ctm, args as number[]);
      }
      this.current ??= this.state.clone();
      this.operation(fn, args);
    }
    this.flush();
    return this.items;
  }

  private operation(fn: number, args: unknown[]): void {
    const ts = this.state;
    if (REFUSED.has(fn)) throw new Refused();
    if (FLUSHES.has(fn)) {
      this.flush();
      return;
    }
    switch (fn) {
      case OPS.setFont: {
        const [name, size, type3Height] = args as [string, number, number?];
        if (ts.font && name === ts.fontName && size === ts.fontSize) return;
        const font = this.fontOf(name);
        if (!font || font.vertical || (font.isType3Font && type3Height === undefined)) throw new Refused();
        ts.fontName = name;
        ts.fontSize = size;
        ts.font = font;
        ts.fontMatrix = font.fontMatrix || FONT_IDENTITY;
        ts.heightScale = type3Height ?? 1;
        return;
      }
      case OPS.setTextRise:
        ts.textRise = args[0] as number;
        return;
      case OPS.setHScale:
        ts.textHScale = (args[0] as number) / 100;
        return;
      case OPS.setLeading:
        ts.leading = args[0] as number;
        return;
      case OPS.moveText:
        ts.translateTextLineMatrix(args[0] as number, args[1] as number);
        ts.textMatrix = ts.textLineMatrix.slice();
        return;
      case OPS.setLeadingMoveText:
        ts.leading = -(args[1] as number);
        ts.translateTextLineMatrix(args[0] as number, args[1] as number);
        ts.textMatrix = ts.textLineMatrix.slice();
        return;
      case OPS.nextLine:
        ts.carriageReturn();
        return;
      case OPS.setTextMatrix: {
        // the operator list carries Tm as a Float32Array: the one place its numbers are not the content stream's
        const m = args[0] as ArrayLike<number>;
        ts.textMatrix = [m[0]!, m[1]!, m[2]!, m[3]!, m[4]!, m[5]!];
        ts.textLineMatrix = [m[0]!, m[1]!, m[2]!, m[3]!, m[4]!, m[5]!];
        this.updateAdvanceScale();
        return;
      }
      case OPS.setCharSpacing:
        ts.charSpacing = args[0] as number;
        return;
      case OPS.setWordSpacing:
        ts.wordSpacing = args[0] as number;
        return;
      case OPS.beginText:
        ts.textMatrix = IDENTITY.slice();
        ts.textLineMatrix = IDENTITY.slice();
        return;
      case OPS.setGState:
        if ((args[0] as [string, unknown][]).some(([key]) => key === 'Font')) throw new Refused();
        return;
      case OPS.showText:
        this.showText(args[0] as (Glyph | number | null)[]);
        return;
    }
  }

  /** A showText holds a Tj's glyphs, or a TJ's with its adjustments between them. */
  private showText(elements: (Glyph | number | null)[]): void {
    const ts = this.state;
    if (!ts.font) throw new Refused();
    const spaceFactor = (-1 * ts.fontSize) / 1000;
    let run: Glyph[] = [];
    let adjusted = false;
    for (const element of elements) {
      if (typeof element === 'number') {
        if (element === 0) continue;
        this.build(run, element * spaceFactor);
        run = [];
        adjusted = true;
      } else if (element) run.push(element);
    }
    if (run.length > 0 || !adjusted) this.build(run, 0);
  }

  private saveLastChar(char: string): boolean {
    const nextPos = (this.lastCharsPos + 1) % 2;
    const ret = this.lastChars[this.lastCharsPos] !== ' ' && this.lastChars[nextPos] === ' ';
    this.lastChars[this.lastCharsPos] = char;
    this.lastCharsPos = nextPos;
    return ret;
  }

  private shouldAddWhitespace(): boolean {
    return this.lastChars[this.lastCharsPos] !== ' ' && this.lastChars[(this.lastCharsPos + 1) % 2] === ' ';
  }

  private resetLastChars(): void {
    this.lastChars[0] = this.lastChars[1] = ' ';
    this.lastCharsPos = 0;
  }

  private textTransform(): number[] {
    const ts = this.state;
    const tsm = [ts.fontSize * ts.textHScale, 0, 0, ts.fontSize * ts.heightScale, 0, ts.textRise];
    return transform(ts.ctm, transform(ts.textMatrix, tsm));
  }

  private ensureItem() {
    const item = this.item;
    if (item.initialized) return item;
    const ts = this.state;
    item.fontName = ts.fontName!;
    const trm = (item.transform = this.textTransform());
    item.width = item.totalWidth = 0;
    item.height = Math.hypot(trm[2]!, trm[3]!);
    const scaleLineX = Math.hypot(ts.textLineMatrix[0]!, ts.textLineMatrix[1]!);
    const scaleCtmX = Math.hypot(ts.ctm[0]!, ts.ctm[1]!);
    item.textAdvanceScale = scaleCtmX * scaleLineX;
    const { fontSize } = ts;
    item.trackingSpaceMin = fontSize * TRACKING_SPACE_FACTOR;
    item.notASpace = fontSize * NOT_A_SPACE_FACTOR;
    item.negativeSpaceMax = fontSize * NEGATIVE_SPACE_FACTOR;
    item.spaceInFlowMin = fontSize * SPACE_IN_FLOW_MIN_FACTOR;
    item.spaceInFlowMax = fontSize * SPACE_IN_FLOW_MAX_FACTOR;
    item.initialized = true;
    return item;
  }

  private updateAdvanceScale(): void {
    const item = this.item;
    if (!item.initialized) return;
    const ts = this.state;
    const scaleLineX = Math.hypot(ts.textLineMatrix[0]!, ts.textLineMatrix[1]!);
    const scaleCtmX = Math.hypot(ts.ctm[0]!, ts.ctm[1]!);
    const scaleFactor = scaleCtmX * scaleLineX;
    if (scaleFactor === item.textAdvanceScale) return;
    item.totalWidth += item.width * item.textAdvanceScale;
    item.width = 0;
    item.textAdvanceScale = scaleFactor;
  }

  private pushWhitespace(width: number, transform = this.item.prevTransform, fontName = this.item.fontName): void {
    this.items.push({ str: ' ', width, transform: transform!, fontName });
  }

  private appendEOL(): void {
    this.resetLastChars();
    if (this.item.initialized) this.flush();
    else this.items.push({ str: '', width: 0, transform: this.textTransform(), fontName: this.state.fontName! });
  }

  private addFakeSpaces(width: number, transf: number[] | null, orientation: number): boolean {
    const item = this.item;
    if (orientation * item.spaceInFlowMin <= width && width <= orientation * item.spaceInFlowMax) {
      if (item.initialized) {
        this.resetLastChars();
        item.str.push(' ');
      }
      return false;
    }
    const fontName = item.fontName;
    this.flush();
    this.resetLastChars();
    this.pushWhitespace(Math.abs(width), transf || this.textTransform(), fontName);
    return true;
  }

  private flush(): void {
    const item = this.item;
    if (!item.initialized) return;
    item.totalWidth += item.width * item.textAdvanceScale;
    const str = normalizeUnicode(item.str.join(''));
    if (RTL.test(str)) throw new Refused();
    this.items.push({ str, width: Math.abs(item.totalWidth), transform: item.transform!, fontName: item.fontName });
    item.initialized = false;
    item.str.length = 0;
  }

  private compareWithLastPosition(glyphWidth: number): boolean {
    const ts = this.state;
    const item = this.item;
    const currentTransform = this.textTransform();
    let posX = currentTransform[4]!;
    let posY = currentTransform[5]!;
    const [x0, y0, x1, y1] = this.viewBox as [number, number, number, number];
    if (posX + glyphWidth < x0 || posX > x1 || posY < y0 || posY > y1) return false;
    if (!item.prevTransform) return true;
    let lastPosX = item.prevTransform[4]!;
    let lastPosY = item.prevTransform[5]!;
    if (lastPosX === posX && lastPosY === posY) return true;
    let rotate = -1;
    if (currentTransform[0] && currentTransform[1] === 0 && currentTransform[2] === 0)
      rotate = currentTransform[0] > 0 ? 0 : 180;
    else if (currentTransform[1] && currentTransform[0] === 0 && currentTransform[3] === 0)
      rotate = currentTransform[1] > 0 ? 90 : 270;
    switch (rotate) {
      case 0:
        break;
      case 90:
        [posX, posY] = [posY, posX];
        [lastPosX, lastPosY] = [lastPosY, lastPosX];
        break;
      case 180:
        [posX, posY, lastPosX, lastPosY] = [-posX, -posY, -lastPosX, -lastPosY];
        break;
      case 270:
        [posX, posY] = [-posY, -posX];
        [lastPosX, lastPosY] = [-lastPosY, -lastPosX];
        break;
      default:
        [posX, posY] = inverseRotation(posX, posY, currentTransform);
        [lastPosX, lastPosY] = inverseRotation(lastPosX, lastPosY, item.prevTransform);
    }
    const advanceX = (posX - lastPosX) / item.textAdvanceScale;
    const advanceY = posY - lastPosY;
    const orientation = Math.sign(item.width || item.totalWidth);
    if (advanceX < orientation * item.negativeSpaceMax) {
      if (Math.abs(advanceY) > 0.5 * item.height) {
        this.appendEOL();
        return true;
      }
      this.resetLastChars();
      this.flush();
      return true;
    }
    const textRiseDelta = ts.textRise - item.prevTextRise;
    const advanceYCorrected =
      textRiseDelta === 0 ? advanceY : advanceY - (currentTransform[3]! / ts.fontSize) * textRiseDelta;
    if (Math.abs(advanceYCorrected) > item.height) {
      this.appendEOL();
      return true;
    }
    if (advanceX <= orientation * item.notASpace) this.resetLastChars();
    if (advanceX <= orientation * item.trackingSpaceMin) {
      if (this.shouldAddWhitespace()) {
        this.resetLastChars();
        this.flush();
        this.pushWhitespace(Math.abs(advanceX));
      } else item.width += advanceX;
    } else if (!this.addFakeSpaces(advanceX, item.prevTransform, orientation)) {
      if (item.str.length === 0) {
        this.resetLastChars();
        this.pushWhitespace(Math.abs(advanceX));
      } else item.width += advanceX;
    }
    if (Math.abs(advanceY) > item.height * VERTICAL_SHIFT_RATIO) this.flush();
    return true;
  }

  private build(glyphs: Glyph[], extraSpacing: number): void {
    const ts = this.state;
    const cur = this.current!;
    if (
      cur !== ts &&
      (cur.fontSize !== ts.fontSize ||
        (cur.fontName !== ts.fontName &&
          (cur.font?.name !== ts.font!.name || cur.font?.vertical !== ts.font!.vertical)))
    ) {
      this.flush();
      this.current = ts.clone();
    }
    const baseCharSpacing = ts.charSpacing;
    if (glyphs.length === 0) {
      const charSpacing = baseCharSpacing + extraSpacing;
      if (charSpacing) ts.translateTextMatrix(charSpacing * ts.textHScale, 0);
      return;
    }
    const scale = ts.fontMatrix[0]! * ts.fontSize;
    for (let i = 0, ii = glyphs.length; i < ii; i++) {
      const glyph = glyphs[i]!;
      const category = categoryOf(glyph.unicode);
      if (category?.[3]) continue;
      let charSpacing = baseCharSpacing + (i + 1 === ii ? extraSpacing : 0);
      let scaledDim = glyph.width * scale;
      if (glyph.originalCharCode === 0x20) charSpacing += ts.wordSpacing;
      if (category?.[1]) {
        charSpacing += scaledDim;
        ts.translateTextMatrix(charSpacing * ts.textHScale, 0);
        this.saveLastChar(' ');
        continue;
      }
      const diacritic = !!category?.[2];
      if (!diacritic && !this.compareWithLastPosition(scaledDim)) {
        ts.translateTextMatrix(scaledDim * ts.textHScale, 0);
        continue;
      }
      const chunk = this.ensureItem();
      if (diacritic) scaledDim = 0;
      scaledDim *= ts.textHScale;
      ts.translateTextMatrix(scaledDim, 0);
      chunk.width += scaledDim;
      if (scaledDim) {
        chunk.prevTransform = this.textTransform();
        chunk.prevTextRise = ts.textRise;
      }
      if (this.saveLastChar(glyph.unicode)) chunk.str.push(' ');
      chunk.str.push(glyph.unicode);
      if (charSpacing) ts.translateTextMatrix(charSpacing * ts.textHScale, 0);
    }
  }
}

const categories = new Map<string, RegExpExecArray | null>();

function categoryOf(char: string): RegExpExecArray | null {
  let category = categories.get(char);
  if (category === undefined) categories.set(char, (category = SPECIAL_CHAR.exec(char)));
  return category;
}

function inverseRotation(x: number, y: number, matrix: number[]): [number, number] {
  const scale = Math.hypot(matrix[0]!, matrix[1]!);
  return [(matrix[0]! * x + matrix[1]! * y) / scale, (matrix[2]! * x + matrix[3]! * y) / scale];
}

/** The fonts an operator list sets (pdf.js sends each to the document's common objects with it). */
export function fontsSet(ops: OperatorList): string[] {
  const fonts: string[] = [];
  for (let i = 0; i < ops.fnArray.length; i++) {
    const fn = ops.fnArray[i];
    const args = ops.argsArray[i] as unknown[];
    if (fn === OPS.setFont) fonts.push(args[0] as string);
    else if (fn === OPS.setGState)
      for (const [key, value] of args[0] as [string, unknown][]) if (key === 'Font') fonts.push((value as [string])[0]);
  }
  return fonts;
}
