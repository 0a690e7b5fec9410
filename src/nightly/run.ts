import { createHash } from 'node:crypto';
import { createReadStream, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { extname, resolve } from 'node:path';
import { runRules } from '../audit/engine.js';
import type { RuleContext } from '../audit/rule.js';
import { withManifest } from './audit-task.js';
import { RULES } from '../audit/rules/index.js';
import type { Finding } from '../model/finding.js';
import type { AnnualReport } from '../model/report.js';
import { toFinding } from '../audit/rule.js';
import { rule as unreadable, unreadableFinding } from '../audit/rules/extract-unreadable.js';
import { CorpusIndex } from './agencies.js';
import { decodeFindings, encodeFindings } from './cached-findings.js';
import { extractorKey, rulesKey } from './extractor-key.js';
import { FindingHistory, refingerprint, withFingerprints, type RunFinding } from './history.js';
import type { Severity, StoredFinding } from '../model/finding.js';
import type { SummaryTally } from '../output/summary.js';
import { Spool } from './spool.js';
import { ReadablePaths } from './readable.js';
import { nameBytes } from '../model/file-name.js';
import { ParsePool } from './pool.js';
import { onStop } from './stop.js';
import { inShard, type Shard } from './shard.js';
import { isCorpusRule, slimReport, type SlimReport } from './shard-output.js';
import { readSideFiles, rootRelative, rootsOf, type ManifestEntry, type SideFileWarning } from './side-files.js';
import { Store, type AuditedRow, type DocumentRow } from './store.js';
import { walkOrder } from './merge.js';
import { displayPath, walkInputs } from './walk.js';

export interface AuditRunOptions {
  jobs?: number;
  timeoutMs?: number;
  maxMemoryMb?: number;
  /** the resident memory cap of a scan's OCR child process (default DEFAULT_EXTRACT_OPTIONS.ocrMemoryMb) */
  ocrMemoryMb?: number;
  /** the run store; ':memory:' keeps nothing between runs */
  db?: string;
  shard?: Shard;
  /** recognise scans with OCR (default on; the CLI's --no-ocr turns it off) */
  ocr?: boolean;
  /** called as parsing proceeds: files whose model is ready, of all files */
  onProgress?: (done: number, total: number) => void;
  /** why a walked file is not audited (a config's ignore glob), or null to audit it */
  skip?: (file: string) => string | null;
  /** extensions audited besides the built-in ones, with the dot (.jsp, .aspx) */
  extraExtensions?: string[];
  /** a config's per-rule settings: a finding's severity changed, or null to drop it (before history) */
  configure?: (finding: RunFinding) => RunFinding | null;
  /**
   * Where the findings go as they are found, given the files' facts first;
   * without it they are kept in `findings` (a library call, a test).
   */
  onFindings?: (facts: Map<string, FileFacts>) => (finding: RunFinding) => void;
}

/** What the outputs tell about one file besides its findings. */
export interface FileFacts {
  /** relative to the audited folder, with `/` */
  path: string;
  url: string | null;
  agency: string | null;
  year: number | null;
}

export interface AuditRun {
  files: string[];
  ignored: string[];
  /** files left out by `skip`, with the reason */
  skipped: { file: string; reason: string }[];
  /** side files' rows and columns that were not used, and why */
  warnings: SideFileWarning[];
  /** per input file: root-relative path, manifest URL, agency and year */
  facts: Map<string, FileFacts>;
  /** the run's findings in walk order; empty when they went to `onFindings` */
  findings: RunFinding[];
  /** how many findings the run reported */
  count: number;
  /** the summary's counts, gathered as the findings were found */
  tally: SummaryTally;
  /** findings not triaged, by severity: what --fail-on and --max-warnings judge */
  open: Record<Severity, number>;
  history: RunHistory;
  parsed: number;
  cached: number;
  /** every readable report, without its text, for a shard's output or the tidy tables */
  slim: () => Iterable<SlimReport>;
  /** commits the run to the history; call after the outputs are written */
  commit: (args: string, started: string) => number | null;
  close: () => Promise<void>;
}

/** What the history says of a run: counts only (the resolved findings are committed by `commit`). */
export interface RunHistory {
  newCount: number;
  persisting: number;
  triaged: number;
  resolved: number;
  previousRun: number | null;
}

interface Entry {
  file: string;
  abs: string;
  sha256: string | null;
  failure: string | null;
  /** the key its cached findings must carry: rules and parsing code, and its manifest entry */
  key: string;
  /** its failure is a limit of this run (time, memory, crash): reported, never cached */
  limited?: boolean;
  /** parsed in this run: what the parse left of the file's time limit, all its rules may take */
  budgetMs?: number;
}

export const DEFAULTS = { timeoutMs: 60_000, maxMemoryMb: 1024 };

const CORPUS_RULES = RULES.filter((r) => isCorpusRule(r.id));

// The extractors stay out of the main thread (pipeline.ts pulls in pdf.js): a warm run never parses.

/** The file's hash, read in pieces: the main thread never holds a whole file. */
async function hashFile(path: string | Buffer): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** Known hash when size and mtime match the stored row (no read); otherwise read and hash. */
async function identify(
  known: Map<string, DocumentRow>,
  changed: DocumentRow[],
  file: string,
): Promise<Omit<Entry, 'key'>> {
  const abs = resolve(file);
  // stat without a thread-pool round trip: a warm run stats every file and reads none
  const info = statSync(nameBytes(abs), { throwIfNoEntry: false });
  if (!info) return { file, abs, sha256: null, failure: '路径不存在' };
  if (!info.isFile()) return { file, abs, sha256: null, failure: '不是普通文件，未读取' };
  const row = known.get(abs);
  if (row && row.size === info.size && row.mtimeMs === info.mtimeMs)
    return { file, abs, sha256: row.sha256, failure: null };
  const sha256 = await hashFile(nameBytes(abs)).catch((e: NodeJS.ErrnoException) => e);
  if (sha256 instanceof Error)
    return { file, abs, sha256: null, failure: `无法打开文件（${sha256.code ?? sha256.message}）` };
  changed.push({ path: abs, size: info.size, mtimeMs: info.mtimeMs, sha256 });
  return { file, abs, sha256, failure: null };
}

/**
 * Parses every entry the cache lacks, `jobs` at a time; each outcome is
 * committed as it arrives, except a limit of this run (timeout, memory,
 * crash): that is the entry's failure for this run only, and the next run,
 * perhaps with other limits, tries again.
 */
async function parseMissing(
  store: Store,
  key: string,
  entries: Entry[],
  options: Required<Pick<AuditRunOptions, 'jobs' | 'timeoutMs' | 'maxMemoryMb' | 'ocr'>> &
    Pick<AuditRunOptions, 'ocrMemoryMb'>,
  tick: () => void,
  readable: ReadablePaths,
): Promise<number> {
  const todo = entries.filter((e) => e.sha256 && !store.parsedMeta(e.sha256, key));
  const unique = [...new Map(todo.map((e) => [e.sha256!, e])).values()];
  if (!unique.length) return 0;
  const pool = new ParsePool({
    jobs: options.jobs,
    timeoutMs: options.timeoutMs,
    maxMemoryMb: options.maxMemoryMb,
    ocrMemoryMb: options.ocrMemoryMb,
  });
  const limited = new Map<string, string>();
  const left = new Map<string, number>();
  let next = 0;
  const lane = async () => {
    while (next < unique.length) {
      const entry = unique[next++]!;
      const out = await pool.parse(readable.of(entry.abs), options.ocr);
      if (out.limit) limited.set(entry.sha256!, out.failure ?? '未能解析');
      else if (out.leftMs !== undefined) left.set(entry.sha256!, out.leftMs);
      if (!out.limit)
        store.putParsed(
          entry.sha256!,
          key,
          { agency: out.agency, year: out.year, failure: out.failure },
          out.reportJson,
        );
      tick();
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.min(options.jobs, unique.length) }, lane));
  } finally {
    await pool.close();
  }
  for (const entry of todo) {
    const failure = limited.get(entry.sha256!);
    if (failure) Object.assign(entry, { failure, limited: true });
    else entry.budgetMs = left.get(entry.sha256!);
  }
  return unique.length;
}

