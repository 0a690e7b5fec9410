import { XMLSerializer } from '@xmldom/xmldom';
import { strToU8, zipSync } from 'fflate';
import { elementChildren, parseXml, stripDoctype } from './docx-xml.js';

/**
 * Word 2003 XML ("WordprocessingML 2003") rewritten as a DOCX package. Its body
 * vocabulary is the DOCX one under another namespace, apart from lower-case
 * `vmerge`/`hmerge` and `wx:` wrappers around sections. LibreOffice's import
 * of this format drops vertical merges, so it is converted here instead.
 */

const NS_2003 = 'http://schemas.microsoft.com/office/word/2003/wordml';
const NS_AUX = 'http://schemas.microsoft.com/office/word/2003/auxHint';
const NS_OFFICE = 'urn:schemas-microsoft-com:office:office';
const NS_DOCX = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const XML_DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>';

const PACKAGE: Record<string, string> = {
  '[Content_Types].xml': `${XML_DECL}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/></Types>`,
  '_rels/.rels': `${XML_DECL}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`,
  'word/_rels/document.xml.rels': `${XML_DECL}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`,
};

/** Same element names under the DOCX namespace; the two merge elements changed case in 2007. */
function toDocxVocabulary(xml: string): string {
  return stripDoctype(xml)
    .xml.split(NS_2003)
    .join(NS_DOCX)
    .replace(/<(\/?)w:vmerge\b/g, '<$1w:vMerge')
    .replace(/<(\/?)w:hmerge\b/g, '<$1w:hMerge');
}

/** `wx:sect`, `wx:sub-section`, `wx:pBdrGroup` only group paragraphs; their content takes their place. */
function unwrapAuxHints(node: Element): void {
  for (const child of elementChildren(node)) {
    unwrapAuxHints(child);
    if (child.namespaceURI !== NS_AUX) continue;
    for (const grandchild of elementChildren(child)) node.insertBefore(grandchild, child);
    node.removeChild(child);
  }
}

const childNamed = (el: Element | undefined, ns: string, name: string) =>
  el ? elementChildren(el).find((c) => c.namespaceURI === ns && c.localName === name) : undefined;

function coreXml(properties: Element | undefined): string {
  const field = (name: string) => childNamed(properties, NS_OFFICE, name)?.textContent ?? '';
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const date = (tag: string, value: string) =>
    value ? `<${tag} xsi:type="dcterms:W3CDTF">${esc(value)}</${tag}>` : '';
  return `${XML_DECL}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>${esc(field('Title'))}</dc:title>${date('dcterms:created', field('Created'))}${date('dcterms:modified', field('LastSaved'))}</cp:coreProperties>`;
}

/** Word 2003 XML text → DOCX bytes (body, styles, title and dates; lists lose their numbers, pictures are dropped). */
export function word2003ToDocx(xml: string): Uint8Array {
  const doc = parseXml(toDocxVocabulary(xml));
  const root = doc.documentElement!;
  const body = childNamed(root, NS_DOCX, 'body');
  if (!body) throw new Error('Word 2003 XML 中没有 w:body');
  unwrapAuxHints(body);
  const serializer = new XMLSerializer();
  const inner = (el: Element | undefined) =>
    el
      ? elementChildren(el)
          .map((c) => serializer.serializeToString(c))
          .join('')
      : '';
  const parts: Record<string, string> = {
    ...PACKAGE,
    'word/document.xml': `${XML_DECL}<w:document xmlns:w="${NS_DOCX}"><w:body>${inner(body)}</w:body></w:document>`,
    'word/styles.xml': `${XML_DECL}<w:styles xmlns:w="${NS_DOCX}">${inner(childNamed(root, NS_DOCX, 'styles'))}</w:styles>`,
    'docProps/core.xml': coreXml(childNamed(root, NS_OFFICE, 'DocumentProperties')),
  };
  return zipSync(Object.fromEntries(Object.entries(parts).map(([name, text]) => [name, strToU8(text)])), { level: 0 });
}
