/**
 * structure/heading-mislabeled — a part heading's wording or numbering
 * deviates from the template. Different wording is `info` (the part is still
 * recognisable); a wrong or missing number is a `warning`. Script
 * (總體情況), full- and half-width forms, brackets, punctuation and a
 * trailing 。 or ： are not wording. A heading read by OCR from a scan is not
 * compared: the engine misreads characters at high confidence (行政诉讼 as 行政拆讼,
 * 「一、」 as 「人人」), and its reading would pose as the report's error.
 *
 * @act `info` (other wording, part still recognised): usually nothing to do.
 * `warning` (missing or wrong number): the heading should carry the template's
 * number.
 * @severity info / warning
 *
 * @ok
 * 一、總體情況。
 * 二. 主动公开政府信息情况：
 *
 * @not-ok 五、存在的主要问题及改进情况
 * 一、总体情况
 * 五、政府信息公开工作存在的主要问题及改进情况
 */
import { SECTIONS } from '../../model/templates.js';
import type { Rule, RuleFinding } from '../rule.js';

export const rule: Rule = {
  id: 'structure/heading-mislabeled',
  severity: 'info',
  description: {
    zh: '部分标题的措辞或编号与模板不一致',
    en: "a heading's wording or numbering deviates from the template",
  },
  check(report) {
    return report.sections.flatMap((s): RuleFinding[] => {
      const def = SECTIONS.find((d) => d.key === s.key);
      // a heading read by OCR: a misread character or number is the engine's, not the report's
      if (!def || s.uncertain) return [];
      const place = { location: def.heading, expected: def.heading, actual: s.heading, page: s.page };
      if (s.printed === null)
        return [{ ...place, severity: 'warning', message: `「${s.heading}」缺少编号，模板为「${def.heading}」。` }];
      if (s.ordinal !== def.number) {
        return [
          {
            ...place,
            severity: 'warning',
            message: `「${s.heading}」编号为「${s.printed}」，模板中该部分为「${def.heading}」。`,
          },
        ];
      }
      if (s.matchesTemplate) return [];
      return [{ ...place, message: `标题「${s.heading}」与模板「${def.heading}」措辞不同。` }];
    });
  },
};
