/**
 * Moves the page break through 表三 of corpus reports and checks that every
 * table cell of the PDF matches the HTML source's: Chromium prints each
 * report with a spacer of growing height before 表三, LibreOffice converts
 * each DOCX with empty paragraphs added before it. Prints one line per
 * rendering that differs (rows lost, duplicated or changed). Needs chromium
 * and soffice. Run: node --import tsx scripts/pdf-break-sweep.ts [report…]
 *   SWEEP_STEP (px, default 24) and SWEEP_PRODUCERS (chromium,libreoffice)
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { auditFile } from '../src/pipeline.js';
import {
  applicationTexts,
  chromium,
  libreOfficePdf,
  shiftedDocx,
  shiftedHtml,
  tableCells,
} from './pdf-fixtures/break-shift.js';

const ROOT = join(import.meta.dirname, '..');
const STEP = Number(process.env.SWEEP_STEP ?? 24);
const PRODUCERS = (process.env.SWEEP_PRODUCERS ?? 'chromium,libreoffice').split(',');
const work = mkdtempSync(join(tmpdir(), 'nianbao-sweep-'));

async function cells(path: string): Promise<Record<string, string>> {
  return tableCells((await auditFile(path)).report?.tables ?? null);
}

function diff(want: Record<string, string>, got: Record<string, string>): string[] {
  const keys = [...new Set([...Object.keys(want), ...Object.keys(got)])].sort();
  return keys.filter((k) => want[k] !== got[k]).map((k) => `${k}: ${want[k] ?? '—'} ≠ ${got[k] ?? '—'}`);
}

interface Source {
  cells: Record<string, string>;
  texts: string[];
}

/** Texts in one list and not the other, each with its count: what was lost (−) or duplicated (+). */
function textDiff(want: string[], got: string[]): string[] {
  const count = new Map<string, number>();
  for (const t of want) count.set(t, (count.get(t) ?? 0) - 1);
  for (const t of got) count.set(t, (count.get(t) ?? 0) + 1);
  return [...count].filter(([, n]) => n !== 0).map(([t, n]) => `${n > 0 ? '+' : ''}${n} ${t.slice(0, 30)}`);
}

async function check(name: string, label: string, pdf: string, want: Source): Promise<boolean> {
  const d = [...diff(want.cells, await cells(pdf)), ...textDiff(want.texts, await applicationTexts(pdf))];
  if (d.length) console.log(`${name} ${label}: ${d.length} differences\n  ${d.slice(0, 6).join('\n  ')}`);
  return d.length === 0;
}

async function sweepChromium(name: string, want: Source): Promise<[number, number]> {
  let ok = 0;
  let n = 0;
  for (let h = 0; h <= 1100; h += STEP, n++) {
    const html = join(work, `${name}-${h}.html`);
    writeFileSync(html, shiftedHtml(readFileSync(join(ROOT, 'corpus', 'reports', `${name}.html`)), h));
    const pdf = html.replace(/\.html$/, '.pdf');
    chromium(html, pdf);
    if (await check(name, `chromium spacer ${h}px`, pdf, want)) ok++;
  }
  return [ok, n];
}

async function sweepLibreOffice(name: string, want: Source): Promise<[number, number]> {
  let ok = 0;
  let n = 0;
  for (let k = 0; k <= 40; k += 2, n++) {
    const dir = join(work, `${name}-lo-${k}`);
    mkdirSync(dir);
    const docx = join(dir, `${name}.docx`);
    writeFileSync(docx, shiftedDocx(readFileSync(join(ROOT, 'corpus', 'docx', `${name}.docx`)), k));
    if (await check(name, `libreoffice +${k} paragraphs`, libreOfficePdf(docx, dir), want)) ok++;
  }
  return [ok, n];
}

const names =
  process.argv.slice(2).length > 0
    ? process.argv.slice(2)
    : readdirSync(join(ROOT, 'corpus', 'pdf'))
        .filter((f) => /^\d{4}-.*\.pdf$/.test(f))
        .map((f) => f.replace(/\.pdf$/, ''))
        .slice(0, 3);
for (const name of names) {
  const source = join(ROOT, 'corpus', 'reports', `${name}.html`);
  const want = { cells: await cells(source), texts: await applicationTexts(source) };
  for (const producer of PRODUCERS) {
    const [ok, n] = producer === 'chromium' ? await sweepChromium(name, want) : await sweepLibreOffice(name, want);
    console.log(`${name} ${producer}: ${ok}/${n} renderings read exactly`);
  }
}
