import type { Finding } from '../model/finding.js';
import type { AnnualReport } from '../model/report.js';
import { toFinding, type Rule, type RuleContext } from './rule.js';
import { RULES } from './rules/index.js';

/** Runs every rule over one report. A rule that throws becomes a finding, not a crashed run. */
export function runRules(report: AnnualReport, file: string, context: RuleContext = {}, rules: readonly Rule[] = RULES): Finding[] {
  return rules.flatMap((rule) => {
    try {
      return rule.check(report, context).map((f) => toFinding(rule, report, file, f));
    } catch (error) {
      return [toFinding(rule, report, file, { location: '规则', severity: 'error', message: `规则 ${rule.id} 执行出错：${(error as Error).message}` })];
    }
  });
}

export function ruleById(id: string): Rule | undefined {
  return RULES.find((r) => r.id === id);
}
