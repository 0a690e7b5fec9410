/**
 * Writes the PDF test fixtures into test/fixtures/pdf/ the way agencies make
 * their PDFs (LibreOffice, Chromium print-to-PDF), plus the hand-made and
 * damaged ones. Needs soffice, chromium, pdftoppm and gs; the tests only read
 * the committed output. Run: node --import tsx scripts/make-pdf-fixtures.ts [breaks]
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, libreOfficePdf, shiftedDocx, shiftedHtml } from './pdf-fixtures/break-shift.js';
import { applicationValue, reportHtml, type ReportPage } from './pdf-fixtures/report-html.js';
import { ruledGrid, textAt, tinyPdf } from './pdf-fixtures/tiny-pdf.js';

const OUT = join(import.meta.dirname, '..', 'test', 'fixtures', 'pdf');
const work = mkdtempSync(join(tmpdir(), 'nianbao-pdf-'));

function html(name: string, page: ReportPage): string {
  const path = join(work, `${name}.html`);
  writeFileSync(path, reportHtml(page));
  return path;
}

/** HTML → PDF through Writer (not Writer/Web, whose page style is not A4). */
export function libreOffice(input: string, output: string): void {
  execFileSync(
    'soffice',
    ['--headless', '--infilter=HTML (StarWriter)', '--convert-to', 'pdf', '--outdir', work, input],
    { stdio: 'ignore' },
  );
  writeFileSync(output, readFileSync(input.replace(/\.html$/, '.pdf')));
}

function officePdfs(): void {
  libreOffice(
    html('lo-break', { agency: '某某市人力资源和社会保障局', year: 2023, filler: 7 }),
    join(OUT, 'lo-break.pdf'),
  );
  libreOffice(
    html('lo-thead', { agency: '某某县交通运输局', year: 2022, filler: 11, repeatHeader: true }),
    join(OUT, 'lo-thead.pdf'),
  );
  chromium(
    html('chromium-break', { agency: '某某区市场监督管理局', year: 2023, filler: 9, repeatHeader: true }),
    join(OUT, 'chromium-break.pdf'),
    true,
  );
  chromium(
    html('chromium-borderless', { agency: '某某镇人民政府', year: 2023, filler: 0, borderless: true }),
    join(OUT, 'chromium-borderless.pdf'),
  );
}

/** 表三's header and first rows in STSong-Light, not embedded: only the CMaps make this text readable. */
function stsongPdf(): Buffer {
  const f = 'stsong' as const;
  let content = textAt(150, 780, 18, '某某街道办事处2023年政府信息公开工作年度报告', f);
  content += textAt(72, 740, 12, '一、总体情况', f);
  content += textAt(96, 720, 12, '本年度共收到政府信息公开申请43件。', f);
  content += textAt(72, 690, 12, '三、收到和处理政府信息公开申请情况', f);
  const xs = [72, 152, 232, 312, 392];
  const ys = [670, 645, 620, 595];
  content += ruledGrid(xs, ys, [
    { row: 0, col: 0, rowSpan: 2, colSpan: 1 },
    { row: 0, col: 1, rowSpan: 1, colSpan: 3 },
  ]);
  content += textAt(96, 645, 10, '项目', f);
  content += textAt(246, 654, 10, '申请人情况', f);
  content += textAt(162, 629, 10, '自然人', f) + textAt(242, 629, 10, '商业企业', f) + textAt(332, 629, 10, '总计', f);
  content += textAt(76, 604, 9, '一、本年新收', f);
  for (const [i, c] of [0, 1, 6].entries())
    content += textAt(xs[i + 1]! + 30, 604, 10, String(applicationValue(0, c)), f);
  content += textAt(72, 560, 12, '本报告所列数据的统计期限为2023年1月1日至2023年12月31日。', f);
  return tinyPdf([{ width: 595, height: 842, content }], f, {
    Title: '某某街道办事处2023年政府信息公开工作年度报告',
    CreationDate: "D:20240118093000+08'00'",
  });
}

