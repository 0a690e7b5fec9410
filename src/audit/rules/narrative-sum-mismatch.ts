/**
 * narrative/sum-mismatch — a sum the text states and its own parts contradict:
 * 「发布信息43条，其中政务公开类40条，机构职责类5条」, or a balance told in words
 * (「收到7件，上年结转1件；予以公开3件，无法提供3件，结转下年1件」: 7＋1 ≠ 3＋3＋1).
 * A total that equals its parts apart from a 万/亿 is reported as a unit
 * error. Parts that fall short of the total are reported only when they must
 * be all of it (分别为, or 自然人 with 法人或其他组织): lists after 其中 are often
 * a selection.
 *
 * @act Add up the parts the sentence lists. A total that equals them apart
 * from a 万 is a unit slip in the text; otherwise the total or a part is wrong.
 *
 * @ok
 * 一、总体情况
 *
 * 全年发布信息43条，其中政务公开类40条，机构职责类3条。
 *
 * @not-ok 一、总体情况
 * 一、总体情况
 *
 * 全年发布信息43条，其中政务公开类40条，机构职责类5条。
 */
import { analyzeNarrative } from '../narrative/analyze.js';
import type { Rule } from '../rule.js';

export const rule: Rule = {
  id: 'narrative/sum-mismatch',
  severity: 'warning',
  description: {
    zh: '正文所述总数与其分项（或收支平衡）不符',
    en: 'a total stated in the text does not equal the parts it lists',
  },
  check(report) {
    return analyzeNarrative(report).sumMismatches;
  },
};
