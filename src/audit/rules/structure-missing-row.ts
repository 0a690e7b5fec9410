/**
 * structure/missing-row — a present table lacks a template row, a 表二
 * sub-table, or a 表四 group or column. Rows the extractor found but could not
 * read are not missing (extract/uncertain-table reports them).
 *
 * @ok
 * | 行政复议 | 0 | 0 | 0 | 0 | 0 |
 * | 行政诉讼（未经复议直接起诉） | 0 | 0 | 0 | 0 | 0 |
 * | 行政诉讼（复议后起诉） | 0 | 0 | 0 | 0 | 0 |
 *
 * @not-ok 表四/行政诉讼/复议后起诉
 * | 行政复议 | 0 | 0 | 0 | 0 | 0 |
 * | 行政诉讼（未经复议直接起诉） | 0 | 0 | 0 | 0 | 0 |
 */
import type { AnnualReport } from '../../model/report.js';
import {
  ACTIVE_DISCLOSURE,
  APPLICATION_ROWS,
  REVIEW_COLUMNS,
  REVIEW_GROUPS,
  TABLE_NAMES,
} from '../../model/templates.js';
import { isUncertain, templateOf } from '../places.js';
import type { Rule, RuleFinding } from '../rule.js';

const missing = (location: string, what: string): RuleFinding => ({ location, actual: '无', message: `${what}缺失。` });

function activeDisclosure(report: AnnualReport): RuleFinding[] {
  const table = report.tables.activeDisclosure;
  if (!table) return [];
  const name = TABLE_NAMES.activeDisclosure;
  return ACTIVE_DISCLOSURE[templateOf(report, 'activeDisclosure')].flatMap((sub) => {
    if (!table[sub.key]) return [missing(`${name}/${sub.caption}`, `${name}「${sub.caption}」子表`)];
    return sub.rows.flatMap((row) => {
      if (isUncertain(report, 'activeDisclosure', `${sub.key}/${row.key}`)) return [];
      const cells = table[sub.key]![row.key];
      if (!cells)
        return [missing(`${name}/${sub.caption}/${row.short}`, `${name}「${sub.caption}」中「${row.label}」行`)];
      return sub.cols
        .filter((c) => !cells[c.key])
        .map((c) =>
          missing(
            `${name}/${sub.caption}/${row.short}/${c.short}`,
            `${name}「${sub.caption}/${row.label}」的「${c.label}」栏`,
          ),
        );
    });
  });
}

function applications(report: AnnualReport): RuleFinding[] {
  const table = report.tables.applications;
  if (!table || isUncertain(report, 'applications', null)) return [];
  const name = TABLE_NAMES.applications;
  return APPLICATION_ROWS[templateOf(report, 'applications')]
    .filter((row) => !table[row.key] && !isUncertain(report, 'applications', row.key))
    .map((row) => missing(`${name}/${row.short}`, `${name}「${row.label}」行`));
}

function reviewLitigation(report: AnnualReport): RuleFinding[] {
  const table = report.tables.reviewLitigation;
  if (!table || isUncertain(report, 'reviewLitigation', null)) return [];
  const name = TABLE_NAMES.reviewLitigation;
  return REVIEW_GROUPS.flatMap((g) => {
    if (isUncertain(report, 'reviewLitigation', g.key)) return [];
    if (!table[g.key]) return [missing(`${name}/${g.short}`, `${name}「${g.short}」栏目`)];
    return REVIEW_COLUMNS.filter((c) => !table[g.key]![c.key]).map((c) =>
      missing(`${name}/${g.short}/${c.short}`, `${name}「${g.short}/${c.label}」栏`),
    );
  });
}

export const rule: Rule = {
  id: 'structure/missing-row',
  severity: 'error',
  description: {
    zh: '表格缺少模板规定的行、子表或栏目',
    en: 'a template row, sub-table or column is absent from a present table',
  },
  check: (report) => [...activeDisclosure(report), ...applications(report), ...reviewLitigation(report)],
};
