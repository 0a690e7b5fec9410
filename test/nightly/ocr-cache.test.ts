/**
 * SLOW (one OCR of a 3-page scan): a scan's parse is cached like any other. The
 * second run over the same store reads the model from the cache and recognises
 * nothing.
 */
import { copyFileSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ocrAvailable } from '../../src/extract/ocr/engine.js';
import { auditPaths } from '../../src/nightly/run.js';

const SCAN = join(import.meta.dirname, '../../corpus/pdf/scanned-300dpi-2023-qingshui-town.pdf');
const ocr = await ocrAvailable();
if (!ocr) console.warn('ocr-cache: OCR packages not installed, skipping the cached scan');

describe.skipIf(!ocr)('a scan read by OCR (slow)', () => {
  it('is parsed once: the second run takes it from the cache', { timeout: 600_000 }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nianbao-ocr-cache-'));
    mkdirSync(join(dir, 'in'));
    copyFileSync(SCAN, join(dir, 'in', 'scan.pdf'));
    const db = join(dir, 'runs.db');
    const audit = async () => {
      const run = await auditPaths([join(dir, 'in')], { db, jobs: 1 });
      const report = [...run.slim()][0]?.report;
      const result = { parsed: run.parsed, cached: run.cached, findings: run.findings.map((f) => f.rule), report };
      await run.close();
      return result;
    };
    const first = await audit();
    expect([first.parsed, first.cached, first.findings]).toEqual([1, 0, []]);
    const started = performance.now();
    const second = await audit();
    expect([second.parsed, second.cached, second.findings]).toEqual([0, 1, []]);
    // a page alone takes 10 s of CPU to recognise
    expect(performance.now() - started).toBeLessThan(5000);
    expect(second.report?.meta).toMatchObject({ agency: '清水镇人民政府', year: 2023 });
    expect(second.report?.tables.applications?.total_processed?.total?.value).toBe(4);
  });
});
