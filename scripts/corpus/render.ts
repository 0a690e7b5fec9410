/**
 * Renders a report (numbers as raw cell text) to a government web page the way
 * CMS sites publish them: navigation, breadcrumb, the article with its six parts
 * and three tables (the official merged-cell layout or a flattened one), related
 * links and a footer. Nothing here knows about rules.
 */
import {
  ACTIVE_DISCLOSURE,
  APPLICATION_COLUMNS,
  APPLICATION_ROWS,
  REVIEW_COLUMNS,
  REVIEW_GROUPS,
  SECTIONS,
  type Version,
} from '../../src/model/templates.js';

export type Raw = string;
export interface ReportData {
  agency: string;
  year: number;
  titleYear: number;
  period: string;
  template: Version;
  layout: 'official' | 'flat';
  published: string;
  headings: Record<number, string | null>;
  sectionOrder: number[];
  prose: Record<number, string[]>;
  activeDisclosure: Record<string, Record<string, Raw[]>> | null;
  applications: Record<string, Raw[]> | null;
  reviewLitigation: Record<string, Raw[]> | null;
  /** 表三 row labels printed other than the template prints them (a typo), by row key */
  rowLabels?: Record<string, string>;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const td = (text: string, attrs = '') => `<td${attrs}>${text === '' ? '&nbsp;' : esc(text)}</td>`;
const span = (rows: number, cols: number) =>
  `${rows > 1 ? ` rowspan="${rows}"` : ''}${cols > 1 ? ` colspan="${cols}"` : ''}`;

function activeDisclosureTables(data: ReportData): string {
  const subs = ACTIVE_DISCLOSURE[data.template].filter((s) => data.activeDisclosure?.[s.key]);
  const width = Math.max(...ACTIVE_DISCLOSURE[data.template].map((s) => s.cols.length)) + 1;
  const body = (official: boolean) =>
    subs.map((sub) => {
      const colspan = official ? Math.floor((width - 1) / sub.cols.length) : 1;
      const caption = `<tr>${td(sub.caption, official ? span(1, width) : '')}</tr>`;
      const header = `<tr>${td('信息内容')}${sub.cols.map((c) => td(c.label, official ? span(1, colspan) : '')).join('')}</tr>`;
      const rows = Object.entries(data.activeDisclosure![sub.key]!).map(([rowKey, values]) => {
        const label = sub.rows.find((r) => r.key === rowKey)?.label ?? rowKey;
        return `<tr>${td(label)}${values.map((v) => td(v, official ? span(1, colspan) : '')).join('')}</tr>`;
      });
      return [caption, header, ...rows].join('\n');
    });
  if (data.layout === 'official')
    return `<table border="1" cellspacing="0" class="MsoTableGrid">\n${body(true).join('\n')}\n</table>`;
  return body(false)
    .map((b) => `<table border="1">\n${b}\n</table>`)
    .join('\n<p></p>\n');
}

const GROUP_LABEL: Record<string, string> = {
  denied: '（三）不予公开',
  unavailable: '（四）无法提供',
  rejected: '（五）不予处理',
  other: '（六）其他处理',
};
const NOTE = '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）';

function applicationsTable(data: ReportData): string {
  const defs = APPLICATION_ROWS[data.template].filter((d) => data.applications?.[d.key]);
  const values = (key: string) => data.applications![key]!.map((v) => td(v)).join('');
  const label = (d: (typeof defs)[number]) => data.rowLabels?.[d.key] ?? d.label;
  if (data.layout === 'flat') {
    const header = `<tr>${td('项目')}${APPLICATION_COLUMNS.map((c) => td(c.key === 'other_org' ? '其他' : c.label)).join('')}</tr>`;
    const rows = defs.map(
      (d) => `<tr>${td(d.group ? `${GROUP_LABEL[d.group]}${label(d)}` : label(d))}${values(d.key)}</tr>`,
    );
    return `<table border="1">\n${header}\n${rows.join('\n')}\n</table>`;
  }
  const header = [
    `<tr>${td(NOTE, span(3, 3))}${td('申请人情况', span(1, 7))}</tr>`,
    `<tr>${td('自然人', span(2, 1))}${td('法人或其他组织', span(1, 5))}${td('总计', span(2, 1))}</tr>`,
    `<tr>${['商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他'].map((t) => td(t)).join('')}</tr>`,
  ];
  const outcome = defs.filter((d) => !['new_received', 'carried_over', 'carried_forward'].includes(d.key));
  const rows: string[] = [];
  defs.forEach((d) => {
    let lead = '';
    if (d === outcome[0]) lead += td('三、本年度办理结果', span(outcome.length, 1));
    if (d.group) {
      const members = outcome.filter((o) => o.group === d.group);
      if (d === members[0]) lead += td(GROUP_LABEL[d.group]!, span(members.length, 1));
      lead += td(label(d));
    } else lead += td(label(d), span(1, outcome.includes(d) ? 2 : 3));
    rows.push(`<tr>${lead}${values(d.key)}</tr>`);
  });
  return `<table border="1" cellspacing="0" class="MsoTableGrid">\n${[...header, ...rows].join('\n')}\n</table>`;
}

function reviewTable(data: ReportData): string {
  const groups = REVIEW_GROUPS.filter((g) => data.reviewLitigation?.[g.key]);
  if (data.layout === 'flat') {
    const header = `<tr>${td('')}${REVIEW_COLUMNS.map((c) => td(c.label)).join('')}</tr>`;
    const labels: Record<string, string> = {
      review: '行政复议',
      litigation_direct: '行政诉讼（未经复议直接起诉）',
      litigation_after_review: '行政诉讼（复议后起诉）',
    };
    const rows = groups.map(
      (g) => `<tr>${td(labels[g.key]!)}${data.reviewLitigation![g.key]!.map((v) => td(v)).join('')}</tr>`,
    );
    return `<table border="1">\n${header}\n${rows.join('\n')}\n</table>`;
  }
  const litigation = groups.filter((g) => g.key !== 'review');
  const hasReview = groups.some((g) => g.key === 'review');
  const row1 = `<tr>${hasReview ? td('行政复议', span(1, 5)) : ''}${litigation.length ? td('行政诉讼', span(1, 5 * litigation.length)) : ''}</tr>`;
  const row2 = `<tr>${hasReview ? REVIEW_COLUMNS.map((c) => td(c.label, span(2, 1))).join('') : ''}${litigation.map((g) => td(g.key === 'litigation_direct' ? '未经复议直接起诉' : '复议后起诉', span(1, 5))).join('')}</tr>`;
  const row3 = `<tr>${litigation.map(() => REVIEW_COLUMNS.map((c) => td(c.label)).join('')).join('')}</tr>`;
  const row4 = `<tr>${groups.map((g) => data.reviewLitigation![g.key]!.map((v) => td(v)).join('')).join('')}</tr>`;
  return `<table border="1" cellspacing="0" class="MsoTableGrid">\n${[row1, row2, row3, row4].join('\n')}\n</table>`;
}

function sectionBody(data: ReportData, n: number): string {
  const paragraphs = (data.prose[n] ?? []).map((p) => `<p style="text-indent:2em">${esc(p)}</p>`);
  const table =
    n === 2 && data.activeDisclosure
      ? activeDisclosureTables(data)
      : n === 3 && data.applications
        ? applicationsTable(data)
        : n === 4 && data.reviewLitigation
          ? reviewTable(data)
          : '';
  return [...paragraphs, table].filter(Boolean).join('\n');
}

export function reportTitle(data: ReportData): string {
  return `${data.agency}${data.titleYear}年政府信息公开工作年度报告`;
}

export function renderHtml(data: ReportData, charset: string): string {
  const title = reportTitle(data);
  const intro = `根据《中华人民共和国政府信息公开条例》要求，现公布${data.agency}${data.titleYear}年度政府信息公开工作年度报告。本报告由总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开行政复议、行政诉讼情况、存在的主要问题及改进情况、其他需要报告的事项六个部分组成。本报告中所列数据的统计期限为${data.period}。本报告电子版可在${data.agency}门户网站下载。`;
  const sections = data.sectionOrder.map((n) => {
    const heading = data.headings[n] === undefined ? SECTIONS[n - 1]!.heading : data.headings[n];
    return `${heading ? `<p><strong>${esc(heading)}</strong></p>\n` : ''}${sectionBody(data, n)}`;
  });
  return `<!DOCTYPE html>
<html><head><meta http-equiv="Content-Type" content="text/html; charset=${charset}">
<title>${esc(title)}_${esc(data.agency)}</title>
<meta name="ArticleTitle" content="${esc(title)}">
<meta name="PubDate" content="${data.published} 09:30">
</head><body>
<div class="header"><div class="top">无障碍 | 长者模式 | English</div><div class="nav"><ul><li><a href="/">首页</a></li><li><a href="/zwgk/">政务公开</a></li><li><a href="/hdjl/">互动交流</a></li><li><a href="/bsfw/">办事服务</a></li></ul></div></div>
<div class="breadcrumb">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; <a href="/zwgk/ndbg/">政府信息公开年报</a></div>
<div class="main"><div class="article">
<h1 class="article-title">${esc(title)}</h1>
<div class="article-info">发布时间：${data.published}　来源：${esc(data.agency)}　浏览次数：1024</div>
<div class="article-content" id="zoom">
<p style="text-indent:2em">${esc(intro)}</p>
${sections.join('\n')}
<p style="text-align:right">${esc(data.agency)}</p>
<p style="text-align:right">${data.published.slice(0, 4)}年${Number(data.published.slice(5, 7))}月${Number(data.published.slice(8, 10))}日</p>
</div></div>
<div class="related"><h3>相关链接</h3><ul><li><a href="/a/1.html">${data.titleYear - 1}年政府信息公开工作年度报告</a></li><li><a href="/a/2.html">政府信息公开指南</a></li><li><a href="/a/3.html">政府信息公开制度</a></li></ul></div></div>
<div class="footer"><p>主办单位：${esc(data.agency)}　网站标识码：1234000001　ICP备案号：X ICP备12345678号</p><p>版权所有 联系我们 网站地图</p></div>
</body></html>
`;
}
