/**
 * cross-year/in-force-stock — 表二 第二十条第（一）项 (2021 template): for 规章
 * and 行政规范性文件, last year's 现行有效件数 + this year's 本年制发件数 −
 * 本年废止件数 = this year's 现行有效件数. A warning: documents can also lapse
 * or be taken over in other ways. Needs both reports in the corpus, both on
 * the 2021 template.
 *
 * @act Recount last year's 现行有效 + 本年制发 − 本年废止. Documents that lapsed or were
 * taken over explain a difference; otherwise one of the two years' counts is
 * wrong.
 *
 * @previous
 * 某县民政局2022年政府信息公开工作年度报告
 * | 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |
 * | 规章 | 0 | 0 | 0 |
 * | 行政规范性文件 | 3 | 0 | 9 |
 *
 * @ok
 * 某县民政局2023年政府信息公开工作年度报告
 * | 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |
 * | 规章 | 0 | 0 | 0 |
 * | 行政规范性文件 | 2 | 1 | 10 |
 *
 * @not-ok 表二/第二十条第（一）项/行政规范性文件/现行有效件数
 * 某县民政局2023年政府信息公开工作年度报告
 * | 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |
 * | 规章 | 0 | 0 | 0 |
 * | 行政规范性文件 | 2 | 1 | 12 |
 */
import type { AnnualReport } from '../../model/report.js';
import { place } from '../../model/places.js';
import { ACTIVE_DISCLOSURE } from '../../model/templates.js';
import { addend, previousReport, templateOf } from '../places.js';
import type { Rule, RuleFinding } from '../rule.js';

const SUB = ACTIVE_DISCLOSURE['2021'].find((s) => s.key === 'art20_1')!;
const IN_FORCE = SUB.cols.find((c) => c.key === 'in_force')!;

function uses2021(report: AnnualReport): boolean {
  return report.tables.activeDisclosure?.art20_1 !== undefined && templateOf(report, 'activeDisclosure') === '2021';
}

export const rule: Rule = {
  id: 'cross-year/in-force-stock',
  severity: 'warning',
  description: {
    zh: '表二规章、行政规范性文件：上年现行有效＋本年制发－本年废止应等于本年现行有效',
    en: '表二 regulations and normative documents: previous in force + issued − repealed = in force',
  },
  check(report, context) {
    const previous = uses2021(report) ? previousReport(report, context) : null;
    if (!previous || !uses2021(previous)) return [];
    return SUB.rows.flatMap((row): RuleFinding[] => {
      const now = report.tables.activeDisclosure!.art20_1![row.key];
      const [before, issued, repealed, inForce] = [
        previous.tables.activeDisclosure!.art20_1![row.key]?.in_force,
        now?.issued,
        now?.repealed,
        now?.in_force,
      ].map(addend);
      if (before == null || issued == null || repealed == null || inForce == null) return [];
      const expected = before + issued - repealed;
      if (expected === inForce) return [];
      return [
        {
          location: place.activeCell('2021', SUB.key, row.key, IN_FORCE.key),
          expected,
          actual: inForce,
          page: now?.in_force?.page,
          message: `表二「${row.short}」：上年现行有效${before}件＋本年制发${issued}件－本年废止${repealed}件＝${expected}件，但本年现行有效为${inForce}件。`,
        },
      ];
    });
  },
};
