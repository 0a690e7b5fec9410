import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PDFPageProxy } from 'pdfjs-dist';
import { describe, expect, it } from 'vitest';
import { textFromOperatorList, type FontInfo } from '../../src/extract/pdf/op-text.js';
import type { OperatorList } from '../../src/extract/pdf/paths.js';
import type { RawTextItem } from '../../src/extract/pdf/words.js';
import { bothWorkers, FIXTURES, openThrough } from './pdf-helpers.js';

const CORPUS = join(import.meta.dirname, '..', '..', 'corpus', 'pdf');
const pdfs = (dir: string) =>
  existsSync(dir)
    ? readdirSync(dir)
        .filter((f) => f.endsWith('.pdf') && !/^(scan|truncated|encrypted)/.test(f))
        .map((f) => join(dir, f))
    : [];
const files = [...pdfs(CORPUS), ...pdfs(FIXTURES)].sort();

/** The operator list's Tm is a Float32Array, the text layer's the content stream's doubles. */
const CLOSE = 1e-3;

function same(mine: RawTextItem[], theirs: RawTextItem[]): string | null {
  if (mine.length !== theirs.length) return `${mine.length} items, pdf.js ${theirs.length}`;
  for (const [k, a] of mine.entries()) {
    const b = theirs[k]!;
    const near =
      Math.abs(a.width - b.width) <= CLOSE && a.transform.every((x, j) => Math.abs(x - b.transform[j]!) <= CLOSE);
    if (a.str !== b.str || a.fontName !== b.fontName || !near)
      return `item ${k}: ${JSON.stringify(a)} vs pdf.js ${JSON.stringify(b)}`;
  }
  return null;
}

// nianbao reads through the text-only worker (its operator lists and text are pdf.js's own: pdf-text-worker.test.ts)
const workers = bothWorkers();
const open = (bytes: Uint8Array, through = workers.textOnly) => openThrough(bytes, through);

/** The page's text items rebuilt from its operator list, or null where op-text refuses. */
async function rebuild(page: PDFPageProxy): Promise<RawTextItem[] | null> {
  const ops = (await page.getOperatorList()) as OperatorList;
  const fontOf = (id: string) => (page.commonObjs.has(id) ? (page.commonObjs.get(id) as FontInfo) : null);
  return textFromOperatorList(ops, fontOf, page.view);
}

async function textLayer(page: PDFPageProxy): Promise<RawTextItem[]> {
  return (await page.getTextContent()).items.filter((i): i is RawTextItem & typeof i => 'str' in i);
}

describe('text rebuilt from the operator list', () => {
  it.each(files.map((f) => [f.split('/').pop()!, f]))(
    '%s: the items getTextContent gives, or a refusal',
    async (_, path) => {
      const doc = await open(new Uint8Array(readFileSync(path)));
      const rebuilt: (string | null)[] = [];
      for (let n = 1; n <= doc.numPages; n++) {
        const page = await doc.getPage(n);
        const mine = await rebuild(page);
        const theirs = await textLayer(page);
        rebuilt.push(mine ? same(mine, theirs) : 'refused');
      }
      await doc.destroy();
      expect(rebuilt.filter((r) => r !== null && r !== 'refused')).toEqual([]);
    },
  );

  it('rebuilds most corpus pages (a refusal costs the text layer pass it saves)', async () => {
    let pages = 0;
    let served = 0;
    for (const path of pdfs(CORPUS)) {
      const doc = await open(new Uint8Array(readFileSync(path)));
      for (let n = 1; n <= doc.numPages; n++) {
        const page = await doc.getPage(n);
        pages++;
        if (await rebuild(page)) served++;
      }
      await doc.destroy();
    }
    expect(pages).toBeGreaterThan(50);
    expect(served / pages).toBeGreaterThan(0.8);
  });
});

describe("Chromium's CJK text, in Type3 fonts", () => {
  it('is rebuilt on every page of the Chromium corpus PDFs', async () => {
    for (const name of ['2020-dongtan-township.pdf', '2022-xiyuan-logistics-centre.pdf', '2023-qingshui-town.pdf']) {
      const doc = await open(new Uint8Array(readFileSync(join(CORPUS, name))));
      for (let n = 1; n <= doc.numPages; n++) {
        const page = await doc.getPage(n);
        expect(await rebuild(page), `${name} page ${n}`).not.toBeNull();
      }
      await doc.destroy();
    }
  });
});

