import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SCANNED } from '../../scripts/corpus/build.js';
import { OCR_REMEDY, ocrAvailable } from '../../src/extract/ocr/engine.js';
import { auditPaths } from '../../src/nightly/run.js';

const CORPUS = join(import.meta.dirname, '../../corpus');
const expected: Record<string, { rule: string; location: string }[]> = JSON.parse(
  readFileSync(join(CORPUS, 'expected.json'), 'utf8'),
);
const key = (f: { rule: string; location: string }) => `${f.rule} @ ${f.location}`;
/** a scan is read only with the OCR packages; without them it is extract/unreadable, and its check is skipped */
const unreadScans = (await ocrAvailable())
  ? []
  : Object.keys(expected).filter((f) => SCANNED.test(f.split('/').pop()!));
if (unreadScans.length)
  console.warn(`corpus: OCR packages not installed, skipping ${unreadScans.join(', ')} (${OCR_REMEDY})`);

describe('the bundled corpus yields exactly its recorded findings', async () => {
  const run = await auditPaths([CORPUS]);
  const byFile = new Map<string, string[]>();
  for (const f of run.findings)
    byFile.set(relative(CORPUS, f.file), [...(byFile.get(relative(CORPUS, f.file)) ?? []), key(f)]);
  const files = run.files.map((f) => relative(CORPUS, f));

  it('records every report file it holds', () => {
    expect(files.filter((f) => !(f in expected))).toEqual([]);
    expect(Object.keys(expected).filter((f) => !files.includes(f))).toEqual([]);
  });

  for (const file of Object.keys(expected)) {
    it.skipIf(unreadScans.includes(file))(file, () => {
      expect((byFile.get(file) ?? []).sort()).toEqual(expected[file]!.map(key).sort());
    });
  }

  it('recall and precision are both 100%', () => {
    const counted = (file: string) => !unreadScans.includes(file);
    const want = Object.entries(expected)
      .filter(([file]) => counted(file))
      .flatMap(([file, fs]) => fs.map((f) => `${file} ${key(f)}`));
    const got = [...byFile].filter(([file]) => counted(file)).flatMap(([file, fs]) => fs.map((f) => `${file} ${f}`));
    const hit = want.filter((w) => got.includes(w)).length;
    console.info(
      `corpus: ${files.length} files, ${want.length} recorded findings, recall ${((hit / want.length) * 100).toFixed(1)}%, precision ${((hit / got.length) * 100).toFixed(1)}%`,
    );
    expect(hit).toBe(want.length);
    expect(got.length).toBe(want.length);
  });
});

describe('the committed corpus is what its sources generate', () => {
  it('re-rendering scripts/corpus/sources.ts reproduces corpus/reports byte for byte', async () => {
    const { mkdtempSync, readdirSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { buildCorpus } = await import('../../scripts/corpus/build.js');
    const dir = mkdtempSync(join(tmpdir(), 'nianbao-corpus-'));
    buildCorpus(dir);
    for (const name of readdirSync(join(dir, 'reports'))) {
      expect(readFileSync(join(dir, 'reports', name)), name).toEqual(readFileSync(join(CORPUS, 'reports', name)));
    }
    const rebuilt = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8'));
    for (const [file, findings] of Object.entries(rebuilt)) expect(expected[file], file).toEqual(findings);
  });

  it('plants a finding for every rule the corpus can show', async () => {
    const { RULES } = await import('../../src/audit/rules/index.js');
    const planted = new Set(
      Object.values(expected)
        .flat()
        .map((f) => f.rule),
    );
    expect(RULES.map((r) => r.id).filter((id) => !planted.has(id))).toEqual([]);
  });
});

describe('every corpus report is read with the agency and year it was written for', async () => {
  const { SOURCES } = await import('../../scripts/corpus/sources.js');
  const { readReport } = await import('../../src/pipeline.js');
  for (const source of SOURCES) {
    for (const file of [`reports/${source.id}.html`, `pdf/${source.id}.pdf`, `docx/${source.id}.docx`]) {
      const path = join(CORPUS, file);
      it.skipIf(!(file in expected))(file, async () => {
        const report = await readReport(readFileSync(path), path);
        expect([report.meta.agency, report.meta.titleYear]).toEqual([source.agency, source.year]);
      });
    }
  }
});
