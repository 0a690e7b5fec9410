import { createHash } from 'node:crypto';
import type { Finding, OpenFinding, RunFinding, Severity, StoredFinding } from '../model/finding.js';
import { SummaryTally } from '../output/summary.js';
import { normalizeAgency } from './agencies.js';
import type { TriageEntry } from './side-files.js';
import type { Spool } from './spool.js';

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

/**
 * History and triage applied finding by finding, as a run gives them: each
 * finding's `status` and `triage` set in place and counted, a new one spooled
 * for the commit. It holds the fingerprints it has seen, never the findings.
 */
export class FindingHistory {
  readonly tally = new SummaryTally();
  /** open (untriaged) findings by severity, what the exit code is judged on */
  readonly open: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  count = 0;
  persisting = 0;
  triaged = 0;
  private readonly wasOpen = new Set<string>();
  private readonly seen = new Set<string>();

  /** `previous`: the history's open findings (their fingerprints are kept, one query, not one per finding) */
  constructor(
    previous: Iterable<OpenFinding>,
    private readonly triage: Map<string, TriageEntry>,
    private readonly fresh: Spool<StoredFinding> | null,
  ) {
    for (const f of previous) this.wasOpen.add(f.fingerprint);
  }

  apply(f: RunFinding): void {
    this.seen.add(f.fingerprint);
    f.status = this.wasOpen.has(f.fingerprint) ? 'persisting' : 'new';
    f.triage = this.triage.get(f.fingerprint)?.decision ?? '';
    if (f.status === 'persisting') this.persisting++;
    else this.fresh?.push(toStored(f));
    if (f.triage) this.triaged++;
    else this.open[f.severity]++;
    this.tally.add(f);
    this.count++;
  }

  get newCount(): number {
    return this.count - this.persisting;
  }

  /** Once every finding is applied: the history's open findings, on files of this run, that it no longer reports. */
  resolved(previous: Iterable<OpenFinding>, files: string[]): OpenFinding[] {
    const inRun = new Set(files);
    const resolved = [...previous].filter((f) => inRun.has(f.file) && !this.seen.has(f.fingerprint));
    this.seen.clear();
    this.wasOpen.clear();
    return resolved;
  }
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
