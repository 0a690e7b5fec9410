/**
 * narrative/stale-year — a paragraph of the narrative dated with an earlier
 * year than the report's (「2022年，我局共制定规范性文件0件…」 in a 2023 report)
 * that states numbers the tables count: most likely last year's text copied
 * forward. Its numbers are not compared with this year's tables; this `info`
 * finding says why. Plans (a later year) and 「2019年以来」 are not dates of
 * the paragraph.
 *
 * @act Check whether the paragraph was copied from last year's report and
 * update its numbers. A paragraph rightly about an earlier year can be marked
 * reviewed in nianbao-triage.csv.
 *
 * @ok
 * 某某局2023年政府信息公开工作年度报告
 *
 * 一、总体情况
 *
 * 2023年，我局共制定规范性文件2件。
 *
 * @not-ok 一、总体情况
 * 某某局2023年政府信息公开工作年度报告
 *
 * 一、总体情况
 *
 * 2022年，我局共制定规范性文件2件。
 */
import { analyzeNarrative } from '../narrative/analyze.js';
import type { Rule } from '../rule.js';

export const rule: Rule = {
  id: 'narrative/stale-year',
  severity: 'info',
  description: {
    zh: '正文段落标注的年份早于报告年度（疑为沿用往年文字）',
    en: 'a narrative paragraph is dated with an earlier year than the report',
  },
  check(report) {
    return analyzeNarrative(report).staleYears;
  },
};
