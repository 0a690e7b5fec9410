/**
 * corpus/copies-disagree — the copies of one report (the same agency and year:
 * an HTML page, its PDF, its DOCX) give the same numbers in 表三 and 表四. When
 * they do not, one of the copies was read wrong or the agency published two
 * versions: which one is right decides every other finding on them. Reported
 * once, on the later copy in walk order. Needs both copies in the corpus.
 *
 * @act Open both files (`file` and `previous_file`) at the named cell. If one
 * copy was read wrong, the other copy's findings are the ones to trust; if the
 * agency really published two versions, ask which one is authoritative.
 *
 * @previous
 * 某县民政局2023年政府信息公开工作年度报告
 * | 一、本年新收政府信息公开申请数量 | 2 | 0 | 0 | 0 | 0 | 0 | 2 |
 *
 * @ok
 * 某县民政局2023年政府信息公开工作年度报告
 * | 一、本年新收政府信息公开申请数量 | 2 | 0 | 0 | 0 | 0 | 0 | 2 |
 *
 * @not-ok 表三/一、本年新收/自然人
 * 某县民政局2023年政府信息公开工作年度报告
 * | 一、本年新收政府信息公开申请数量 | 3 | 0 | 0 | 0 | 0 | 0 | 3 |
 */
// a value import first: tsc drops a header comment that sits on an erased type-only import
import { place } from '../../model/places.js';
import type { AnnualReport, Cell } from '../../model/report.js';
import type { Rule, RuleFinding } from '../rule.js';

interface Difference {
  location: string;
  mine: number;
  theirs: number;
  page: number | null;
}

/** Cells both copies read as numbers and that differ: a cell one copy could not read is not a disagreement. */
function differences(report: AnnualReport, other: AnnualReport): Difference[] {
  const out: Difference[] = [];
  const compare = (a: Cell | undefined, b: Cell | undefined, location: string) => {
    if (a?.value != null && b?.value != null && a.value !== b.value)
      out.push({ location, mine: a.value, theirs: b.value, page: a.page });
  };
  for (const [row, cells] of Object.entries(report.tables.applications ?? {}))
    for (const [col, cell] of Object.entries(cells))
      compare(cell, other.tables.applications?.[row]?.[col], place.applicationCell(row, col));
  for (const [group, cells] of Object.entries(report.tables.reviewLitigation ?? {}))
    for (const [col, cell] of Object.entries(cells))
      compare(cell, other.tables.reviewLitigation?.[group]?.[col], place.reviewCell(group, col));
  return out;
}

export const rule: Rule = {
  id: 'corpus/copies-disagree',
  severity: 'warning',
  description: {
    zh: '同一机关同一年度报告的几份文件（网页、PDF、DOCX）在表三、表四中的数字应一致',
    en: 'copies of one report (same agency and year: HTML, PDF, DOCX) give the same numbers in 表三 and 表四',
  },
  check(report, context) {
    const { agency, year } = report.meta;
    const other = agency && year !== null ? context.reportFor?.(agency, year) : null;
    // the index holds the first copy: it is compared by the later ones, never with itself
    if (!other || other === report) return [];
    const found = differences(report, other);
    if (!found.length) return [];
    const listed = found
      .slice(0, 3)
      .map((d) => `「${d.location}」此份为 ${d.mine}、另一份为 ${d.theirs}`)
      .join('；');
    return [
      {
        location: found[0]!.location,
        expected: found[0]!.theirs,
        actual: found[0]!.mine,
        page: found[0]!.page,
        message: `本文件与同一机关同一年度的另一份文件（见 previous_file 列）有 ${found.length} 处数字不同：${listed}${found.length > 3 ? '……' : ''}。请核对哪一份为准。`,
      } satisfies RuleFinding,
    ];
  },
};
