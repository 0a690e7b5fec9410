import {
  type AgencyLevel,
  SELF_REFERENCE,
  agencyKey,
  agencyLevel,
  bareAgency,
  withoutRegions,
} from '../model/agencies.js';
import type { Block, DocumentIR } from '../model/ir.js';
import type { Diagnostic } from '../model/ir.js';
import { isoDate } from '../model/dates.js';
import { simplified } from '../model/script.js';

const TITLE_CORE = /政府信息公开|信息公开工作|政务公开/;
const YEAR_IN_TITLE = /(20\d{2})\s*年/;
const DATE = String.raw`(\d{4})\s*年?\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日?`;
const PERIOD = new RegExp(
  String.raw`(?:统计期限|统计时限|统计时间|统计时段|统计数据|统计区间|统计周期)[^0-9]{0,10}${DATE}\s*(?:起)?\s*(?:至|到|-|—|－|~|～)\s*(?:(\d{4})\s*年?\s*)?(\d{1,2})\s*月\s*(\d{1,2})\s*日?`,
);
const CUTOFF = /(?:数据核定时间点|截至|截止)[为:：\s]*(\d{4})\s*年?\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日/;

export interface ReportMeta {
  title: string | null;
  /** ISO date the page states it was published (meta tag, or 「发布时间：…」 printed with the article) */
  published: string | null;
  agency: string | null;
  agencyLevel: AgencyLevel | null;
  agencyKey: string | null;
  year: number | null;
  titleYear: number | null;
  fileYear: number | null;
  periodStart: string | null;
  periodEnd: string | null;
}

/** the blocks a title, a page header or the opening paragraph can stand in */
const HEAD_BLOCKS = 12;
const MAX_TITLE = 80;
/** A crawler's or CMS's header field: 「标题: …」. */
const HEADER_TITLE = /(?:^|\s)标题[:：]\s*(.+?报告)/;
/** A title is a name, not a sentence: the opening paragraph 「根据…，现公布…年度报告。」 is not one. */
const SENTENCE = /[，,。；;：:《》“”]|^(?:根据|依据|按照|现|本|为|我|经)/;
/** The opening paragraph names the report it opens: 「现公布《X2024年政府信息公开工作年度报告》」「特编制X…年度报告」. */
const NAMED_REPORT =
  /(?:现(?:予|将|就)?(?:公布|发布|印发)?|特?编制(?:完成)?(?:了)?|汇总)\s*《?([^《》，,。；;：:“”]{4,70}?年度?报告)/;

/** A title ends at 报告: what a page prints after it on the same line (发布时间、来源) is not the title. */
function titleOf(text: string): string {
  return /^.*?报告/.exec(text)?.[0] ?? text;
}

function titleIn(text: string): string | null {
  const header = HEADER_TITLE.exec(text)?.[1];
  if (header && TITLE_CORE.test(simplified(header))) return header.trim();
  const title = titleOf(text.trim()).replace(/\s+/g, '');
  const folded = simplified(title);
  if (!/报告$/.test(folded) || !TITLE_CORE.test(folded) || title.length > MAX_TITLE || SENTENCE.test(folded))
    return null;
  return title;
}

function findTitle(blocks: Block[], metadataTitle: string | null): string | null {
  const head = blocks.slice(0, HEAD_BLOCKS).flatMap((b) => (b.kind === 'table' ? [] : [b.text.trim()]));
  for (const [i, text] of head.entries()) {
    const title = titleIn(text);
    if (title) return title;
    // a title broken over two lines: 「山西省人民政府外事办公室」「2021年政府信息公开工作年度报告」
    const next = head[i + 1];
    const joined = next !== undefined && agencyLevel(text) ? titleIn(`${text}${next}`) : null;
    if (joined) return joined;
  }
  if (metadataTitle && TITLE_CORE.test(simplified(metadataTitle))) return titleOf(metadataTitle);
  for (const text of head) {
    const named = NAMED_REPORT.exec(simplified(text));
    const words = named?.[1];
    if (named && words && TITLE_CORE.test(words))
      return originalSlice(text, named.index + named[0].length - words.length, words.length);
  }
  return null;
}

/** The printed words where their folded form was matched (folding keeps one character for one). */
function originalSlice(text: string, start: number, length: number): string {
  const folded = simplified(text);
  return folded.length === text.length ? text.slice(start, start + length) : folded.slice(start, start + length);
}

const PRINTED_DATE = /发布(?:时间|日期)[:：\s]*(\d{4})\s*[-年/.]\s*(\d{1,2})\s*[-月/.]\s*(\d{1,2})/;

/** The page's own publication date: a meta tag, else the 「发布时间」 line web pages print (and keep in their PDFs). */
function publishedDate(doc: DocumentIR): string | null {
  if (doc.published) return doc.published;
  for (const block of doc.blocks.slice(0, HEAD_BLOCKS)) {
    const m = block.kind === 'table' ? null : PRINTED_DATE.exec(block.text);
    if (m) return isoDate(m[1]!, m[2]!, m[3]!);
  }
  return null;
}

