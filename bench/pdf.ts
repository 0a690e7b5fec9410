/**
 * PDF throughput in one run, over corpus/pdf and the PDFs in ../shared/realworld
 * when present:
 *   (a) nianbao: extract + structure + audit + the CSV of findings, file by file
 *   (b) bare pdf.js with the same build and load options and pdf.js's own
 *       worker (nianbao's builds no browser fonts: text-worker.ts):
 *       getTextContent + getOperatorList on every page; (b′) the same on the legacy build with
 *       pdf.js's Node default of no font faces, the floor issue 13 measured
 *   (c) pdftotext -layout per file, when installed (children of one shell, CPU from `times`)
 *   (d) pdfplumber extract_text + extract_tables per page, when python3 has it (one child process)
 * (a) and (b) are warmed up over every file first (a worker audits many files,
 * so steady state is what counts), then timed over ROUNDS rounds in alternating
 * order; the median round is reported, in wall time and in CPU time (the shared
 * machine is busy: wall time alone misleads). Last, the peak RSS of one worker:
 * a fresh node process on dist/ auditing every file, and the largest one alone.
 * Run: npm run bench:pdf [-- rounds]   (builds dist/ first)
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeFindingsCsv } from '../src/output/csv.js';
import { getDocument, loadOptions, PDFJS_BUILD } from '../src/extract/pdf/load.js';
import { DEFAULTS } from '../src/nightly/run.js';
import { auditFile } from '../src/pipeline.js';

const ROOT = join(import.meta.dirname, '..');
const ROUNDS = Number(process.argv[2] ?? 5);

function pdfsIn(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.pdf') && !/^(scan|truncated)/.test(f))
    .sort()
    .map((f) => join(dir, f));
}

const corpus = pdfsIn(join(ROOT, 'corpus', 'pdf'));
const realworld = pdfsIn(join(ROOT, '..', 'shared', 'realworld'));
if (realworld.length === 0) console.warn('../shared/realworld has no PDFs: corpus/pdf only');
const files = [...corpus, ...realworld];
const scratch = mkdtempSync(join(tmpdir(), 'bench-pdf-'));

interface Cost {
  wall: number;
  cpu: number;
}

async function pageCount(path: string): Promise<number> {
  const doc = await getDocument(loadOptions(new Uint8Array(readFileSync(path)))).promise;
  const n = doc.numPages;
  await doc.destroy();
  return n;
}

async function bare(path: string): Promise<void> {
  const doc = await getDocument(loadOptions(new Uint8Array(readFileSync(path)))).promise;
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    await page.getTextContent();
    await page.getOperatorList();
    page.cleanup();
  }
  await doc.destroy();
}

/** The legacy pass runs in a child: the legacy build would install core-js in this process. */
function legacyPass(): Cost {
  const out = execFileSync(
    process.execPath,
    [join(import.meta.dirname, 'pdf-legacy-pass.mjs'), String(ROUNDS), ...files],
    {
      encoding: 'utf8',
    },
  );
  return JSON.parse(out.trim().split('\n').pop()!) as Cost;
}

async function audit(path: string): Promise<void> {
  const { findings } = await auditFile(path);
  await writeFindingsCsv(join(scratch, 'findings.csv'), findings);
}

async function timed(run: (path: string) => Promise<unknown>): Promise<Cost> {
  const start = performance.now();
  const cpu = process.cpuUsage();
  for (const f of files) await run(f);
  const used = process.cpuUsage(cpu);
  return { wall: performance.now() - start, cpu: (used.user + used.system) / 1000 };
}

function median(costs: Cost[], key: keyof Cost): number {
  return costs.map((c) => c[key]).sort((p, q) => p - q)[costs.length >> 1]!;
}

function medianCost(costs: Cost[]): Cost {
  return { wall: median(costs, 'wall'), cpu: median(costs, 'cpu') };
}

