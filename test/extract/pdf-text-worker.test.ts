import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { PDFWorker as Worker } from 'pdfjs-dist';
import { describe, expect, it } from 'vitest';
import { OPS } from '../../src/extract/pdf/load.js';
import { patchWorker } from '../../src/extract/pdf/text-worker.js';
import { bothWorkers, FIXTURES, openThrough } from './pdf-helpers.js';

const CORPUS = join(import.meta.dirname, '..', '..', 'corpus', 'pdf');
const REALWORLD = join(import.meta.dirname, '..', '..', '..', 'shared', 'realworld');
const pdfs = (dir: string) =>
  existsSync(dir)
    ? readdirSync(dir)
        .filter((f) => f.endsWith('.pdf') && !/^(truncated|encrypted)/.test(f))
        .map((f) => join(dir, f))
    : [];
const realworld = pdfs(REALWORLD);
if (realworld.length === 0)
  console.warn(
    'SKIPPED: ../shared/realworld has no PDFs; the text-only worker is compared on corpus and fixture PDFs only',
  );
const files = [...pdfs(CORPUS), ...pdfs(FIXTURES), ...realworld].sort();
const stockSource = readFileSync(createRequire(import.meta.url).resolve('pdfjs-dist/build/pdf.worker.mjs'), 'utf8');

/** What a glyph in a showText operation tells a text reader; fontChar, isInFont and accent are for drawing it. */
function textOf(glyph: unknown): unknown {
  if (typeof glyph !== 'object' || glyph === null || !('unicode' in glyph)) return glyph;
  const { originalCharCode, unicode, width, vmetric, isSpace, operatorListId } = glyph as Record<string, unknown>;
  return { originalCharCode, unicode, width, vmetric, isSpace, operatorListId };
}

interface PageReading {
  fnArray: number[];
  argsArray: unknown[];
  text: unknown[];
  fonts: Record<string, unknown>;
}

/** The font as the main thread holds it, without the browser font the text-only worker never builds. */
function fontOf(commonObjs: { has(id: string): boolean; get(id: string): unknown }, id: string) {
  if (!commonObjs.has(id)) return null;
  const { data: _data, ...rest } = commonObjs.get(id) as Record<string, unknown>;
  return JSON.parse(JSON.stringify(rest)) as unknown;
}

/** pdf.js names fonts and images after the document's number in its worker (g_d12_f1), which differs between the two. */
function withoutDocumentId(reading: PageReading): PageReading {
  return JSON.parse(JSON.stringify(reading).replace(/\b(g_|img_|pattern_)?d\d+_/g, '$1d_')) as PageReading;
}

async function read(path: string, worker: Worker | null): Promise<PageReading[]> {
  const doc = await openThrough(new Uint8Array(readFileSync(path)), worker);
  const pages: PageReading[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    const ops = await page.getOperatorList();
    const text = (await page.getTextContent()).items;
    const argsArray = ops.argsArray.map((args: unknown, k) =>
      ops.fnArray[k] === OPS.setFont
        ? (args as unknown[]).slice(0, 2)
        : Array.isArray(args)
          ? args.map((a) => (Array.isArray(a) ? a.map(textOf) : a))
          : args,
    );
    const fonts: Record<string, unknown> = {};
    ops.fnArray.forEach((fn, k) => {
      const id = fn === OPS.setFont ? (ops.argsArray[k] as [string])[0] : null;
      if (id) fonts[id] = fontOf(page.commonObjs, id);
    });
    pages.push(withoutDocumentId({ fnArray: [...ops.fnArray], argsArray, text, fonts }));
    page.cleanup();
  }
  await doc.destroy();
  return pages;
}

