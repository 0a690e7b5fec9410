import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { strToU8, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { docxToDocument, legacyWordToDocument } from '../../src/extract/docx.js';
import { DEFAULT_EXTRACT_OPTIONS, type ExtractOptions } from '../../src/extract/options.js';
import { UnreadableDocument, type DocumentIR } from '../../src/model/ir.js';
import { coreXml, docx, documentXml, para, reportDocx, STYLES_XML } from '../fixtures/docx/build.js';

const read = (bytes: Uint8Array, options: Partial<ExtractOptions> = {}) =>
  docxToDocument(bytes, { ...DEFAULT_EXTRACT_OPTIONS, ...options });

async function reason(promise: Promise<unknown>): Promise<[string, string]> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof UnreadableDocument) return [error.reason, error.message];
    throw error;
  }
  throw new Error('expected UnreadableDocument');
}

/** Rewrites a field of the central-directory record of `name` (offsets per APPNOTE 4.3.12). */
function patchCentral(zip: Uint8Array, name: string, field: 'method' | 'originalSize', value: number): Uint8Array {
  const out = zip.slice();
  const view = new DataView(out.buffer);
  for (let at = 0; at < out.length - 46; at++) {
    if (view.getUint32(at, true) !== 0x02014b50) continue;
    const nameLength = view.getUint16(at + 28, true);
    if (Buffer.from(out.subarray(at + 46, at + 46 + nameLength)).toString('utf8') !== name) continue;
    if (field === 'method') view.setUint16(at + 10, value, true);
    else view.setUint32(at + 24, value, true);
    return out;
  }
  throw new Error(`no central directory record for ${name}`);
}

const allText = (doc: DocumentIR) => JSON.stringify(doc.blocks) + (doc.title ?? '');

describe('untrusted zips: limits from the central directory, before inflating', () => {
  it('refuses an entry whose compression ratio is a bomb’s', async () => {
    const bomb = docx(
      { document: documentXml(para('正文')), extra: { 'word/media/image1.bin': new Uint8Array(8 * 1024 * 1024) } },
      9,
    );
    expect(bomb.length).toBeLessThan(64 * 1024);
    const [why, message] = await reason(read(bomb));
    expect(why).toBe('too-large');
    expect(message).toContain('压缩比');
  });

  it('refuses archives beyond the total size and the entry count', async () => {
    expect((await reason(read(reportDocx(), { maxUncompressedBytes: 10_000 })))[0]).toBe('too-large');
    expect((await reason(read(reportDocx(), { maxZipEntries: 3 })))[0]).toBe('too-large');
    const many = Object.fromEntries(Array.from({ length: 3000 }, (_, i) => [`junk/${i}.xml`, strToU8('<a/>')]));
    const [why, message] = await reason(read(docx({ document: documentXml(para('正文')), extra: many })));
    expect([why, message]).toEqual(['too-large', expect.stringContaining('条目数')]);
  });

  it('refuses a declared 4 GB entry without allocating it', async () => {
    const lying = patchCentral(reportDocx(), 'word/document.xml', 'originalSize', 0xfffffff0);
    expect((await reason(read(lying)))[0]).toBe('too-large');
    const [why, message] = await reason(read(lying, { maxCompressionRatio: Number.POSITIVE_INFINITY }));
    expect([why, message]).toEqual(['too-large', expect.stringContaining('总大小')]);
  });

  it('refuses a document part too large to parse into a DOM, though within the archive limits', async () => {
    const huge = patchCentral(reportDocx(), 'word/document.xml', 'originalSize', 60 * 1024 * 1024);
    const [why, message] = await reason(read(huge, { maxCompressionRatio: Number.POSITIVE_INFINITY }));
    expect([why, message]).toEqual(['too-large', expect.stringContaining('word/document.xml 过大')]);
  });

  it('cuts an entry that inflates beyond its declared size instead of growing (then it is corrupt XML)', async () => {
    const lying = patchCentral(reportDocx(), 'word/document.xml', 'originalSize', 64);
    expect((await reason(read(lying)))[0]).toBe('corrupt');
  });
});

