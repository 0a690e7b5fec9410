import { existsSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { decodeText } from '../extract/decode.js';
import { isoDate } from '../model/dates.js';
import { csvRecords } from './csv-read.js';

export const MANIFEST_NAME = 'manifest.csv';
export const TRIAGE_NAME = 'nianbao-triage.csv';

/** What a corpus manifest says about one file; it overrides what the report says of itself. */
export interface ManifestEntry {
  agency: string | null;
  year: number | null;
  url: string | null;
  published: string | null;
}

export interface TriageEntry {
  decision: string;
  note: string;
}

/** A side-file problem the summary and the JSON report: a row or column that was not used, and why. */
export interface SideFileWarning {
  file: string;
  /** the line as a spreadsheet numbers it (the header is line 1); null for the file as a whole */
  row: number | null;
  message: string;
}

export interface SideFiles {
  manifest: Map<string, ManifestEntry>;
  triage: Map<string, TriageEntry>;
  warnings: SideFileWarning[];
}

const MANIFEST_COLUMNS = new Set(['file', 'agency', 'year', 'url', 'published']);
/** The triage file's own columns, and every column of the discrepancy list: a saved copy of the output is a triage file. */
const TRIAGE_COLUMNS = new Set([
  'fingerprint',
  'decision',
  'triage',
  'note',
  ...['file', 'agency', 'year', 'rule', 'severity', 'location', 'expected', 'actual', 'message'],
  ...['status', 'page', 'source_url', 'report', 'previous_file'],
]);

/** The directories whose side files apply: each directory named, or the directory of each file named. */
export async function rootsOf(paths: string[]): Promise<string[]> {
  const roots = await Promise.all(
    paths.map(async (p) => ((await stat(p).catch(() => null))?.isDirectory() ? p : dirname(p))),
  );
  return [...new Set(roots.map((r) => resolve(r)))];
}

/**
 * A file's path relative to the audited folder that holds it, with `/`: the
 * same whatever the working directory, however the path was typed, on any OS.
 */
export function rootRelative(roots: string[], file: string): string {
  const abs = resolve(file);
  const root = roots
    .filter((r) => abs === r || abs.startsWith(r.endsWith(sep) ? r : r + sep))
    .sort((a, b) => b.length - a.length)[0];
  return (root ? relative(root, abs) : abs).split(sep).join('/');
}

/** Side files beyond this are not read: a manifest of 100,000 reports is a few MB. */
const MAX_SIDE_BYTES = 64 * 1024 * 1024;

/**
 * A side file's rows, decoded as reports are (BOM, then UTF-8, then GBK/GB18030 detection): Excel saves GBK.
 * A bad side file is a warning, never the end of the run; a FIFO or device under its name is never opened.
 */
async function readSide(
  path: string,
  warnings: SideFileWarning[],
): Promise<{ rows: Record<string, string>[]; encoding: string } | null> {
  const info = await stat(path).catch(() => null);
  if (!info) return null;
  const ignored = (why: string) => {
    warnings.push({ file: path, row: null, message: `未使用此文件（${why}）` });
    return null;
  };
  if (!info.isFile()) return ignored('不是普通文件');
  if (info.size > MAX_SIDE_BYTES) return ignored(`超过 ${MAX_SIDE_BYTES / 1048576} MB`);
  try {
    const { text, encoding } = decodeText(await readFile(path));
    return { rows: await csvRecords(text), encoding };
  } catch (error) {
    return ignored((error as Error).message);
  }
}

function unknownColumns(path: string, rows: Record<string, string>[], known: Set<string>): SideFileWarning[] {
  const columns = new Set(rows.flatMap((r) => Object.keys(r)));
  const unknown = [...columns].filter((c) => c && !known.has(c));
  return unknown.length
    ? [
        {
          file: path,
          row: null,
          message: `未知的列（已忽略）：${unknown.join('、')}；可用的列：${[...known].slice(0, 6).join('、')}`,
        },
      ]
    : [];
}

const orNull = (s: string | undefined) => (s ? s : null);

/** A manifest date (2024-01-20, 2024/1/20, 2024年1月20日) as yyyy-mm-dd. */
function manifestDate(s: string | undefined): string | null {
  const m = /(\d{4})\D{1,2}(\d{1,2})\D{1,2}(\d{1,2})/.exec(s ?? '');
  return m ? isoDate(m[1]!, m[2]!, m[3]!) : null;
}

function manifestRows(root: string, path: string, rows: Record<string, string>[], out: SideFiles): void {
  out.warnings.push(...unknownColumns(path, rows, MANIFEST_COLUMNS));
  for (const [i, r] of rows.entries()) {
    const warn = (message: string): void => {
      out.warnings.push({ file: path, row: i + 2, message });
    };
    if (!r.file) {
      warn('缺少 file 列的值，此行未使用');
      continue;
    }
    const abs = resolve(root, r.file);
    if (!existsSync(abs)) warn(`所列文件不存在：${r.file}`);
    const digits = /^\s*(\d{4})\s*年?\s*$/.exec(r.year ?? '')?.[1];
    const year = digits ? Number(digits) : null;
    if (r.year && year === null) warn(`year 不是四位年份：${r.year}`);
    const published = manifestDate(r.published);
    if (r.published && !published) warn(`published 不是日期：${r.published}`);
    if (r.url && !/^https?:\/\//i.test(r.url)) warn(`url 不是网址：${r.url}`);
    out.manifest.set(abs, {
      agency: orNull(r.agency),
      year,
      url: orNull(r.url),
      published,
    });
  }
}

/** Fingerprints as the outputs write them (`fp:…`) or bare. */
export const bareFingerprint = (s: string) => s.trim().replace(/^fp:/i, '').toLowerCase();

function triageRows(path: string, rows: Record<string, string>[], out: SideFiles): void {
  out.warnings.push(...unknownColumns(path, rows, TRIAGE_COLUMNS));
  for (const [i, r] of rows.entries()) {
    const decision = r.decision || r.triage;
    if (!r.fingerprint && !decision) continue;
    const warn = (message: string): void => {
      out.warnings.push({ file: path, row: i + 2, message });
    };
    if (!r.fingerprint) {
      warn('缺少 fingerprint，此行未使用');
      continue;
    }
    const fingerprint = bareFingerprint(r.fingerprint);
    if (!/^[0-9a-f]{16}$/.test(fingerprint)) {
      warn(`fingerprint 应为 16 位十六进制（可带 fp: 前缀）：${r.fingerprint}（被 Excel 改成了数字？）`);
      continue;
    }
    if (decision) out.triage.set(fingerprint, { decision, note: r.note ?? '' });
  }
}

/** manifest.csv (by absolute file path; `file` is relative to the manifest) and triage decisions, from every root. */
export async function readSideFiles(paths: string[]): Promise<SideFiles> {
  const out: SideFiles = { manifest: new Map(), triage: new Map(), warnings: [] };
  for (const root of await rootsOf(paths)) {
    const manifest = await readSide(join(root, MANIFEST_NAME), out.warnings);
    if (manifest) manifestRows(root, join(root, MANIFEST_NAME), manifest.rows, out);
    const triage = await readSide(join(root, TRIAGE_NAME), out.warnings);
    if (triage) triageRows(join(root, TRIAGE_NAME), triage.rows, out);
  }
  return out;
}

export async function readManifests(paths: string[]): Promise<Map<string, ManifestEntry>> {
  return (await readSideFiles(paths)).manifest;
}

export async function readTriage(paths: string[]): Promise<Map<string, TriageEntry>> {
  return (await readSideFiles(paths)).triage;
}

/** One triage file named on the command line (merge has no corpus directory to look in). */
export async function readTriageFile(path: string): Promise<SideFiles> {
  const out: SideFiles = { manifest: new Map(), triage: new Map(), warnings: [] };
  const side = await readSide(path, out.warnings);
  if (!side) throw new Error(`无法打开分诊文件：${path}`);
  triageRows(path, side.rows, out);
  return out;
}
