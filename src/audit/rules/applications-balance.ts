/**
 * applications/balance — the 勾稽关系 printed in 表三 itself: per column,
 * 一（本年新收）+ 二（上年结转）= 三（七）总计 + 四（结转下年度继续办理）.
 *
 * @act Find which of 一, 二, （七）总计 and 四 is wrong in that column: the column's
 * other 表三 findings (row-total, outcome-total) usually point to it.
 *
 * @ok
 * | 一、本年新收政府信息公开申请数量 | 2 | 0 | 0 | 0 | 0 | 0 | 2 |
 * | 二、上年结转政府信息公开申请数量 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |
 * | （七）总计 | 2 | 0 | 0 | 0 | 0 | 0 | 2 |
 * | 四、结转下年度继续办理 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |
 *
 * @not-ok 表三/四、结转下年度继续办理/自然人
 * | 一、本年新收政府信息公开申请数量 | 2 | 0 | 0 | 0 | 0 | 0 | 2 |
 * | 二、上年结转政府信息公开申请数量 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |
 * | （七）总计 | 2 | 0 | 0 | 0 | 0 | 0 | 2 |
 * | 四、结转下年度继续办理 | 0 | 0 | 0 | 0 | 0 | 0 | 1 |
 */
import { APPLICATION_COLUMNS } from '../../model/templates.js';
import { place } from '../../model/places.js';
import { addend } from '../places.js';
import type { Rule, RuleFinding } from '../rule.js';

const IN = ['new_received', 'carried_over'] as const;
const OUT = ['total_processed', 'carried_forward'] as const;

export const rule: Rule = {
  id: 'applications/balance',
  severity: 'error',
  description: {
    zh: '表三“一＋二”应等于“三（七）总计＋四”（表内勾稽关系）',
    en: '表三: new + carried over equals total processed + carried forward, per column',
  },
  check(report) {
    const table = report.tables.applications;
    if (!table || ![...IN, ...OUT].every((r) => table[r])) return [];
    return APPLICATION_COLUMNS.flatMap((col): RuleFinding[] => {
      const [a, b, c, d] = [...IN, ...OUT].map((r) => addend(table[r]![col.key]));
      if (a == null || b == null || c == null || d == null || a + b === c + d) return [];
      return [
        {
          location: place.applicationCell('carried_forward', col.key),
          expected: a + b,
          actual: c + d,
          page: table.carried_forward![col.key]?.page,
          message: `表三「${col.short}」列：一（${a}）＋二（${b}）＝${a + b}，但三（七）总计（${c}）＋四（${d}）＝${c + d}，不满足表内勾稽关系。`,
        },
      ];
    });
  },
};
