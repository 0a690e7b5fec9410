/**
 * Moves 表三 of a corpus report down the page, so that the page break falls
 * on a chosen row: a spacer before the table in HTML, empty paragraphs before
 * it in DOCX. Shared by the break sweep and the fixture generator.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import iconv from 'iconv-lite';
import { extractDocument } from '../../src/extract/index.js';
import type { TableBlock } from '../../src/model/ir.js';

/** 表三's header names this applicant column; no other table does. */
const ANCHOR = '自然人';
const HEADING = '三、收到和处理政府信息公开申请情况';
/** A TrueType CJK face: Chromium embeds it as a small subset (the CFF Noto faces become Type 3 fonts, ~600 KB a file). */
const SMALL_FONT = '*{font-family:"Droid Sans Fallback" !important;font-weight:normal !important}';

/** Where 表三 opens (`open`, e.g. `<table`) and where it closes (`close`). */
function tableSpan(text: string, open: string, close: string): [number, number] {
  const anchor = text.indexOf(ANCHOR);
  const start = text.lastIndexOf(open, anchor);
  if (anchor < 0 || start < 0) throw new Error(`no ${open} before ${ANCHOR}`);
  return [start, text.indexOf(close, anchor) + close.length];
}

/**
 * The report's HTML, as UTF-8, with a `px` high spacer right above 表三;
 * `alone`: only the title, 表三's heading and 表三, in a font that keeps the PDF small.
 */
export function shiftedHtml(bytes: Uint8Array, px: number, alone = false): string {
  const head = Buffer.from(bytes.subarray(0, 1024)).toString('latin1');
  const charset = /charset=["']?([\w-]+)/i.exec(head)?.[1] ?? 'utf-8';
  const text = iconv.decode(Buffer.from(bytes), charset).replace(/charset=["']?[\w-]+/i, 'charset=utf-8');
  const [start, end] = tableSpan(text, '<table', '</table>');
  const spacer = `<div style="height:${px}px"></div>`;
  if (!alone) return text.slice(0, start) + spacer + text.slice(start);
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><style>${SMALL_FONT}</style></head><body><p>${HEADING}</p>${spacer}${text.slice(start, end)}</body></html>`;
}

/** The report's DOCX with `paragraphs` empty paragraphs right above 表三; `alone`: 表三's heading and 表三 only. */
export function shiftedDocx(bytes: Uint8Array, paragraphs: number, alone = false): Uint8Array {
  const files = unzipSync(bytes);
  const xml = strFromU8(files['word/document.xml']!);
  const [start, end] = tableSpan(xml, '<w:tbl>', '</w:tbl>');
  const spacer = '<w:p/>'.repeat(paragraphs);
  let out = xml.slice(0, start) + spacer + xml.slice(start);
  if (alone) {
    const body = xml.indexOf('>', xml.indexOf('<w:body')) + 1;
    const section = xml.lastIndexOf('<w:sectPr');
    const heading = `<w:p><w:r><w:t>${HEADING}</w:t></w:r></w:p>`;
    out = xml.slice(0, body) + heading + spacer + xml.slice(start, end) + xml.slice(section);
  }
  files['word/document.xml'] = strToU8(out);
  return zipSync(files);
}

export function chromium(input: string, output: string, headerFooter = false): void {
  const profile = mkdtempSync(join(tmpdir(), 'chromium-'));
  const flags = [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    `--user-data-dir=${profile}`,
  ];
  if (!headerFooter) flags.push('--no-pdf-header-footer');
  execFileSync('chromium', [...flags, `--print-to-pdf=${output}`, `file://${input}`], { stdio: 'ignore' });
}

/** DOCX → PDF through LibreOffice, with a profile of its own (so that runs side by side do not collide). */
export function libreOfficePdf(input: string, outdir: string): string {
  const profile = `-env:UserInstallation=file://${mkdtempSync(join(tmpdir(), 'soffice-'))}`;
  execFileSync('soffice', [profile, '--headless', '--convert-to', 'pdf', '--outdir', outdir, input], {
    stdio: 'ignore',
  });
  return join(outdir, basename(input).replace(/\.docx$/, '.pdf'));
}

/** Every cell of every table as `path → value | raw` (whitespace dropped; the page differs by nature). */
export function tableCells(node: unknown, path = '', out: Record<string, string> = {}): Record<string, string> {
  if (node && typeof node === 'object' && 'raw' in node && 'value' in node) {
    out[path] = `${String(node.value)} | ${String(node.raw).replace(/\s+/g, '')}`;
  } else if (node && typeof node === 'object') {
    for (const [k, v] of Object.entries(node)) tableCells(v, `${path}/${k}`, out);
  }
  return out;
}

/**
 * The non-blank cell texts of 表三 (whitespace dropped), sorted: a row lost,
 * duplicated or left cut in two by a page break changes this list.
 */
export async function applicationTexts(path: string): Promise<string[]> {
  const doc = await extractDocument(new Uint8Array(readFileSync(path)));
  const tables = doc.blocks.filter((b): b is TableBlock => b.kind === 'table');
  // a body label: Chromium may cut a header cell's text (自然 | 人) at the break
  const table = tables.find((t) => t.cells.some((c) => c.text.includes('予以公开')));
  return (table?.cells ?? [])
    .map((c) => c.text.replace(/\s+/g, ''))
    .filter(Boolean)
    .sort();
}
