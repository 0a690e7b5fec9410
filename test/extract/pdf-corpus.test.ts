import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AnnualReport } from '../../src/model/report.js';

const ROOT = join(import.meta.dirname, '..', '..');
const PDF_DIR = join(ROOT, 'corpus', 'pdf');
const HTML_DIR = join(ROOT, 'corpus', 'reports');
const ready = existsSync(PDF_DIR) && existsSync(join(ROOT, 'src', 'pipeline.ts'));
const pairs = ready
  ? readdirSync(PDF_DIR)
      .filter(
        (f) =>
          f.endsWith('.pdf') &&
          !/^(scan|truncated)-/.test(f) &&
          existsSync(join(HTML_DIR, f.replace(/\.pdf$/, '.html'))),
      )
      .sort()
  : [];

interface Audited {
  findings: string[];
  cells: Record<string, string>;
}

/** Every cell of every table as `path → value | raw` (whitespace dropped; the page differs by nature). */
function tableCells(node: unknown, path: string, out: Record<string, string>): Record<string, string> {
  if (node && typeof node === 'object' && 'raw' in node && 'value' in node) {
    out[path] = `${String(node.value)} | ${String(node.raw).replace(/\s+/g, '')}`;
  } else if (node && typeof node === 'object') {
    for (const [k, v] of Object.entries(node)) tableCells(v, `${path}/${k}`, out);
  }
  return out;
}

async function audited(path: string): Promise<Audited> {
  const { auditFile } = await import('../../src/pipeline.js');
  const { findings, report } = await auditFile(path);
  return {
    findings: findings.map((f) => `${f.rule} @ ${f.location}`).sort(),
    cells: tableCells((report as AnnualReport | null)?.tables ?? null, '', {}),
  };
}

describe.skipIf(!ready)('corpus PDFs read like their HTML sources', () => {
  it('has PDF renderings to compare', () => {
    expect(pairs.length).toBeGreaterThanOrEqual(15);
  });

  for (const pdf of pairs) {
    it(`${pdf}: every table cell (value and raw text) and every finding (rule and location)`, async () => {
      const [fromPdf, fromHtml] = await Promise.all([
        audited(join(PDF_DIR, pdf)),
        audited(join(HTML_DIR, pdf.replace(/\.pdf$/, '.html'))),
      ]);
      expect(Object.keys(fromHtml.cells).length).toBeGreaterThan(0);
      expect(fromPdf.cells).toEqual(fromHtml.cells);
      expect(fromPdf.findings).toEqual(fromHtml.findings);
    });
  }

  it('holds a report whose CJK font is not embedded (STSong-Light, UniGB-UCS2-H), compared like the others', () => {
    const bare = pairs.filter((f) => {
      const text = readFileSync(join(PDF_DIR, f)).toString('latin1');
      return (
        text.includes('/BaseFont /STSong-Light') &&
        text.includes('/Encoding /UniGB-UCS2-H') &&
        !/\/FontFile[23]?\b/.test(text)
      );
    });
    expect(bare).toEqual(['2022-heping-street.pdf']);
  });

  it('refuses the scan and the truncated download with extract/unreadable', async () => {
    const damaged = readdirSync(PDF_DIR).filter((f) => /^(scan|truncated)-/.test(f));
    expect(damaged.length).toBeGreaterThanOrEqual(2);
    for (const f of damaged) expect((await audited(join(PDF_DIR, f))).findings).toEqual(['extract/unreadable @ 文件']);
  });
});
