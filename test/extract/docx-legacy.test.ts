import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { afterEach, describe, expect, it } from 'vitest';
import { docxToDocument, legacyWordToDocument } from '../../src/extract/docx.js';
import { extractDocument } from '../../src/extract/index.js';
import { DEFAULT_EXTRACT_OPTIONS } from '../../src/extract/options.js';
import { findSoffice } from '../../src/extract/soffice.js';
import { sniff } from '../../src/extract/sniff.js';
import { UnreadableDocument, type DocumentIR, type TableBlock } from '../../src/model/ir.js';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/docx/${name}`, import.meta.url));
const table = (doc: DocumentIR) => doc.blocks.find((b): b is TableBlock => b.kind === 'table')!;
const soffice = findSoffice();

if (!soffice) {
  console.warn('[docx-legacy] LibreOffice (soffice) not found: .doc/.rtf conversion tests are SKIPPED. Install the system package libreoffice-writer to run them.');
}

async function rejection(promise: Promise<unknown>): Promise<UnreadableDocument> {
  const error = await promise.then(() => null, (e: unknown) => e);
  if (!(error instanceof UnreadableDocument)) throw new Error(`expected UnreadableDocument, got ${String(error)}`);
  return error;
}

describe('a .doc that is really an HTML page', () => {
  it('is sniffed as HTML and read with its merged cells, never handed to LibreOffice', async () => {
    const bytes = fixture('html-report.doc');
    expect(sniff(bytes)).toBe('html');
    const doc = await extractDocument(bytes);
    expect(doc.format).toBe('html');
    expect(doc.title).toBe('某县2021年政府信息公开工作年度报告');
    const t = table(doc);
    expect([t.rows, t.cols]).toEqual([28, 10]);
    expect(t.cells.find((c) => c.text === '三、本年度办理结果')).toMatchObject({ row: 5, col: 0, rowSpan: 22, colSpan: 1 });
    expect(t.cells.find((c) => c.text === '（三）不予公开')).toMatchObject({ row: 7, col: 1, rowSpan: 8 });
  });
});

describe('legacy Word without LibreOffice', () => {
  const saved = process.env.NIANBAO_SOFFICE;
  afterEach(() => {
    if (saved === undefined) delete process.env.NIANBAO_SOFFICE;
    else process.env.NIANBAO_SOFFICE = saved;
  });

  it('says which package is needed', async () => {
    process.env.NIANBAO_SOFFICE = 'none';
    const error = await rejection(legacyWordToDocument(fixture('table3-libreoffice.doc'), DEFAULT_EXTRACT_OPTIONS));
    expect(error.reason).toBe('unsupported');
    expect(error.message).toContain('libreoffice-writer');
  });
});

describe.skipIf(!soffice)('legacy Word through LibreOffice (needs libreoffice-writer)', () => {
  const liveConversions = () => execFileSync('ps', ['-eo', 'args'], { encoding: 'utf8' }).split('\n').filter((l) => l.includes('nianbao-soffice-'));
  const tempDirs = () => readdirSync(tmpdir()).filter((n) => n.startsWith('nianbao-soffice-'));

  it('reads a .doc and an .rtf made by LibreOffice with the same 表三 grid as the DOCX', async () => {
    const original = table(await docxToDocument(fixture('table3-vmerge.docx'), DEFAULT_EXTRACT_OPTIONS));
    const [doc, rtf] = await Promise.all([extractDocument(fixture('table3-libreoffice.doc')), extractDocument(fixture('table3-libreoffice.rtf'))]);
    for (const converted of [doc, rtf]) {
      expect(converted.format).toBe('docx');
      expect(converted.diagnostics.map((d) => d.code)).toContain('extract/converted');
      expect(table(converted).cells).toEqual(original.cells);
    }
    expect(doc.title).toBe('某市人民政府办公室2021年政府信息公开工作年度报告');
  });

  it('kills LibreOffice and cleans up on timeout', async () => {
    const before = tempDirs().length;
    const error = await rejection(legacyWordToDocument(fixture('table3-libreoffice.doc'), { ...DEFAULT_EXTRACT_OPTIONS, sofficeTimeoutMs: 200 }));
    expect(error.reason).toBe('timeout');
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(liveConversions()).toEqual([]);
    expect(tempDirs().length).toBeLessThanOrEqual(before);
  });

  it('reports a damaged .doc as unreadable, not as a crash', async () => {
    const damaged = fixture('table3-libreoffice.doc').subarray(0, 4096);
    const error = await rejection(legacyWordToDocument(damaged, DEFAULT_EXTRACT_OPTIONS));
    expect(error.reason).toBe('corrupt');
  });
});
