/**
 * review-litigation/total — in 表四, for 行政复议 and for each kind of 行政诉讼,
 * 总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结.
 *
 * @act Add up the group's four result columns in the original. A difference
 * means a result or the 总计 is wrong in the report; when they agree, the
 * extraction misread a cell.
 *
 * @ok
 * 四、政府信息公开行政复议、行政诉讼情况
 * | 行政复议 | 1 | 0 | 0 | 1 | 2 |
 * | 行政诉讼（未经复议直接起诉） | 0 | 0 | 0 | 0 | 0 |
 * | 行政诉讼（复议后起诉） | 0 | 0 | 0 | 0 | 0 |
 *
 * @not-ok 表四/行政复议/总计
 * 四、政府信息公开行政复议、行政诉讼情况
 * | 行政复议 | 1 | 0 | 0 | 1 | 3 |
 * | 行政诉讼（未经复议直接起诉） | 0 | 0 | 0 | 0 | 0 |
 * | 行政诉讼（复议后起诉） | 0 | 0 | 0 | 0 | 0 |
 */
import { REVIEW_COLUMNS } from '../../model/templates.js';
import { place } from '../../model/places.js';
import { sumMismatch } from '../places.js';
import type { Rule } from '../rule.js';

const PARTS = REVIEW_COLUMNS.filter((c) => c.key !== 'total').map((c) => c.key);

export const rule: Rule = {
  id: 'review-litigation/total',
  severity: 'error',
  description: {
    zh: '表四各栏“总计”应等于维持＋纠正＋其他＋尚未审结',
    en: '表四: each group total equals upheld + corrected + other + pending',
  },
  check(report) {
    return Object.entries(report.tables.reviewLitigation ?? {}).flatMap(([group, cells]) => {
      const bad = sumMismatch(
        cells.total,
        PARTS.map((c) => cells[c]),
      );
      if (!bad) return [];
      return [
        {
          location: place.reviewCell(group, 'total'),
          expected: bad.sum,
          actual: bad.total,
          page: cells.total?.page,
          message: `表四「${place.reviewGroup(group)}」的总计为 ${bad.total}，但结果维持、结果纠正、其他结果、尚未审结之和为 ${bad.sum}。`,
        },
      ];
    });
  },
};
