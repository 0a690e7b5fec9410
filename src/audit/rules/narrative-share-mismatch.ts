/**
 * narrative/share-mismatch — a percentage the text gives as a share of a
 * number it also states (「办结12件，其中予以公开5件，占41.7%」) that the two
 * numbers do not give, beyond 0.1 point (or half the last digit written).
 * Shares of numbers the text does not state stay unchecked.
 *
 * @act Recompute the percentage from the two numbers the sentence gives: the
 * percentage or one of the numbers is wrong.
 *
 * @ok
 * 一、总体情况
 *
 * 全年办结政府信息公开申请12件，其中予以公开5件，占办结总数的41.7%。
 *
 * @not-ok 一、总体情况
 * 一、总体情况
 *
 * 全年办结政府信息公开申请12件，其中予以公开5件，占办结总数的33.9%。
 */
import { analyzeNarrative } from '../narrative/analyze.js';
import type { Rule } from '../rule.js';

export const rule: Rule = {
  id: 'narrative/share-mismatch',
  severity: 'warning',
  description: {
    zh: '正文所述百分比与其所述分子、分母不符',
    en: 'a percentage in the text does not match the numbers it is a share of',
  },
  check(report) {
    return analyzeNarrative(report).shareMismatches;
  },
};
