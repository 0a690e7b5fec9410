import { DOMParser } from '@xmldom/xmldom';

/** Transitional and Strict OOXML spell the WordprocessingML namespace differently. */
const W_NAMESPACES = [
  'http://schemas.openxmlformats.org/wordprocessingml/2006/main',
  'http://purl.oclc.org/ooxml/wordprocessingml/main',
];

const DOCTYPE = /<!DOCTYPE[^[>]*(?:\[[\s\S]*?\]\s*)?>/gi;

/**
 * Word parts never carry a DOCTYPE; one that does is hostile or broken. Removing
 * it means no entity (external or internal) can be declared, let alone expanded.
 */
export function stripDoctype(xml: string): { xml: string; stripped: boolean } {
  const out = xml.replace(DOCTYPE, '');
  return { xml: out, stripped: out.length !== xml.length };
}

/** Parses leniently: recoverable errors (an undeclared entity, left as text) go to `onError`; fatal ones throw. */
export function parseXml(xml: string, onError: (message: string) => void = () => undefined): Document {
  let fatal: string | null = null;
  const parser = new DOMParser({
    errorHandler: { warning: () => undefined, error: onError, fatalError: (message: string) => (fatal ??= message) },
  });
  const doc = parser.parseFromString(xml, 'text/xml');
  if (fatal || !doc?.documentElement) throw new Error(`XML 无法解析：${fatal ?? 'no root element'}`);
  return doc;
}

export const elementChildren = (node: Node): Element[] =>
  Array.from(node.childNodes as ArrayLike<Node>).filter((n): n is Element => n.nodeType === 1);
export const isW = (el: Node, name: string) =>
  el.nodeType === 1 && (el as Element).localName === name && W_NAMESPACES.includes((el as Element).namespaceURI ?? '');
export const wChild = (el: Element, name: string) => elementChildren(el).find((c) => isW(c, name));
export const wVal = (el: Element | undefined) =>
  el?.getAttributeNS(el.namespaceURI, 'val') || el?.getAttribute(`${el.prefix}:val`) || null;

/** Every W element with one of `names`, in document order, in one walk (xmldom's live lists re-walk the tree after each change). */
export function collectW(root: Node, names: string[]): Map<string, Element[]> {
  const found = new Map(names.map((n) => [n, [] as Element[]]));
  const walk = (node: Node) => {
    for (const child of elementChildren(node)) {
      const bucket = W_NAMESPACES.includes(child.namespaceURI ?? '') ? found.get(child.localName) : undefined;
      bucket?.push(child);
      walk(child);
    }
  };
  walk(root);
  return found;
}

export function byTag(doc: Document, name: string): Element[] {
  return W_NAMESPACES.flatMap((ns) => Array.from(doc.getElementsByTagNameNS(ns, name) as ArrayLike<Element>));
}

export interface StyleInfo {
  name: string | null;
  basedOn: string | null;
  outline: number | null;
  /** list numbering the style applies (w:numPr in the style's w:pPr) */
  numId: string | null;
  ilvl: string | null;
}

/** Paragraph styles of styles.xml by styleId. */
export function readStyles(stylesXml: string | null): Map<string, StyleInfo> {
  const styles = new Map<string, StyleInfo>();
  if (!stylesXml) return styles;
  for (const style of byTag(parseXml(stripDoctype(stylesXml).xml), 'style')) {
    const id = style.getAttributeNS(style.namespaceURI, 'styleId') || style.getAttribute(`${style.prefix}:styleId`);
    if (!id) continue;
    const pPr = wChild(style, 'pPr');
    const outline = pPr ? wVal(wChild(pPr, 'outlineLvl')) : null;
    const numPr = pPr ? wChild(pPr, 'numPr') : undefined;
    styles.set(id, {
      name: wVal(wChild(style, 'name')),
      basedOn: wVal(wChild(style, 'basedOn')),
      outline: outline === null ? null : Number(outline),
      numId: numPr ? wVal(wChild(numPr, 'numId')) : null,
      ilvl: numPr ? wVal(wChild(numPr, 'ilvl')) : null,
    });
  }
  return styles;
}

/** The style and the styles it is based on, nearest first (cycles cut). */
export function styleChain(styles: Map<string, StyleInfo>, id: string | null): StyleInfo[] {
  const chain: StyleInfo[] = [];
  const seen = new Set<string>();
  for (let current = id; current && !seen.has(current); current = styles.get(current)?.basedOn ?? null) {
    seen.add(current);
    const style = styles.get(current);
    if (!style) break;
    chain.push(style);
  }
  return chain;
}
