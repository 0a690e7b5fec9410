/**
 * A row label read by OCR is the engine's reading, not the page's: structure records
 * it as uncertain and structure/row-mislabeled does not take a misread character for
 * the agency's typo. The rows are still placed by it (alignment), and a label a
 * born-digital document prints wrong is still reported.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runRules } from '../../src/audit/engine.js';
import { extractDocument } from '../../src/extract/index.js';
import type { DocumentIR, TableBlock } from '../../src/model/ir.js';
import { structureDocument } from '../../src/structure/index.js';
import { parseRuleHeader } from '../../scripts/rule-headers.js';

const RULE = 'structure/row-mislabeled';
const REPORT = join(import.meta.dirname, '../../corpus/reports/2023-fengyang-county-health.html');
/** one misread character in a row label of each table: 表二, 表三 and 表四 */
const MISREADS: [printed: string, read: string, location: string][] = [
  ['行政许可', '行政许口', '表二/第二十条第（五）项/行政许可'],
  ['重复申请', '重夏申请', '表三/（五）2.重复申请'],
  ['复议后起诉', '复议后起拆', '表四/行政诉讼/复议后起诉'],
];

/** What OCR leaves on a table: every cell it read carries the engine's confidence. */
function asRecognised(doc: DocumentIR): DocumentIR {
  for (const b of doc.blocks)
    if (b.kind === 'table') for (const c of (b as TableBlock).cells) if (c.text.trim()) c.confidence = 91;
  return doc;
}

async function misread(ocr: boolean) {
  const doc = await extractDocument(readFileSync(REPORT));
  for (const b of doc.blocks)
    if (b.kind === 'table')
      for (const c of b.cells) for (const [printed, read] of MISREADS) c.text = c.text.replace(printed, read);
  const report = structureDocument(ocr ? asRecognised(doc) : doc, { path: 'x', sha256: '' });
  return { report, findings: runRules(report, 'x').filter((f) => f.rule === RULE) };
}

describe('row labels read by OCR', () => {
  it('a born-digital report with the same wrong characters is reported, row by row', async () => {
    const { findings } = await misread(false);
    expect(findings.map((f) => f.location).sort()).toEqual(MISREADS.map(([, , at]) => at).sort());
  });

  it('the same labels read by OCR are uncertain, still place their rows, and are not reported', async () => {
    const { report, findings } = await misread(true);
    expect(findings).toEqual([]);
    const labels = [
      report.rowLabels.activeDisclosure['art20_5/licensing'],
      report.rowLabels.applications.rejected_duplicate,
      report.rowLabels.reviewLitigation.litigation_after_review,
    ];
    expect(labels.map((l) => [l?.matchesTemplate, l?.uncertain])).toEqual([
      [false, true],
      [false, true],
      [false, true],
    ]);
    expect(report.tables.applications?.rejected_duplicate).toBeTruthy();
  });

  it("the rule's own @not-ok example does not fire when its table was recognised", async () => {
    const source = readFileSync(join(import.meta.dirname, '../../src/audit/rules/structure-row-mislabeled.ts'), 'utf8');
    const example = parseRuleHeader(source).examples.find((e) => e.kind === 'not-ok')!;
    const doc = await extractDocument(Buffer.from(example.text));
    const printed = runRules(structureDocument(doc, { path: 'x', sha256: '' }), 'x');
    expect(printed.filter((f) => f.rule === RULE).map((f) => f.location)).toContain(example.location);
    const read = runRules(structureDocument(asRecognised(doc), { path: 'x', sha256: '' }), 'x');
    expect(read.filter((f) => f.rule === RULE)).toEqual([]);
  });
});
