/**
 * structure/section-order — the six parts appear out of template order, or
 * one part (or one printed heading number) appears twice. Each repeated part
 * or number is reported once, at its first repetition.
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
 * 一、总体情况
 * 二、主动公开政府信息情况
 * 一、总体情况
 */
import type { Section } from '../../model/report.js';
import type { Rule, RuleFinding } from '../rule.js';

export const rule: Rule = {
  id: 'structure/section-order',
  severity: 'warning',
  description: {
    zh: '各部分顺序与模板不符，或同一部分（编号）重复出现',
    en: 'parts out of template order, or a part or number used twice',
  },
  check(report) {
    const findings: RuleFinding[] = [];
    const parts = new Set<string>();
    const numbers = new Set<number>();
    const reported = new Set<string>();
    const placed: Section[] = [];
    const once = (id: string, finding: RuleFinding) => {
      if (!reported.has(id)) findings.push(finding);
      reported.add(id);
    };
    for (const s of report.sections) {
      const ordinal = s.ordinal;
      const place = { location: s.heading, actual: s.heading, page: s.page };
      if (s.key !== null && parts.has(s.key)) {
        once(`part:${s.key}`, { ...place, message: `「${s.heading}」部分重复出现。` });
      } else if (ordinal !== null && numbers.has(ordinal)) {
        once(`number:${ordinal}`, { ...place, message: `标题编号「${s.printed}」重复使用。` });
      } else if (s.number !== null) {
        const after = placed.find((e) => e.number !== null && e.number > s.number!);
        if (after)
          findings.push({
            ...place,
            expected: `位于「${after.heading}」之前`,
            actual: `位于「${after.heading}」之后`,
            message: `「${s.heading}」出现在「${after.heading}」之后，顺序与模板不符。`,
          });
      }
      if (s.key !== null) parts.add(s.key);
      if (ordinal !== null) numbers.add(ordinal);
      placed.push(s);
    }
    return findings;
  },
};
