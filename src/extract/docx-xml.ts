import { DOMParser, XMLSerializer } from '@xmldom/xmldom';

/** Transitional and Strict OOXML spell the WordprocessingML namespace differently. */
const W_NAMESPACES = ['http://schemas.openxmlformats.org/wordprocessingml/2006/main', 'http://purl.oclc.org/ooxml/wordprocessingml/main'];

/** styleId prefix of the synthetic heading styles; the mammoth style map turns them into h1…h6. */
export const HEADING_STYLE_PREFIX = 'NianbaoHeading';
const MAX_HTML_HEADING = 6;
/** Word's outline level 9 is "body text". */
const BODY_TEXT_OUTLINE = 9;

const HEADING_NAME = /^(?:heading|标题)\s*([1-9])$/i;
const TITLE_NAME = /^(?:title|标题)$/i;
const DOCTYPE = /<!DOCTYPE[^[>]*(?:\[[\s\S]*?\]\s*)?>/gi;

/**
 * Word parts never carry a DOCTYPE; one that does is hostile or broken. Removing
 * it means no entity (external or internal) can be declared, let alone expanded.
 */
export function stripDoctype(xml: string): { xml: string; stripped: boolean } {
  const out = xml.replace(DOCTYPE, '');
  return { xml: out, stripped: out.length !== xml.length };
}

function parseXml(xml: string): Document {
  let fatal: string | null = null;
  const parser = new DOMParser({
    errorHandler: { warning: () => undefined, error: () => undefined, fatalError: (message: string) => (fatal ??= message) },
  });
  const doc = parser.parseFromString(xml, 'text/xml');
  if (fatal || !doc?.documentElement) throw new Error(`XML 无法解析：${fatal ?? 'no root element'}`);
  return doc;
}

const elementChildren = (node: Node): Element[] => Array.from(node.childNodes as ArrayLike<Node>).filter((n): n is Element => n.nodeType === 1);
const isW = (el: Node, name: string) => el.nodeType === 1 && (el as Element).localName === name && W_NAMESPACES.includes((el as Element).namespaceURI ?? '');
const wChild = (el: Element, name: string) => elementChildren(el).find((c) => isW(c, name));
const wVal = (el: Element | undefined) => el?.getAttributeNS(el.namespaceURI, 'val') || el?.getAttribute(`${el.prefix}:val`) || null;

function byTag(doc: Document, name: string): Element[] {
  return W_NAMESPACES.flatMap((ns) => Array.from(doc.getElementsByTagNameNS(ns, name) as ArrayLike<Element>));
}

interface StyleInfo {
  name: string | null;
  basedOn: string | null;
  outline: number | null;
}

/** styleId → heading level (1…9) for paragraph styles that are headings by name or by outline level. */
export function headingStyles(stylesXml: string | null): Map<string, number> {
  const styles = new Map<string, StyleInfo>();
  if (stylesXml) {
    for (const style of byTag(parseXml(stripDoctype(stylesXml).xml), 'style')) {
      const id = style.getAttributeNS(style.namespaceURI, 'styleId') || style.getAttribute(`${style.prefix}:styleId`);
      if (!id) continue;
      const pPr = wChild(style, 'pPr');
      const outline = pPr ? wVal(wChild(pPr, 'outlineLvl')) : null;
      styles.set(id, { name: wVal(wChild(style, 'name')), basedOn: wVal(wChild(style, 'basedOn')), outline: outline === null ? null : Number(outline) });
    }
  }
  const levels = new Map<string, number>();
  for (const id of styles.keys()) {
    const level = styleLevel(styles, id);
    if (level !== null) levels.set(id, level);
  }
  return levels;
}

function styleLevel(styles: Map<string, StyleInfo>, id: string): number | null {
  const seen = new Set<string>();
  for (let current: string | null = id; current && !seen.has(current); current = styles.get(current)?.basedOn ?? null) {
    seen.add(current);
    const style = styles.get(current);
    if (!style) return null;
    const named = style.name ? HEADING_NAME.exec(style.name) : null;
    if (named) return Number(named[1]);
    if (style.name && TITLE_NAME.test(style.name)) return 1;
    if (style.outline !== null) return style.outline >= 0 && style.outline < BODY_TEXT_OUTLINE ? style.outline + 1 : null;
  }
  return null;
}

/** Gives every heading paragraph (by style name, style outline level or its own outline level) a synthetic style the style map knows. */
function markHeadings(doc: Document, levels: Map<string, number>): number {
  let marked = 0;
  for (const p of byTag(doc, 'p')) {
    const pPr = wChild(p, 'pPr');
    const styleEl = pPr ? wChild(pPr, 'pStyle') : undefined;
    const own = pPr ? wVal(wChild(pPr, 'outlineLvl')) : null;
    const styleId = wVal(styleEl);
    const level = own !== null ? (Number(own) < BODY_TEXT_OUTLINE ? Number(own) + 1 : null) : styleId ? (levels.get(styleId) ?? null) : null;
    if (level === null || !Number.isFinite(level)) continue;
    const id = `${HEADING_STYLE_PREFIX}${Math.min(level, MAX_HTML_HEADING)}`;
    const props = pPr ?? p.insertBefore(doc.createElementNS(p.namespaceURI, `${p.prefix}:pPr`), p.firstChild);
    const style = styleEl ?? props.insertBefore(doc.createElementNS(p.namespaceURI, `${p.prefix}:pStyle`), props.firstChild);
    style.setAttributeNS(p.namespaceURI, `${p.prefix}:val`, id);
    marked++;
  }
  return marked;
}

/** Content controls and custom XML may wrap rows or cells; their content belongs to the table. */
function unwrap(el: Element): void {
  const content = isW(el, 'sdt') ? wChild(el, 'sdtContent') : el;
  for (const child of content ? elementChildren(content) : []) el.parentNode!.insertBefore(child, el);
  el.parentNode!.removeChild(el);
}

/**
 * Keeps only the elements mammoth's row-span count expects (rows in a table,
 * cells in a row). Anything else there — typically Word's `_Hlk` bookmarks left
 * between rows by copy and paste — makes mammoth drop every vMerge of the table.
 */
function keepOnly(parent: Element, allowed: string[]): number {
  let changed = 0;
  for (let again = true; again; ) {
    again = false;
    for (const child of elementChildren(parent)) {
      if (allowed.some((name) => isW(child, name))) continue;
      if (isW(child, 'sdt') || isW(child, 'customXml')) {
        unwrap(child);
        again = true;
      } else parent.removeChild(child);
      changed++;
    }
  }
  return changed;
}

function emptyCell(doc: Document, row: Element, span: number): Element {
  const ns = row.namespaceURI;
  const p = row.prefix;
  const tc = doc.createElementNS(ns, `${p}:tc`);
  const tcPr = tc.appendChild(doc.createElementNS(ns, `${p}:tcPr`));
  tcPr.appendChild(doc.createElementNS(ns, `${p}:gridSpan`)).setAttributeNS(ns, `${p}:val`, String(span));
  tc.appendChild(doc.createElementNS(ns, `${p}:p`));
  return tc;
}

/** Rows that start or end off the grid (`w:gridBefore`/`w:gridAfter`) get empty cells there, so later columns line up. */
function fillGridGaps(doc: Document, row: Element): number {
  const trPr = wChild(row, 'trPr');
  const before = Number(trPr ? wVal(wChild(trPr, 'gridBefore')) : 0) || 0;
  const after = Number(trPr ? wVal(wChild(trPr, 'gridAfter')) : 0) || 0;
  if (before > 0) {
    const firstCell = elementChildren(row).find((c) => isW(c, 'tc')) ?? null;
    row.insertBefore(emptyCell(doc, row, before), firstCell);
  }
  if (after > 0) row.appendChild(emptyCell(doc, row, after));
  return (before > 0 ? 1 : 0) + (after > 0 ? 1 : 0);
}

const cellSpan = (tc: Element) => Number(wVal(wChild(wChild(tc, 'tcPr') ?? tc, 'gridSpan'))) || 1;

/** Legacy horizontal merges (`w:hMerge`) become one cell with a `w:gridSpan`, which mammoth reads. */
function foldHorizontalMerges(doc: Document, row: Element): number {
  let folded = 0;
  let owner: Element | null = null;
  for (const tc of elementChildren(row).filter((c) => isW(c, 'tc'))) {
    const tcPr = wChild(tc, 'tcPr');
    const hMerge = tcPr ? wChild(tcPr, 'hMerge') : undefined;
    if (!hMerge) {
      owner = null;
      continue;
    }
    if (wVal(hMerge) === 'restart' || !owner) {
      owner = tc;
      continue;
    }
    const ownerPr = wChild(owner, 'tcPr')!;
    const span = wChild(ownerPr, 'gridSpan') ?? ownerPr.appendChild(doc.createElementNS(row.namespaceURI, `${row.prefix}:gridSpan`));
    span.setAttributeNS(row.namespaceURI, `${row.prefix}:val`, String(cellSpan(owner) + cellSpan(tc)));
    row.removeChild(tc);
    folded++;
  }
  return folded;
}

export interface NormalizeResult {
  xml: string;
  tableFixes: number;
  headings: number;
}

/** Rewrites word/document.xml so that mammoth keeps every merge Word shows and every heading Word outlines. */
export function normalizeDocumentXml(documentXml: string, stylesXml: string | null): NormalizeResult {
  const doc = parseXml(documentXml);
  let tableFixes = 0;
  for (const tbl of byTag(doc, 'tbl')) {
    tableFixes += keepOnly(tbl, ['tblPr', 'tblGrid', 'tr']);
    for (const row of elementChildren(tbl)) {
      if (!isW(row, 'tr')) continue;
      tableFixes += keepOnly(row, ['trPr', 'tblPrEx', 'tc']);
      tableFixes += fillGridGaps(doc, row) + foldHorizontalMerges(doc, row);
    }
  }
  const headings = markHeadings(doc, headingStyles(stylesXml));
  return { xml: new XMLSerializer().serializeToString(doc), tableFixes, headings };
}
