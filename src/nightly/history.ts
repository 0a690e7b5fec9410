import { createHash } from 'node:crypto';
import type { Finding, OpenFinding, RunFinding, StoredFinding } from '../model/finding.js';
import type { TriageEntry } from './side-files.js';

export type { RunFinding };

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
    return createHash('sha256')
      .update(n === 1 ? base : `${base}\n${n}`)
      .digest('hex')
      .slice(0, 16);
  });
}

/** The findings with their fingerprints, as RunFindings still to be given a status and triage by applyHistory. */
export function withFingerprints(findings: Finding[]): RunFinding[] {
  const prints = fingerprintAll(findings);
  return findings.map((f, i): RunFinding => ({ ...f, fingerprint: prints[i]!, status: 'new', triage: '' }));
}

export interface HistoryResult {
  findings: RunFinding[];
  newCount: number;
  persisting: number;
  triaged: number;
  /** open findings of earlier runs, on files of this run, that this run no longer reports */
  resolved: OpenFinding[];
}

/**
 * Compares this run's findings with the open ones of earlier runs, and
 * applies the triage file. Sets `status` and `triage` in place: a large run
 * does not hold every finding twice.
 */
export function applyHistory(
  findings: RunFinding[],
  files: string[],
  previous: OpenFinding[],
  triage: Map<string, TriageEntry>,
): HistoryResult {
  const before = new Set(previous.map((f) => f.fingerprint));
  const now = new Set<string>();
  let persisting = 0;
  let triaged = 0;
  for (const f of findings) {
    now.add(f.fingerprint);
    f.status = before.has(f.fingerprint) ? 'persisting' : 'new';
    f.triage = triage.get(f.fingerprint)?.decision ?? '';
    if (f.status === 'persisting') persisting++;
    if (f.triage) triaged++;
  }
  const inRun = new Set(files);
  const resolved = previous.filter((f) => inRun.has(f.file) && !now.has(f.fingerprint));
  return { findings, newCount: findings.length - persisting, persisting, triaged, resolved };
}

export function toStored(f: RunFinding): StoredFinding {
  return {
    fingerprint: f.fingerprint,
    file: f.file,
    rule: f.rule,
    location: f.location,
    severity: f.severity,
    message: f.message,
  };
}

/** What the history store must learn from a run: the findings it had not seen open. */
export function freshFindings(findings: RunFinding[]): StoredFinding[] {
  return findings.filter((f) => f.status === 'new').map(toStored);
}