const LEADING_YEAR = /^\s*(?:19|20)\d{2}\s*年度?/;
const TITLE_YEAR = /(?:19|20)\d{2}\s*年/;
/** 「…人民政府信息公开」: the 政府 belongs to the agency; 「上海市政府信息公开」: to the topic */
const TITLE_TOPIC = /(?:的)?(?:政府信息公开|信息公开|政务公开)/;

/** The agency a title names, in any order: year first, 关于…的, …的报告. */
function agencyFrom(title: string, diagnostics: Diagnostic[]): string | null {
  const folded = simplified(title.replace(/\s+/g, ''));
  const lead =
    /^(?:关于)?/.exec(folded.replace(LEADING_YEAR, ''))![0].length + (LEADING_YEAR.exec(folded)?.[0].length ?? 0);
  const rest = folded.slice(lead);
  const topic = TITLE_TOPIC.exec(rest);
  let cut = Math.min(TITLE_YEAR.exec(rest)?.index ?? rest.length, topic?.index ?? rest.length);
  if (topic && cut === topic.index && rest.slice(0, cut + 2).endsWith('人民政府')) cut += 2;
  const name = rest.slice(0, cut).replace(/(?:关于|的)+$/, '');
  if (!name) return null;
  if (agencyLevel(name)) return originalSlice(title.replace(/\s+/g, ''), lead, name.length);
  diagnostics.push({ code: 'meta/agency-unrecognised', message: `标题中的机关名称不像机关名称：「${name}」` });
  return null;
}

const BODY_AGENCY: RegExp[] = [
  /本(?:年度)?报告由([^，,。；;、：:“”（）()]{2,30}?)(?:负责|根据[^，,。]*)?(?:编制|编写|汇总|制作|发布)/,
  /发布机构[:：]\s*([^\s:：，,。]{2,30}?)(?=栏目|文号|发布时间|发布日期|原文链接|来源|$|\s)/,
  /来源[:：]\s*([^\s:：，,。]{2,30}?)(?=时间|发布|字号|浏览|点击|选择|$|\s)/,
];
/** 「请与X办公室联系」: the contact office belongs to the agency */
const CONTACT = /请与([^，,。；;：:（）()“”]{2,30}?)联系/;
const CONTACT_OFFICE = /(?:党政综合办公室|党政办公室|综合办公室|党政办|办公室)$/;

/** The overview opens with its agency as the subject: 「2024年，番禺区人民政府办公室严格对照…」. */
const OVERVIEW_SUBJECT =
  /^\s*(?:19|20)\d{2}\s*年度?\s*[,，]\s*([^\s,，。；;、：:“”《》（）()]{2,25}?)(?=认真|严格|深入|坚持|持续|全面|紧紧|积极|高度|扎实|围绕|始终|不断|进一步|切实|按照|根据|依据|聚焦|牢牢|以习近平|在)/;

/**
 * When the title names no agency: the body's 「本报告由…编制」, the page's 发布机构
 * or 来源, the contact line (its full name), the subject of the overview's opening sentence.
 */
function agencyFromBody(blocks: Block[]): string | null {
  const texts = blocks.slice(0, HEAD_BLOCKS + 4).flatMap((b) => (b.kind === 'table' ? [] : [simplified(b.text)]));
  for (const pattern of BODY_AGENCY) {
    for (const text of texts) {
      const name = pattern.exec(text)?.[1];
      if (name && agencyLevel(name)) return name;
    }
  }
  for (const text of texts) {
    const office = CONTACT.exec(text)?.[1];
    const name = office && (office.replace(CONTACT_OFFICE, '') || office);
    if (name && agencyLevel(name)) return name;
  }
  for (const text of texts) {
    const name = OVERVIEW_SUBJECT.exec(text)?.[1];
    if (name && !/^[我本该]/.test(name) && agencyLevel(name)) return name;
  }
  return null;
}

function periodFrom(text: string, diagnostics: Diagnostic[]): { start: string; end: string } | null {
  const m = PERIOD.exec(text);
  if (m) {
    const [, y1, m1, d1, y2, m2, d2] = m as unknown as string[];
    return { start: isoDate(y1!, m1!, d1!), end: isoDate(y2 ?? y1!, m2!, d2!) };
  }
  const cut = CUTOFF.exec(text);
  // a cut-off at the year's end dates the figures even where no 统计 stands beside it (「截止2023年12月31日我局…」)
  const yearEnd = cut?.[2] === '12' && cut[3] === '31';
  if (cut && (yearEnd || /统计|数据/.test(text.slice(Math.max(0, cut.index - 20), cut.index + 30)))) {
    diagnostics.push({
      code: 'meta/period-from-cutoff',
      message: `统计期限按截止日期 ${cut[1]}年${cut[2]}月${cut[3]}日 推定为该自然年`,
    });
    return { start: `${cut[1]}-01-01`, end: isoDate(cut[1]!, cut[2]!, cut[3]!) };
  }
  return null;
}

/**
 * The statistics period names the year when the title cannot (garbled, missing);
 * when both name one and disagree, the period sentence is the boiler-plate that
 * gets copied from last year's report, so the title wins (meta/year-mismatch says so).
 */
