/** Small plain-text reports for the narrative tests: the prose under 一、总体情况 and 2021 tables with known cells. */
import { APPLICATION_ROWS } from '../../../src/model/templates.js';
import type { Finding } from '../../../src/model/finding.js';
import type { AnnualReport } from '../../../src/model/report.js';
import { auditBytes } from '../../../src/pipeline.js';

const GROUP_LABEL: Record<string, string> = {
  denied: '（三）不予公开',
  unavailable: '（四）无法提供',
  rejected: '（五）不予处理',
  other: '（六）其他处理',
};

export interface Tables {
  /** 表三 totals by row key, all in the 自然人 column; rows not named are 0 */
  applications?: Record<string, number>;
  /** 表四 [维持, 纠正, 其他, 尚未审结] by group key; groups not named are 0 */
  review?: Partial<
    Record<'review' | 'litigation_direct' | 'litigation_after_review', [number, number, number, number]>
  >;
  /** 表二 规范性文件 [制发, 废止, 现行有效]; 行政许可, 行政处罚, 行政强制, 收费 (万元) */
  normative?: [number, number, number];
  licensing?: number;
  penalty?: number;
  coercion?: number;
  fees?: string;
}

const row = (label: string, values: (number | string)[]) => `| ${label} | ${values.join(' | ')} |`;
const appRow = (n: number) => [n, 0, 0, 0, 0, 0, n];

function applicationsTable(counts: Record<string, number>): string[] {
  return APPLICATION_ROWS['2021'].map((d) =>
    row(d.group ? `${GROUP_LABEL[d.group]}${d.label}` : d.label, appRow(counts[d.key] ?? 0)),
  );
}

function reviewTable(groups: Tables['review'] = {}): string[] {
  const values = (g: keyof NonNullable<Tables['review']>) => {
    const v = groups[g] ?? [0, 0, 0, 0];
    return [...v, v.reduce((a, b) => a + b, 0)];
  };
  return [
    row('行政复议', values('review')),
    row('行政诉讼（未经复议直接起诉）', values('litigation_direct')),
    row('行政诉讼（复议后起诉）', values('litigation_after_review')),
  ];
}

function activeTable(t: Tables): string[] {
  const [issued, repealed, inForce] = t.normative ?? [0, 0, 0];
  return [
    row('第二十条第（一）项', ['', '', '']),
    row('信息内容', ['本年制发件数', '本年废止件数', '现行有效件数']),
    row('规章', [0, 0, 0]),
    row('行政规范性文件', [issued, repealed, inForce]),
    row('第二十条第（五）项', ['']),
    row('信息内容', ['本年处理决定数量']),
    row('行政许可', [t.licensing ?? 0]),
    row('第二十条第（六）项', ['']),
    row('信息内容', ['本年处理决定数量']),
    row('行政处罚', [t.penalty ?? 0]),
    row('行政强制', [t.coercion ?? 0]),
    row('第二十条第（八）项', ['']),
    row('信息内容', ['本年收费金额（单位：万元）']),
    row('行政事业性收费', [t.fees ?? '0']),
  ];
}

/** A 2023 report whose 一、总体情况 is `prose` (paragraphs separated by blank lines). */
export function reportText(
  prose: string | string[],
  tables: Tables = {},
  year = 2023,
  agency = '某某县某某局',
): string {
  const paragraphs = Array.isArray(prose) ? prose : [prose];
  return [
    `${agency}${year}年政府信息公开工作年度报告`,
    `本报告所列数据的统计期限为${year}年1月1日至${year}年12月31日。`,
    '一、总体情况',
    ...paragraphs,
    '二、主动公开政府信息情况',
    activeTable(tables).join('\n'),
    '三、收到和处理政府信息公开申请情况',
    applicationsTable(tables.applications ?? {}).join('\n'),
    '四、政府信息公开行政复议、行政诉讼情况',
    reviewTable(tables.review).join('\n'),
    '五、存在的主要问题及改进情况',
    '无。',
    '六、其他需要报告的事项',
    '无。',
  ].join('\n\n');
}

export interface Audited {
  report: AnnualReport;
  findings: Finding[];
  /** `rule @ location` of every narrative finding */
  narrative: string[];
}

export async function audit(
  prose: string | string[],
  tables: Tables = {},
  year = 2023,
  agency?: string,
): Promise<Audited> {
  const result = await auditBytes(Buffer.from(reportText(prose, tables, year, agency)), 'x.txt');
  if (!result.report) throw new Error('report not read');
  return {
    report: result.report,
    findings: result.findings,
    narrative: result.findings.filter((f) => f.rule.startsWith('narrative/')).map((f) => `${f.rule} @ ${f.location}`),
  };
}
