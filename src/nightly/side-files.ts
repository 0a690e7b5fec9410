import { readFile, stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { csvRecords } from './csv-read.js';

export const MANIFEST_NAME = 'manifest.csv';
export const TRIAGE_NAME = 'nianbao-triage.csv';

/** What a corpus manifest says about one file; it overrides what the report says of itself. */
export interface ManifestEntry {
  agency: string | null;
  region: string | null;
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

/** Side files beyond this are not read: a manifest of 100,000 reports is a few MB. */
const MAX_SIDE_BYTES = 64 * 1024 * 1024;

/** Why side files were ignored: a bad side file is a warning, never the end of the run. */
export const sideWarnings: string[] = [];

function ignored(path: string, why: string): [] {
  const message = `nianbao: warning: ${path} ignored (${why})`;
  sideWarnings.push(message);
  process.stderr.write(`${message}\n`);
  return [];
}

async function readSide(root: string, name: string): Promise<Record<string, string>[]> {
  const path = join(root, name);
  const info = await stat(path).catch(() => null);
  if (!info) return [];
  // a FIFO or device named manifest.csv is never opened: reading it would block the run
  if (!info.isFile()) return ignored(path, 'not a regular file');
  if (info.size > MAX_SIDE_BYTES) return ignored(path, `over ${MAX_SIDE_BYTES / 1048576} MB`);
  try {
    return await csvRecords(await readFile(path, 'utf8'));
  } catch (error) {
    return ignored(path, (error as Error).message);
  }
}

const orNull = (s: string | undefined) => (s ? s : null);

/** Isoformat a manifest date (2024-01-20, 2024/1/20, 2024年1月20日). */
export function isoDate(s: string | undefined): string | null {
  const m = /(\d{4})\D{1,2}(\d{1,2})\D{1,2}(\d{1,2})/.exec(s ?? '');
  return m ? `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}` : null;
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
        region: orNull(r.region),
        year: Number.isFinite(year) ? year : null,
        url: orNull(r.url),
        published: isoDate(r.published),
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
