import { strFromU8, strToU8, zipSync, type Zippable } from 'fflate';
import iconv from 'iconv-lite';
import mammoth from 'mammoth';
import { UnreadableDocument, type Block, type Diagnostic, type DocumentIR } from '../model/ir.js';
import { HEADING_STYLE_PREFIX, normalizeDocumentXml } from './docx-normalize.js';
import { stripDoctype } from './docx-xml.js';
import { htmlToDocument } from './html.js';
import type { ExtractOptions } from './options.js';
import { convertToDocx } from './soffice.js';
import { cleanText } from './text-normalize.js';
import { word2003ToDocx } from './word2003.js';
import { listZip, readZip, type ZipEntry } from './zip.js';

const WORD_MAIN_TYPES =
  /wordprocessingml\.document\.main\+xml|ms-word\.(document|template)\.macroEnabled\.main\+xml|wordprocessingml\.template\.main\+xml/;
const ODT_MIME = 'application/vnd.oasis.opendocument.text';
/** Parts mammoth reads; media and embedded objects stay compressed and unread. */
const XML_PART = /\.(xml|rels)$/i;
/** An XML part is parsed into a DOM twice (here and by mammoth), at many times its size: a report's document.xml is a few MB at most. */
const MAX_XML_PART_BYTES = 48 * 1024 * 1024;

const STYLE_MAP = Array.from({ length: 6 }, (_, i) => `p.${HEADING_STYLE_PREFIX}${i + 1} => h${i + 1}:fresh`);

/** Part headings written as plain paragraphs: 「一、总体情况」, 「（三）不予公开情况」. */
const TEXT_HEADING = /^(?:[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十]{1,3}[）)])[^。；;，,]{1,36}$/;

/** China's reports are dated in Beijing time; core.xml stores UTC. */
const BEIJING_OFFSET_MS = 8 * 3600 * 1000;
const EARLIEST_YEAR = 1990;

function isDocx(files: Map<string, Uint8Array>): boolean {
  const types = files.get('[Content_Types].xml');
  return types ? WORD_MAIN_TYPES.test(strFromU8(types)) : files.has('word/document.xml');
}

