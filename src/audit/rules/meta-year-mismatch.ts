/**
 * meta/year-mismatch — the reporting year named by the title, by the
 * statistics period (统计期限) and by the file's own metadata disagree, or the
 * statistics period is not one calendar year.
 *
 * @act Compare the title, the 统计期限 sentence and the file's own properties, and
 * correct the one that names the wrong year or period.
 *
 * @ok
 * 某某区统计局2023年政府信息公开工作年度报告
 * 本报告中所列数据的统计期限为2023年1月1日至2023年12月31日。
 *
 * @not-ok 统计期限
 * 某某区统计局2023年政府信息公开工作年度报告
 * 本报告中所列数据的统计期限为2022年1月1日至2022年12月31日。
 */
import type { Rule, RuleFinding } from '../rule.js';

export const rule: Rule = {
  id: 'meta/year-mismatch',
  severity: 'warning',
  description: {
    zh: '标题年份、统计期限与文件元数据的年份不一致',
    en: 'title year, statistics period and file metadata disagree',
  },
  check(report) {
    const { titleYear, fileYear, periodStart, periodEnd } = report.meta;
    const findings: RuleFinding[] = [];
    const startYear = periodStart ? Number(periodStart.slice(0, 4)) : null;
    const endYear = periodEnd ? Number(periodEnd.slice(0, 4)) : null;
    if (
      startYear !== null &&
      endYear !== null &&
      (startYear !== endYear || !periodStart!.endsWith('-01-01') || !periodEnd!.endsWith('-12-31'))
    ) {
      findings.push({
        location: '统计期限',
        expected: `${startYear}-01-01 至 ${startYear}-12-31`,
        actual: `${periodStart} 至 ${periodEnd}`,
        message: `统计期限 ${periodStart} 至 ${periodEnd} 不是一个完整的自然年度。`,
      });
    }
    if (titleYear !== null && startYear !== null && titleYear !== startYear) {
      findings.push({
        location: '统计期限',
        expected: titleYear,
        actual: startYear,
        message: `标题为 ${titleYear} 年度报告，但统计期限从 ${periodStart} 开始。`,
      });
    }
    const reportYear = titleYear ?? startYear;
    if (fileYear !== null && reportYear !== null && fileYear !== reportYear) {
      findings.push({
        location: '文件元数据标题',
        expected: reportYear,
        actual: fileYear,
        message: `文件元数据中的标题年份为 ${fileYear}，报告正文为 ${reportYear} 年。`,
      });
    }
    return findings;
  },
};
