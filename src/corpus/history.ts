import { createHash } from 'node:crypto';
import type { Finding } from '../model/finding.js';
import type { StoredFinding } from './store.js';
import type { TriageEntry } from './side-files.js';

export type FindingStatus = 'new' | 'persisting';

/** A finding as a nightly run reports it: with its fingerprint, history status and triage decision. */
export interface RunFinding extends Finding {
  fingerprint: string;
  status: FindingStatus;
  triage: string;
}

/** The extra CSV columns, after the fixed ones of interface.md. */
export const HISTORY_COLUMNS = ['status', 'triage', 'fingerprint'] as const;

/**
 * Rule, document and place identify a finding across runs; the message and
 * the numbers do not (a corrected sum that is still wrong is the same finding).
 * The n-th repeat of the same place in one document gets its own fingerprint.
 */
export function fingerprintAll(findings: Finding[]): string[] {
  const seen = new Map<string, number>();
  return findings.map((f) => {
    const base = `${f.rule}\n${f.file}\n${f.location}`;
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return createHash('sha256').update(n === 1 ? base : `${base}\n${n}`).digest('hex').slice(0, 16);
  });
}

export interface HistoryResult {
  findings: RunFinding[];
  newCount: number;
  persisting: number;
  triaged: number;
  /** open findings of earlier runs, on files of this run, that this run no longer reports */
  resolved: StoredFinding[];
}

/** Compares this run's findings with the previous run's, and applies the triage file. */
export function applyHistory(findings: Finding[], files: string[], previous: StoredFinding[], triage: Map<string, TriageEntry>): HistoryResult {
  const before = new Set(previous.map((f) => f.fingerprint));
  const prints = fingerprintAll(findings);
  const out = findings.map((f, i): RunFinding => {
    const fingerprint = prints[i]!;
    return { ...f, fingerprint, status: before.has(fingerprint) ? 'persisting' : 'new', triage: triage.get(fingerprint)?.decision ?? '' };
  });
  const now = new Set(prints);
  const inRun = new Set(files);
  const resolved = previous.filter((f) => inRun.has(f.file) && !now.has(f.fingerprint));
  const persisting = out.filter((f) => f.status === 'persisting').length;
  return { findings: out, newCount: out.length - persisting, persisting, triaged: out.filter((f) => f.triage).length, resolved };
}

export function toStored(f: RunFinding): StoredFinding {
  return { fingerprint: f.fingerprint, file: f.file, rule: f.rule, location: f.location, severity: f.severity, message: f.message };
}
