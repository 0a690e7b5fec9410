/**
 * cross-year/carry-over — 表三 二、上年结转 this year equals 四、结转下年度继续办理
 * in the same agency's report for the previous year, per column. A warning,
 * not an error: mergers and re-counting break it legitimately. Needs both
 * reports in the corpus (agencies matched by their key: the same name, or the
 * same name with a parent region only one year prints; or manifest.csv).
 *
 * @act Compare this year's 二、上年结转 with last year's 四、结转下年度继续办理 in that column:
 * a merger or a recount explains a difference; otherwise one of the two
 * reports is wrong.
 *
 * @previous
 * 某县民政局2022年政府信息公开工作年度报告
 * | 四、结转下年度继续办理 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |
 *
 * @ok
 * 某县民政局2023年政府信息公开工作年度报告
 * | 二、上年结转政府信息公开申请数量 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |
 *
 * @not-ok 表三/二、上年结转/自然人
 * 某县民政局2023年政府信息公开工作年度报告
 * | 二、上年结转政府信息公开申请数量 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |
 *
 * @not-ok 表三/二、上年结转/总计
 * 某某市某县民政局2023年政府信息公开工作年度报告
 * | 二、上年结转政府信息公开申请数量 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |
 */
import { APPLICATION_COLUMNS } from '../../model/templates.js';
import { place } from '../../model/places.js';
import { addend, previousReport } from '../places.js';
import type { Rule, RuleFinding } from '../rule.js';

export const rule: Rule = {
  id: 'cross-year/carry-over',
  severity: 'warning',
  description: {
    zh: '表三“上年结转”应等于同一机关上一年度报告的“结转下年度继续办理”',
    en: '表三 carried over equals the same agency’s previous-year carried forward, per column',
  },
  check(report, context) {
    const now = report.tables.applications?.carried_over;
    const before = now && previousReport(report, context)?.tables.applications?.carried_forward;
    if (!now || !before) return [];
    const year = report.meta.year!;
    return APPLICATION_COLUMNS.flatMap((col): RuleFinding[] => {
      const [a, b] = [addend(now[col.key]), addend(before[col.key])];
      if (a === null || b === null || a === b) return [];
      return [
        {
          location: place.applicationCell('carried_over', col.key),
          expected: b,
          actual: a,
          page: now[col.key]?.page,
          message: `表三「${col.short}」列：本年“二、上年结转”为${a}，但本机关${year - 1}年度报告“四、结转下年度继续办理”为${b}，两者应当相等。`,
        },
      ];
    });
  },
};
