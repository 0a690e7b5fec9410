/**
 * structure/section-order — the six parts appear out of template order, or
 * one part (or one heading number) appears twice.
 *
 * @act Compare the parts with the template's order 一 to 六. It is usually a
 * copied heading or a numbering slip, which the publisher should renumber or
 * remove.
 *
 * @ok
 * 一、总体情况
 * 二、主动公开政府信息情况
 *
 * @not-ok 一、总体情况
 * 二、主动公开政府信息情况
 * 一、总体情况
 */
import { SECTIONS } from '../../model/templates.js';
import type { Rule, RuleFinding } from '../rule.js';

const order = (key: string) => SECTIONS.findIndex((s) => s.key === key);

export const rule: Rule = {
  id: 'structure/section-order',
  severity: 'warning',
  description: {
    zh: '各部分顺序与模板不符，或同一部分（编号）重复出现',
    en: 'parts out of template order, or a part or number used twice',
  },
  check(report) {
    const findings: RuleFinding[] = [];
    report.sections.forEach((s, i) => {
      const earlier = report.sections.slice(0, i);
      if (earlier.some((e) => e.key === s.key)) {
        findings.push({
          location: s.heading,
          actual: s.heading,
          page: s.page,
          message: `「${s.heading}」部分重复出现。`,
        });
      } else if (s.number !== null && earlier.some((e) => e.number === s.number)) {
        findings.push({
          location: s.heading,
          actual: s.heading,
          page: s.page,
          message: `标题编号「${s.heading.slice(0, 2)}」重复使用。`,
        });
      } else if (earlier.some((e) => order(e.key) > order(s.key))) {
        const after = earlier.find((e) => order(e.key) > order(s.key))!;
        findings.push({
          location: s.heading,
          expected: `位于「${after.heading}」之前`,
          actual: `位于「${after.heading}」之后`,
          page: s.page,
          message: `「${s.heading}」出现在「${after.heading}」之后，顺序与模板不符。`,
        });
      }
    });
    return findings;
  },
};
