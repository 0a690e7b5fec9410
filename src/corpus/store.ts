import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
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

export interface StoredFinding {
  fingerprint: string;
  file: string;
  rule: string;
  location: string;
  severity: string;
  message: string;
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
`;

/**
 * The run store: documents by path and hash, parsed reports by hash and
 * extractor key, completed runs, and each finding's first and last run.
 * Parses are committed one by one (a killed run keeps them); a run and its
 * findings are committed together at the end, so a killed run leaves no trace
 * in the history.
 */
export class Store {
  private readonly db: Database.Database;
  private readonly statements;

  constructor(file: string) {
    if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    this.db.exec(SCHEMA);
    this.statements = {
      document: this.db.prepare<[string], { path: string; size: number; mtime_ms: number; sha256: string }>('SELECT * FROM documents WHERE path = ?'),
      putDocument: this.db.prepare('INSERT OR REPLACE INTO documents (path, size, mtime_ms, sha256) VALUES (?, ?, ?, ?)'),
      meta: this.db.prepare<[string, string], { agency: string | null; year: number | null; failure: string | null }>('SELECT agency, year, failure FROM reports WHERE sha256 = ? AND extractor = ?'),
      report: this.db.prepare<[string, string], { report: string | null; failure: string | null }>('SELECT report, failure FROM reports WHERE sha256 = ? AND extractor = ?'),
      putReport: this.db.prepare('INSERT OR REPLACE INTO reports (sha256, extractor, agency, year, report, failure) VALUES (?, ?, ?, ?, ?, ?)'),
      lastRun: this.db.prepare<[], { id: number }>('SELECT id FROM runs ORDER BY id DESC LIMIT 1'),
      runs: this.db.prepare<[], Record<string, unknown>>('SELECT * FROM runs ORDER BY id'),
      open: this.db.prepare<[], StoredFinding>('SELECT fingerprint, file, rule, location, severity, message FROM findings WHERE resolved_run IS NULL'),
      resolve: this.db.prepare('UPDATE findings SET resolved_run = ? WHERE fingerprint = ?'),
      putRun: this.db.prepare('INSERT INTO runs (started, finished, version, args, files, findings, new_findings, resolved, triaged) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)'),
      upsertFinding: this.db.prepare(`INSERT INTO findings (fingerprint, file, rule, location, severity, message, first_run, last_run) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
        ON CONFLICT (fingerprint) DO UPDATE SET file = excluded.file, severity = excluded.severity, message = excluded.message, last_run = excluded.last_run, resolved_run = NULL`),
    };
  }

  document(path: string): DocumentRow | null {
    const row = this.statements.document.get(path);
    return row ? { path: row.path, size: row.size, mtimeMs: row.mtime_ms, sha256: row.sha256 } : null;
  }

  putDocument(row: DocumentRow): void {
    this.statements.putDocument.run(row.path, row.size, row.mtimeMs, row.sha256);
  }

  /** The cached parse's agency and year (or failure) without loading the model; null when not parsed yet. */
  parsedMeta(sha256: string, extractor: string): ParsedMeta | null {
    return this.statements.meta.get(sha256, extractor) ?? null;
  }

  parsed(sha256: string, extractor: string): Parsed | null {
    const row = this.statements.report.get(sha256, extractor);
    if (!row) return null;
    return row.report !== null ? { report: JSON.parse(row.report) as AnnualReport } : { failure: row.failure ?? '未知原因' };
  }

  /** Stores the report as the JSON text the worker produced: no second serialisation. */
  putParsed(sha256: string, extractor: string, meta: ParsedMeta, reportJson: string | null): void {
    this.statements.putReport.run(sha256, extractor, meta.agency, meta.year, reportJson, meta.failure);
  }

  previousRunId(): number | null {
    return this.statements.lastRun.get()?.id ?? null;
  }

  /** Findings reported by some run and not resolved by a later run over their file. */
  openFindings(): StoredFinding[] {
    return this.statements.open.all();
  }

  runs(): RunRecord[] {
    return this.statements.runs.all().map((r) => ({
      id: r.id as number, started: r.started as string, finished: r.finished as string, version: r.version as string, args: r.args as string,
      files: r.files as number, findings: r.findings as number, newFindings: r.new_findings as number, resolved: r.resolved as number, triaged: r.triaged as number,
    }));
  }

  /** Records a completed run, marks its findings as seen and the resolved ones as resolved, in one transaction. */
  commitRun(run: Omit<RunRecord, 'id'>, findings: StoredFinding[], resolved: StoredFinding[]): number {
    return this.db.transaction(() => {
      const id = Number(this.statements.putRun.run(run.started, run.finished, run.version, run.args, run.files, run.findings, run.newFindings, run.resolved, run.triaged).lastInsertRowid);
      for (const f of findings) this.statements.upsertFinding.run(f.fingerprint, f.file, f.rule, f.location, f.severity, f.message, id, id);
      for (const f of resolved) this.statements.resolve.run(id, f.fingerprint);
      return id;
    })();
  }

  close(): void {
    this.db.close();
  }
}
