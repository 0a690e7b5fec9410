import { unzipSync, type UnzipFileInfo } from 'fflate';
import { UnreadableDocument } from '../model/ir.js';
import type { ExtractOptions } from './options.js';

export type ZipLimits = Pick<ExtractOptions, 'maxZipEntries' | 'maxUncompressedBytes' | 'maxCompressionRatio'>;

/** Below this size a high ratio is harmless (a run of spaces in a small XML part); bombs are about output size. */
const RATIO_FLOOR_BYTES = 1024 * 1024;
/** PKWARE's AES encryption marks entries with this compression method. */
const AES_METHOD = 99;

export interface ZipEntry {
  name: string;
  size: number;
  originalSize: number;
  compression: number;
}

const MB = (n: number) => `${(n / 1024 / 1024).toFixed(0)} MB`;

function corrupt(error: unknown): UnreadableDocument {
  if (error instanceof UnreadableDocument) return error;
  const detail = error instanceof Error ? error.message : String(error);
  return new UnreadableDocument(`ZIP 文件已损坏，无法读取（${detail}）`, 'corrupt');
}

function checkEntry(entry: ZipEntry, limits: ZipLimits): void {
  if (entry.compression === AES_METHOD)
    throw new UnreadableDocument(`文件已加密（${entry.name}），无法读取`, 'encrypted');
  const ratio = entry.originalSize / Math.max(entry.size, 1);
  if (entry.originalSize > RATIO_FLOOR_BYTES && ratio > limits.maxCompressionRatio) {
    throw new UnreadableDocument(
      `ZIP 条目 ${entry.name} 压缩比 ${ratio.toFixed(0)}:1 超过上限 ${limits.maxCompressionRatio}:1（疑似压缩炸弹）`,
      'too-large',
    );
  }
}

/**
 * The central directory only: names and declared sizes, nothing inflated. Every
 * limit is checked here, before any entry is decompressed.
 */
export function listZip(bytes: Uint8Array, limits: ZipLimits): ZipEntry[] {
  const entries: ZipEntry[] = [];
  let total = 0;
  const visit = (info: UnzipFileInfo) => {
    const entry = { name: info.name, size: info.size, originalSize: info.originalSize, compression: info.compression };
    if (entries.length >= limits.maxZipEntries)
      throw new UnreadableDocument(`ZIP 条目数超过上限 ${limits.maxZipEntries}（疑似压缩炸弹）`, 'too-large');
    checkEntry(entry, limits);
    total += entry.originalSize;
    if (total > limits.maxUncompressedBytes)
      throw new UnreadableDocument(
        `ZIP 解压后总大小超过上限 ${MB(limits.maxUncompressedBytes)}（疑似压缩炸弹）`,
        'too-large',
      );
    entries.push(entry);
    return false;
  };
  try {
    unzipSync(bytes, { filter: visit });
  } catch (error) {
    throw corrupt(error);
  }
  return entries;
}

/**
 * Inflates the chosen entries. fflate inflates each into a buffer of the size
 * the central directory declared, so an entry that lies about its size is cut
 * there instead of growing without bound.
 */
export function readZip(bytes: Uint8Array, wanted: (name: string) => boolean): Map<string, Uint8Array> {
  try {
    return new Map(Object.entries(unzipSync(bytes, { filter: (info) => wanted(info.name) })));
  } catch (error) {
    throw corrupt(error);
  }
}
