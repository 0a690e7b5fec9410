import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { runRules } from '../audit/engine.js';
import { RULES } from '../audit/rules/index.js';
import type { OpenFinding, RunFinding, StoredFinding } from '../model/finding.js';
import type { AnnualReport } from '../model/report.js';
import { CorpusIndex } from './agencies.js';
import { corpusDigest } from './digest.js';
import { FindingHistory, withFingerprints } from './history.js';
import { readJsonStream } from './json-stream.js';
import type { FileFacts } from './run.js';
import { DigestCache } from './run.js';
import { isCorpusRule, type ShardDocument, type SlimReport } from './shard-output.js';
import type { TriageEntry } from './side-files.js';
import type { Spool } from './spool.js';
import type { Store } from './store.js';

/** The walker's order (each directory's entries sorted), for files that came from several shards. */
export function walkOrder(a: string, b: string): number {
  const [pa, pb] = [a.split(/[\\/]/), b.split(/[\\/]/)];
  for (let i = 0; i < Math.min(pa.length, pb.length); i++) if (pa[i] !== pb[i]) return pa[i]! < pb[i]! ? -1 : 1;
  return pa.length - pb.length;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A shard's finding with its fingerprint (made from the shard's audited root) and a status and triage still to be set. */
const reset = (f: RunFinding): RunFinding => ({ ...f, status: 'new', triage: '' });

/** A shard output without its findings and reports: those went to the merge's temporary store as they were read. */
export type ShardHead = Omit<ShardDocument, 'findings' | 'reports'>;

const SCHEMA = `
CREATE TABLE reports (file TEXT PRIMARY KEY, digest TEXT NOT NULL);
CREATE TABLE findings (seq INTEGER PRIMARY KEY, file TEXT NOT NULL, finding TEXT NOT NULL);
`;

/**
 * The shards' reports (as corpus digests) and findings, read from their JSON
 * record by record into a temporary SQLite file: a merge of any corpus holds
 * the file list, each file's facts and a few digests, never every report or
 * finding. Its folder carries the pid, like the pool's: a killed merge's is
 * swept by the next run.
 */
export class ShardInputs {
  readonly heads: ShardHead[] = [];
  /** per file with a report: its agency and year, as the last shard to give it said */
  readonly facts = new Map<string, FileFacts>();
  private readonly dir = mkdtempSync(join(tmpdir(), `nianbao-run-${process.pid}-merge-`));
  private readonly db = new Database(join(this.dir, 'shards.db'));
  private readonly put;
  private readonly digest;
  private readonly findings;

  constructor() {
    // a scratch file: nothing to keep if the process dies
    this.db.pragma('journal_mode = OFF');
    this.db.pragma('synchronous = OFF');
    this.db.exec(SCHEMA);
    this.put = {
      report: this.db.prepare('INSERT OR REPLACE INTO reports (file, digest) VALUES (?, ?)'),
      finding: this.db.prepare('INSERT INTO findings (file, finding) VALUES (?, ?)'),
    };
    this.digest = this.db.prepare<[string], { digest: string }>('SELECT digest FROM reports WHERE file = ?');
    this.findings = this.db
      .prepare<[string], [string]>('SELECT finding FROM findings WHERE file = ? ORDER BY seq')
      .raw();
  }

