/**
 * Child of bench/pdf.ts: one fresh process on the compiled code (dist/, as the
 * CLI and the corpus workers run it; a TypeScript loader would itself add some
 * 150 MB) that reads every PDF named, in turn, and prints its peak RSS in kB
 * after loading the modules and at the end, as JSON. Modes:
 *   pool   the nightly run's ParsePool with one worker parsing each file, with
 *          the time and memory limits given as JSON in NIANBAO_POOL_LIMITS
 *          (bench/pdf.ts passes `nianbao audit`'s defaults): the process holds
 *          nothing but the pool, so its RSS is what one worker costs
 *   audit  auditFile in the main thread, on Node's default heap settings
 *   bare   text content + operator list per page, on Node's defaults
 */
import { readFileSync } from 'node:fs';

/**
 * Peak RSS in kB: /proc's VmHWM, which starts afresh with this program;
 * getrusage's maxRSS carries over the parent's RSS at fork, which is larger
 * than this child's when the benchmark has run a while.
 */
function peakRss() {
  try {
    const m = /VmHWM:\s*(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'));
    if (m) return Number(m[1]);
  } catch {}
  return process.resourceUsage().maxRSS;
}

const [mode, ...paths] = process.argv.slice(2);

async function bare(path, { getDocument, loadOptions }) {
  const doc = await getDocument(loadOptions(new Uint8Array(readFileSync(path)))).promise;
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    await page.getTextContent();
    await page.getOperatorList();
    page.cleanup();
  }
  await doc.destroy();
}

async function inPool() {
  const { ParsePool } = await import('../dist/nightly/pool.js');
  const pool = new ParsePool({ jobs: 1, ...JSON.parse(process.env.NIANBAO_POOL_LIMITS) });
  const loaded = peakRss();
  let parsed = 0;
  for (const path of paths) if ((await pool.parse(path)).reportJson) parsed++;
  await pool.close();
  return { loaded, parsed };
}

async function inProcess() {
  const { auditFile } = await import('../dist/pipeline.js');
  const pdf = await import('../dist/extract/pdf/load.js');
  const loaded = peakRss();
  let findings = 0;
  for (const path of paths) {
    if (mode === 'bare') await bare(path, pdf);
    else findings += (await auditFile(path)).findings.length;
  }
  return { loaded, findings };
}

const result = mode === 'pool' ? await inPool() : await inProcess();
console.log(JSON.stringify({ ...result, peak: peakRss() }));
