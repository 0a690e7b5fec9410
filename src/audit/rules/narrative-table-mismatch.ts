/**
 * narrative/table-mismatch — a number the text states (mostly in 一、总体情况)
 * contradicts the table cell or named sum it speaks of: 「全年共收到政府信息公开
 * 申请12件」 over a 表三 whose 新收 total is 15, 「未发生行政复议、行政诉讼」 over
 * a 表四 with cases, 「均获维持」 while cases are 尚未审结. Precision first: a
 * claim is compared only when its words name exactly one cell or named sum,
 * it counts (件/条/份/宗/次) this year's cases, and the cells are known;
 * 「收到」 matches when it fits either 新收 or 新收＋上年结转. A count whose
 * words give it another subject than the table's (one office of several:
 * 「区政府办代表区政府受理…」; documents classed by 公开属性) is left alone, as
 * is one of another year (src/model/claims.ts OTHER_SUBJECTS). A narrative
 * longer than 500,000 characters is read up to there, and an info finding
 * says so.
 *
 * @ok
 * 某区人民政府2024年政府信息公开工作年度报告
 *
 * 一、总体情况
 *
 * 2024年，区政府办代表区政府受理政府信息公开申请17件，均已按期答复。
 *
 * 三、收到和处理政府信息公开申请情况
 *
 * | 一、本年新收政府信息公开申请数量 | 95 | 0 | 0 | 0 | 0 | 0 | 95 |
 * | 二、上年结转政府信息公开申请数量 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |
 *
 * @act Read the sentence in `actual` and the cell or sum the location names:
 * one of them is wrong in the report. `expected` lists what the tables give
 * under each reading the words allow.
 *
 * @ok
 * 一、总体情况
 *
 * 本年度共收到政府信息公开申请12件，予以公开5件。
 *
 * 三、收到和处理政府信息公开申请情况
 *
 * | 一、本年新收政府信息公开申请数量 | 12 | 0 | 0 | 0 | 0 | 0 | 12 |
 * | 二、上年结转政府信息公开申请数量 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |
 * | （一）予以公开 | 5 | 0 | 0 | 0 | 0 | 0 | 5 |
 *
 * @not-ok 一、总体情况 ↔ 表三/一、本年新收/总计
 * 一、总体情况
 *
 * 本年度共收到政府信息公开申请12件，予以公开5件。
 *
 * 三、收到和处理政府信息公开申请情况
 *
 * | 一、本年新收政府信息公开申请数量 | 15 | 0 | 0 | 0 | 0 | 0 | 15 |
 * | 二、上年结转政府信息公开申请数量 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |
 * | （一）予以公开 | 5 | 0 | 0 | 0 | 0 | 0 | 5 |
 *
 * @not-ok 一、总体情况 ↔ 表四/行政复议/尚未审结
 * 一、总体情况
 *
 * 本年度发生行政复议2件，均获维持。
 *
 * 四、政府信息公开行政复议、行政诉讼情况
 *
 * | 行政复议 | 1 | 0 | 0 | 1 | 2 |
 * | 行政诉讼（未经复议直接起诉） | 0 | 0 | 0 | 0 | 0 |
 * | 行政诉讼（复议后起诉） | 0 | 0 | 0 | 0 | 0 |
 */
import { analyzeNarrative } from '../narrative/analyze.js';
import type { Rule } from '../rule.js';

export const rule: Rule = {
  id: 'narrative/table-mismatch',
  severity: 'warning',
  description: { zh: '正文所述数字与表格不一致', en: 'a number stated in the text contradicts the tables' },
  check(report) {
    const { tableMismatches, cutShort } = analyzeNarrative(report);
    return cutShort.length ? [...tableMismatches, ...cutShort] : tableMismatches;
  },
};
