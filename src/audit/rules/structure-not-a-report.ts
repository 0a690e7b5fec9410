/**
 * structure/not-a-report — the file holds no annual-report title, none of the
 * six parts and none of the three tables: a notice or news page scraped by
 * mistake, or a report whose body is an image. Reported alone: nine findings
 * about missing parts and tables would bury the one that matters.
 *
 * @act Look at the file: a notice or news page collected by mistake belongs
 * out of the corpus; a report published as an image needs text recognition
 * (OCR) before it can be audited.
 *
 * @ok
 * 一、总体情况
 *
 * @not-ok 文件
 * 关于做好2024年春节期间安全生产工作的通知
 * 各乡镇人民政府、县直各单位：为切实做好春节期间安全生产工作，现将有关事项通知如下。
 */
import type { Rule } from '../rule.js';

export const rule: Rule = {
  id: 'structure/not-a-report',
  severity: 'error',
  exclusive: true,
  description: {
    zh: '文件不像政府信息公开工作年度报告（无标题、无六个部分、无表格）',
    en: 'the file has no report title, none of the six parts and none of the tables',
  },
  check(report) {
    // a table counts by what it holds: row labels quoted in prose make an empty table and label-only uncertain rows
    const empty =
      !report.meta.title &&
      !report.sections.some((s) => s.key !== null) &&
      report.uncertain.every((u) => u.labelOnly) &&
      !Object.values(report.tables).some((t) => t && Object.keys(t).length > 0);
    if (!empty) return [];
    return [
      {
        location: '文件',
        actual: '无年度报告标题、部分标题或表格',
        message:
          '文件中没有年度报告的标题、六个部分或三张表格：可能不是政府信息公开工作年度报告，或正文以图片发布，请人工核对。',
      },
    ];
  },
};