/** The manifest entry changes what the rules see, so it is part of the cache key. */
function auditKey(rules: string, entry: ManifestEntry | undefined): string {
  if (!entry) return rules;
  return `${rules}/m${createHash('sha256')
    .update(JSON.stringify([entry.agency, entry.year, entry.published]))
    .digest('hex')
    .slice(0, 12)}`;
}

const unreadableFindings = (file: string, failure: string): Finding[] => [
  toFinding(unreadable, null, file, unreadableFinding(failure)),
];

/**
 * Runs the per-report rules over each report the rule cache lacks (from the
 * parse cache), `jobs` at a time in the worker pool under the file's time and
 * memory limit, and caches each outcome. Rules that run past the limit are
 * the file's failure for this run only, like a parse that does.
 */
async function auditStale(
  store: Store,
  parsingKey: string,
  manifest: Map<string, ManifestEntry>,
  stale: Entry[],
  pool: () => ParsePool,
  jobs: number,
): Promise<Map<string, RunFinding[]>> {
  const out = new Map<string, RunFinding[]>();
  const rows: Parameters<Store['putAudited']>[0] = [];
  const record = (entry: Entry, findings: RunFinding[], digest: string | null, limited: boolean) => {
    out.set(entry.file, findings);
    // rules past the limit are this run's failure of the file, like a parse past it: kept in memory, not cached
    if (limited) entry.limited = true;
    if (entry.sha256 && !entry.limited)
      rows.push({ path: entry.file, sha256: entry.sha256, key: entry.key, findings: encodeFindings(findings), digest });
  };
  const readable: { entry: Entry; report: AnnualReport }[] = [];
  for (const entry of stale) {
    const parsed = entry.sha256 && !entry.limited ? store.parsed(entry.sha256, parsingKey) : null;
    if (parsed?.report) readable.push({ entry, report: parsed.report });
    else
      record(
        entry,
        withFingerprints(unreadableFindings(entry.file, entry.failure ?? parsed?.failure ?? '未能解析')),
        null,
        false,
      );
  }
  if (readable.length) {
    let next = 0;
    const lane = async () => {
      while (next < readable.length) {
        const { entry, report } = readable[next++]!;
        const audited = await pool().audit(
          { report, file: entry.file, manifest: manifest.get(entry.abs) ?? null },
          entry.budgetMs,
        );
        if (audited.failure !== undefined)
          record(entry, withFingerprints(unreadableFindings(entry.file, audited.failure)), null, true);
        else record(entry, withFingerprints(audited.findings), audited.digest, false);
      }
    };
    await Promise.all(Array.from({ length: Math.min(jobs, readable.length) }, lane));
  }
  store.putAudited(rows);
  return out;
}

