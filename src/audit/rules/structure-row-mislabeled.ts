/**
 * structure/row-mislabeled — a table row stands where the template puts it and
 * was read as that row, but its printed label says something else: a typo, a
 * dropped or swapped character, a truncated label. Script, width, spacing,
 * punctuation and numbering are not deviations, nor is the template's own
 * parenthetical note left off.
 *
 * @act Compare the printed label with the template's. A typo is worth telling
 * the agency, but the row's numbers were read and checked as that row; if the
 * label really names another row, the table is out of order and the row's
 * numbers belong elsewhere. A label read by OCR is not compared: its wording is
 * the engine's reading, and a misread character is not the agency's typo.
 *
 * @ok
 * | （三）不予公开 | 2.其他法律行政法规禁止公开 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |
 * | （二）部分公开 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |
 *
 * @not-ok 表三/（三）2.其他法律行政法规禁止公开
 * | （三）不予公开 | 1.属于国家秘密 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |
 * | | 2.其他法律行政止公开 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |
 * | | 3.危及“三安全一稳定” | 0 | 0 | 0 | 0 | 0 | 0 | 0 |
 */
import type { AnnualReport, PrintedLabel } from '../../model/report.js';
import { place } from '../../model/places.js';
import { ACTIVE_DISCLOSURE, ALL_APPLICATION_ROWS, REVIEW_GROUPS } from '../../model/templates.js';
import { templateOf } from '../places.js';
import type { Rule, RuleFinding } from '../rule.js';

/** A label that differs from the template's wording, as printed (not as OCR guessed it). */
const mislabeled = (label: PrintedLabel | undefined): label is PrintedLabel =>
  !!label && !label.matchesTemplate && !label.uncertain;

function finding(location: string, expected: string, label: PrintedLabel): RuleFinding {
  return {
    location,
    expected,
    actual: label.printed,
    message: `「${location}」一行的标签印为「${label.printed}」，与模板的「${expected}」不一致（按位置和相近的文字读作该行）。`,
  };
}

function activeDisclosure(report: AnnualReport): RuleFinding[] {
  const version = templateOf(report, 'activeDisclosure');
  return ACTIVE_DISCLOSURE[version].flatMap((sub) =>
    sub.rows.flatMap((row) => {
      const label = report.rowLabels.activeDisclosure[`${sub.key}/${row.key}`];
      return mislabeled(label) ? [finding(place.activeRowPath(version, sub.key, row.key), row.label, label)] : [];
    }),
  );
}

function applications(report: AnnualReport): RuleFinding[] {
  return ALL_APPLICATION_ROWS.flatMap((row) => {
    const label = report.rowLabels.applications[row.key];
    return mislabeled(label) ? [finding(place.applicationRowPath(row.key), row.label, label)] : [];
  });
}

function reviewLitigation(report: AnnualReport): RuleFinding[] {
  return REVIEW_GROUPS.flatMap((g) => {
    const label = report.rowLabels.reviewLitigation[g.key];
    return mislabeled(label) ? [finding(place.reviewGroupPath(g.key), g.label, label)] : [];
  });
}

export const rule: Rule = {
  id: 'structure/row-mislabeled',
  severity: 'info',
  description: {
    zh: '表格行的标签与模板文字不一致（如错别字、漏字、截断），按位置读作该行',
    en: "a table row read in its template place prints a label that differs from the template's (typo, dropped character, truncation)",
  },
  check: (report) => [...activeDisclosure(report), ...applications(report), ...reviewLitigation(report)],
};
