/**
 * structure/missing-row — a present table lacks a template row, a 表二
 * sub-table, or a 表四 group or column. Rows the extractor found but could not
 * read are not missing (extract/uncertain-table reports them).
 *
 * @act Check the table in the original. A row that is there under a label
 * nianbao did not know is one more phrase in src/model/templates.ts; a row
 * that is really absent means the report left out part of the official format.
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
import { ACTIVE_DISCLOSURE, APPLICATION_ROWS, REVIEW_COLUMNS, REVIEW_GROUPS } from '../../model/templates.js';
import { place } from '../../model/places.js';
import { isUncertain, templateOf } from '../places.js';
import type { Rule, RuleFinding } from '../rule.js';

const missing = (location: string, what: string): RuleFinding => ({ location, actual: '无', message: `${what}缺失。` });

function activeDisclosure(report: AnnualReport): RuleFinding[] {
  const table = report.tables.activeDisclosure;
  if (!table) return [];
  const name = place.table('activeDisclosure');
  const version = templateOf(report, 'activeDisclosure');
  return ACTIVE_DISCLOSURE[version].flatMap((sub) => {
    if (!table[sub.key]) return [missing(place.subtablePath(version, sub.key), `${name}「${sub.caption}」子表`)];
    return sub.rows.flatMap((row) => {
      if (isUncertain(report, 'activeDisclosure', `${sub.key}/${row.key}`)) return [];
      const cells = table[sub.key]![row.key];
      if (!cells)
        return [
          missing(place.activeRowPath(version, sub.key, row.key), `${name}「${sub.caption}」中「${row.label}」行`),
        ];
      return sub.cols
        .filter((c) => !cells[c.key])
        .map((c) =>
          missing(
            place.activeCell(version, sub.key, row.key, c.key),
            `${name}「${sub.caption}/${row.label}」的「${c.label}」栏`,
          ),
        );
    });
  });
}

function applications(report: AnnualReport): RuleFinding[] {
  const table = report.tables.applications;
  if (!table || isUncertain(report, 'applications', null)) return [];
  const name = place.table('applications');
  return APPLICATION_ROWS[templateOf(report, 'applications')]
    .filter((row) => !table[row.key] && !isUncertain(report, 'applications', row.key))
    .map((row) => missing(place.applicationRowPath(row.key), `${name}「${row.label}」行`));
}

function reviewLitigation(report: AnnualReport): RuleFinding[] {
  const table = report.tables.reviewLitigation;
  if (!table || isUncertain(report, 'reviewLitigation', null)) return [];
  const name = place.table('reviewLitigation');
  return REVIEW_GROUPS.flatMap((g) => {
    if (isUncertain(report, 'reviewLitigation', g.key)) return [];
    if (!table[g.key]) return [missing(place.reviewGroupPath(g.key), `${name}「${g.short}」栏目`)];
    return REVIEW_COLUMNS.filter((c) => !table[g.key]![c.key]).map((c) =>
      missing(place.reviewCell(g.key, c.key), `${name}「${g.short}/${c.label}」栏`),
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
