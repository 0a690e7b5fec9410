/**
 * applications/row-total — in 表三 every row's 总计 equals the sum of its six
 * applicant columns (自然人 + 商业企业 + 科研机构 + 社会公益组织 + 法律服务机构 + 其他).
 * A blank or unreadable cell stops the check: table/blank-cell or
 * extract/uncertain-table says so instead of a made-up sum.
 *
 * @act Add up the row's six applicant columns in the original. When they
 * disagree with its 总计, a cell or the total is wrong in the report; when they
 * agree, the extraction misread a cell.
 *
 * @ok
 * | 一、本年新收政府信息公开申请数量 | 2 | 1 | 0 | 0 | 0 | 0 | 3 |
 *
 * @not-ok 表三/一、本年新收/总计
 * | 一、本年新收政府信息公开申请数量 | 2 | 1 | 0 | 0 | 0 | 0 | 4 |
 */
import { APPLICANT_COLUMN_KEYS } from '../../model/templates.js';
import { place } from '../../model/places.js';
import { sumMismatch } from '../places.js';
import type { Rule } from '../rule.js';

export const rule: Rule = {
  id: 'applications/row-total',
  severity: 'error',
  description: {
    zh: '表三各行“总计”应等于六类申请人之和',
    en: '表三: each row total equals the sum of the six applicant columns',
  },
  check(report) {
    return Object.entries(report.tables.applications ?? {}).flatMap(([row, cells]) => {
      const bad = sumMismatch(
        cells.total,
        APPLICANT_COLUMN_KEYS.map((c) => cells[c]),
      );
      if (!bad) return [];
      return [
        {
          location: place.applicationCell(row, 'total'),
          expected: bad.sum,
          actual: bad.total,
          page: cells.total?.page,
          message: `表三「${place.applicationRow(row)}」行的总计为 ${bad.total}，但六类申请人之和为 ${bad.sum}。`,
        },
      ];
    });
  },
};
