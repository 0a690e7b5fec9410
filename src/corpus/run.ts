import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { runRules } from '../audit/engine.js';
import type { Finding } from '../model/finding.js';
import type { AnnualReport } from '../model/report.js';
import { toFinding } from '../audit/rule.js';
import { rule as unreadable, unreadableFinding } from '../audit/rules/extract-unreadable.js';
import { CorpusIndex } from './agencies.js';
import { extractorKey } from './extractor-key.js';
import { applyHistory, toStored, type HistoryResult, type RunFinding } from './history.js';
import { ParsePool } from './pool.js';
import { inShard, type Shard } from './shard.js';
import { slimReport, type SlimReport } from './shard-output.js';
import { readManifests, readTriage, type ManifestEntry } from './side-files.js';
import { Store, type ParsedMeta, type StoredFinding } from './store.js';
import { displayPath, walkInputs } from './walk.js';

export interface AuditRunOptions {
  jobs?: number;
  timeoutMs?: number;
  maxMemoryMb?: number;
  /** the run store; ':memory:' keeps nothing between runs */
  db?: string;
  shard?: Shard;
  /** called as parsing proceeds: files whose model is ready, of all files */
  onProgress?: (done: number, total: number) => void;
}

export interface AuditRun {
  files: string[];
  ignored: string[];
  findings: RunFinding[];
  history: Omit<HistoryResult, 'findings'> & { previousRun: number | null };
  parsed: number;
  cached: number;
  /** every readable report, without its text, for a shard's output */
  slim: () => SlimReport[];
  /** commits the run to the history; call after the outputs are written */
  commit: (args: string, started: string) => number | null;
  close: () => Promise<void>;
}

interface Entry {
  file: string;
  abs: string;
  sha256: string | null;
  failure: string | null;
}

export const DEFAULTS = { timeoutMs: 60_000, maxMemoryMb: 1024 };

// The extractors stay out of the main thread (pipeline.ts pulls in pdf.js): a warm run never parses.

/** Known hash when size and mtime match the stored row (no read); otherwise read and hash. */
async function identify(store: Store, file: string): Promise<Entry> {
  const abs = resolve(file);
  const info = await stat(abs).catch(() => null);
  if (!info?.isFile()) return { file, abs, sha256: null, failure: '路径不存在或不是文件' };
  const known = store.document(abs);
  if (known && known.size === info.size && known.mtimeMs === info.mtimeMs) return { file, abs, sha256: known.sha256, failure: null };
  const bytes = await readFile(abs).catch((e: NodeJS.ErrnoException) => e);
  if (bytes instanceof Error) return { file, abs, sha256: null, failure: `无法打开文件（${bytes.code ?? bytes.message}）` };
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  store.putDocument({ path: abs, size: info.size, mtimeMs: info.mtimeMs, sha256 });
  return { file, abs, sha256, failure: null };
}

/** Parses every entry the cache lacks, `jobs` at a time; each outcome is committed as it arrives. */
async function parseMissing(store: Store, key: string, entries: Entry[], options: Required<Pick<AuditRunOptions, 'jobs' | 'timeoutMs' | 'maxMemoryMb'>>, tick: () => void): Promise<number> {
  const todo = entries.filter((e) => e.sha256 && !store.parsedMeta(e.sha256, key));
  const unique = [...new Map(todo.map((e) => [e.sha256!, e])).values()];
  if (!unique.length) return 0;
  const pool = new ParsePool({ jobs: options.jobs, timeoutMs: options.timeoutMs, maxMemoryMb: options.maxMemoryMb });
  let next = 0;
  const lane = async () => {
    while (next < unique.length) {
      const entry = unique[next++]!;
      const out = await pool.parse(entry.abs);
      store.putParsed(entry.sha256!, key, { agency: out.agency, year: out.year, failure: out.failure }, out.reportJson);
      tick();
    }
  };
  await Promise.all(Array.from({ length: Math.min(options.jobs, unique.length) }, lane));
  await pool.close();
  return unique.length;
}

