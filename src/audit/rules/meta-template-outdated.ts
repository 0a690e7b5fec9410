/**
 * meta/template-outdated — a report for 2021 or later still uses the 2019
 * tables (国办公开办函〔2021〕30号 replaced them from the 2021 reports on).
 * Decided per table from its labels, never from the legal basis the text cites.
 *
 * @act The tables must follow the 2021 format (国办公开办函〔2021〕30号); the publisher
 * should reissue them in that format.
 *
 * @ok
 * 某某镇人民政府2022年政府信息公开工作年度报告
 * | 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |
 * | 规章 | 0 | 0 | 0 |
 *
 * @not-ok 表二
 * 某某镇人民政府2022年政府信息公开工作年度报告
 * | 信息内容 | 本年新制作数量 | 本年新公开数量 | 对外公开总数量 |
 * | 规章 | 0 | 0 | 0 |
 */
import { place } from '../../model/places.js';
import { TEMPLATE_FROM_YEAR } from '../../model/templates.js';
import type { Rule } from '../rule.js';

const FIRST_2021_YEAR = TEMPLATE_FROM_YEAR['2021'];

export const rule: Rule = {
  id: 'meta/template-outdated',
  severity: 'warning',
  description: { zh: '2021年及以后的报告仍使用2019年版表格', en: 'a 2021-or-later report still uses the 2019 tables' },
  check(report) {
    const year = report.meta.year;
    if (year === null || year < FIRST_2021_YEAR) return [];
    return (['activeDisclosure', 'applications'] as const)
      .filter((t) => report.tableTemplates[t] === '2019')
      .map((t) => ({
        location: place.table(t),
        expected: '2021年版',
        actual: '2019年版',
        message: `${year}年度报告的${place.table(t)}仍使用2019年版格式，应使用国办公开办函〔2021〕30号规定的2021年版格式。`,
      }));
  },
};