function reportingYear(
  period: number | null,
  title: number | null,
  overview: number | null,
  published: number | null,
  diagnostics: Diagnostic[],
): number | null {
  if (period !== null && title !== null && period !== title) {
    diagnostics.push({
      code: 'meta/year-from-title',
      message: `统计期限年份 ${period} 与标题年份 ${title} 不一致，取标题年份`,
    });
    return title;
  }
  if (period === null && title === null && overview !== null)
    diagnostics.push({
      code: 'meta/year-from-overview',
      message: `报告未写明统计年度，按总体情况开头的 ${overview}年 推定`,
    });
  return period ?? title ?? overview ?? published;
}

const OVERVIEW = /^\s*(?:一|1)\s*[、.．]?\s*总体情况/;
const NEXT_PART = /^\s*二\s*[、.．]/;
const OPENS_WITH_YEAR =
  /^\s*(?:[(（][一二三四五六七八九十]+[)）][^。]{0,12}?[。.]?)?\s*(?:一是)?\s*((?:19|20)\d{2})\s*年度?(?![\d月])/;

/** The year the overview's first dated paragraph opens with: 「2024年，城中区人民政府…」. */
function overviewYear(blocks: Block[]): number | null {
  const texts = blocks.flatMap((b) => (b.kind === 'table' ? [] : [simplified(b.text)]));
  const start = texts.findIndex((t) => OVERVIEW.test(t));
  if (start < 0) return null;
  for (const text of texts.slice(start + 1, start + 20)) {
    if (NEXT_PART.test(text)) return null;
    const m = OPENS_WITH_YEAR.exec(text);
    if (m) return Number(m[1]);
  }
  return null;
}

/**
 * A title that names a department without its region (「2020年卫生健康委员会…」)
 * is completed by the body's name for it (「请与绵阳市卫生健康委办公室联系」):
 * both departments, the same words once the region is set aside. A township's
 * name is its own: 沙塘镇人民政府 stays as the title prints it.
 */
function withRegion(fromTitle: string | null, fromBody: string | null): string | null {
  if (!fromTitle || !fromBody) return fromTitle ?? fromBody;
  const [title, body] = [bareAgency(fromTitle), bareAgency(fromBody)];
  const core = withoutRegions(body);
  const completes = withoutRegions(title) === title && core !== body && core.slice(0, 2) === title.slice(0, 2);
  return completes && agencyLevel(title) === 'department' && agencyLevel(body) === 'department' ? fromBody : fromTitle;
}

/** The level a report's words about itself show when its name is nowhere: 「我局」「我镇」. */
function selfReferenceLevel(blocks: Block[]): AgencyLevel | null {
  const text = simplified(
    blocks
      .slice(0, 40)
      .flatMap((b) => (b.kind === 'table' ? [] : [b.text]))
      .join('\n'),
  );
  let best: { level: AgencyLevel; at: number } | null = null;
  for (const { level, words } of SELF_REFERENCE) {
    const at = words.exec(text)?.index;
    if (at !== undefined && (!best || at < best.at)) best = { level, at };
  }
  return best?.level ?? null;
}

/** Title, agency, year and statistics period, each from the report's own words. */
export function readMeta(doc: DocumentIR, diagnostics: Diagnostic[]): ReportMeta {
  const title = findTitle(doc.blocks, doc.title);
  const titleYear = title ? Number(YEAR_IN_TITLE.exec(title)?.[1] ?? NaN) || null : null;
  const metaTitleYear = doc.title ? Number(YEAR_IN_TITLE.exec(doc.title)?.[1] ?? NaN) || null : null;
  const fullText = simplified(
    doc.blocks
      .flatMap((b) => (b.kind === 'table' ? [] : [b.text]))
      .slice(0, 40)
      .join('\n'),
  );
  const period = periodFrom(fullText, diagnostics);
  const periodYear = period ? Number(period.start.slice(0, 4)) : null;
  const agency = withRegion(title ? agencyFrom(title, diagnostics) : null, agencyFromBody(doc.blocks));
  if (!title) diagnostics.push({ code: 'meta/no-title', message: '未找到报告标题' });
  const published = publishedDate(doc);
  const publishedYear = published ? Number(published.slice(0, 4)) - 1 : null;
  const overview = overviewYear(doc.blocks);
  const year = reportingYear(periodYear, titleYear ?? metaTitleYear, overview, publishedYear, diagnostics);
  if (
    year !== null &&
    year === publishedYear &&
    periodYear === null &&
    titleYear === null &&
    metaTitleYear === null &&
    overview === null
  ) {
    diagnostics.push({
      code: 'meta/year-from-publication',
      message: `报告未写明年度，按发布日期 ${published} 推定为 ${year} 年度`,
    });
  }
  return {
    title,
    published,
    agency,
    agencyLevel: agencyLevel(agency) ?? selfReferenceLevel(doc.blocks),
    agencyKey: agency ? agencyKey(agency) : null,
    year,
    titleYear,
    fileYear: metaTitleYear,
    periodStart: period?.start ?? null,
    periodEnd: period?.end ?? null,
  };
}