/** The manifest knows better than the report's title who published it, for which year, and when. */
function withManifest(report: AnnualReport, entry: ManifestEntry | undefined): AnnualReport {
  if (!entry) return report;
  const meta = { ...report.meta, agency: entry.agency ?? report.meta.agency, year: entry.year ?? report.meta.year, published: entry.published ?? report.meta.published };
  return { ...report, meta };
}

function metaWithManifest(meta: ParsedMeta, entry: ManifestEntry | undefined): { agency: string | null; year: number | null } {
  return { agency: entry?.agency ?? meta.agency, year: entry?.year ?? meta.year };
}

/**
 * Audits every report under the paths in two phases: parse what the cache
 * lacks in a worker pool, then run every rule over every report with the
 * corpus index (for cross-year rules). Every input file ends up in `files`;
 * a file that cannot be read is an `extract/unreadable` finding.
 */
export async function auditPaths(paths: string[], options: AuditRunOptions = {}): Promise<AuditRun> {
  const inputs = await walkInputs(paths);
  const shard = options.shard;
  const files = [...inputs.files.map(displayPath), ...inputs.missing].filter((f) => !shard || inShard(f, shard));
  const [manifest, triage] = await Promise.all([readManifests(paths), readTriage(paths)]);
  const store = new Store(options.db ?? ':memory:');
  const key = extractorKey();
  const entries: Entry[] = [];
  for (const file of files) entries.push(await identify(store, file));

  let done = entries.filter((e) => !e.sha256 || store.parsedMeta(e.sha256, key)).length;
  options.onProgress?.(done, entries.length);
  const jobs = options.jobs ?? availableParallelism();
  const parsed = await parseMissing(store, key, entries, { jobs, timeoutMs: options.timeoutMs ?? DEFAULTS.timeoutMs, maxMemoryMb: options.maxMemoryMb ?? DEFAULTS.maxMemoryMb }, () => options.onProgress?.(++done, entries.length));
  options.onProgress?.(entries.length, entries.length);

  const loadReport = (entry: Entry): AnnualReport | null => {
    const p = entry.sha256 ? store.parsed(entry.sha256, key) : null;
    return p?.report ? withManifest(p.report, manifest.get(entry.abs)) : null;
  };
  const byFile = new Map(entries.map((e) => [e.file, e]));
  const index = new CorpusIndex((file) => loadReport(byFile.get(file)!));
  for (const entry of entries) {
    const meta = entry.sha256 ? store.parsedMeta(entry.sha256, key) : null;
    if (meta && !meta.failure) {
      const m = metaWithManifest(meta, manifest.get(entry.abs));
      index.add(m.agency, m.year, entry.file);
    }
  }
  const context = { reportFor: (agency: string, year: number) => index.reportFor(agency, year) };
  const findings: Finding[] = [];
  for (const entry of entries) {
    const failure = entry.failure ?? (entry.sha256 ? store.parsedMeta(entry.sha256, key)?.failure : null) ?? null;
    const report = failure ? null : loadReport(entry);
    findings.push(...(report ? runRules(report, entry.file, context) : [toFinding(unreadable, null, entry.file, unreadableFinding(failure ?? '未能解析'))]));
  }

  const previousRun = store.previousRunId();
  const previous: StoredFinding[] = store.openFindings();
  const { findings: runFindings, ...history } = applyHistory(findings, files, previous, triage);
  const commit = (args: string, started: string) => {
    if (!options.db || options.db === ':memory:') return null;
    return store.commitRun(
      { started, finished: new Date().toISOString(), version: key, args, files: files.length, findings: runFindings.length, newFindings: history.newCount, resolved: history.resolved.length, triaged: history.triaged },
      runFindings.map(toStored),
      history.resolved,
    );
  };
  const slim = () => entries.flatMap((e) => {
    const report = loadReport(e);
    return report ? [{ file: e.file, report: slimReport(report) }] : [];
  });
  return { files, ignored: inputs.ignored, findings: runFindings, history: { ...history, previousRun }, parsed, cached: entries.length - parsed, slim, commit, close: async () => store.close() };
}
