/**
 * active-disclosure/regulations-without-power — a 乡镇 or 街道 reports 规章 in
 * 表二. Townships and street offices have no power to make 规章 (only
 * provincial and larger-city governments do), so a non-zero count is most
 * likely 行政规范性文件 entered in the wrong row. County bureaus are left
 * alone: most lack the power too, but not all.
 *
 * @act Ask whether the numbers belong in the 行政规范性文件 row. When the agency does
 * have the power (it is not a township or street office after all), mark the
 * finding reviewed in nianbao-triage.csv.
 *
 * @ok
 * 某某镇人民政府2023年政府信息公开工作年度报告
 * | 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |
 * | 规章 | 0 | 0 | 0 |
 * | 行政规范性文件 | 0 | 0 | 6 |
 *
 * @not-ok 表二/第二十条第（一）项/规章
 * 某某镇人民政府2023年政府信息公开工作年度报告
 * | 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |
 * | 规章 | 0 | 0 | 6 |
 * | 行政规范性文件 | 0 | 0 | 0 |
 */
import { place } from '../../model/places.js';
import { addend, templateOf } from '../places.js';
import type { Rule } from '../rule.js';

/** agencies below county level: a township government or a street office */
const GRASSROOTS = /(镇|乡|街道)(人民政府|办事处)?$|街道办事处$|街道工作委员会$/;

export const rule: Rule = {
  id: 'active-disclosure/regulations-without-power',
  severity: 'warning',
  description: {
    zh: '乡镇、街道无规章制定权，但表二“规章”填有数字',
    en: 'a township or street office reports 规章, which it has no power to make',
  },
  check(report) {
    const agency = report.meta.agency;
    const cells = report.tables.activeDisclosure?.art20_1?.regulations;
    if (!agency || !GRASSROOTS.test(agency) || !cells) return [];
    const counted = Object.values(cells)
      .map(addend)
      .filter((v): v is number => v !== null && v > 0);
    if (!counted.length) return [];
    return [
      {
        location: place.activeRowPath(templateOf(report, 'activeDisclosure'), 'art20_1', 'regulations'),
        expected: 0,
        actual: Object.values(cells)
          .map((c) => c.raw || '空')
          .join(' / '),
        page: Object.values(cells)[0]?.page,
        message: `${agency}没有规章制定权，但表二“规章”行填有数字，可能是把行政规范性文件填在了规章行。`,
      },
    ];
  },
};
