import { existsSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/model/finding.js';
import { auditFile } from '../../src/pipeline.js';

/**
 * The corpus HTML reports rendered to DOCX by LibreOffice (scripts/make-docx.sh)
 * must read exactly like their sources: the DOCX path (Word tables, vMerge,
 * mammoth) and the HTML path meet in the same IR. A failure after the corpus
 * HTML changed may only mean corpus/docx is stale: re-run scripts/make-docx.sh.
 */
const DOCX_DIR = 'corpus/docx';
const HTML_DIR = 'corpus/reports';
const pairs = existsSync(DOCX_DIR)
  ? readdirSync(DOCX_DIR)
      .filter((n) => n.endsWith('.docx'))
      .map((n) => [`${HTML_DIR}/${n.replace(/\.docx$/, '.html')}`, `${DOCX_DIR}/${n}`] as const)
      .filter(([html]) => existsSync(html))
  : [];

const findingKeys = (findings: Finding[]) => findings.map((f) => `${f.rule} @ ${f.location}`).sort();

describe('corpus DOCX read like their HTML sources', () => {
  it('has corpus DOCX files to compare', () => {
    expect(pairs.length).toBeGreaterThanOrEqual(10);
  });

  it.each(pairs)('%s ≡ %s', async (html, docx) => {
    const [fromHtml, fromDocx] = await Promise.all([auditFile(html), auditFile(docx)]);
    expect(fromDocx.report?.source.format ?? 'docx').toBe('docx');
    expect(fromDocx.report?.tables ?? null).toEqual(fromHtml.report?.tables ?? null);
    expect(findingKeys(fromDocx.findings)).toEqual(findingKeys(fromHtml.findings));
  });
});