/**
 * A one-page PDF in a Type3 font of glyphs a and b, each a filled d1 box (a's
 * 0 0 75 75 glyph units, b's the same unless given), or d0 glyphs drawing it.
 */
function type3Pdf(o: { fontMatrix: string; fontBBox: string; text: string; b?: string; d0?: boolean }): Uint8Array {
  const proc = (box: string) =>
    o.d0
      ? `100 0 d0 ${box.split(' ').slice(0, 2).join(' ')} 75 75 re f`
      : `100 0 ${box} d1 ${box.split(' ').slice(0, 2).join(' ')} 10 10 re f`;
  const [a, b] = [proc('0 0 75 75'), proc(o.b ?? '0 0 75 75')];
  const content = `BT ${o.text} ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
    `<< /Type /Font /Subtype /Type3 /FontMatrix [${o.fontMatrix}] /FontBBox [${o.fontBBox}] /CharProcs << /a 6 0 R /b 7 0 R >> /Encoding << /Type /Encoding /Differences [97 /a /b] >> /FirstChar 97 /LastChar 98 /Widths [100 100] >>`,
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    `<< /Length ${a.length} >>\nstream\n${a}\nendstream`,
    `<< /Length ${b.length} >>\nstream\n${b}\nendstream`,
  ];
  let pdf = '%PDF-1.4\n';
  const offsets = objects.map((body, k) => {
    const at = pdf.length;
    pdf += `${k + 1} 0 obj\n${body}\nendobj\n`;
    return at;
  });
  const xref = pdf.length;
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const at of offsets) pdf += `${String(at).padStart(10, '0')} 00000 n \n`;
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(pdf);
}

async function both(bytes: Uint8Array, through = workers.textOnly) {
  const doc = await open(bytes, through);
  const page = await doc.getPage(1);
  const [mine, theirs] = [await rebuild(page), await textLayer(page)];
  await doc.destroy();
  return { mine, theirs };
}

describe('Type3 fonts, whose text pdf.js may scale by a glyph box the main thread does not see', () => {
  const at16 = '/F1 16 Tf 72 700 Td (ab) Tj';
  const matrix = '0.01 0 0 0.01 0 0';
  // transform[3] is the text height: 16 unscaled, 16 × 75 × 0.01 where pdf.js took the glyphs' box
  const cases: [string, Parameters<typeof type3Pdf>[0], number][] = [
    [
      'the default matrix, a bbox of size 0',
      { fontMatrix: '0.001 0 0 0.001 0 0', fontBBox: '0 0 0 0', text: at16 },
      16,
    ],
    ['a bbox given as the glyphs’ union', { fontMatrix: matrix, fontBBox: '0 0 75 75', text: at16 }, 16],
    ['a bbox of size 0, replaced by the d1 boxes', { fontMatrix: matrix, fontBBox: '0 0 0 0', text: at16 }, 12],
    [
      'a bbox replaced by the largest glyph’s box alone',
      { fontMatrix: matrix, fontBBox: '0 0 5 5', text: at16, b: '80 0 90 10' },
      12,
    ],
    [
      'a bbox of size 0, replaced by d0 glyphs’ paths',
      { fontMatrix: matrix, fontBBox: '0 0 0 0', text: at16, d0: true },
      12,
    ],
    [
      'size 1 with a fractional bbox',
      { fontMatrix: matrix, fontBBox: '0 0 100.5 100.5', text: '/F1 1 Tf 16 0 0 16 72 700 Tm (ab) Tj' },
      16 * 100.5 * 0.01,
    ],
  ];

  it.each(cases)('%s: rebuilt as getTextContent gives it', async (_, pdf, height) => {
    const { mine, theirs } = await both(type3Pdf(pdf));
    expect(theirs.map((i) => i.str).join('')).toBe('ab');
    expect(theirs[0]!.transform[3]).toBeCloseTo(height, 6);
    expect(mine).not.toBeNull();
    expect(same(mine!, theirs)).toBeNull();
  });

  it("are refused from pdf.js's stock worker, whose setFont does not carry the factor", async () => {
    const { mine } = await both(type3Pdf(cases[2]![1]), workers.stock);
    expect(mine).toBeNull();
  });
});
