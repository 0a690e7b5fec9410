/**
 * OCR: seconds per page and cell accuracy per resolution, with and without a
 * red seal, on scans made from one corpus PDF by scripts/make-scan.sh.
 * Run: npm run bench:ocr [-- corpus/pdf/SOURCE.pdf]
 * OCR_BENCH_KEEP=DIR keeps each scan and the DocumentIR read from it there.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { scanAccuracy } from './ocr-accuracy.js';

const ROOT = join(import.meta.dirname, '..');
const source = process.argv[2] ?? join(ROOT, 'corpus/pdf/2023-fengyang-county-health.pdf');
const work = mkdtempSync(join(tmpdir(), 'nianbao-bench-ocr-'));
const bytes = readFileSync(source);
console.log(`source ${source}`);
console.log('dpi  seal  cells  same   uncertain  not-found  wrong  findings-equal  s/page(cpu)  s/page(wall)');
try {
  for (const dpi of [150, 200, 300])
    for (const seal of [false, true]) {
      const out = join(work, `scan-${dpi}-${seal}.pdf`);
      execFileSync(join(ROOT, 'scripts/make-scan.sh'), [source, String(dpi), out, ...(seal ? ['seal'] : [])]);
      const a = await scanAccuracy(bytes, readFileSync(out));
      const keep = process.env.OCR_BENCH_KEEP;
      if (keep) {
        mkdirSync(keep, { recursive: true });
        copyFileSync(out, join(keep, `scan-${dpi}${seal ? '-seal' : ''}.pdf`));
        writeFileSync(join(keep, `scan-${dpi}${seal ? '-seal' : ''}.json`), JSON.stringify(a.doc));
      }
      const equal = JSON.stringify(a.scanFindings) === JSON.stringify(a.sourceFindings);
      console.log(
        [
          String(dpi).padEnd(4),
          (seal ? 'yes' : 'no').padEnd(5),
          String(a.cells).padEnd(6),
          `${((a.same / a.cells) * 100).toFixed(1)}%`.padEnd(6),
          String(a.uncertain).padEnd(10),
          String(a.missing).padEnd(10),
          String(a.wrong.length).padEnd(6),
          (equal ? 'yes' : 'no').padEnd(15),
          (a.cpuSeconds / a.pages).toFixed(1).padEnd(12),
          (a.wallSeconds / a.pages).toFixed(1),
        ].join(' '),
      );
      for (const w of a.wrong) console.log(`     wrong: ${w}`);
    }
} finally {
  rmSync(work, { recursive: true, force: true });
}
