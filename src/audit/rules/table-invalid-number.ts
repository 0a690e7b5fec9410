/**
 * table/invalid-number — a cell that should be a count holds something that is
 * not a non-negative integer (text, a fraction, a negative number). 「/」「—」
 * 「无」 mean "not applicable" and are accepted; the signed 2019 「本年增/减」 and
 * the two amount columns (采购总金额, 本年收费金额) accept signs and decimals.
 *
 * @act Read the cell in the original. Text where a count belongs (「若干」, a
 * fraction, a remark) should be corrected by the publisher; a clean number in
 * the original means the extraction misread it.
 *
 * @ok
 * | 一、本年新收政府信息公开申请数量 | 2 | / | 0 | 0 | 0 | 0 | 2 |
 *
 * @not-ok 表三/一、本年新收/自然人
 * | 一、本年新收政府信息公开申请数量 | 1.5 | 0 | 0 | 0 | 0 | 0 | 2 |
 */
import { placedCells } from '../places.js';
import type { Rule } from '../rule.js';

const EXPECTED = { count: '非负整数', signed: '整数（可带增/减）', amount: '金额数字' } as const;

export const rule: Rule = {
  id: 'table/invalid-number',
  severity: 'error',
  description: {
    zh: '应填数字的单元格不是有效数字（计数须为非负整数）',
    en: 'a cell that should be a count is not a non-negative integer',
  },
  check(report) {
    return placedCells(report)
      .filter((c) => c.cell.state === 'invalid')
      .map((c) => ({
        location: `${c.row}/${c.column}`,
        expected: EXPECTED[c.kind],
        actual: c.cell.raw,
        page: c.cell.page,
        message: `${c.row.replace('/', '「')}/${c.column}」填写为「${c.cell.raw}」，不是${EXPECTED[c.kind]}。`,
      }));
  },
};
