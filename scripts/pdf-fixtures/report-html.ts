/**
 * HTML pages in the official 2021 layout, used to make the PDF test fixtures
 * with LibreOffice and Chromium. The numbers are deterministic so that tests
 * can name the exact cell values they expect.
 */

export interface ReportPage {
  agency: string;
  year: number;
  /** prose paragraphs before 表三; more of them push 表三 across a page break */
  filler: number;
  /** draw the tables without ruling lines (tests the text-alignment fallback) */
  borderless?: boolean;
  /** repeat the header rows on each page (<thead>) */
  repeatHeader?: boolean;
}

export const APPLICANT_COLUMNS = ['自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '总计'];

export const OUTCOME_ROWS: { group?: string; label: string }[] = [
  { label: '（一）予以公开' },
  { label: '（二）部分公开（区分处理的，只计这一情形，不计其他情形）' },
  ...[
    '1.属于国家秘密',
    '2.其他法律行政法规禁止公开',
    '3.危及“三安全一稳定”',
    '4.保护第三方合法权益',
    '5.属于三类内部事务信息',
    '6.属于四类过程性信息',
    '7.属于行政执法案卷',
    '8.属于行政查询事项',
  ].map((label) => ({ group: '（三）不予公开', label })),
  ...['1.本机关不掌握相关政府信息', '2.没有现成信息需要另行制作', '3.补正后申请内容仍不明确'].map((label) => ({
    group: '（四）无法提供',
    label,
  })),
  ...[
    '1.信访举报投诉类申请',
    '2.重复申请',
    '3.要求提供公开出版物',
    '4.无正当理由大量反复申请',
    '5.要求行政机关确认或重新出具已获取信息',
  ].map((label) => ({ group: '（五）不予处理', label })),
  ...[
    '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请',
    '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请',
    '3.其他',
  ].map((label) => ({ group: '（六）其他处理', label })),
  { label: '（七）总计' },
];

/** Value of 表三 row `r` (0 = 一, 1 = 二, 2.. outcomes, last = 四), column `c` (0..5; 6 = 总计). */
export function applicationValue(r: number, c: number): number {
  if (c === 6) return [0, 1, 2, 3, 4, 5].reduce((s, k) => s + applicationValue(r, k), 0);
  return ((r * 7 + c * 3) % 11) + (c === 0 ? 20 : 0);
}

const STYLE = `
body { font-family: "Noto Serif CJK SC", "SimSun", serif; font-size: 12pt; margin: 0; }
h1 { text-align: center; font-size: 18pt; }
p { text-indent: 2em; line-height: 1.6; margin: 0.3em 0; }
table { border-collapse: collapse; width: 100%; font-size: 9pt; }
td { border: 1px solid #000; text-align: center; padding: 2px; }
table.borderless td { border: none; }
`;

const FILLER =
  '本机关坚持以人民为中心的发展思想，认真贯彻落实《中华人民共和国政府信息公开条例》，围绕中心工作，深化政务公开，不断提升政府信息公开质量和实效，切实保障人民群众的知情权、参与权、表达权和监督权。';

function td(text: string | number, rowSpan = 1, colSpan = 1): string {
  const rs = rowSpan > 1 ? ` rowspan="${rowSpan}"` : '';
  const cs = colSpan > 1 ? ` colspan="${colSpan}"` : '';
  return `<td${rs}${cs}>${text}</td>`;
}

function valueCells(r: number): string {
  return APPLICANT_COLUMNS.map((_, c) => td(applicationValue(r, c))).join('');
}

export function applicationsHeaderRows(): string[] {
  return [
    td('（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）', 3, 3) + td('申请人情况', 1, 7),
    td('自然人', 2) + td('法人或其他组织', 1, 5) + td('总计', 2),
    ['商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他'].map((t) => td(t)).join(''),
  ];
}

export function applicationsBodyRows(): string[] {
  const rows: string[] = [];
  rows.push(td('一、本年新收政府信息公开申请数量', 1, 3) + valueCells(0));
  rows.push(td('二、上年结转政府信息公开申请数量', 1, 3) + valueCells(1));
  let lastGroup: string | undefined;
  OUTCOME_ROWS.forEach((row, i) => {
    let html = i === 0 ? td('三、本年度办理结果', OUTCOME_ROWS.length) : '';
    if (!row.group) html += td(row.label, 1, 2);
    else {
      if (row.group !== lastGroup) html += td(row.group, OUTCOME_ROWS.filter((o) => o.group === row.group).length);
      html += td(row.label);
    }
    lastGroup = row.group;
    rows.push(html + valueCells(i + 2));
  });
  rows.push(td('四、结转下年度继续办理', 1, 3) + valueCells(OUTCOME_ROWS.length + 2));
  return rows;
}

function applicationsTable(page: ReportPage): string {
  const head = applicationsHeaderRows()
    .map((r) => `<tr>${r}</tr>`)
    .join('\n');
  const body = applicationsBodyRows()
    .map((r) => `<tr>${r}</tr>`)
    .join('\n');
  const cls = page.borderless ? ' class="borderless"' : ' border="1" cellspacing="0" cellpadding="2"';
  return page.repeatHeader
    ? `<table${cls}><thead>${head}</thead><tbody>${body}</tbody></table>`
    : `<table${cls}>${head}\n${body}</table>`;
}

function activeDisclosureTable(): string {
  return `<table border="1" cellspacing="0" cellpadding="2">
<tr>${td('第二十条第（一）项', 1, 4)}</tr>
<tr>${td('信息内容')}${td('本年制发件数')}${td('本年废止件数')}${td('现行有效件数')}</tr>
<tr>${td('规章')}${td(0)}${td(0)}${td(0)}</tr>
<tr>${td('行政规范性文件')}${td(3)}${td(1)}${td(27)}</tr>
<tr>${td('第二十条第（五）项', 1, 4)}</tr>
<tr>${td('信息内容')}${td('本年处理决定数量', 1, 3)}</tr>
<tr>${td('行政许可')}${td(152, 1, 3)}</tr>
<tr>${td('第二十条第（六）项', 1, 4)}</tr>
<tr>${td('信息内容')}${td('本年处理决定数量', 1, 3)}</tr>
<tr>${td('行政处罚')}${td(38, 1, 3)}</tr>
<tr>${td('行政强制')}${td(4, 1, 3)}</tr>
<tr>${td('第二十条第（八）项', 1, 4)}</tr>
<tr>${td('信息内容')}${td('本年收费金额（单位：万元）', 1, 3)}</tr>
<tr>${td('行政事业性收费')}${td('18.8710', 1, 3)}</tr>
</table>`;
}

function reviewTable(): string {
  const five = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'];
  return `<table border="1" cellspacing="0" cellpadding="2">
<tr>${td('行政复议', 1, 5)}${td('行政诉讼', 1, 10)}</tr>
<tr>${five.map((t) => td(t, 2)).join('')}${td('未经复议直接起诉', 1, 5)}${td('复议后起诉', 1, 5)}</tr>
<tr>${[...five, ...five].map((t) => td(t)).join('')}</tr>
<tr>${[1, 0, 0, 1, 2, 0, 1, 0, 0, 1, 1, 0, 0, 0, 1].map((n) => td(n)).join('')}</tr>
</table>`;
}

export function reportHtml(page: ReportPage): string {
  const title = `${page.agency}${page.year}年政府信息公开工作年度报告`;
  const filler = Array.from({ length: page.filler }, (_, i) => `<p>（${i + 1}）${FILLER}</p>`).join('\n');
  return `<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>${title}</title><style>${STYLE}</style></head>
<body>
<h1>${title}</h1>
<p>本报告根据《中华人民共和国政府信息公开条例》编制。本报告中所列数据的统计期限为${page.year}年1月1日至${page.year}年12月31日。</p>
<p><b>一、总体情况</b></p>
<p>${page.year}年，本机关共收到政府信息公开申请${applicationValue(0, 6)}件，上年结转${applicationValue(1, 6)}件。</p>
${filler}
<p><b>二、主动公开政府信息情况</b></p>
${activeDisclosureTable()}
<p><b>三、收到和处理政府信息公开申请情况</b></p>
${applicationsTable(page)}
<p><b>四、政府信息公开行政复议、行政诉讼情况</b></p>
${reviewTable()}
<p><b>五、存在的主要问题及改进情况</b></p>
<p>一是公开内容的全面性有待提高；二是解读形式较为单一。下一步将加强培训，提升公开质量。</p>
<p><b>六、其他需要报告的事项</b></p>
<p>本年度未收取信息处理费。</p>
</body></html>
`;
}
