/**
 * How well a scan reads: every table cell of the report structured from the OCR'd
 * scan against the same cell of the born-digital source, and the findings of both.
 * Shared by test/extract/ocr-scan.test.ts and `npm run bench:ocr`.
 */
import { readFileSync } from 'node:fs';
import { runRules } from '../src/audit/engine.js';
import { extractDocument } from '../src/extract/index.js';
import { ocrToDocument } from '../src/extract/ocr/index.js';
import { DEFAULT_EXTRACT_OPTIONS } from '../src/extract/options.js';
import type { DocumentIR } from '../src/model/ir.js';
import type { AnnualReport, Cell } from '../src/model/report.js';
import { structureDocument } from '../src/structure/index.js';

export interface Accuracy {
  /** source cells (表二/表三/表四) */
  cells: number;
  /** read as the source has them */
  same: number;
  /** in a row OCR marked uncertain: not checked, not wrong */
  uncertain: number;
  /** read confidently as something else: the errors that matter */
  wrong: string[];
  /** not in the scan's report at all (its row label misread, so the row is missing) */
  missing: number;
  sourceFindings: string[];
  scanFindings: string[];
  /** the scan's DocumentIR, to look at what was read */
  doc: DocumentIR;
  pages: number;
  cpuSeconds: number;
  wallSeconds: number;
}

const compact = (raw: string) => raw.normalize('NFKC').replace(/\s+/g, '');

/** path → raw text of every cell of the three tables */
function tableCells(report: AnnualReport): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (prefix: string, node: unknown) => {
    if (node && typeof node === 'object' && 'state' in node) out.set(prefix, compact((node as Cell).raw));
    else if (node && typeof node === 'object')
      for (const [k, v] of Object.entries(node)) walk(prefix ? `${prefix}/${k}` : k, v);
  };
  walk('', report.tables);
  return out;
}

const findingKeys = (report: AnnualReport) =>
  runRules(report, 'x')
    .map((f) => `${f.rule} @ ${f.location}`)
    .sort();

function uncertainPrefixes(report: AnnualReport): string[] {
  return report.uncertain.map((u) => (u.row ? `${u.table}/${u.row}/` : `${u.table}/`));
}

/** CPU seconds of this process's ended children (the OCR child): /proc/self/stat's cutime + cstime, in ticks of 1/100 s. */
function childrenCpuSeconds(): number {
  try {
    const stat = readFileSync('/proc/self/stat', 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[13]) + Number(fields[14])) / 100;
  } catch {
    return 0;
  }
}

export async function scanAccuracy(source: Uint8Array, scan: Uint8Array): Promise<Accuracy> {
  const info = { path: 'x', sha256: '' };
  const original = structureDocument(await extractDocument(source, DEFAULT_EXTRACT_OPTIONS), info);
  const cpu = process.cpuUsage();
  const children = childrenCpuSeconds();
  const start = performance.now();
  const doc: DocumentIR = await ocrToDocument(scan, DEFAULT_EXTRACT_OPTIONS);
  const used = process.cpuUsage(cpu);
  const childSeconds = childrenCpuSeconds() - children;
  const wallSeconds = (performance.now() - start) / 1000;
  const read = structureDocument(doc, info);
  const want = tableCells(original);
  const got = tableCells(read);
  const doubtful = uncertainPrefixes(read);
  let same = 0;
  let uncertain = 0;
  const wrong: string[] = [];
  let missing = 0;
  for (const [path, text] of want) {
    if (got.get(path) === text) same++;
    else if (doubtful.some((p) => path.startsWith(p))) uncertain++;
    else if (!got.has(path)) missing++;
    else wrong.push(`${path}: ${JSON.stringify(text)} → ${JSON.stringify(got.get(path) ?? null)}`);
  }
  return {
    cells: want.size,
    same,
    uncertain,
    wrong,
    missing,
    sourceFindings: findingKeys(original),
    scanFindings: findingKeys(read),
    doc,
    pages: doc.pages ?? 0,
    cpuSeconds: (used.user + used.system) / 1e6 + childSeconds,
    wallSeconds,
  };
}
