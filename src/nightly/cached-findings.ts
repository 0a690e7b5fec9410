import type { RunFinding, Severity } from '../model/finding.js';

/** One cached finding without its file (the row's key) or field names: a warm run parses ~40% less text. */
type Row = [
  agency: string | null,
  year: number | null,
  rule: string,
  severity: Severity,
  location: string,
  expected: string,
  actual: string,
  message: string,
  page: number | null,
  fingerprint: string,
];

export function encodeFindings(findings: RunFinding[]): string {
  return JSON.stringify(
    findings.map(
      (f): Row => [
        f.agency,
        f.year,
        f.rule,
        f.severity,
        f.location,
        f.expected,
        f.actual,
        f.message,
        f.page,
        f.fingerprint,
      ],
    ),
  );
}

/** Objects built whole, in the key order of a fresh finding, so JSON outputs and hidden classes do not change. */
export function decodeFindings(file: string, text: string): RunFinding[] {
  return (JSON.parse(text) as Row[]).map(
    ([agency, year, rule, severity, location, expected, actual, message, page, fingerprint]): RunFinding => ({
      file,
      agency,
      year,
      rule,
      severity,
      location,
      expected,
      actual,
      message,
      page,
      fingerprint,
      status: 'new',
      triage: '',
    }),
  );
}
