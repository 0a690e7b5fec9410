import type { Finding, RuleFinding, Severity } from '../model/finding.js';
import type { AnnualReport } from '../model/report.js';

export type { RuleFinding };

/** Facts beyond the one report: other reports of the corpus, for cross-year rules. */
export interface RuleContext {
  /** the same agency's report for `year`, when the corpus holds it */
  reportFor?: (agency: string, year: number) => AnnualReport | null;
}

export interface Rule {
  id: string;
  severity: Severity;
  description: { zh: string; en: string };
  /** when it fires, the document's other findings are dropped: they would only restate it */
  exclusive?: boolean;
  check(report: AnnualReport, context: RuleContext): RuleFinding[];
}

export function toFinding(
  rule: Pick<Rule, 'id' | 'severity'>,
  report: AnnualReport | null,
  file: string,
  f: RuleFinding,
): Finding {
  return {
    file,
    agency: report?.meta.agency ?? null,
    year: report?.meta.year ?? null,
    rule: rule.id,
    severity: f.severity ?? rule.severity,
    location: f.location,
    expected: f.expected === undefined || f.expected === null ? '' : String(f.expected),
    actual: f.actual === undefined || f.actual === null ? '' : String(f.actual),
    message: f.message,
    page: f.page ?? null,
  };
}
