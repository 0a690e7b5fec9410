/**
 * structure/heading-mislabeled — a part heading's wording or numbering
 * deviates from the template. Different wording is `info` (the part is still
 * recognisable); a wrong or missing number is a `warning`.
 *
 * @act `info` (other wording, part still recognised): usually nothing to do.
 * `warning` (missing or wrong number): the heading should carry the template's
 * number.
 * @severity info / warning
 *
 * @ok
 * 一、总体情况
 *
 * @not-ok 五、存在的主要问题及改进情况
 * 一、总体情况
 * 五、政府信息公开工作存在的主要问题及改进情况
 */
import { SECTIONS } from '../../model/templates.js';
import type { Rule, RuleFinding } from '../rule.js';

const CHINESE_DIGITS = '一二三四五六七八九十';

/** Headings compare equal across half/full-width punctuation, spaces and a trailing mark. */
function canonicalForm(heading: string): string {
  return heading
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .replace(/[、。，,.．:：]$/, '')
    .replace(/[.．，,]/, '、');
}

export const rule: Rule = {
  id: 'structure/heading-mislabeled',
  severity: 'info',
  description: {
    zh: '部分标题的措辞或编号与模板不一致',
    en: "a heading's wording or numbering deviates from the template",
  },
  check(report) {
    return report.sections.flatMap((s): RuleFinding[] => {
      const def = SECTIONS.find((d) => d.key === s.key)!;
      const place = { location: def.heading, expected: def.heading, actual: s.heading, page: s.page };
      if (s.number === null)
        return [{ ...place, severity: 'warning', message: `「${s.heading}」缺少编号，模板为「${def.heading}」。` }];
      if (s.number !== def.number) {
        return [
          {
            ...place,
            severity: 'warning',
            message: `「${s.heading}」编号为「${CHINESE_DIGITS[s.number - 1]}」，模板中该部分为「${def.heading}」。`,
          },
        ];
      }
      if (canonicalForm(s.heading) === canonicalForm(def.heading)) return [];
      return [{ ...place, message: `标题「${s.heading}」与模板「${def.heading}」措辞不同。` }];
    });
  },
};
