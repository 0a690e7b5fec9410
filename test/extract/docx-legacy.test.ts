import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { docxToDocument, legacyWordToDocument } from '../../src/extract/docx.js';
import { extractDocument } from '../../src/extract/index.js';
import { DEFAULT_EXTRACT_OPTIONS } from '../../src/extract/options.js';
import { setChildTracker, setTempRoot } from '../../src/extract/sandbox.js';
import { findSoffice } from '../../src/extract/soffice.js';
import { sniff } from '../../src/extract/sniff.js';
import { isMht } from '../../src/extract/mht.js';
import { isWordXml } from '../../src/extract/word-xml.js';
import { UnreadableDocument, type DocumentIR, type TableBlock } from '../../src/model/ir.js';
import { processesNaming } from '../hostile/processes.js';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/docx/${name}`, import.meta.url));
const table = (doc: DocumentIR) => doc.blocks.find((b): b is TableBlock => b.kind === 'table')!;
const soffice = findSoffice();

if (!soffice) {
  console.warn(
    '[docx-legacy] LibreOffice (soffice) not found: .doc/.rtf conversion tests are SKIPPED. Install the system package libreoffice-writer to run them.',
  );
}

async function rejection(promise: Promise<unknown>): Promise<UnreadableDocument> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof UnreadableDocument)) throw new Error(`expected UnreadableDocument, got ${String(error)}`);
  return error;
}

describe('a .doc that is really an HTML page', () => {
  it('is sniffed as HTML and read with its merged cells, never handed to LibreOffice', async () => {
    const bytes = fixture('html-report.doc');
    expect(sniff(bytes)).toBe('html');
    const doc = await extractDocument(bytes);
    expect(doc.format).toBe('html');
    expect(doc!.title).toBe('某县2021年政府信息公开工作年度报告');
    const t = table(doc);
    expect([t.rows, t.cols]).toEqual([28, 10]);
    expect(t.cells.find((c) => c.text === '三、本年度办理结果')).toMatchObject({
      row: 5,
      col: 0,
      rowSpan: 22,
      colSpan: 1,
    });
    expect(t.cells.find((c) => c.text === '（三）不予公开')).toMatchObject({ row: 7, col: 1, rowSpan: 8 });
  });
});

describe('a .doc that is really a single-file web page (MHTML)', () => {
  it('is decoded (quoted-printable, GB2312) and read as HTML with its merged cells', async () => {
    const bytes = fixture('mht-report.doc');
    expect(isMht(bytes)).toBe(true);
    expect(isMht(fixture('html-report.doc'))).toBe(false);
    const doc = await extractDocument(bytes);
    expect(doc.format).toBe('html');
    expect(doc.title).toBe('某镇2021年政府信息公开工作年度报告');
    const html = table(await extractDocument(fixture('html-report.doc')));
    expect(table(doc).cells).toEqual(html.cells);
    expect(table(doc).cells.find((c) => c.text === '三、本年度办理结果')).toMatchObject({
      row: 5,
      col: 0,
      rowSpan: 22,
    });
  });
});

describe('a .doc that is really Word 2003 XML', () => {
  it('is text to the sniffer but recognised as Word XML', () => {
    const bytes = fixture('table3-word2003-xml.doc');
    expect(sniff(bytes)).toBe('text');
    expect(isWordXml(bytes)).toBe(true);
    expect(isWordXml(fixture('html-report.doc'))).toBe(false);
  });

  it('is read without LibreOffice, with Word 2003’s vmerge kept as rowSpan', async () => {
    const original = table(await docxToDocument(fixture('table3-vmerge.docx'), DEFAULT_EXTRACT_OPTIONS));
    const doc = await extractDocument(fixture('table3-word2003-xml.doc'));
    expect(doc.format).toBe('docx');
    expect(doc.title).toBe('某市人民政府办公室2021年政府信息公开工作年度报告');
    expect(table(doc).cells).toEqual(original.cells);
  });

  it('resolves no entity it declares', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nianbao-xxe-'));
    try {
      writeFileSync(join(dir, 'secret.txt'), 'SECRET-2003');
      const xml = fixture('table3-word2003-xml.doc')
        .toString('utf8')
        .replace(
          '<w:wordDocument',
          `<!DOCTYPE w:wordDocument [<!ENTITY x SYSTEM "${pathToFileURL(join(dir, 'secret.txt')).href}">]><w:wordDocument`,
        )
        .replace('三、收到和处理政府信息公开申请情况', '&x;三、收到和处理政府信息公开申请情况');
      const doc = await extractDocument(Buffer.from(xml));
      expect(JSON.stringify(doc.blocks)).not.toContain('SECRET-2003');
      expect(table(doc).rows).toBe(28);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
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
  it('reads .doc, .rtf and .odt (converted in parallel, each with its own profile) with the same 表三 grid as the DOCX', async () => {
    const original = table(await docxToDocument(fixture('table3-vmerge.docx'), DEFAULT_EXTRACT_OPTIONS));
    const names = ['table3-libreoffice.doc', 'table3-libreoffice.rtf', 'table3-libreoffice.odt'];
    const [doc, ...others] = await Promise.all(names.map((name) => extractDocument(fixture(name))));
    for (const converted of [doc!, ...others]) {
      expect(converted.format).toBe('docx');
      expect(converted.diagnostics.map((d) => d.code)).toContain('extract/converted');
      expect(table(converted).cells).toEqual(original.cells);
    }
    expect(doc!.title).toBe('某市人民政府办公室2021年政府信息公开工作年度报告');
  });

  it('kills LibreOffice and cleans up on timeout', async () => {
    // this conversion's own temporary root and process group: another suite's conversions on the machine are not ours
    const root = mkdtempSync(join(tmpdir(), 'nianbao-docx-legacy-'));
    const groups: number[] = [];
    setTempRoot(root);
    setChildTracker({ add: (pgid) => groups.push(pgid), remove: () => undefined });
    try {
      const error = await rejection(
        legacyWordToDocument(fixture('table3-libreoffice.doc'), { ...DEFAULT_EXTRACT_OPTIONS, sofficeTimeoutMs: 200 }),
      );
      expect(error.reason).toBe('timeout');
      expect(groups).toHaveLength(1);
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(processesNaming(root, groups)).toEqual([]);
      expect(readdirSync(root)).toEqual([]);
    } finally {
      setTempRoot(null);
      setChildTracker(null);
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('reports a damaged .doc as unreadable, not as a crash', async () => {
    const damaged = fixture('table3-libreoffice.doc').subarray(0, 4096);
    const error = await rejection(legacyWordToDocument(damaged, DEFAULT_EXTRACT_OPTIONS));
    expect(error.reason).toBe('corrupt');
  });
});
