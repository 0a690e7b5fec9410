import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type DocumentIR, UnreadableDocument } from '../../model/ir.js';
import { compiledScript } from '../compiled.js';
import type { ExtractOptions } from '../options.js';
import { converterTempRoot, runWatched, type WatchedResult } from '../sandbox.js';
import { MESSAGE_PREFIX, type OcrMessage } from './message.js';

/**
 * glibc raises its mmap threshold after each large free, up to 32 MB, and keeps what later page images and
 * PNGs take on its heap, never returned; a fixed threshold maps and unmaps them (3-page scan: 1.0 → 0.8 GB).
 */
const CHILD_ENV = { MALLOC_MMAP_THRESHOLD_: '131072' };

function failure(result: WatchedResult, options: ExtractOptions): UnreadableDocument {
  if (result.overMemory)
    return new UnreadableDocument(
      `扫描件文字识别（OCR）进程内存超限（超过 ${options.ocrMemoryMb} MB），已中止`,
      'memory',
    );
  if (result.timedOut)
    return new UnreadableDocument(
      `扫描件文字识别（OCR）超时（超过 ${Math.round(options.ocrTimeoutMs / 1000)} 秒），已中止`,
      'timeout',
    );
  const detail = result.stderr.trim().split('\n').pop() ?? '';
  return new UnreadableDocument(
    `扫描件文字识别（OCR）进程异常退出（退出码 ${result.code}${detail ? `，${detail}` : ''}）`,
    'crash',
  );
}

/**
 * A scan (a PDF of page images) → DocumentIR, recognised in a child process
 * (child.ts → recognise.ts): tesseract's WebAssembly heaps and the 300 dpi
 * page images live and die there, under their own memory cap, in their own
 * process group, which the worker pool kills with the file's task.
 */
export async function ocrToDocument(bytes: Uint8Array, options: ExtractOptions): Promise<DocumentIR> {
  const dir = await mkdtemp(join(converterTempRoot(), 'nianbao-ocr-'));
  try {
    const input = join(dir, 'scan.pdf');
    await writeFile(input, bytes);
    let outcome: Exclude<OcrMessage, { type: 'pages' }> | undefined;
    const result = await runWatched(
      process.execPath,
      [
        compiledScript(import.meta.url, './child.js', '../../../dist/extract/ocr/child.js'),
        input,
        String(options.maxPages),
      ],
      { timeoutMs: options.ocrTimeoutMs, memoryMb: options.ocrMemoryMb },
      (line) => {
        if (!line.startsWith(MESSAGE_PREFIX)) return;
        const message = JSON.parse(line.slice(MESSAGE_PREFIX.length)) as OcrMessage;
        if (message.type === 'pages') options.onOcrStart?.(message.pages);
        else outcome = message;
      },
      CHILD_ENV,
    ).catch((error: Error) => {
      throw new UnreadableDocument(`无法启动文字识别（OCR）进程（${error.message}）`, 'crash');
    });
    if (result.overMemory || result.timedOut || !outcome) throw failure(result, options);
    if (outcome.type === 'unreadable') throw new UnreadableDocument(outcome.message, outcome.reason);
    if (outcome.type === 'error') throw new Error(`文字识别（OCR）出错：${outcome.message}`);
    // the child's own recognition, as it made it: a schema's parse would drop what it does not name
    return outcome.doc as DocumentIR;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
