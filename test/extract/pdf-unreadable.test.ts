import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UnreadableDocument } from '../../src/model/ir.js';
import { extract, FIXTURES, rowsOf, tableWith } from './pdf-helpers.js';
import { pdfToDocument } from '../../src/extract/pdf/index.js';
import { DEFAULT_EXTRACT_OPTIONS } from '../../src/extract/options.js';

async function failure(run: Promise<unknown>): Promise<UnreadableDocument> {
  const error = await run.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(UnreadableDocument);
  return error as UnreadableDocument;
}

describe('non-embedded CJK font (STSong-Light, UniGB-UCS2-H)', () => {
  it('reads text, metadata and a ruled table through the bundled CMaps', async () => {
    const doc = await extract('stsong.pdf');
    expect(doc.title).toBe('某某街道办事处2023年政府信息公开工作年度报告');
    expect([doc.published, doc.created]).toEqual([null, '2024-01-18']);
    expect(doc.blocks[0]).toMatchObject({
      kind: 'heading',
      level: 1,
      text: '某某街道办事处2023年政府信息公开工作年度报告',
    });
    expect(doc.blocks.map((b) => (b.kind === 'table' ? '' : b.text))).toContain('本年度共收到政府信息公开申请43件。');
    expect(rowsOf(tableWith(doc, '申请人情况'))).toEqual([
      ['项目@2x1', '申请人情况@1x3'],
      ['自然人', '商业企业', '总计'],
      ['一、本年新收', '20', '3', '43'],
    ]);
  });
});

describe('unreadable PDFs', () => {
  it('a scan (page images, no text layer) is no-text', async () => {
    const e = await failure(extract('scan.pdf'));
    expect(e.reason).toBe('no-text');
    expect(e.message).toMatch(/扫描件/);
  });

  it('Latin-1 mojibake is garbled', async () => {
    const e = await failure(extract('garbled.pdf'));
    expect(e.reason).toBe('garbled');
    expect(e.message).toMatch(/乱码/);
  });

  it('a password-protected file is encrypted', async () => {
    const e = await failure(extract('encrypted.pdf'));
    expect(e.reason).toBe('encrypted');
    expect(e.message).toMatch(/密码/);
  });

  it('a truncated download is corrupt', async () => {
    const e = await failure(extract('truncated.pdf'));
    expect(e.reason).toBe('corrupt');
    expect(e.message).toMatch(/不完整/);
  });

  it('bytes that are no PDF at all are corrupt, not a crash', async () => {
    const bytes = new TextEncoder().encode('%PDF-1.7\nthis is not a pdf\n%%EOF\n');
    const e = await failure(pdfToDocument(bytes, DEFAULT_EXTRACT_OPTIONS));
    expect(e.reason).toBe('corrupt');
  });

  it('more pages than maxPages is too-large', async () => {
    const e = await failure(extract('lo-break.pdf', { maxPages: 2 }));
    expect(e.reason).toBe('too-large');
    expect(e.message).toMatch(/3 页/);
  });

  it('leaves the caller’s buffer usable (pdf.js would detach it)', async () => {
    const bytes = new Uint8Array(readFileSync(join(FIXTURES, 'stsong.pdf')));
    await pdfToDocument(bytes, DEFAULT_EXTRACT_OPTIONS);
    expect(bytes.byteLength).toBeGreaterThan(0);
  });
});
