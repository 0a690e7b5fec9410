/**
 * Child of bench/pdf.ts: the bare pass issue 13 measured, in a process of its
 * own because the legacy build installs core-js for the whole process (its
 * Array.prototype.push would slow whatever else ran there): the legacy build
 * with pdf.js's Node default of no font faces, getTextContent +
 * getOperatorList on every page of every PDF named, after a warm-up round;
 * prints the median of ROUNDS rounds' wall and CPU milliseconds as JSON.
 */
import { readFileSync } from 'node:fs';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

const { loadOptions } = await import('../dist/extract/pdf/load.js');
const [rounds, ...paths] = process.argv.slice(2);

async function bare(path) {
  const options = { ...loadOptions(new Uint8Array(readFileSync(path))), disableFontFace: true, ownerDocument: undefined };
  const doc = await getDocument(options).promise;
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    await page.getTextContent();
    await page.getOperatorList();
    page.cleanup();
  }
  await doc.destroy();
}

async function round() {
  const start = performance.now();
  const cpu = process.cpuUsage();
  for (const path of paths) await bare(path);
  const used = process.cpuUsage(cpu);
  return { wall: performance.now() - start, cpu: (used.user + used.system) / 1000 };
}

await round();
const costs = [];
for (let i = 0; i < Number(rounds); i++) costs.push(await round());
const median = (key) => costs.map((c) => c[key]).sort((p, q) => p - q)[costs.length >> 1];
console.log(JSON.stringify({ wall: median('wall'), cpu: median('cpu') }));