  /** Reads one shard output; throws (naming nothing) when it is not a nianbao shard output. */
  async read(path: string): Promise<ShardHead> {
    const head: Record<string, unknown> = {};
    const notOurs = () => new Error(`${path} is not a nianbao JSON output`);
    this.db.exec('BEGIN');
    try {
      await readJsonStream(path, new Set(['findings', 'reports']), {
        value: (key, value) => {
          head[key] = value;
        },
        element: (key, element, text) => {
          // `tool` comes first in what audit writes: nothing else is read into the store
          if (head.tool !== 'nianbao' || !isRecord(element)) throw notOurs();
          if (key === 'findings') {
            const f = element as unknown as RunFinding;
            if (typeof f.rule !== 'string') throw notOurs();
            // stored as written: its status and triage are set again as it is merged
            if (!isCorpusRule(f.rule)) this.put.finding.run(f.file, text);
          } else {
            const { file, report } = element as unknown as SlimReport;
            if (typeof file !== 'string' || !isRecord(report) || !isRecord(report.meta)) throw notOurs();
            this.put.report.run(file, JSON.stringify(corpusDigest(report)));
            this.facts.set(file, { path: file, url: null, agency: report.meta.agency, year: report.meta.year });
          }
        },
      });
      if (head.tool !== 'nianbao' || !Array.isArray(head.findings) || !Array.isArray(head.files)) throw notOurs();
      if (!Array.isArray(head.reports))
        throw new Error(`${path} has no reports: write shard outputs with audit --shard K/N`);
      this.db.exec('COMMIT');
    } catch (error) {
      if (this.db.inTransaction) this.db.exec('ROLLBACK');
      throw error;
    }
    const { findings: _f, reports: _r, ...rest } = head;
    const shardHead = rest as unknown as ShardHead;
    this.heads.push(shardHead);
    return shardHead;
  }

  /** Every shard's files, in the walker's order; once every shard is read (and the findings indexed by file). */
  files(): string[] {
    this.db.exec('CREATE INDEX IF NOT EXISTS findings_file ON findings (file)');
    return [...new Set(this.heads.flatMap((d) => d.files))].sort(walkOrder);
  }

  /** The files' facts in the order given (the walker's): the first file of a report is its previous_file, as in one run. */
  factsOf(files: string[]): Map<string, FileFacts> {
    const ordered = new Map<string, FileFacts>();
    for (const file of files) {
      const fact = this.facts.get(file);
      if (fact) ordered.set(file, fact);
    }
    return ordered;
  }

  /** A file's findings from its shard (corpus rules left out), in the shard's order. */
  *shardFindings(file: string): Generator<RunFinding> {
    for (const [text] of this.findings.iterate(file)) yield reset(JSON.parse(text) as RunFinding);
  }

  digestOf(file: string): string | null {
    return this.digest.get(file)?.digest ?? null;
  }

  remove(): void {
    if (this.db.open) this.db.close();
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/** Files merged between two turns of the event loop. */
const YIELD_EVERY = 256;

/** What a merge tells of its findings once they are all given: the history's counts, and what it resolved. */
export interface MergedRun {
  history: FindingHistory;
  /** open findings of earlier runs, on files of this run, that this run no longer reports */
  resolved: OpenFinding[];
}

/**
 * Shards' findings as one run over the whole corpus, given one by one in
 * walk order: each shard saw only its own files, so the corpus rules are run
 * again here over every shard's digests, replacing what the shards found
 * with a partial index. History and triage are applied per finding, as
 * `audit` does.
 */
export async function mergeShards(
  inputs: ShardInputs,
  files: string[],
  store: Store,
  triage: Map<string, TriageEntry>,
  give: (finding: RunFinding) => void,
  fresh: Spool<StoredFinding>,
): Promise<MergedRun> {
  const digests = new DigestCache((file) => inputs.digestOf(file));
  const index = new CorpusIndex((file) => digests.get(file));
  for (const file of files) {
    const fact = inputs.facts.get(file);
    if (fact) index.add(fact.agency, fact.year, file);
  }
  const corpusRules = RULES.filter((r) => isCorpusRule(r.id));
  const context = { reportFor: (agency: string, year: number) => index.reportFor(agency, year) };
  const history = new FindingHistory(store.eachOpenFinding(), triage, fresh);
  const apply = (f: RunFinding) => {
    history.apply(f);
    give(f);
  };
  try {
    for (const [i, file] of files.entries()) {
      // a turn of the event loop now and then, so that SIGINT/SIGTERM stop a long merge cleanly
      if (i % YIELD_EVERY === YIELD_EVERY - 1) await new Promise((resolve) => setImmediate(resolve));
      for (const f of inputs.shardFindings(file)) apply(f);
      const digest: AnnualReport | null = inputs.facts.has(file) ? digests.get(file) : null;
      if (digest) for (const f of withFingerprints(runRules(digest, file, context, corpusRules))) apply(f);
    }
    fresh.finish();
  } catch (error) {
    fresh.remove();
    throw error;
  }
  return { history, resolved: history.resolved(store.eachOpenFinding(), files) };
}