function xmlText(raw: string): string {
  return raw.replace(/<[^>]*>/g, '').replace(/&(lt|gt|quot|apos|amp|#\d+|#x[0-9a-f]+);/gi, (_, e: string) => {
    const named: Record<string, string> = { lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' };
    if (named[e.toLowerCase()]) return named[e.toLowerCase()]!;
    const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
    return code <= 0x10ffff ? String.fromCodePoint(code) : '';
  });
}

function coreField(core: string, tag: string): string | null {
  const m = new RegExp(`<${tag}(?:\\s[^>]*)?>([\\s\\S]*?)</${tag}>`).exec(core);
  return m ? cleanText(xmlText(m[1]!)) || null : null;
}

function beijingDate(w3cdtf: string | null): string | null {
  const time = w3cdtf ? Date.parse(w3cdtf) : NaN;
  if (!Number.isFinite(time)) return null;
  const date = new Date(time + BEIJING_OFFSET_MS).toISOString().slice(0, 10);
  return Number(date.slice(0, 4)) >= EARLIEST_YEAR ? date : null;
}

/**
 * Title and creation date from docProps/core.xml. Neither core.xml date says
 * when the report was published (a file is saved, copied and re-saved at any
 * time), so `published` stays null and the date goes to `created`.
 */
function readCore(files: Map<string, Uint8Array>): { title: string | null; created: string | null } {
  const raw = files.get('docProps/core.xml');
  if (!raw) return { title: null, created: null };
  const core = stripDoctype(strFromU8(raw)).xml;
  return { title: coreField(core, 'dc:title'), created: beijingDate(coreField(core, 'dcterms:created')) };
}

function mediaParts(entries: ZipEntry[]): string[] {
  return entries.filter((e) => !XML_PART.test(e.name)).map((e) => e.name);
}

/** The main document part as _rels/.rels names it (some generators write word/document2.xml). */
function mainPart(files: Map<string, Uint8Array>): string | null {
  const rels = files.get('_rels/.rels');
  const target =
    rels &&
    /<Relationship\b[^>]*Type="[^"]*\/officeDocument"[^>]*>/.exec(strFromU8(rels))?.[0].match(/Target="([^"]+)"/)?.[1];
  const name = target?.replace(/^\//, '') ?? 'word/document.xml';
  return files.has(name) ? name : null;
}

function normalizeOrUnreadable(
  ...xml: Parameters<typeof normalizeDocumentXml>
): ReturnType<typeof normalizeDocumentXml> {
  try {
    return normalizeDocumentXml(...xml);
  } catch (error) {
    throw new UnreadableDocument(
      `DOCX 内容无法解析（${error instanceof Error ? error.message : String(error)}）`,
      'corrupt',
    );
  }
}

/** The XML parts with DOCTYPEs removed and the main document normalised, zipped again (stored) for mammoth. */
function prepareParts(files: Map<string, Uint8Array>, diagnostics: Diagnostic[]): Uint8Array {
  const parts: Zippable = {};
  let doctypes = 0;
  for (const [name, bytes] of files) {
    const { xml, stripped } = stripDoctype(strFromU8(bytes));
    if (stripped) doctypes++;
    parts[name] = stripped ? strToU8(xml) : bytes;
  }
  if (doctypes)
    diagnostics.push({
      code: 'extract/docx-doctype',
      message: `removed DOCTYPE declarations from ${doctypes} XML part(s); entities are never expanded`,
    });
  const main = mainPart(files);
  if (main) {
    const dir = main.slice(0, main.lastIndexOf('/') + 1);
    const text = (name: string) => (parts[name] ? strFromU8(parts[name] as Uint8Array) : null);
    const result = normalizeOrUnreadable(text(main)!, text(`${dir}styles.xml`), text(`${dir}numbering.xml`));
    parts[main] = strToU8(result.xml);
    if (result.tableFixes)
      diagnostics.push({
        code: 'extract/docx-table-normalized',
        message: `${result.tableFixes} table element(s) adjusted so merged cells survive`,
      });
  }
  return zipSync(parts, { level: 0 });
}

async function toHtml(zip: Uint8Array, diagnostics: Diagnostic[]): Promise<string> {
  try {
    const result = await mammoth.convertToHtml(
      { buffer: Buffer.from(zip) },
      {
        styleMap: STYLE_MAP,
        ignoreEmptyParagraphs: true,
        convertImage: mammoth.images.imgElement(async () => ({ src: '' })),
      },
    );
    for (const m of result.messages)
      if (m.type === 'error') diagnostics.push({ code: 'extract/docx-mammoth', message: m.message });
    return result.value;
  } catch (error) {
    throw new UnreadableDocument(
      `DOCX 内容无法解析（${error instanceof Error ? error.message : String(error)}）`,
      'corrupt',
    );
  }
}

function headingsByText(blocks: Block[]): Block[] {
  return blocks.map((b) => (b.kind === 'paragraph' && TEXT_HEADING.test(b.text) ? { ...b, kind: 'heading' } : b));
}

/** DOCX bytes → DocumentIR through mammoth's HTML and the HTML extractor (one table-grid builder for both). */
export async function docxToDocument(bytes: Uint8Array, options: ExtractOptions): Promise<DocumentIR> {
  const entries = listZip(bytes, options);
  const xml = entries.filter((e) => XML_PART.test(e.name));
  const largest = xml.reduce((a, e) => (e.originalSize > a.originalSize ? e : a), { name: '', originalSize: 0 });
  if (largest.originalSize > MAX_XML_PART_BYTES)
    throw new UnreadableDocument(
      `DOCX 部件 ${largest.name} 过大（${(largest.originalSize / 1048576).toFixed(0)} MB），超过 ${MAX_XML_PART_BYTES / 1048576} MB 上限`,
      'too-large',
    );
  const xmlNames = new Set(xml.map((e) => e.name));
  const files = readZip(bytes, (name) => xmlNames.has(name) || name === 'mimetype');
  if (!isDocx(files)) return notDocx(bytes, files, options);
  const diagnostics: Diagnostic[] = [];
  const html = await toHtml(prepareParts(files, diagnostics), diagnostics);
  const { title, created } = readCore(files);
  const doc = htmlToDocument(`<html><body>${html}</body></html>`, 'docx', diagnostics);
  if (doc.blocks.length === 0) {
    const media = mediaParts(entries).filter((n) => n.startsWith('word/media/'));
    throw new UnreadableDocument(
      media.length ? `DOCX 中没有文字，只有 ${media.length} 张图片（可能是扫描件）` : 'DOCX 中没有文字',
      'no-text',
    );
  }
  return { ...doc, title: title ?? doc.title, published: null, created, blocks: headingsByText(doc.blocks) };
}

/** A zip that is not a Word document: OpenDocument text goes through LibreOffice; anything else is not a report. */
async function notDocx(
  bytes: Uint8Array,
  files: Map<string, Uint8Array>,
  options: ExtractOptions,
): Promise<DocumentIR> {
  const mime = files.get('mimetype');
  if (mime && strFromU8(mime).trim() === ODT_MIME) return viaLibreOffice(withoutDoctypes(bytes), 'odt', options);
  throw new UnreadableDocument('ZIP 压缩包不是 Word（DOCX）文档', 'unsupported');
}

/**
 * The OpenDocument package again, every XML part without a DOCTYPE: LibreOffice
 * parses these, and what its parser does with entities is not ours to vouch
 * for. The archive limits were checked before this inflates everything.
 */
function withoutDoctypes(bytes: Uint8Array): Uint8Array {
  const parts: Zippable = {};
  const all = readZip(bytes, () => true);
  // OpenDocument requires the uncompressed mimetype entry first
  parts.mimetype = [all.get('mimetype')!, { level: 0 }];
  for (const [name, data] of all)
    if (name !== 'mimetype') parts[name] = XML_PART.test(name) ? strToU8(stripDoctype(strFromU8(data)).xml) : data;
  return zipSync(parts);
}

async function viaLibreOffice(bytes: Uint8Array, extension: string, options: ExtractOptions): Promise<DocumentIR> {
  const converted = await convertToDocx(bytes, extension, {
    timeoutMs: options.sofficeTimeoutMs,
    memoryMb: options.converterMemoryMb,
  });
  const doc = await docxToDocument(converted.docx, options);
  doc.diagnostics.push({
    code: 'extract/converted',
    message: `${extension} converted to docx by LibreOffice (${converted.protection})`,
  });
  return doc;
}

function decodeXml(bytes: Uint8Array): string {
  const declared = /encoding=["']([\w-]+)["']/.exec(Buffer.from(bytes.subarray(0, 200)).toString('latin1'))?.[1];
  return declared && !/^utf-?8$/i.test(declared) && iconv.encodingExists(declared)
    ? iconv.decode(Buffer.from(bytes), declared)
    : strFromU8(bytes);
}

/** Word 2003 XML, rewritten as a DOCX and read like one (no LibreOffice: its import of this format loses vertical merges). */
export async function wordXmlToDocument(bytes: Uint8Array, options: ExtractOptions): Promise<DocumentIR> {
  if (bytes.length > MAX_XML_PART_BYTES)
    throw new UnreadableDocument(`Word 2003 XML 文件过大（超过 ${MAX_XML_PART_BYTES / 1048576} MB 上限）`, 'too-large');
  let converted: Uint8Array;
  try {
    converted = word2003ToDocx(decodeXml(bytes));
  } catch (error) {
    throw new UnreadableDocument(
      `Word 2003 XML 无法解析（${error instanceof Error ? error.message : String(error)}）`,
      'corrupt',
    );
  }
  const doc = await docxToDocument(converted, options);
  doc.diagnostics.push({ code: 'extract/converted', message: 'Word 2003 XML rewritten as docx' });
  return doc;
}

const utf16 = (s: string) => Buffer.from(s, 'utf16le');
/** Stream names that mark an OLE file as something other than a Word document; anything unknown is left to LibreOffice. */
const OTHER_OLE_STREAMS: [string, string][] = [
  ['Workbook', 'Excel 工作簿'],
  ['PowerPoint Document', 'PowerPoint 演示文稿'],
];

/**
 * Word 97–2003 .doc, WPS Office .wps (the same binary format) and RTF, through
 * LibreOffice. An OLE file is checked first: Office's password protection of a
 * DOCX also produces an OLE file, which no converter can open.
 */
export async function legacyWordToDocument(bytes: Uint8Array, options: ExtractOptions): Promise<DocumentIR> {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const isRtf = buffer.subarray(0, 64).toString('latin1').trimStart().startsWith('{\\rtf');
  if (!isRtf) {
    if (buffer.includes(utf16('EncryptedPackage')))
      throw new UnreadableDocument('文档已加密（受密码保护），无法读取', 'encrypted');
    const other = OTHER_OLE_STREAMS.find(([stream]) => buffer.includes(utf16(stream)));
    if (other && !buffer.includes(utf16('WordDocument')))
      throw new UnreadableDocument(`OLE 复合文件不是 Word 文档，而是 ${other[1]}`, 'unsupported');
  }
  return viaLibreOffice(bytes, isRtf ? 'rtf' : 'doc', options);
}
