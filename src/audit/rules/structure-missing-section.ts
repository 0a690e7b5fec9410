/**
 * structure/missing-section — one of the six parts the 条例 第五十条 and the
 * format require is absent: no heading names it. What the intro claims
 * (「本报告由…六个部分组成」) is not evidence either way.
 *
 * @act Look for the part in the original. When it is there under a heading
 * nianbao did not recognise, that wording is one more pattern in SECTIONS
 * (src/model/templates.ts); when it is absent, the report lacks a part the 条例
 * requires and the publisher should add it.
 *
 * @ok
 * 一、总体情况
 * 二、主动公开政府信息情况
 * 三、收到和处理政府信息公开申请情况
 * 四、政府信息公开行政复议、行政诉讼情况
 * 五、存在的主要问题及改进情况
 * 六、其他需要报告的事项
 *
 * @not-ok 三、收到和处理政府信息公开申请情况
 * 一、总体情况
 * 二、主动公开政府信息情况
 * 四、政府信息公开行政复议、行政诉讼情况
 * 五、存在的主要问题及改进情况
 * 六、其他需要报告的事项
 */
import { place } from '../../model/places.js';
import { TableKey } from '../../model/report.js';
import { SECTIONS } from '../../model/templates.js';
import type { Rule } from '../rule.js';

export const rule: Rule = {
  id: 'structure/missing-section',
  severity: 'error',
  description: { zh: '缺少年度报告六个部分之一', en: 'one of the six parts is absent' },
  check(report) {
    return SECTIONS.filter((def) => !report.sections.some((s) => s.key === def.key)).map((def) => {
      const key = TableKey.safeParse(def.key);
      const table = key.success ? place.table(key.data) : null;
      const hasTable = table && report.tables[def.key as keyof typeof report.tables];
      return {
        location: def.heading,
        expected: def.heading,
        actual: hasTable ? `无该部分标题（${table}存在）` : '无',
        message: `报告缺少「${def.heading}」部分${hasTable ? `：${table}存在，但没有该部分的标题` : ''}。`,
      };
    });
  },
};
