/**
 * PDF throughput over corpus/pdf in one process:
 *   (a) nianbao: extract + structure + audit (auditFile), file by file
 *   (b) bare pdf.js: same load options, getTextContent + getOperatorList per page
 *   (c) pdftotext -layout per file, when installed
 * Both (a) and (b) are warmed up over every file first (a worker audits many
 * files, so steady state is what counts), then timed over ROUNDS rounds in
 * alternating order; the median round is reported, in wall time and in CPU
 * time (the shared machine is busy: wall time alone misleads). Last, the peak
 * RSS of auditing the largest PDF in a fresh child process running dist/.
 * Run: npm run bench:pdf [-- rounds]   (builds dist/ first)
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { loadOptions } from '../src/extract/pdf/load.js';
import { auditFile } from '../src/pipeline.js';

const DIR = join(import.meta.dirname, '..', 'corpus', 'pdf');
const ROUNDS = Number(process.argv[2] ?? 5);
const files = readdirSync(DIR)
  .filter((f) => f.endsWith('.pdf') && !/^(scan|truncated)-/.test(f))
  .map((f) => join(DIR, f));

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

async function timed(run: (path: string) => Promise<unknown> | unknown): Promise<Cost> {
  const start = performance.now();
  const cpu = process.cpuUsage();
  for (const f of files) await run(f);
  const used = process.cpuUsage(cpu);
  return { wall: performance.now() - start, cpu: (used.user + used.system) / 1000 };
}

function median(costs: Cost[], key: keyof Cost): number {
  return costs.map((c) => c[key]).sort((p, q) => p - q)[costs.length >> 1]!;
}

function hasPdftotext(): boolean {
  try {
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

const pdftotext = (f: string) =>
  execFileSync('pdftotext', ['-layout', f, '-'], { stdio: ['ignore', 'pipe', 'ignore'] });

/** Peak RSS (MB) of auditing `path` in a fresh node process, and of that process once its modules are loaded. */
function freshProcessRss(path: string): { loaded: number; peak: number } {
  const out = execFileSync(process.execPath, [join(import.meta.dirname, 'pdf-rss.mjs'), path], { encoding: 'utf8' });
  const { loaded, peak } = JSON.parse(out.trim().split('\n').pop()!) as { loaded: number; peak: number };
  return { loaded: loaded / 1024, peak: peak / 1024 };
}

async function main(): Promise<void> {
  let pages = 0;
  for (const f of files) pages += await pageCount(f);
  await timed((f) => auditFile(f));
  await timed(bare);
  const a: Cost[] = [];
  const b: Cost[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    if (round % 2 === 0) {
      a.push(await timed((f) => auditFile(f)));
      b.push(await timed(bare));
    } else {
      b.push(await timed(bare));
      a.push(await timed((f) => auditFile(f)));
    }
  }
  const c = hasPdftotext() ? [await timed(pdftotext), await timed(pdftotext), await timed(pdftotext)] : null;
  const perPage = (ms: number) => (ms / pages).toFixed(1);
  const line = (label: string, costs: Cost[]) =>
    `${label}  ${perPage(median(costs, 'wall'))} ms/page wall, ${perPage(median(costs, 'cpu'))} ms/page CPU`;
  console.log(`${files.length} PDFs, ${pages} pages, median of ${ROUNDS} rounds after a warm-up round`);
  console.log(line('(a) nianbao extract+structure+audit', a));
  console.log(line('(b) bare pdf.js text+operators     ', b));
  if (c)
    console.log(`(c) pdftotext -layout                ${perPage(median(c, 'wall'))} ms/page wall (child processes)`);
  const ratio = (key: keyof Cost) => (median(a, key) / median(b, key)).toFixed(2);
  console.log(
    `a/b = ${ratio('wall')} wall, ${ratio('cpu')} CPU${c ? `   a/c = ${(median(a, 'wall') / median(c, 'wall')).toFixed(2)} wall` : ''}`,
  );
  const largest = files.reduce((p, q) => (statSync(q).size > statSync(p).size ? q : p));
  const rss = freshProcessRss(largest);
  console.log(
    `peak RSS auditing the largest PDF (${(statSync(largest).size / 1024).toFixed(0)} KB) in a fresh process: ${rss.peak.toFixed(0)} MB (${rss.loaded.toFixed(0)} MB of it once the modules are loaded)`,
  );
}

await main();
