import type { Finding, Severity } from '../model/finding.js';
import { SEVERITIES } from '../model/finding.js';

export interface RunSummary {
  filesRead: number;
  unreadable: number;
  clean: number;
  ignored: number;
  findings: number;
  bySeverity: Record<Severity, number>;
  /** against the run store's earlier runs; absent for a run without history */
  history?: HistorySummary;
}

export interface HistorySummary {
  new: number;
  persisting: number;
  resolved: number;
  triaged: number;
  previousRun: number | null;
}

export function summarize(files: string[], findings: Finding[], ignored = 0): RunSummary {
  const withFindings = new Set(findings.map((f) => f.file));
  const unreadable = new Set(findings.filter((f) => f.rule === 'extract/unreadable').map((f) => f.file));
  const bySeverity = Object.fromEntries(
    SEVERITIES.map((s) => [s, findings.filter((f) => f.severity === s).length]),
  ) as Record<Severity, number>;
  return {
    filesRead: files.length,
    unreadable: unreadable.size,
    clean: files.filter((f) => !withFindings.has(f)).length,
    ignored,
    findings: findings.length,
    bySeverity,
  };
}

export function summaryLine(s: RunSummary): string {
  const severities = `${s.bySeverity.error} error, ${s.bySeverity.warning} warning, ${s.bySeverity.info} info`;
  const ignored = s.ignored ? `; ${s.ignored} non-report files ignored` : '';
  const h = s.history;
  const history = h
    ? `; ${h.new} new, ${h.persisting} persisting, ${h.resolved} resolved since ${h.previousRun === null ? 'no earlier run' : `run ${h.previousRun}`}, ${h.triaged} triaged`
    : '';
  return `nianbao: ${s.filesRead} files read, ${s.unreadable} unreadable, ${s.clean} clean; ${s.findings} findings (${severities})${history}${ignored}`;
}
