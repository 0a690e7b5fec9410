import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import type { OpenFinding, StoredFinding } from '../model/finding.js';
import type { AnnualReport } from '../model/report.js';

/** One parse outcome, cached by content hash and extractor key: a report, or why there is none. */
export type Parsed = { report: AnnualReport; failure?: undefined } | { report?: undefined; failure: string };

export interface ParsedMeta {
  agency: string | null;
  year: number | null;
  failure: string | null;
}

export interface DocumentRow {
  path: string;
  size: number;
  mtimeMs: number;
  sha256: string;
}

/** A file's cached rule outcome: valid while the file's hash and the key (code, manifest entry) are unchanged. */
export interface AuditedRow {
  sha256: string;
  key: string;
  /** corpusDigest of the report as JSON; null for an unreadable file */
  digest: string | null;
}

export interface RunRecord {
  id: number;
  started: string;
  finished: string;
  version: string;
  args: string;
  files: number;
  findings: number;
  newFindings: number;
  resolved: number;
  triaged: number;
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS documents (path TEXT PRIMARY KEY, size INTEGER NOT NULL, mtime_ms REAL NOT NULL, sha256 TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS reports (sha256 TEXT NOT NULL, extractor TEXT NOT NULL, agency TEXT, year INTEGER, report TEXT, failure TEXT, PRIMARY KEY (sha256, extractor));
CREATE TABLE IF NOT EXISTS runs (id INTEGER PRIMARY KEY, started TEXT NOT NULL, finished TEXT NOT NULL, version TEXT NOT NULL, args TEXT NOT NULL,
  files INTEGER NOT NULL, findings INTEGER NOT NULL, new_findings INTEGER NOT NULL, resolved INTEGER NOT NULL, triaged INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS findings (fingerprint TEXT PRIMARY KEY, file TEXT NOT NULL, rule TEXT NOT NULL, location TEXT NOT NULL,
  severity TEXT NOT NULL, message TEXT NOT NULL, first_run INTEGER NOT NULL, last_run INTEGER NOT NULL, resolved_run INTEGER);
CREATE INDEX IF NOT EXISTS findings_open ON findings (resolved_run);
CREATE TABLE IF NOT EXISTS audited (path TEXT PRIMARY KEY, sha256 TEXT NOT NULL, key TEXT NOT NULL, findings TEXT NOT NULL, digest TEXT);
`;

/** Another run holds the store: two runs writing one history would interleave their commits. */
export class StoreBusyError extends Error {
  constructor(readonly file: string) {
    super(`another nianbao run is using the run store ${file}`);
  }
}

/**
 * An exclusive lock on `<db>.lock`, held by an open transaction there: the
 * kernel ends it with the process (SIGKILL included), so there is no stale
 * lock to take over. A second run finds it held and stops at once.
 */
function lockStore(file: string): Database.Database {
  const lock = new Database(`${file}.lock`, { timeout: 0 });
  try {
    lock.exec('BEGIN EXCLUSIVE');
  } catch (error) {
    lock.close();
    if ((error as { code?: string }).code === 'SQLITE_BUSY') throw new StoreBusyError(file);
    throw error;
  }
  return lock;
}

/**
 * The run store: documents by path and hash, parsed reports by hash and
 * extractor key, each file's findings of the per-report rules (by path, hash
 * and code), completed runs, and each finding's first run and, once it is
 * gone, the run that resolved it. Parses are committed one by one (a killed
 * run keeps them); a run and its history changes are committed together at
 * the end, so a killed run leaves no trace in the history.
 */
export class Store {
  private readonly db: Database.Database;
  private readonly lock: Database.Database | null = null;
  private readonly statements;

  /** `exclusive`: a run that writes the history; it fails with StoreBusyError while another holds the store. */
  constructor(file: string, options: { exclusive?: boolean } = {}) {
    if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
    if (options.exclusive && file !== ':memory:') this.lock = lockStore(file);
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    this.db.exec(SCHEMA);
    this.statements = {
      documents: this.db
        .prepare<[], [string, number, number, string]>('SELECT path, size, mtime_ms, sha256 FROM documents')
        .raw(),
      audited: this.db
        .prepare<[], [string, string, string, string | null]>('SELECT path, sha256, key, digest FROM audited')
        .raw(),
      auditedKeys: this.db.prepare<[], [string, string, string]>('SELECT path, sha256, key FROM audited').raw(),
      auditedFindings: this.db.prepare<[string], { findings: string }>('SELECT findings FROM audited WHERE path = ?'),
      auditedDigest: this.db.prepare<[string], { digest: string | null }>('SELECT digest FROM audited WHERE path = ?'),
      auditedMeta: this.db.prepare<[string], { agency: string | null; year: number | null; has: number }>(
        "SELECT json_extract(digest, '$.meta.agency') AS agency, json_extract(digest, '$.meta.year') AS year, digest IS NOT NULL AS has FROM audited WHERE path = ?",
      ),
      putAudited: this.db.prepare(
        'INSERT OR REPLACE INTO audited (path, sha256, key, findings, digest) VALUES (?, ?, ?, ?, ?)',
      ),
      putDocument: this.db.prepare(
        'INSERT OR REPLACE INTO documents (path, size, mtime_ms, sha256) VALUES (?, ?, ?, ?)',
      ),
      meta: this.db.prepare<[string, string], { agency: string | null; year: number | null; failure: string | null }>(
        'SELECT agency, year, failure FROM reports WHERE sha256 = ? AND extractor = ?',
      ),
      report: this.db.prepare<[string, string], { report: string | null; failure: string | null }>(
        'SELECT report, failure FROM reports WHERE sha256 = ? AND extractor = ?',
      ),
      putReport: this.db.prepare(
        'INSERT OR REPLACE INTO reports (sha256, extractor, agency, year, report, failure) VALUES (?, ?, ?, ?, ?, ?)',
      ),
      lastRun: this.db.prepare<[], { id: number }>('SELECT id FROM runs ORDER BY id DESC LIMIT 1'),
      runs: this.db.prepare<[], Record<string, unknown>>('SELECT * FROM runs ORDER BY id'),
      open: this.db
        .prepare<[], [string, string]>('SELECT fingerprint, file FROM findings WHERE resolved_run IS NULL')
        .raw(),
      resolve: this.db.prepare('UPDATE findings SET resolved_run = ? WHERE fingerprint = ?'),
      putRun: this.db.prepare(
        'INSERT INTO runs (started, finished, version, args, files, findings, new_findings, resolved, triaged) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
      ),
      upsertFinding:
        this.db.prepare(`INSERT INTO findings (fingerprint, file, rule, location, severity, message, first_run, last_run) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
        ON CONFLICT (fingerprint) DO UPDATE SET file = excluded.file, severity = excluded.severity, message = excluded.message, last_run = excluded.last_run, resolved_run = NULL`),
    };
  }

  /** Every known document by path: one query instead of one per file. */
  documents(): Map<string, DocumentRow> {
    return new Map(
      this.statements.documents.all().map(([path, size, mtimeMs, sha256]) => [path, { path, size, mtimeMs, sha256 }]),
    );
  }

  putDocuments(rows: DocumentRow[]): void {
    this.db.transaction(() => {
      for (const row of rows) this.statements.putDocument.run(row.path, row.size, row.mtimeMs, row.sha256);
    })();
  }

  /** Every file's cached rule outcome without its findings, by path. */
  auditedRows(): Map<string, AuditedRow> {
    return new Map(this.statements.audited.all().map(([path, sha256, key, digest]) => [path, { sha256, key, digest }]));
  }

  /** Every file's cached rule outcome by path, its digest left in the store (auditedDigest): a large corpus's digests never all in memory. */
  auditedKeys(): Map<string, Omit<AuditedRow, 'digest'>> {
    return new Map(this.statements.auditedKeys.all().map(([path, sha256, key]) => [path, { sha256, key }]));
  }

  /** A file's cached corpus digest as JSON text; null when it has none (unreadable) or no cached outcome. */
  auditedDigest(path: string): string | null {
    return this.statements.auditedDigest.get(path)?.digest ?? null;
  }

  /** The agency and year of a file's cached digest, read inside SQLite (no digest parsed); null when it has none. */
  auditedMeta(path: string): { agency: string | null; year: number | null } | null {
    const row = this.statements.auditedMeta.get(path);
    return row?.has ? { agency: row.agency, year: row.year } : null;
  }

  /** A file's cached findings as the JSON text stored by putAudited. */
  auditedFindings(path: string): string | null {
    return this.statements.auditedFindings.get(path)?.findings ?? null;
  }

  putAudited(rows: (AuditedRow & { path: string; findings: string })[]): void {
    this.db.transaction(() => {
      for (const r of rows) this.statements.putAudited.run(r.path, r.sha256, r.key, r.findings, r.digest);
    })();
  }

  /** The cached parse's agency and year (or failure) without loading the model; null when not parsed yet. */
  parsedMeta(sha256: string, extractor: string): ParsedMeta | null {
    return this.statements.meta.get(sha256, extractor) ?? null;
  }

  parsed(sha256: string, extractor: string): Parsed | null {
    const row = this.statements.report.get(sha256, extractor);
    if (!row) return null;
    return row.report !== null
      ? { report: JSON.parse(row.report) as AnnualReport }
      : { failure: row.failure ?? '未知原因' };
  }

  /** Stores the report as the JSON text the worker produced: no second serialisation. */
  putParsed(sha256: string, extractor: string, meta: ParsedMeta, reportJson: string | null): void {
    this.statements.putReport.run(sha256, extractor, meta.agency, meta.year, reportJson, meta.failure);
  }

  previousRunId(): number | null {
    return this.statements.lastRun.get()?.id ?? null;
  }

  /** Findings reported by some run and not resolved by a later run over their file. */
  openFindings(): OpenFinding[] {
    return this.statements.open.all().map(([fingerprint, file]) => ({ fingerprint, file }));
  }

  /** The open findings one by one, in the order of openFindings. */
  *eachOpenFinding(): Generator<OpenFinding> {
    for (const [fingerprint, file] of this.statements.open.iterate()) yield { fingerprint, file };
  }

  runs(): RunRecord[] {
    return this.statements.runs.all().map((r) => ({
      id: r.id as number,
      started: r.started as string,
      finished: r.finished as string,
      version: r.version as string,
      args: r.args as string,
      files: r.files as number,
      findings: r.findings as number,
      newFindings: r.new_findings as number,
      resolved: r.resolved as number,
      triaged: r.triaged as number,
    }));
  }

  /**
   * Records a completed run, its new findings (first seen, or back after being
   * resolved) and the resolved ones, in one transaction. Persisting findings
   * are not written: a nightly run over an unchanged corpus writes one row.
   */
  commitRun(run: Omit<RunRecord, 'id'>, fresh: Iterable<StoredFinding>, resolved: OpenFinding[]): number {
    return this.db.transaction(() => {
      const id = Number(
        this.statements.putRun.run(
          run.started,
          run.finished,
          run.version,
          run.args,
          run.files,
          run.findings,
          run.newFindings,
          run.resolved,
          run.triaged,
        ).lastInsertRowid,
      );
      for (const f of fresh)
        this.statements.upsertFinding.run(f.fingerprint, f.file, f.rule, f.location, f.severity, f.message, id, id);
      for (const f of resolved) this.statements.resolve.run(id, f.fingerprint);
      return id;
    })();
  }

  close(): void {
    if (this.db.open) this.db.close();
    if (this.lock?.open) this.lock.close();
  }
}
