/**
 * applications/outcome-total — in 表三, per column, （七）总计 equals the sum of
 * every outcome row （一）…（六） (the sub-items of （三）（四）（五）, and of （六）
 * in the 2021 format; the template has no subtotal rows). The （二） label's
 * 「只计这一情形」 is what makes each application count once. With an outcome
 * row missing, only a total below the rows present is certain to be wrong
 * (counts are never negative); structure/missing-row reports the gap.
 *
 * @act Add up the column's outcome rows in the original. A difference means an
 * outcome row or （七）总计 is wrong in the report; a missing row
 * (structure/missing-row) may explain part of it.
 *
 * @ok
 * | （一）予以公开 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |
 * | （二）部分公开 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |
 * | （七）总计 | 2 | 0 | 0 | 0 | 0 | 0 | 2 |
 *
 * @not-ok 表三/（七）总计/自然人
 * | （一）予以公开 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |
 * | （二）部分公开 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |
 * | （七）总计 | 1 | 0 | 0 | 0 | 0 | 0 | 2 |
 */
import { APPLICATION_COLUMNS, outcomeRows } from '../../model/templates.js';
import { place } from '../../model/places.js';
import { isUncertain, sumMismatch, templateOf } from '../places.js';
import type { Rule, RuleFinding } from '../rule.js';

export const rule: Rule = {
  id: 'applications/outcome-total',
  severity: 'error',
  description: {
    zh: '表三“（七）总计”应等于（一）至（六）各办理结果之和',
    en: '表三: （七）总计 equals the sum of the outcome rows （一）…（六）',
  },
  check(report) {
    const table = report.tables.applications;
    if (!table?.total_processed) return [];
    const rows = outcomeRows(templateOf(report, 'applications'));
    if (rows.some((r) => isUncertain(report, 'applications', r))) return [];
    const present = rows.filter((r) => table[r]);
    const complete = present.length === rows.length;
    return APPLICATION_COLUMNS.flatMap((col): RuleFinding[] => {
      const bad = sumMismatch(
        table.total_processed![col.key],
        present.map((r) => table[r]![col.key]),
      );
      if (!bad || (!complete && bad.sum < bad.total)) return [];
      const partial = complete ? '' : `（缺 ${rows.length - present.length} 行，仅现有各行之和已超过总计）`;
      return [
        {
          location: place.applicationCell('total_processed', col.key),
          expected: bad.sum,
          actual: bad.total,
          page: table.total_processed![col.key]?.page,
          message: `表三「${col.short}」列的（七）总计为 ${bad.total}，但（一）至（六）各项之和为 ${bad.sum}${partial}。`,
        },
      ];
    });
  },
};
