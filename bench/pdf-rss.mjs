/**
 * Child of bench/pdf.ts: one fresh process on the compiled code (dist/, as the
 * CLI and the corpus workers run it; a TypeScript loader would itself add some
 * 150 MB) that audits (`audit`) or bare-reads (`bare`: text content + operator
 * list per page) every PDF named, in turn, as one worker would, and prints its
 * peak RSS in kB after loading the modules and at the end, as JSON.
 */
import { readFileSync } from 'node:fs';

const [mode, ...paths] = process.argv.slice(2);
const { auditFile } = await import('../dist/pipeline.js');
const { getDocument, loadOptions } = await import('../dist/extract/pdf/load.js');
const loaded = process.resourceUsage().maxRSS;

async function bare(path) {
  const doc = await getDocument(loadOptions(new Uint8Array(readFileSync(path)))).promise;
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    await page.getTextContent();
    await page.getOperatorList();
    page.cleanup();
  }
  await doc.destroy();
}

let findings = 0;
for (const path of paths) {
  if (mode === 'bare') await bare(path);
  else findings += (await auditFile(path)).findings.length;
}
console.log(JSON.stringify({ loaded, peak: process.resourceUsage().maxRSS, findings }));
