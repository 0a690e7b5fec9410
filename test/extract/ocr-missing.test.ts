/**
 * Without the OCR packages a scan stays extract/unreadable, saying why and how to
 * install them. The import of tesseract.js is made to fail as on a machine without it.
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
    const { auditBytes } = await import('../../src/pipeline.js');
    const result = await auditBytes(readFileSync(SCAN), 'scan.pdf');
    expect(result.report).toBeNull();
    expect(result.findings.map((f) => f.rule)).toEqual(['extract/unreadable']);
    const { OCR_REMEDY } = await import('../../src/extract/ocr/engine.js');
    expect(result.findings[0]!.message).toContain('扫描件');
    expect(result.findings[0]!.message).toContain(OCR_REMEDY);
    vi.doUnmock('tesseract.js');
  });
});