function works(command: string, args: string[]): boolean {
  try {
    execFileSync(command, args, { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** All files through pdftotext in one shell; `times` gives its children's CPU. */
function pdftotextRound(): Cost {
  const script = 'for f in "$@"; do pdftotext -layout "$f" - >/dev/null 2>&1; done; times';
  const start = performance.now();
  const out = execFileSync('bash', ['-c', script, 'bash', ...files], { encoding: 'utf8' });
  const wall = performance.now() - start;
  const children = out.trim().split('\n').pop()!;
  const seconds = [...children.matchAll(/(\d+)m([\d.]+)s/g)].map((m) => Number(m[1]) * 60 + Number(m[2]));
  return { wall, cpu: (seconds[0]! + seconds[1]!) * 1000 };
}

function pdfplumber(): Cost & { pages: number } {
  const out = execFileSync('python3', [join(import.meta.dirname, 'plumber-pass.py'), '3', ...files], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  return JSON.parse(out.trim().split('\n').pop()!) as Cost & { pages: number };
}

/** Peak RSS (MB) of a fresh node process on dist/ doing `mode` over `paths`, and once its modules are loaded. */
function freshProcessRss(mode: 'pool' | 'audit' | 'bare', paths: string[]): { loaded: number; peak: number } {
  const out = execFileSync(process.execPath, [join(import.meta.dirname, 'pdf-rss.mjs'), mode, ...paths], {
    encoding: 'utf8',
    env: { ...process.env, NIANBAO_POOL_LIMITS: JSON.stringify(DEFAULTS) },
  });
  const { loaded, peak } = JSON.parse(out.trim().split('\n').pop()!) as { loaded: number; peak: number };
  return { loaded: loaded / 1024, peak: peak / 1024 };
}

async function main(): Promise<void> {
  let pages = 0;
  for (const f of files) pages += await pageCount(f);
  await timed(audit);
  await timed(bare);
  const a: Cost[] = [];
  const b: Cost[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const steps = [async () => a.push(await timed(audit)), async () => b.push(await timed(bare))];
    for (const step of round % 2 === 0 ? steps : steps.reverse()) await step();
  }
  const perPage = (ms: number) => (ms / pages).toFixed(1).padStart(5);
  const line = (label: string, cost: Cost, note = '') =>
    console.log(`${label.padEnd(44)}${perPage(cost.cpu)} ms/page CPU ${perPage(cost.wall)} ms/page wall${note}`);
  const ratio = (p: Cost, q: Cost) => `${(p.cpu / q.cpu).toFixed(2)} CPU, ${(p.wall / q.wall).toFixed(2)} wall`;

  console.log(
    `${files.length} PDFs (${corpus.length} corpus/pdf, ${realworld.length} realworld), ${pages} pages; pdf.js ${PDFJS_BUILD} build`,
  );
  console.log(`median of ${ROUNDS} alternating rounds after a warm-up round`);
  const A = medianCost(a);
  const B = medianCost(b);
  line('(a) nianbao extract+structure+audit+CSV', A);
  line(`(b) bare pdf.js ${PDFJS_BUILD}: text+operator lists`, B);
  const BL = legacyPass();
  line('(b′) the same, legacy build, Node defaults (child)', BL);

  const C = works('pdftotext', ['-v']) ? medianCost([pdftotextRound(), pdftotextRound(), pdftotextRound()]) : null;
  if (C) line('(c) pdftotext -layout (child processes)', C);
  else console.log('(c) pdftotext not installed: skipped');

  const D = works('python3', ['-c', 'import pdfplumber']) ? pdfplumber() : null;
  if (D) line('(d) pdfplumber text+tables (python3, median of 3)', D, D.pages === pages ? '' : ` (${D.pages} pages)`);
  else console.log('(d) pdfplumber not importable by python3 (pip install pdfplumber): skipped');

  console.log(`a/b  = ${ratio(A, B)}   (goal ≤ 1.0)`);
  console.log(`a/b′ = ${ratio(A, BL)}   (the floor issue 13 measured)`);
  if (D) console.log(`a/d  = ${ratio(A, D)}   (goal ≤ 0.6)`);
  if (C) console.log(`a/c  = ${ratio(A, C)}   (goal ≤ 7)`);

  const largest = files.reduce((p, q) => (statSync(q).size > statSync(p).size ? q : p));
  const size = `${(statSync(largest).size / 1024).toFixed(0)} KB`;
  const worker = freshProcessRss('pool', files);
  const workerOne = freshProcessRss('pool', [largest]);
  console.log(
    `peak RSS, one pool worker (nianbao audit's limits), process holding only the pool: all ${files.length} files in a row ` +
      `${worker.peak.toFixed(0)} MB (${worker.loaded.toFixed(0)} MB once the pool was created); the largest (${size}) alone ${workerOne.peak.toFixed(0)} MB   (goal ≤ 150)`,
  );
  const plain = freshProcessRss('audit', files);
  const plainOne = freshProcessRss('audit', [largest]);
  const bareRss = freshProcessRss('bare', files);
  console.log(
    `peak RSS, auditFile in a plain node process (Node's default heap): all ${plain.peak.toFixed(0)} MB ` +
      `(${plain.loaded.toFixed(0)} MB once loaded); the largest alone ${plainOne.peak.toFixed(0)} MB; bare pass over all ${bareRss.peak.toFixed(0)} MB`,
  );
  rmSync(scratch, { recursive: true, force: true });
}

await main();