describe('corrupt, encrypted and foreign files', () => {
  it('reports a truncated or garbled zip as corrupt', async () => {
    const whole = reportDocx();
    expect((await reason(read(whole.subarray(0, whole.length >> 1))))[0]).toBe('corrupt');
    const garbage = new Uint8Array(4096).map((_, i) => (i * 7919) % 251);
    garbage.set([0x50, 0x4b, 0x03, 0x04]);
    expect((await reason(read(garbage)))[0]).toBe('corrupt');
  });

  it('reports broken document XML as corrupt', async () => {
    const [why, message] = await reason(read(docx({ document: '<w:document xmlns:w="x"><w:body><w:p>' })));
    expect(why).toBe('corrupt');
    expect(message).toContain('DOCX');
  });

  it('reports an AES-encrypted entry and an Office password-protected file as encrypted', async () => {
    expect((await reason(read(patchCentral(reportDocx(), 'word/document.xml', 'method', 99))))[0]).toBe('encrypted');
    // Office wraps a password-protected DOCX in an OLE file holding an "EncryptedPackage" stream.
    const ole = new Uint8Array(2048);
    ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    ole.set(Buffer.from('EncryptedPackage', 'utf16le'), 1024);
    expect((await reason(legacyWordToDocument(ole, DEFAULT_EXTRACT_OPTIONS)))[0]).toBe('encrypted');
    ole.fill(0, 1024).set(Buffer.from('Workbook', 'utf16le'), 1024);
    expect((await reason(legacyWordToDocument(ole, DEFAULT_EXTRACT_OPTIONS)))[0]).toBe('unsupported');
  });

  it('refuses a zip that is not a Word document, and a DOCX without text', async () => {
    const [why, message] = await reason(read(zipSync({ 'report.pdf': strToU8('%PDF-1.4') })));
    expect([why, message]).toEqual(['unsupported', expect.stringContaining('不是 Word')]);
    expect((await reason(read(docx({ document: documentXml('<w:p/>') }))))[0]).toBe('no-text');
  });
});

describe('XML entities are never resolved', () => {
  let dir: string;
  let server: Server;
  let requests = 0;
  let port = 0;
  const SECRET = 'SECRET-MARKER-7731';

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'nianbao-xxe-'));
    writeFileSync(join(dir, 'secret.txt'), SECRET);
    writeFileSync(join(dir, 'evil.dtd'), `<!ENTITY leak "${SECRET}">`);
    server = createServer((_, res) => {
      requests++;
      res.end(`<!ENTITY leak "${SECRET}">`);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });

  afterAll(() => {
    server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('does not read a file or fetch a URL named by an external entity or DTD', async () => {
    const file = pathToFileURL(join(dir, 'secret.txt')).href;
    const dtd = `<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "${file}"><!ENTITY web SYSTEM "http://127.0.0.1:${port}/x"><!ENTITY % remote SYSTEM "http://127.0.0.1:${port}/evil.dtd"> %remote;]>`;
    const bytes = docx({
      document: documentXml(para(['正文', '&xxe;', '&web;', '&leak;'].join('')).replace(/&amp;/g, '&'), dtd),
      styles: STYLES_XML.replace('?>', `?><!DOCTYPE w:styles SYSTEM "http://127.0.0.1:${port}/styles.dtd">`),
      core: coreXml(null, null)
        .replace('?>', `?><!DOCTYPE cp:coreProperties [<!ENTITY t SYSTEM "${file}">]>`)
        .replace('<dc:creator>', '<dc:title>&t;</dc:title><dc:creator>'),
    });
    const doc = await read(bytes);
    expect(allText(doc)).not.toContain(SECRET);
    expect(allText(doc)).toContain('正文');
    expect(requests).toBe(0);
    expect(doc.diagnostics.map((d) => d.code)).toContain('extract/docx-doctype');
  });

  it('does not fetch or read images that relationships point outside the package', async () => {
    const ns =
      'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
    const image = (id: string) =>
      `<w:r><w:drawing><wp:inline ${ns}><wp:docPr id="1" name="图片"/><a:graphic><a:graphicData><pic:pic><pic:blipFill><a:blip r:link="${id}"/></pic:blipFill></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>`;
    const rels = `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>
<Relationship Id="rIdWeb" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="http://127.0.0.1:${port}/seal.png" TargetMode="External"/>
<Relationship Id="rIdFile" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="${pathToFileURL(join(dir, 'secret.txt')).href}" TargetMode="External"/>
</Relationships>`;
    const body = `<w:p>${image('rIdWeb')}${image('rIdFile')}<w:r><w:t>正文</w:t></w:r></w:p>`;
    const doc = await read(
      docx({ document: documentXml(body), extra: { 'word/_rels/document.xml.rels': strToU8(rels) } }),
    );
    expect(allText(doc)).toContain('正文');
    expect(allText(doc)).not.toContain(SECRET);
    expect(requests).toBe(0);
  });

  it('does not expand nested internal entities (billion laughs)', async () => {
    const levels = Array.from({ length: 9 }, (_, i) => `<!ENTITY l${i + 1} "${`&l${i};`.repeat(10)}">`).join('');
    const dtd = `<!DOCTYPE w:document [<!ENTITY l0 "lol">${levels}]>`;
    const started = Date.now();
    const doc = await read(docx({ document: documentXml(para('正文&l9;').replace('&amp;l9;', '&l9;'), dtd) }));
    expect(Date.now() - started).toBeLessThan(5000);
    expect(allText(doc)).not.toContain('lollol');
  });
});
