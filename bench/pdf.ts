/**
 * PDF throughput over corpus/pdf in one process:
 *   (a) nianbao: extract + structure + audit (auditFile), file by file
 *   (b) bare pdf.js: same load options, getTextContent + getOperatorList per page
 *   (c) pdftotext -layout per file, when installed
 * and the peak RSS of extracting the largest PDF. Run: npm run bench:pdf
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { loadOptions } from '../src/extract/pdf/load.js';
import { auditFile } from '../src/pipeline.js';

const DIR = join(import.meta.dirname, '..', 'corpus', 'pdf');
const files = readdirSync(DIR)
  .filter((f) => f.endsWith('.pdf') && !/^(scan|truncated)-/.test(f))
  .map((f) => join(DIR, f));

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

async function timed(run: (path: string) => Promise<unknown> | unknown): Promise<number> {
  const start = performance.now();
  for (const f of files) await run(f);
  return performance.now() - start;
}

function hasPdftotext(): boolean {
  try {
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

async function main(): Promise<void> {
  let pages = 0;
  for (const f of files) pages += await pageCount(f);
  // warm-up: module loading, CMaps and font data caches
  await auditFile(files[0]!);
  await bare(files[0]!);
  const a = await timed((f) => auditFile(f));
  const b = await timed(bare);
  const c = hasPdftotext() ? await timed((f) => execFileSync('pdftotext', ['-layout', f, '-'], { stdio: ['ignore', 'pipe', 'ignore'] })) : null;
  const perPage = (ms: number) => (ms / pages).toFixed(1);
  console.log(`${files.length} PDFs, ${pages} pages`);
  console.log(`(a) nianbao extract+structure+audit  ${perPage(a)} ms/page`);
  console.log(`(b) bare pdf.js text+operators       ${perPage(b)} ms/page`);
  if (c !== null) console.log(`(c) pdftotext -layout                ${perPage(c)} ms/page`);
  console.log(`a/b = ${(a / b).toFixed(2)}${c !== null ? `   a/c = ${(a / c).toFixed(2)}` : ''}`);
  const largest = files.reduce((p, q) => (statSync(q).size > statSync(p).size ? q : p));
  const before = process.memoryUsage().rss;
  let peak = before;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
  await auditFile(largest);
  clearInterval(timer);
  peak = Math.max(peak, process.memoryUsage().rss);
  console.log(`peak RSS extracting the largest PDF (${(statSync(largest).size / 1024).toFixed(0)} KB): ${(peak / 2 ** 20).toFixed(0)} MB (process was at ${(before / 2 ** 20).toFixed(0)} MB)`);
}

await main();
