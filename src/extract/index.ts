import { UnreadableDocument, type DocumentIR } from '../model/ir.js';
import { DEFAULT_EXTRACT_OPTIONS, type ExtractOptions } from './options.js';
import { sniff } from './sniff.js';

export { UnreadableDocument };

/**
 * An HTML page or a text file past this is not decoded: a report is some tens
 * of KB of markup (HTML_MAX_CHARS holds the decoded page, whatever path it
 * came by), and decoding alone would hold the file three times over.
 */
export const MARKUP_MAX_BYTES = 10 * 1024 * 1024;

function withinMarkupLimit(bytes: Uint8Array, what: string): void {
  if (bytes.length > MARKUP_MAX_BYTES)
    throw new UnreadableDocument(
      `${what}过大（${(bytes.length / 1048576).toFixed(0)} MB，超过 ${MARKUP_MAX_BYTES / 1048576} MB 上限），未解析`,
      'too-large',
    );
}

/** Share of U+FFFD / private-use characters beyond which decoded text is mojibake, not a report. */
const GARBLED_SHARE = 0.05;

async function decodedOrUnreadable(bytes: Uint8Array): Promise<{ text: string; encoding: string }> {
  const { decodeText, replacementShare } = await import('./decode.js');
  const decoded = decodeText(bytes);
  const share = replacementShare(decoded.text);
  if (share > GARBLED_SHARE) {
    throw new UnreadableDocument(
      `文本乱码：${(share * 100).toFixed(0)}% 的字符无法解码（按 ${decoded.encoding} 解码）`,
      'garbled',
    );
  }
  return decoded;
}

/** A PDF without a text layer is a scan: OCR reads it when enabled (the engine loads only then). */
async function pdfOrScan(bytes: Uint8Array, options: ExtractOptions): Promise<DocumentIR> {
  try {
    return await (await import('./pdf/index.js')).pdfToDocument(bytes, options);
  } catch (error) {
    if (!(error instanceof UnreadableDocument) || error.reason !== 'no-text' || !options.ocr) throw error;
    return (await import('./ocr/index.js')).ocrToDocument(bytes, options);
  }
}

/**
 * Bytes → DocumentIR, choosing the extractor by content, never by file extension.
 * Each reader loads only when a file needs it: pdf.js and mammoth stay out of HTML
 * and text runs, and cheerio, iconv-lite and jschardet (some 30 MB of a worker's
 * RSS) out of PDF runs.
 */
export async function extractDocument(
  bytes: Uint8Array,
  options: ExtractOptions = DEFAULT_EXTRACT_OPTIONS,
): Promise<DocumentIR> {
  const kind = sniff(bytes);
  switch (kind) {
    case 'empty':
      throw new UnreadableDocument('文件为空', 'empty');
    case 'pdf':
      return pdfOrScan(bytes, options);
    case 'zip':
      return (await import('./docx.js')).docxToDocument(bytes, options);
    case 'ole':
    case 'rtf':
      return (await import('./docx.js')).legacyWordToDocument(bytes, options);
    case 'binary':
      throw new UnreadableDocument('无法识别的二进制文件格式', 'unsupported');
    case 'html': {
      const mht = await import('./mht.js');
      if (mht.isMht(bytes)) return mht.mhtToDocument(bytes);
      withinMarkupLimit(bytes, 'HTML 页面');
      const { text, encoding } = await decodedOrUnreadable(bytes);
      const doc = (await import('./html.js')).htmlToDocument(text);
      doc.diagnostics.push({ code: 'extract/encoding', message: `decoded as ${encoding}` });
      return doc;
    }
    case 'text': {
      if ((await import('./word-xml.js')).isWordXml(bytes))
        return (await import('./docx.js')).wordXmlToDocument(bytes, options);
      const mht = await import('./mht.js');
      if (mht.isMht(bytes)) return mht.mhtToDocument(bytes);
      withinMarkupLimit(bytes, '文本文件');
      const { text, encoding } = await decodedOrUnreadable(bytes);
      const doc = (await import('./text.js')).textToDocument(text);
      doc.diagnostics.push({ code: 'extract/encoding', message: `decoded as ${encoding}` });
      return doc;
    }
  }
}
