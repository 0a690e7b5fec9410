/**
 * Without the OCR packages a scan stays extract/unreadable, saying why and how to
 * install them. The import of tesseract.js is made to fail as on a machine without it, in
 * this process: the recognition the OCR child runs (recognise.ts). What the child says
 * of a file it cannot read reaches the file's finding as it said it (the corpus's 40 dpi
 * scan, test/corpus, is refused there).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';

const SCAN = join(import.meta.dirname, '../fixtures/scan/fengyang-150.pdf');

describe('a scan where the OCR packages are not installed', () => {
  it('is extract/unreadable with the reason and the remedy', async () => {
    vi.doMock('tesseract.js', () => {
      throw new Error("Cannot find package 'tesseract.js'");
    });
    const { recogniseScan } = await import('../../src/extract/ocr/recognise.js');
    const { UnreadableDocument } = await import('../../src/model/ir.js');
    const error = await recogniseScan(readFileSync(SCAN), { maxPages: 200 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnreadableDocument);
    const { OCR_REMEDY } = await import('../../src/extract/ocr/engine.js');
    expect((error as Error).message).toContain('扫描件');
    expect((error as Error).message).toContain(OCR_REMEDY);
    vi.doUnmock('tesseract.js');
  });
});
