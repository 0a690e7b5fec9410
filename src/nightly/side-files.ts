import { readFile, stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
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

/** The directories whose side files apply: each directory named, or the directory of each file named. */
async function rootsOf(paths: string[]): Promise<string[]> {
  const roots = await Promise.all(
    paths.map(async (p) => ((await stat(p).catch(() => null))?.isDirectory() ? p : dirname(p))),
  );
  return [...new Set(roots.map((r) => resolve(r)))];
}

async function readSide(root: string, name: string): Promise<Record<string, string>[]> {
  const text = await readFile(join(root, name), 'utf8').catch(() => null);
  return text === null ? [] : await csvRecords(text);
}

const orNull = (s: string | undefined) => (s ? s : null);

/** A manifest date (2024-01-20, 2024/1/20, 2024年1月20日) as yyyy-mm-dd. */
function manifestDate(s: string | undefined): string | null {
  const m = /(\d{4})\D{1,2}(\d{1,2})\D{1,2}(\d{1,2})/.exec(s ?? '');
  return m ? isoDate(m[1]!, m[2]!, m[3]!) : null;
}

/** manifest.csv rows by absolute file path (the `file` column is relative to the manifest). */
export async function readManifests(paths: string[]): Promise<Map<string, ManifestEntry>> {
  const out = new Map<string, ManifestEntry>();
  for (const root of await rootsOf(paths)) {
    for (const r of await readSide(root, MANIFEST_NAME)) {
      if (!r.file) continue;
      const year = Number.parseInt(r.year ?? '', 10);
      out.set(resolve(root, r.file), {
        agency: orNull(r.agency),
        year: Number.isFinite(year) ? year : null,
        url: orNull(r.url),
        published: manifestDate(r.published),
      });
    }
  }
  return out;
}

function addTriage(out: Map<string, TriageEntry>, rows: Record<string, string>[]): void {
  for (const r of rows)
    if (r.fingerprint && r.decision) out.set(r.fingerprint, { decision: r.decision, note: r.note ?? '' });
}

/** nianbao-triage.csv decisions by fingerprint, from every root of the run. */
export async function readTriage(paths: string[]): Promise<Map<string, TriageEntry>> {
  const out = new Map<string, TriageEntry>();
  for (const root of await rootsOf(paths)) addTriage(out, await readSide(root, TRIAGE_NAME));
  return out;
}

/** One triage file named on the command line (merge has no corpus directory to look in). */
export async function readTriageFile(path: string): Promise<Map<string, TriageEntry>> {
  const out = new Map<string, TriageEntry>();
  addTriage(out, await csvRecords(await readFile(path, 'utf8')));
  return out;
}
