/**
 * meta/published-late — the report came out after the statutory deadline:
 * 《条例》第四十九条, 31 January of the following year for 县级以上人民政府部门;
 * 31 March for a 县级以上人民政府's own report, and for every report on years
 * before the 2019 revision. The date is manifest.csv's `published`, else the
 * source's own publication date, else the signing date (落款) that closes the
 * report: publication cannot precede signing. 乡镇 deadlines are set by each
 * province, so for them it is only info. The level is what the agency's name
 * shows (src/model/agencies.ts); when it shows none, only the later deadline
 * is certain.
 *
 * @act Check the publication date on the publisher's site. A wrong date in
 * manifest.csv is corrected there; otherwise the report was late. For 乡镇 the
 * finding is only `info`: their deadlines are set by each province.
 * @severity warning / info
 *
 * @ok
 * 某县水利局2023年政府信息公开工作年度报告
 * 六、其他需要报告的事项
 * 无。
 * 某县水利局
 * 2024年1月20日
 *
 * @ok
 * 平潭综合实验区2021年度政府信息公开工作年度报告
 * 六、其他需要报告的事项
 * 无。
 * 平潭综合实验区管委会办公室
 * 2022年2月8日
 *
 * @ok
 * 某某市2025年政府信息公开工作年度报告
 * 六、其他需要报告的事项
 * 无。
 * 某某市人民政府办公室
 * 2026年3月12日
 *
 * @not-ok 发布日期
 * 某省人民政府外事办公室2021年政府信息公开工作年度报告
 * 六、其他需要报告的事项
 * 无。
 * 某省人民政府外事办公室
 * 2022年2月8日
 *
 * @not-ok 发布日期
 * 某县水利局2023年政府信息公开工作年度报告
 * 六、其他需要报告的事项
 * 无。
 * 某县水利局
 * 2024年3月5日
 */
import { isoDate } from '../../model/dates.js';
import type { AgencyLevel } from '../../model/agencies.js';
import type { AnnualReport } from '../../model/report.js';
import type { Rule } from '../rule.js';

const SIGNED = /(20\d{2})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日\s*$/;

function signingDate(report: AnnualReport): string | null {
  const m = SIGNED.exec(report.sections.at(-1)?.text.trim() ?? '');
  return m ? isoDate(m[1]!, m[2]!, m[3]!) : null;
}

/** The statutory deadline as yyyy-mm-dd for an agency of this level and reporting year. */
export function deadlineFor(level: AgencyLevel | null, year: number): string {
  const department = level === 'department' || level === 'township';
  return year < 2019 || !department ? `${year + 1}-03-31` : `${year + 1}-01-31`;
}

const zhDate = (iso: string) => iso.replace(/^(\d{4})-0?(\d{1,2})-0?(\d{1,2})$/, '$1年$2月$3日');

export const rule: Rule = {
  id: 'meta/published-late',
  severity: 'warning',
  description: {
    zh: '报告发布晚于《条例》第四十九条规定的期限（次年1月31日前）',
    en: 'published after the statutory deadline (31 January of the following year)',
  },
  check(report) {
    const { agencyLevel, year } = report.meta;
    const published = report.meta.published ?? signingDate(report);
    if (year === null || !published) return [];
    const deadline = deadlineFor(agencyLevel, year);
    if (published <= deadline) return [];
    const how = report.meta.published ? '发布日期' : '落款日期';
    return [
      {
        location: '发布日期',
        expected: `不晚于${deadline}`,
        actual: published,
        severity: agencyLevel === 'township' ? 'info' : undefined,
        message: `报告${how}为${zhDate(published)}，晚于《政府信息公开条例》第四十九条规定的${zhDate(deadline)}。`,
      },
    ];
  },
};