/**
 * The per-report rules over the stale entries, a batch at a time: what is
 * cached is read back per file later, so only the findings the cache does
 * not keep (limits of this run, files without a hash) stay in memory.
 */
async function auditInBatches(
  store: Store,
  parsingKey: string,
  manifest: Map<string, ManifestEntry>,
  stale: Entry[],
  limits: Required<Pick<AuditRunOptions, 'jobs' | 'timeoutMs' | 'maxMemoryMb'>>,
): Promise<Map<string, RunFinding[]>> {
  const unstored = new Map<string, RunFinding[]>();
  // one pool for every batch, started only when a report needs its rules run
  let started: ParsePool | null = null;
  const pool = () => (started ??= new ParsePool(limits));
  try {
    for (let at = 0; at < stale.length; at += AUDIT_BATCH) {
      const batch = stale.slice(at, at + AUDIT_BATCH);
      const audited = await auditStale(store, parsingKey, manifest, batch, pool, limits.jobs);
      for (const e of batch) if (!e.sha256 || e.limited) unstored.set(e.file, audited.get(e.file)!);
    }
  } finally {
    await (started as ParsePool | null)?.close();
  }
  return unstored;
}

const AUDIT_BATCH = 200;
const DIGESTS_KEPT = 1024;

/** Corpus digests read from a store as the cross-year rules ask for them; the most recent few kept. */
export class DigestCache {
  private readonly kept = new Map<string, AnnualReport | null>();

