/**
 * Real published reports decide: every cell and finding of the complete documents in
 * ../shared/realworld exactly as checked by hand, and on each excerpt no finding that the
 * excerpt (or its cut) does not explain. The documents stay in ../shared; without them
 * these tests are skipped, loudly.
 */
import { existsSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AnnualReport, Cell } from '../../src/model/report.js';
import { auditPaths } from '../../src/nightly/run.js';
import { readReport } from '../../src/pipeline.js';
import { DOCUMENTS, EXCERPTS } from './facts.js';

const REALWORLD = join(import.meta.dirname, '../../../shared/realworld');
const present = existsSync(REALWORLD);
if (!present)
  console.warn(`\n!!! test/realworld SKIPPED: ${REALWORLD} is absent (real documents are not in the repo)\n`);

/** What the hand check says each document must yield, and nothing else. */
const FINDINGS: Record<string, string[]> = {
  'hongze-gov-2023.pdf': [
    'review-litigation/total @ 表四/行政复议/总计 = 11 ≠ 0',
    'review-litigation/total @ 表四/行政诉讼/复议后起诉/总计 = 5 ≠ 0',
    'meta/template-outdated @ 表三',
    'structure/row-mislabeled @ 表三/（三）2.其他法律行政法规禁止公开',
  ],
  'hongze-gov-2024.pdf': [
    'meta/template-outdated @ 表三',
    'structure/row-mislabeled @ 表三/（三）2.其他法律行政法规禁止公开',
  ],
  'pingtan-gov-2021.page.html': [],
  'pingtan-gov-2019.page.txt': [],
  'pingtan-gov-2020.page.txt': [
    'applications/outcome-total @ 表三/（七）总计/自然人 = 26 ≠ 20',
    'applications/outcome-total @ 表三/（七）总计/总计 = 27 ≠ 21',
  ],
  'pingtan-gov-2021.page.txt': [],
  'pingtan-gov-2025.page.txt': [],
  'wps-blank-template-2021.docx': ['table/blank-cell @ 表二', 'table/blank-cell @ 表三', 'table/blank-cell @ 表四'],
};

interface Found {
  file: string;
  rule: string;
  location: string;
  expected: string;
  actual: string;
}

const describeFinding = (f: Found) =>
  f.expected !== '' && /total$/.test(f.rule)
    ? `${f.rule} @ ${f.location} = ${f.expected} ≠ ${f.actual}`
    : `${f.rule} @ ${f.location}`;

/** An ambiguous row's place: uncertain-table findings name it, and its cells are not checked. */
const ambiguousPlaces = (facts: (typeof DOCUMENTS)[number]) =>
  facts.ambiguous.map((a) => `${a.table}/${a.subtable ? `${a.subtable}/` : ''}${a.row}`);

function cellOf(report: AnnualReport, table: string, path: string[]): Cell | undefined {
  let node: unknown = report.tables[table as keyof AnnualReport['tables']];
  for (const key of path) node = (node as Record<string, unknown> | null | undefined)?.[key];
  return node as Cell | undefined;
}

const normalizeRaw = (raw: string) => raw.replace(/\s+/g, '');
const printedValue = (printed: string) => {
  const text = normalizeRaw(printed);
  return /^-?\d+(?:\.\d+)?$/.test(text) ? Number(text) : null;
};

/** Every printed cell in the facts, as [table, path…, printed]. */
function printedCells(tables: Record<string, unknown>): [string, string[], string][] {
  const out: [string, string[], string][] = [];
  const walk = (table: string, node: unknown, path: string[]) => {
    if (typeof node === 'string') out.push([table, path, node]);
    else for (const [k, v] of Object.entries(node as Record<string, unknown>)) walk(table, v, [...path, k]);
  };
  for (const [table, rows] of Object.entries(tables)) walk(table, rows, []);
  return out;
}

describe.skipIf(!present)('complete real documents', async () => {
  const run = present ? await auditPaths([REALWORLD]) : { findings: [], files: [] };
  const byFile = new Map<string, Found[]>();
  for (const f of run.findings as Found[]) byFile.set(basename(f.file), [...(byFile.get(basename(f.file)) ?? []), f]);

  for (const [file, want] of Object.entries(FINDINGS)) {
    it(`${file}: exactly the findings checked by hand`, () => {
      const facts = DOCUMENTS.find((d) => d.file === file);
      const uncertain = facts ? ambiguousPlaces(facts) : [];
      const got = (byFile.get(file) ?? []).filter((f) => f.rule !== 'extract/uncertain-table');
      expect(got.map(describeFinding).sort()).toEqual([...want].sort());
      const unsure = (byFile.get(file) ?? []).filter((f) => f.rule === 'extract/uncertain-table');
      if (uncertain.length === 0) expect(unsure.map(describeFinding)).toEqual([]);
      else expect(unsure.length).toBeGreaterThan(0);
    });
  }

  for (const facts of DOCUMENTS) {
    it(`${facts.file}: meta, parts and every verified cell`, async () => {
      const path = join(REALWORLD, facts.file);
      const report = await readReport(new Uint8Array(readFileSync(path)), path);
      expect(report.meta.year).toBe(facts.year);
      expect(report.meta.agency).toBe(facts.agency);
      expect(report.sections.map((s) => s.heading.replace(/\s+/g, ''))).toEqual(facts.parts);
      const skipped = ambiguousPlaces(facts);
      const wrong: string[] = [];
      for (const [table, path, printed] of printedCells(facts.tables)) {
        const place = `${table}/${path.join('/')}`;
        if (skipped.some((s) => place.startsWith(`${s}/`))) continue;
        const cell = cellOf(report, table, path);
        if (!cell || cell.value !== printedValue(printed) || normalizeRaw(cell.raw) !== normalizeRaw(printed))
          wrong.push(`${place}: printed ${JSON.stringify(printed)}, read ${JSON.stringify(cell?.raw ?? null)}`);
      }
      expect(wrong).toEqual([]);
      for (const place of skipped) {
        const [table, ...rest] = place.split('/');
        const row = rest.join('/');
        expect(
          report.uncertain.some((u) => u.table === table && (u.row === null || u.row === row)),
          `${place} is ambiguous in the text and must be uncertain`,
        ).toBe(true);
      }
    });
  }
});

describe.skipIf(!present)('excerpts of real report pages', async () => {
  const dir = join(REALWORLD, 'excerpts');
  const run = present ? await auditPaths([dir]) : { findings: [], files: [] };
  const byFile = new Map<string, Found[]>();
  for (const f of run.findings as Found[]) byFile.set(basename(f.file), [...(byFile.get(basename(f.file)) ?? []), f]);

  for (const [file, facts] of Object.entries(EXCERPTS)) {
    it(`${file}: no finding the excerpt does not explain, none it proves missed`, () => {
      const got = (byFile.get(file) ?? []).map((f) => `${f.rule} @ ${f.location}`);
      const allowed = new Set(facts.findings.map((f) => `${f.rule} @ ${f.location}`));
      const required = facts.findings.filter((f) => f.required).map((f) => `${f.rule} @ ${f.location}`);
      expect(got.filter((g) => !allowed.has(g))).toEqual([]);
      expect(required.filter((r) => !got.includes(r))).toEqual([]);
    });
  }
});
