import { UnreadableDocument, type DocumentIR } from '../model/ir.js';
import type { ExtractOptions } from './options.js';

export async function docxToDocument(_bytes: Uint8Array, _options: ExtractOptions): Promise<DocumentIR> {
  throw new UnreadableDocument('DOCX 解析尚未实现 (DOCX reading is not available in this build)', 'unsupported');
}

export async function legacyWordToDocument(_bytes: Uint8Array, _options: ExtractOptions): Promise<DocumentIR> {
  throw new UnreadableDocument('DOC/WPS 解析尚未实现 (legacy Word reading is not available in this build)', 'unsupported');
}
