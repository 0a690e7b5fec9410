/**
 * Adds the unreadable members of the PDF corpus next to the rendered reports:
 * a scan of the first report (JPEG pages, no text layer) and a truncated copy
 * of the second. Usage: node --import tsx scripts/pdf-fixtures/damage.ts corpus/pdf
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { tinyPdf } from './tiny-pdf.js';

const dir = process.argv[2]!;
const sources = readdirSync(dir)
  .filter((f) => f.endsWith('.pdf') && !/^(scan|scanned|truncated)-/.test(f))
  .sort();
const work = mkdtempSync(join(tmpdir(), 'nianbao-scan-'));

function scan(source: string): Buffer {
  execFileSync('pdftoppm', ['-r', '40', '-jpeg', '-jpegopt', 'quality=50', source, join(work, 'page')]);
  const pages = readdirSync(work)
    .filter((f) => /^page-\d+\.jpg$/.test(f))
    .sort()
    .map((f) => {
      const size = /(\d+)x(\d+)/.exec(execFileSync('identify', [join(work, f)]).toString())!;
      return {
        width: 595,
        height: 842,
        content: '',
        jpeg: { data: readFileSync(join(work, f)), width: Number(size[1]), height: Number(size[2]) },
      };
    });
  return tinyPdf(pages, 'helvetica');
}

const [first, , second] = sources;
writeFileSync(join(dir, `scan-${basename(first!)}`), scan(join(dir, first!)));
const bytes = readFileSync(join(dir, second!));
writeFileSync(join(dir, `truncated-${basename(second!)}`), bytes.subarray(0, Math.floor(bytes.length * 0.55)));
