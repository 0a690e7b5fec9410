import type { Finding } from '../model/finding.js';
import type { AnnualReport } from '../model/report.js';
import { toFinding, type Rule, type RuleContext } from './rule.js';
import { RULES } from './rules/index.js';

function runRule(rule: Rule, report: AnnualReport, file: string, context: RuleContext): Finding[] {
  try {
    return rule.check(report, context).map((f) => toFinding(rule, report, file, f));
  } catch (error) {
    return [
      toFinding(rule, report, file, {
        location: '规则',
        severity: 'error',
        message: `规则 ${rule.id} 执行出错：${(error as Error).message}`,
      }),
    ];
  }
}

/**
 * Runs every rule over one report. A rule that throws becomes a finding, not a
 * crashed run; an exclusive rule that fires (not a report at all) speaks alone.
 */
export function runRules(
  report: AnnualReport,
  file: string,
  context: RuleContext = {},
  rules: readonly Rule[] = RULES,
): Finding[] {
  for (const rule of rules.filter((r) => r.exclusive)) {
    const findings = runRule(rule, report, file, context);
    if (findings.length) return findings;
  }
  return rules.filter((r) => !r.exclusive).flatMap((rule) => runRule(rule, report, file, context));
}
