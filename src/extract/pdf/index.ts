import { UnreadableDocument, type DocumentIR } from '../../model/ir.js';
import type { ExtractOptions } from '../options.js';

export async function pdfToDocument(_bytes: Uint8Array, _options: ExtractOptions): Promise<DocumentIR> {
  throw new UnreadableDocument('PDF 解析尚未实现 (PDF reading is not available in this build)', 'unsupported');
}