describe('the text-only pdf.js worker', () => {
  const workers = bothWorkers();

  it('applies to the pinned pdfjs-dist (an upgrade fails here first)', () => {
    expect(patchWorker(stockSource)).toHaveProperty('source');
    expect(workers.textOnly).toBeTruthy();
  });

  it('applies nothing to a worker it was not written for, and names what did not match', () => {
    const other = stockSource.replace(
      'adjustWidths(properties);\n          data = this.convert',
      'data = this.convert',
    );
    expect(patchWorker(other)).toEqual({ unmatched: ['Type1 and CFF programs read for text only'] });
  });

  it('builds no browser font from a Type1, CFF or TrueType program, where the stock worker builds every one', async () => {
    // fontExtraProperties keeps each font's data on the main thread, which pdf.js otherwise drops once loaded
    const browserFonts = async (name: string, worker: Worker | null) => {
      const bytes = new Uint8Array(readFileSync(join(FIXTURES, name)));
      const doc = await openThrough(bytes, worker, { fontExtraProperties: true });
      const page = await doc.getPage(1);
      const ops = await page.getOperatorList();
      const built = ops.fnArray
        .map((fn, k) => (fn === OPS.setFont ? (ops.argsArray[k] as [string])[0] : null))
        .filter((id): id is string => id !== null)
        .map((id) => page.commonObjs.get(id) as { name: string; data?: Uint8Array })
        .map((font) => `${font.name.replace(/^[A-Z]{6}\+/, '')}${font.data ? ' built' : ''}`);
      await doc.destroy();
      return [...new Set(built)].sort();
    };
    for (const name of ['fonts-type1c.pdf', 'fonts-cid-cff.pdf', 'lo-break.pdf']) {
      const [mine, theirs] = [await browserFonts(name, workers.textOnly), await browserFonts(name, workers.stock)];
      expect(theirs.length).toBeGreaterThan(2);
      expect(theirs.every((f) => f.endsWith(' built'))).toBe(true);
      expect(mine.some((f) => f.endsWith(' built'))).toBe(false);
      expect(mine.map((f) => f.replace(' built', ''))).toEqual(theirs.map((f) => f.replace(' built', '')));
    }
  });

  it("puts a Type3 font's text height factor on its setFont, and nothing on other fonts'", async () => {
    const setFonts = async (name: string) => {
      const doc = await openThrough(new Uint8Array(readFileSync(join(CORPUS, name))), workers.textOnly);
      const page = await doc.getPage(1);
      const ops = await page.getOperatorList();
      const found = ops.fnArray
        .map((fn, k) => (fn === OPS.setFont ? (ops.argsArray[k] as unknown[]) : null))
        .filter((args): args is unknown[] => args !== null)
        .map((args) => ({
          args,
          type3: (page.commonObjs.get(args[0] as string) as { isType3Font?: boolean }).isType3Font,
        }));
      await doc.destroy();
      return found;
    };
    const chromium = await setFonts('2020-dongtan-township.pdf');
    expect(chromium.some((f) => f.type3)).toBe(true);
    for (const f of chromium) expect(f.args.length, JSON.stringify(f)).toBe(f.type3 ? 3 : 2);
    expect(chromium.filter((f) => f.type3).every((f) => f.args[2] === 1)).toBe(true);
    expect((await setFonts('2023-anping-county-stats.pdf')).every((f) => f.args.length === 2)).toBe(true);
  });

  it('covers the font programs producers embed: Type1, CFF, CID-keyed CFF, TrueType, Type3', () => {
    const names = files.map((f) => f.split('/').pop());
    expect(names).toEqual(
      expect.arrayContaining(['fonts-type1c.pdf', 'fonts-cid-cff.pdf', '2020-dongtan-township.pdf']),
    );
  });

  it.each(files.map((f) => [f.split('/').pop()!, f]))(
    '%s: the same operators, glyphs, fonts and text as the stock worker',
    async (_, path) => {
      const [mine, theirs] = [await read(path, workers.textOnly), await read(path, workers.stock)];
      expect(mine.length).toBe(theirs.length);
      for (const [k, page] of mine.entries()) expect(page, `page ${k + 1}`).toEqual(theirs[k]);
    },
    60_000,
  );
});
