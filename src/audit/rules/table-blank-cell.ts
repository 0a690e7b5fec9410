/**
 * table/blank-cell — a cell the template requires is left blank. Blank is not
 * zero: the sums that need the cell are not checked, and this finding says
 * why. Reported once per row (listing the blank columns), and once for a table
 * whose every value cell is blank, so an empty form does not flood the list.
 *
 * @act A blank is not 0: the publisher should fill in the number (0 when
 * nothing happened). Until then the sums that need the cells stay unchecked.
 *
 * @ok
 * | 一、本年新收政府信息公开申请数量 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |
 *
 * @not-ok 表三/一、本年新收
 * | 一、本年新收政府信息公开申请数量 | 1 |  | 0 | 0 | 0 | 0 | 1 |
 */
import { place } from '../../model/places.js';
import { placedCells, type PlacedCell } from '../places.js';
import type { Rule, RuleFinding } from '../rule.js';

function byRow(cells: PlacedCell[]): Map<string, PlacedCell[]> {
  const rows = new Map<string, PlacedCell[]>();
  for (const c of cells) rows.set(c.row, [...(rows.get(c.row) ?? []), c]);
  return rows;
}

export const rule: Rule = {
  id: 'table/blank-cell',
  severity: 'warning',
  description: { zh: '模板要求填写的单元格为空白', en: 'a cell the template requires is blank' },
  check(report) {
    const findings: RuleFinding[] = [];
    const cells = placedCells(report);
    for (const table of ['activeDisclosure', 'applications', 'reviewLitigation'] as const) {
      const inTable = cells.filter((c) => c.table === table);
      const blank = inTable.filter((c) => c.cell.state === 'blank');
      if (!blank.length) continue;
      if (blank.length === inTable.length && byRow(inTable).size > 1) {
        findings.push({
          location: place.table(table),
          actual: `${blank.length} 个单元格全部空白`,
          page: blank[0]!.cell.page,
          message: `${place.table(table)}所有数值单元格均为空白，表格未填写。`,
        });
        continue;
      }
      for (const [row, rowBlank] of byRow(blank)) {
        const columns = rowBlank.map((c) => c.column).join('、');
        findings.push({
          location: row,
          actual: `空白：${columns}`,
          page: rowBlank[0]!.cell.page,
          message: `${row.replace('/', '「')}」中 ${columns} 为空白（空白不等于 0），涉及这些单元格的合计未核对。`,
        });
      }
    }
    return findings;
  },
};
