/**
 * Time per DOCX report: extraction (zip checks, table normalisation, mammoth,
 * HTML → IR) for every corpus DOCX, or for the files given as arguments.
 * Usage: npm run bench:docx [-- file.docx …]
 */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { docxToDocument } from '../src/extract/docx.js';
import { DEFAULT_EXTRACT_OPTIONS } from '../src/extract/options.js';
import { UnreadableDocument } from '../src/model/ir.js';

const ROUNDS = 12;

function inputs(): string[] {
  const args = process.argv.slice(2);
  if (args.length) return args;
  const dirs = ['corpus/docx', 'test/fixtures/docx'].filter((d) => existsSync(d));
  return dirs.flatMap((d) =>
    readdirSync(d)
      .filter((n) => n.endsWith('.docx'))
      .map((n) => join(d, n)),
  );
}

/** Tables read, or why the file is unreadable (an unreadable file is timed too: refusing takes time as well). */
async function extractOnce(bytes: Uint8Array): Promise<string> {
  try {
    const doc = await docxToDocument(bytes, DEFAULT_EXTRACT_OPTIONS);
    return `${doc.blocks.filter((b) => b.kind === 'table').length} tables`;
  } catch (error) {
    if (error instanceof UnreadableDocument) return `unreadable (${error.reason})`;
    throw error;
  }
}

interface Timing {
  path: string;
  kb: number;
  ms: number[];
  /** CPU time (user + system): on a machine busy with other work, wall time alone misleads */
  cpuMs: number[];
  outcome: string;
}

async function timeFile(path: string): Promise<Timing> {
  const bytes = readFileSync(path);
  const timing: Timing = { path, kb: bytes.length / 1024, ms: [], cpuMs: [], outcome: '' };
  for (let i = 0; i < ROUNDS; i++) {
    const started = performance.now();
    const cpu = process.cpuUsage();
    timing.outcome = await extractOnce(bytes);
    const used = process.cpuUsage(cpu);
    timing.ms.push(performance.now() - started);
    timing.cpuMs.push((used.user + used.system) / 1000);
  }
  return timing;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;

async function main(): Promise<void> {
  const files = inputs();
  if (!files.length) throw new Error('no DOCX files found (scripts/make-docx.sh writes corpus/docx/)');
  const results: Timing[] = [];
  for (const file of files) results.push(await timeFile(file));
  for (const r of results) {
    console.log(
      `${r.path}\t${r.kb.toFixed(0)} KB\t${r.outcome}\tfirst ${r.ms[0]!.toFixed(1)} ms\tmedian ${median(r.ms.slice(1)).toFixed(1)} ms wall, ${median(r.cpuMs.slice(1)).toFixed(1)} ms CPU`,
    );
  }
  const summary = (pick: (r: Timing) => number[]) => {
    const medians = results.map((r) => median(pick(r).slice(1)));
    return `mean ${(medians.reduce((a, b) => a + b, 0) / medians.length).toFixed(1)} ms, max ${Math.max(...medians).toFixed(1)} ms`;
  };
  console.log(
    `${results.length} DOCX file(s), per report (median of ${ROUNDS - 1} warm rounds): wall ${summary((r) => r.ms)}; CPU ${summary((r) => r.cpuMs)}`,
  );
}

await main();
