import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { getDocument, loadOptions } from '../../src/extract/pdf/load.js';
import { textFromOperatorList, type FontInfo } from '../../src/extract/pdf/op-text.js';
import type { OperatorList } from '../../src/extract/pdf/paths.js';
import type { RawTextItem } from '../../src/extract/pdf/words.js';
import { FIXTURES } from './pdf-helpers.js';

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

describe('text rebuilt from the operator list', () => {
  it.each(files.map((f) => [f.split('/').pop()!, f]))(
    '%s: the items getTextContent gives, or a refusal',
    async (_, path) => {
      const doc = await getDocument(loadOptions(new Uint8Array(readFileSync(path)))).promise;
      const rebuilt: (string | null)[] = [];
      for (let n = 1; n <= doc.numPages; n++) {
        const page = await doc.getPage(n);
        const ops = (await page.getOperatorList()) as OperatorList;
        const fontOf = (id: string) => (page.commonObjs.has(id) ? (page.commonObjs.get(id) as FontInfo) : null);
        const mine = textFromOperatorList(ops, fontOf, page.view);
        const theirs = (await page.getTextContent()).items.filter((i): i is RawTextItem & typeof i => 'str' in i);
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
      const doc = await getDocument(loadOptions(new Uint8Array(readFileSync(path)))).promise;
      for (let n = 1; n <= doc.numPages; n++) {
        const page = await doc.getPage(n);
        const ops = (await page.getOperatorList()) as OperatorList;
        const fontOf = (id: string) => (page.commonObjs.has(id) ? (page.commonObjs.get(id) as FontInfo) : null);
        pages++;
        if (textFromOperatorList(ops, fontOf, page.view)) served++;
      }
      await doc.destroy();
    }
    expect(pages).toBeGreaterThan(50);
    expect(served / pages).toBeGreaterThan(0.8);
  });
});
