/**
 * SLOW (~30 s CPU per fixture): OCR of the committed scans in test/fixtures/scan,
 * made from corpus PDFs by scripts/make-scan.sh. Every table cell of the scan's
 * report is compared with the born-digital source's; a cell may be uncertain
 * (reported as extract/uncertain-table), never confidently wrong, and no finding
 * may appear that the source does not have.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scanAccuracy } from '../../bench/ocr-accuracy.js';

const ROOT = join(import.meta.dirname, '../..');
const FIXTURES: [scan: string, source: string][] = [
  ['fengyang-150.pdf', '2023-fengyang-county-health.pdf'],
  ['changle-200-seal.pdf', '2021-changle-county-transport.pdf'],
];
/** Findings a scan may add: where OCR doubted a cell it says so; a row label or heading misread beyond recognition is missed (a heading read by OCR is never compared: it is uncertain). */
const OCR_ONLY = /^(extract\/uncertain-table|structure\/(missing-row|missing-section)) @/;

describe('scanned reports read to the cell (slow: OCR)', () => {
  for (const [scan, source] of FIXTURES) {
    it(scan, { timeout: 240_000 }, async () => {
      const a = await scanAccuracy(
        readFileSync(join(ROOT, 'corpus/pdf', source)),
        readFileSync(join(ROOT, 'test/fixtures/scan', scan)),
      );
      console.info(
        `${scan}: ${a.same}/${a.cells} cells as the source (${((a.same / a.cells) * 100).toFixed(1)}%), ` +
          `${a.uncertain} uncertain, ${a.missing} in rows not found, ${a.wrong.length} wrong; ` +
          `${(a.cpuSeconds / a.pages).toFixed(1)} s CPU per page`,
      );
      expect(a.wrong).toEqual([]);
      // a floor under what the fixtures measure (README, Scans): recognition must not silently get worse
      expect(a.same / a.cells).toBeGreaterThan(0.2);
      expect(a.scanFindings.filter((f) => !OCR_ONLY.test(f) && !a.sourceFindings.includes(f))).toEqual([]);
    });
  }
});