  constructor(private readonly digestOf: (file: string) => string | null) {}

  get(file: string): AnnualReport | null {
    const hit = this.kept.get(file);
    if (hit !== undefined) {
      this.kept.delete(file);
      this.kept.set(file, hit);
      return hit;
    }
    const digest = JSON.parse(this.digestOf(file) ?? 'null') as AnnualReport | null;
    this.kept.set(file, digest);
    if (this.kept.size > DIGESTS_KEPT) this.kept.delete(this.kept.keys().next().value!);
    return digest;
  }
}

/** A cached file's findings as stored: fingerprinted, status and triage still to be set. */
function cachedFindings(store: Store, file: string): RunFinding[] {
  return decodeFindings(file, store.auditedFindings(file) ?? '[]');
}

/** The cross-year rules over the digests, fingerprinted per file (their rule ids differ from every other finding's). */
function corpusFindings(digest: AnnualReport | null, file: string, context: RuleContext): RunFinding[] {
  if (!digest) return [];
  const found = runRules(digest, file, context, CORPUS_RULES);
  return found.length ? withFingerprints(found) : [];
}

/**
 * Audits every report under the paths: parse what the parse cache lacks in a
 * worker pool; run the per-report rules over what the rule cache lacks (by
 * path, content hash, code and manifest entry); then the cross-year rules
 * over every report's digest. Every input file ends up in `files`; a file
 * that cannot be read is an `extract/unreadable` finding.
 */
