import { UnreadableDocument } from '../../model/ir.js';

/** Share of unmapped glyphs beyond which the text layer is garbage, not a report. */
const GARBLED_SHARE = 0.2;
/** Fewer visible characters per page than this and the "text layer" is a stray page number or two. */
export const MIN_CHARS_PER_PAGE = 5;

/** Private use, replacement, controls, and Latin-1 letters (CJK fonts without ToUnicode come out as those). */
const SUSPICIOUS = /[\ue000-\uf8ff\ufffd\u0000-\u0008\u000e-\u001f\u007f-\u009f\u00c0-\u00ff]/gu;

export interface PageText {
  text: string;
  images: number;
}

export function assertReadable(pages: PageText[]): void {
  const text = pages
    .map((p) => p.text)
    .join('')
    .replace(/\s+/g, '');
  if (text.length < MIN_CHARS_PER_PAGE * pages.length) {
    const images = pages.filter((p) => p.images > 0).length;
    throw images > 0
      ? new UnreadableDocument(`PDF 没有文字层：${images} 页只有图像（扫描件），需要先做文字识别（OCR）`, 'no-text')
      : new UnreadableDocument('PDF 没有可提取的文字', 'no-text');
  }
  const bad = (text.match(SUSPICIOUS) ?? []).length;
  if (bad / text.length > GARBLED_SHARE) {
    throw new UnreadableDocument(
      `PDF 文字乱码：${Math.round((bad / text.length) * 100)}% 的字符无法映射为正常文字（字体缺少编码映射）`,
      'garbled',
    );
  }
}
