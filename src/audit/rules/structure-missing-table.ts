/**
 * structure/missing-table — 表二, 表三 or 表四 is absent. When the part's
 * heading is there but no table follows, the table was most likely an image
 * or stripped by the web page, which the message says (as a warning, since the
 * extractor cannot be sure the document has no table).
 *
 * @act `warning` (the part's heading is there, the table is not): open the
 * original, where the table is most likely an image or was removed from the
 * web page, and check its numbers by hand. `error`: the report lacks a table
 * the format requires.
 * @severity error / warning
 *
 * @ok
 * | 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |
 * | 规章 | 0 | 0 | 0 |
 *
 * | 一、本年新收政府信息公开申请数量 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |
 *
 * | 行政复议 | 0 | 0 | 0 | 0 | 0 |
 * | 行政诉讼（未经复议直接起诉） | 0 | 0 | 0 | 0 | 0 |
 * | 行政诉讼（复议后起诉） | 0 | 0 | 0 | 0 | 0 |
 *
 * @not-ok 表四
 * 四、政府信息公开行政复议、行政诉讼情况
 * 本年度未发生行政复议、行政诉讼。
 */
import { place } from '../../model/places.js';
import { TableKey } from '../../model/report.js';
import { SECTIONS } from '../../model/templates.js';
import type { Rule, RuleFinding } from '../rule.js';

export const rule: Rule = {
  id: 'structure/missing-table',
  severity: 'error',
  description: { zh: '缺少表二、表三或表四', en: '表二, 表三 or 表四 is absent' },
  check(report) {
    return TableKey.options.flatMap((key): RuleFinding[] => {
      if (report.tables[key] !== null || report.uncertain.some((u) => u.table === key)) return [];
      const name = place.table(key);
      const heading = report.sections.find((s) => s.key === key);
      if (heading) {
        return [
          {
            location: name,
            actual: '无',
            severity: 'warning',
            page: heading.page,
            message: `「${heading.heading}」标题存在，但未提取到${name}（可能以图片形式发布或被网页删除），请人工核对原文。`,
          },
        ];
      }
      return [
        {
          location: name,
          actual: '无',
          message: `报告缺少${name}（${SECTIONS.find((s) => s.key === key)!.heading.slice(2)}）。`,
        },
      ];
    });
  },
};