export async function auditPaths(paths: string[], options: AuditRunOptions = {}): Promise<AuditRun> {
  const inputs = await walkInputs(paths);
  const shard = options.shard;
  const extra = new Set((options.extraExtensions ?? []).map((e) => e.toLowerCase()));
  const extraFiles = inputs.ignored.filter((f) => extra.has(extname(f).toLowerCase()));
  const ignored = inputs.ignored.filter((f) => !extra.has(extname(f).toLowerCase()));
  const skipped: { file: string; reason: string }[] = [];
  const walked = [...inputs.files, ...extraFiles].map(displayPath).filter((f) => {
    const reason = options.skip?.(f) ?? null;
    if (reason) skipped.push({ file: f, reason });
    return !reason;
  });
  if (extraFiles.length) walked.sort(walkOrder);
  const failed = new Map([...inputs.failed].map(([path, why]) => [displayPath(path), why]));
  const files = [...new Set([...walked, ...inputs.missing, ...failed.keys()])].filter(
    (f) => !shard || inShard(f, shard),
  );
  const [{ manifest, triage, warnings }, roots] = await Promise.all([readSideFiles(paths), rootsOf(paths)]);
  const store = new Store(options.db ?? ':memory:', { exclusive: true });
  const readable = new ReadablePaths();
  const unregister = onStop(() => {
    readable.remove();
    store.close();
  });
  // a file left unread without OCR must be parsed again when OCR is on
  const parsingKey = options.ocr === false ? `${extractorKey()}:no-ocr` : extractorKey();
  const ruleKey = rulesKey(parsingKey);
  const known = store.documents();
  const changed: DocumentRow[] = [];
  const entries: Entry[] = [];
  for (const file of files) {
    const why = failed.get(file);
    const entry = why ? { file, abs: resolve(file), sha256: null, failure: why } : await identify(known, changed, file);
    entries.push({ ...entry, key: auditKey(ruleKey, manifest.get(entry.abs)) });
  }
  store.putDocuments(changed);
  known.clear();

  const cached = store.auditedKeys();
  const upToDate = (e: Entry, row: Omit<AuditedRow, 'digest'> | undefined) =>
    !!row && row.sha256 === e.sha256 && row.key === e.key;
  const stale = entries.filter((e) => !upToDate(e, cached.get(e.file)));
  cached.clear();
  let done = entries.length - stale.filter((e) => e.sha256 && !store.parsedMeta(e.sha256, parsingKey)).length;
  options.onProgress?.(done, entries.length);
  const limits = {
    jobs: options.jobs ?? availableParallelism(),
    timeoutMs: options.timeoutMs ?? DEFAULTS.timeoutMs,
    maxMemoryMb: options.maxMemoryMb ?? DEFAULTS.maxMemoryMb,
  };
  const parsed = await parseMissing(
    store,
    parsingKey,
    stale,
    { ...limits, ocr: options.ocr ?? true, ocrMemoryMb: options.ocrMemoryMb },
    () => options.onProgress?.(++done, entries.length),
    readable,
  ).finally(() => readable.remove());
  options.onProgress?.(entries.length, entries.length);
  const unstored = await auditInBatches(store, parsingKey, manifest, stale, limits);

  const withDigest = new Set<string>();
  const digests = new DigestCache((file) => store.auditedDigest(file));
  const index = new CorpusIndex((file) => digests.get(file));
  const facts = new Map<string, FileFacts>();
  const pathOf = (file: string) => rootRelative(roots, file);
  for (const e of entries) {
    const meta = unstored.has(e.file) ? null : store.auditedMeta(e.file);
    if (meta) {
      withDigest.add(e.file);
      index.add(meta.agency, meta.year, e.file);
    }
    facts.set(e.file, {
      path: pathOf(e.file),
      url: manifest.get(e.abs)?.url ?? null,
      agency: meta?.agency ?? null,
      year: meta?.year ?? null,
    });
  }
  const context = { reportFor: (agency: string, year: number) => index.reportFor(agency, year) };
  const kept: RunFinding[] = [];
  const give = options.onFindings?.(facts) ?? ((f: RunFinding) => kept.push(f));
  // the new findings wait on disk for the commit: a first run over a large corpus finds nearly all of them new
  const fresh = options.db && options.db !== ':memory:' ? new Spool<StoredFinding>() : null;
  const unspool = onStop(() => fresh?.remove());
  const history = new FindingHistory(store.eachOpenFinding(), triage, fresh);
  for (const entry of entries) {
    const found = unstored.get(entry.file) ?? cachedFindings(store, entry.file);
    if (withDigest.has(entry.file))
      for (const f of corpusFindings(digests.get(entry.file), entry.file, context)) found.push(f);
    refingerprint(found, pathOf);
    for (const raw of found) {
      const f = options.configure ? options.configure(raw) : raw;
      if (!f) continue;
      history.apply(f);
      give(f);
    }
  }
  fresh?.finish();
  unstored.clear();
  const resolved = history.resolved(store.eachOpenFinding(), files);
  const { count, tally, open, triaged } = history;

  const previousRun = store.previousRunId();
  const commit = (args: string, started: string) => {
    if (!options.db || options.db === ':memory:') return null;
    return store.commitRun(
      {
        started,
        finished: new Date().toISOString(),
        version: ruleKey,
        args,
        files: files.length,
        findings: count,
        newFindings: history.newCount,
        resolved: resolved.length,
        triaged,
      },
      fresh?.read() ?? [],
      resolved,
    );
  };
  function* slim(): Generator<SlimReport> {
    for (const e of entries) {
      const p = e.sha256 && withDigest.has(e.file) ? store.parsed(e.sha256, parsingKey) : null;
      if (p?.report) yield { file: e.file, report: slimReport(withManifest(p.report, manifest.get(e.abs))) };
    }
  }
  return {
    files,
    ignored,
    skipped,
    warnings,
    facts,
    findings: kept,
    count,
    tally,
    open,
    history: {
      newCount: history.newCount,
      persisting: history.persisting,
      triaged,
      resolved: resolved.length,
      previousRun,
    },
    parsed,
    // a file that could not even be read was neither parsed nor taken from the cache
    cached: entries.filter((e) => e.sha256).length - parsed,
    slim,
    commit,
    close: async () => {
      unspool();
      fresh?.remove();
      unregister();
      store.close();
    },
  };
}
