import { createHash } from 'node:crypto';
import type { Finding, OpenFinding, RunFinding, StoredFinding } from '../model/finding.js';
import { normalizeAgency } from './agencies.js';
import type { TriageEntry } from './side-files.js';

export type { RunFinding };

/** The extra CSV columns, after the fixed ones of interface.md. */
export const HISTORY_COLUMNS = ['status', 'triage', 'fingerprint'] as const;

/** Where to look, after the history columns: page, the manifest's URL, the report id across copies, the previous year's file. */
export const LOOKUP_COLUMNS = ['page', 'source_url', 'report', 'previous_file'] as const;

/**
 * The report a finding belongs to, whatever file holds it: the agency (as a
 * matching key) and the year, so a renamed or moved file, or the PDF copy of
 * an HTML page, is the same report. A file whose agency or year is unknown is
 * known by its path relative to the audited folder (with `/`), never by the
 * path as typed or the working directory.
 */
export function reportKey(f: Pick<Finding, 'agency' | 'year'>, path: string): string {
  return f.agency && f.year !== null ? `${normalizeAgency(f.agency)}|${f.year}` : `path:${path}`;
}

/** A short id for a report, the same for all its copies (the CSV's `report` column). */
export function reportId(f: Pick<Finding, 'agency' | 'year'>, path: string): string {
  return `r:${createHash('sha256').update(reportKey(f, path)).digest('hex').slice(0, 10)}`;
}

/**
 * Rule, report, place and the reported value identify a finding across runs;
 * the message does not. A changed \`actual\` is a new finding: a triaged sum
 * that the agency re-published with other numbers must be looked at again.
 * The n-th repeat of the same place in one file gets its own fingerprint.
 * \`pathOf\` gives a file's root-relative path (the fallback identity).
 */
export function fingerprintAll(
  findings: Finding[],
  pathOf: (file: string) => string = (file) => file.replaceAll('\\', '/'),
): string[] {
  const seen = new Map<string, number>();
  return findings.map((f) => {
    const base = `${f.rule}\n${reportKey(f, pathOf(f.file))}\n${f.location}\n${f.actual}`;
    const counted = `${f.file}\n${base}`;
    const n = (seen.get(counted) ?? 0) + 1;
    seen.set(counted, n);
    return createHash('sha256')
      .update(n === 1 ? base : `${base}\n${n}`)
      .digest('hex')
      .slice(0, 16);
  });
}

/** The findings with their fingerprints, as RunFindings still to be given a status and triage by applyHistory. */
export function withFingerprints(findings: Finding[], pathOf?: (file: string) => string): RunFinding[] {
  const prints = fingerprintAll(findings, pathOf);
  return findings.map((f, i): RunFinding => ({ ...f, fingerprint: prints[i]!, status: 'new', triage: '' }));
}

/** Sets every finding's fingerprint in place, from the run's roots (cached ones were made under another cwd or code). */
export function refingerprint(findings: RunFinding[], pathOf: (file: string) => string): void {
  const prints = fingerprintAll(findings, pathOf);
  findings.forEach((f, i) => {
    f.fingerprint = prints[i]!;
  });
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
export function* newFindings(findings: Iterable<RunFinding>): Generator<StoredFinding> {
  for (const f of findings) if (f.status === 'new') yield toStored(f);
}
