import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runRules } from '../../src/audit/engine.js';
import { extractDocument } from '../../src/extract/index.js';
import { DEFAULT_EXTRACT_OPTIONS } from '../../src/extract/options.js';
import type { TableBlock } from '../../src/model/ir.js';
import { structureDocument } from '../../src/structure/index.js';

const REPORT = join(import.meta.dirname, '../../corpus/reports/2023-fengyang-county-health.html');
const SCAN = join(import.meta.dirname, '../fixtures/pdf/scan.pdf');

async function findings(mark: boolean): Promise<string[]> {
  const doc = await extractDocument(readFileSync(REPORT));
  if (mark) {
    const table = doc.blocks.find(
      (b): b is TableBlock => b.kind === 'table' && b.cells.some((c) => c.text.includes('予以公开')),
    )!;
    const label = table.cells.find((c) => c.text.includes('予以公开'))!;
    const total = table.cells.filter((c) => c.row === label.row).at(-1)!;
    total.uncertain = true;
  }
  const report = structureDocument(doc, { path: 'x', sha256: '' });
  return runRules(report, 'x').map((f) => `${f.rule} @ ${f.location}`);
}

describe('a cell OCR was not sure of', () => {
  it('makes its row uncertain: extract/uncertain-table, never applications/row-total', async () => {
    expect(await findings(false)).toContain('applications/row-total @ 表三/（一）予以公开/总计');
    const marked = await findings(true);
    expect(marked).toContain('extract/uncertain-table @ 表三/（一）予以公开');
    expect(marked.filter((f) => f.startsWith('applications/row-total'))).toEqual([]);
  });
});

describe('OCR switched off or impossible', () => {
  it('--no-ocr leaves a scan unreadable with the reason', async () => {
    await expect(extractDocument(readFileSync(SCAN), { ...DEFAULT_EXTRACT_OPTIONS, ocr: false })).rejects.toMatchObject(
      {
        reason: 'no-text',
        message: expect.stringMatching(/扫描件/),
      },
    );
  });

  it('a scan below 100 dpi is refused before recognition, saying why', async () => {
    await expect(extractDocument(readFileSync(SCAN))).rejects.toMatchObject({
      reason: 'no-text',
      message: expect.stringMatching(/分辨率过低/),
    });
  });
});
