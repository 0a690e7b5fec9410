/**
 * extract/uncertain-table — the extractor found a row (or a whole table) but
 * could not tell which column each number belongs to, e.g. a PDF text layer
 * that lost a column. The row is neither "missing" nor added up: an
 * extraction error must never pose as a report error. Check the original.
 *
 * @act Read the row in the original and check its numbers by hand: nianbao did
 * not. When the original has every number in its column, the problem is the
 * extraction, not the report; mark the finding reviewed in nianbao-triage.csv.
 *
 * @ok
 * | 一、本年新收政府信息公开申请数量 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |
 *
 * @not-ok 表三/一、本年新收
 * | 一、本年新收政府信息公开申请数量 | 0 | 0 | 0 | 0 | 0 | 0 |
 */
import type { Rule } from '../rule.js';

export const rule: Rule = {
  id: 'extract/uncertain-table',
  severity: 'warning',
  description: {
    zh: '表格中的数值无法确定所属栏目（提取问题，未作核对）',
    en: 'table values could not be placed in their columns (extraction problem; not checked)',
  },
  check(report) {
    return report.uncertain.map((u) => ({
      location: u.location,
      actual: u.reason,
      page: u.page,
      message: `无法可靠读取「${u.location}」：${u.reason}；此处未做算术核对，请对照原文。`,
    }));
  },
};
