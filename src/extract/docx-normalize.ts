import { XMLSerializer } from '@xmldom/xmldom';
import { inlineNumbering } from './docx-numbering.js';
import {
  collectW,
  elementChildren,
  isW,
  parseXml,
  readStyles,
  styleChain,
  wChild,
  wVal,
  type StyleInfo,
} from './docx-xml.js';

/** styleId prefix of the synthetic heading styles; the mammoth style map turns them into h1…h6. */
export const HEADING_STYLE_PREFIX = 'NianbaoHeading';
const MAX_HTML_HEADING = 6;
/** Word's outline level 9 is "body text". */
const BODY_TEXT_OUTLINE = 9;

const HEADING_NAME = /^(?:heading|标题)\s*([1-9])$/i;
const TITLE_NAME = /^(?:title|标题)$/i;

/** styleId → heading level (1…9) for paragraph styles that are headings by name or by outline level. */
export function headingStyles(styles: Map<string, StyleInfo>): Map<string, number> {
  const levels = new Map<string, number>();
  for (const id of styles.keys()) {
    const level = styleLevel(styleChain(styles, id));
    if (level !== null) levels.set(id, level);
  }
  return levels;
}

function styleLevel(chain: StyleInfo[]): number | null {
  for (const style of chain) {
    const named = style.name ? HEADING_NAME.exec(style.name) : null;
    if (named) return Number(named[1]);
    if (style.name && TITLE_NAME.test(style.name)) return 1;
    if (style.outline !== null)
      return style.outline >= 0 && style.outline < BODY_TEXT_OUTLINE ? style.outline + 1 : null;
  }
  return null;
}

/** Gives every heading paragraph (by style name, style outline level or its own outline level) a synthetic style the style map knows. */
function markHeadings(doc: Document, paragraphs: Element[], levels: Map<string, number>): number {
  let marked = 0;
  for (const p of paragraphs) {
    const pPr = wChild(p, 'pPr');
    const styleEl = pPr ? wChild(pPr, 'pStyle') : undefined;
    const own = pPr ? wVal(wChild(pPr, 'outlineLvl')) : null;
    const styleId = wVal(styleEl);
    const level =
      own !== null
        ? Number(own) < BODY_TEXT_OUTLINE
          ? Number(own) + 1
          : null
        : styleId
          ? (levels.get(styleId) ?? null)
          : null;
    if (level === null || !Number.isFinite(level)) continue;
    const id = `${HEADING_STYLE_PREFIX}${Math.min(level, MAX_HTML_HEADING)}`;
    const props = pPr ?? p.insertBefore(doc.createElementNS(p.namespaceURI, `${p.prefix}:pPr`), p.firstChild);
    const style =
      styleEl ?? props.insertBefore(doc.createElementNS(p.namespaceURI, `${p.prefix}:pStyle`), props.firstChild);
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
    const span =
      wChild(ownerPr, 'gridSpan') ??
      ownerPr.appendChild(doc.createElementNS(row.namespaceURI, `${row.prefix}:gridSpan`));
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
  /** paragraphs whose automatic number was written into their text */
  numbered: number;
}

/** Rewrites word/document.xml so that mammoth keeps every merge Word shows and every heading Word outlines. */
export function normalizeDocumentXml(
  documentXml: string,
  stylesXml: string | null,
  numberingXml: string | null = null,
): NormalizeResult {
  let repairs = 0;
  const doc = parseXml(documentXml, () => repairs++);
  const styles = readStyles(stylesXml);
  const found = collectW(doc, ['tbl', 'p']);
  const paragraphs = found.get('p')!;
  let tableFixes = 0;
  for (const tbl of found.get('tbl')!) {
    tableFixes += keepOnly(tbl, ['tblPr', 'tblGrid', 'tr']);
    for (const row of elementChildren(tbl)) {
      if (!isW(row, 'tr')) continue;
      tableFixes += keepOnly(row, ['trPr', 'tblPrEx', 'tc']);
      tableFixes += fillGridGaps(doc, row) + foldHorizontalMerges(doc, row);
    }
  }
  const numbered = inlineNumbering(doc, paragraphs, numberingXml, styles);
  const headings = markHeadings(doc, paragraphs, headingStyles(styles));
  // serialising also writes recovered errors out as well-formed XML, which mammoth's strict parse needs
  const changed = repairs + tableFixes + numbered + headings > 0;
  return { xml: changed ? new XMLSerializer().serializeToString(doc) : documentXml, tableFixes, headings, numbered };
}