/** Multi-byte CJK text shown through a Latin-1 font: what a CJK PDF without a usable encoding extracts as. */
function garbledPdf(): Buffer {
  const bytes = Buffer.from('某某局2023年政府信息公开工作年度报告。本年度共收到申请43件。', 'utf8');
  const mojibake = bytes.toString('latin1').replace(/[\x00-\x1f\x7f-\x9f]/g, 'Ð');
  let content = '';
  for (let i = 0; i < 12; i++)
    content += `BT /F1 12 Tf 72 ${760 - i * 20} Td <${Buffer.from(mojibake, 'latin1').toString('hex')}> Tj ET\n`;
  return tinyPdf([{ width: 595, height: 842, content }], 'helvetica');
}

function scanPdf(source: string): Buffer {
  execFileSync('pdftoppm', ['-r', '40', '-jpeg', '-jpegopt', 'quality=50', '-l', '2', source, join(work, 'scan')]);
  const pages = readdirSync(work)
    .filter((f) => /^scan-\d+\.jpg$/.test(f))
    .sort()
    .map((f) => {
      const data = readFileSync(join(work, f));
      const size = /(\d+)x(\d+)/.exec(execFileSync('identify', [join(work, f)]).toString())!;
      return { width: 595, height: 842, content: '', jpeg: { data, width: Number(size[1]), height: Number(size[2]) } };
    });
  return tinyPdf(pages, 'helvetica');
}

function damagedPdfs(): void {
  const source = join(OUT, 'lo-break.pdf');
  const bytes = readFileSync(source);
  writeFileSync(join(OUT, 'truncated.pdf'), bytes.subarray(0, Math.floor(bytes.length * 0.6)));
  execFileSync('gs', [
    '-q',
    '-dNOPAUSE',
    '-dBATCH',
    '-sDEVICE=pdfwrite',
    '-sOwnerPassword=owner',
    '-sUserPassword=secret',
    '-dEncryptionR=3',
    '-dKeyLength=128',
    `-sOutputFile=${join(OUT, 'encrypted.pdf')}`,
    source,
  ]);
  writeFileSync(join(OUT, 'scan.pdf'), scanPdf(source));
}

/** The corpus report whose 表三 the page-break fixtures print: its （六） rows wrap to three lines. */
export const BREAK_SOURCE = '2022-heping-street';

/**
 * 表三 alone, pushed down so the page break falls: Chromium (spacer px) inside
 * the three-line row （六）2, right before the spanning 三、本年度办理结果, and
 * between the groups （三） and （四）; LibreOffice (empty paragraphs) inside （六）2 and inside
 * the group label （三）不予公开.
 */
function breakPdfs(): void {
  const corpus = join(import.meta.dirname, '..', 'corpus');
  const html = readFileSync(join(corpus, 'reports', `${BREAK_SOURCE}.html`));
  for (const [name, px] of [
    ['cut-row', 190],
    ['span', 760],
    ['group', 480],
  ] as const) {
    const input = join(work, `break-chromium-${name}.html`);
    writeFileSync(input, shiftedHtml(html, px, true));
    chromium(input, join(OUT, `break-chromium-${name}.pdf`));
  }
  const docx = readFileSync(join(corpus, 'docx', `${BREAK_SOURCE}.docx`));
  for (const [name, paragraphs] of [
    ['cut-row', 3],
    ['label', 40],
  ] as const) {
    const input = join(work, `break-lo-${name}.docx`);
    writeFileSync(input, shiftedDocx(docx, paragraphs, true));
    writeFileSync(join(OUT, `break-lo-${name}.pdf`), readFileSync(libreOfficePdf(input, work)));
  }
}

// `breaks`: only the page-break fixtures, leaving the others byte for byte
if (process.argv[2] !== 'breaks') {
  officePdfs();
  writeFileSync(join(OUT, 'stsong.pdf'), stsongPdf());
  writeFileSync(join(OUT, 'garbled.pdf'), garbledPdf());
  damagedPdfs();
}
breakPdfs();
console.log(`fixtures written to ${OUT}`);
