import type { Block, DocumentIR } from '../model/ir.js';
import type { Diagnostic } from '../model/ir.js';
import { isoDate } from '../model/dates.js';

const AGENCY_SUFFIX =
  /(局|委|委员会|办|办公室|办事处|政府|街道|镇|乡|中心|部|厅|院|署|司|处|所|站|队|馆|会|管委会|集团|公司|分局|支队|大队)$/;
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
  year: number | null;
  titleYear: number | null;
  fileYear: number | null;
  periodStart: string | null;
  periodEnd: string | null;
}

/** A title ends at 报告: what a page prints after it on the same line (发布时间、来源) is not the title. */
function titleOf(text: string): string {
  return /^.*?报告/.exec(text)?.[0] ?? text;
}

/** a title block is short; the opening paragraph that names the report (「现公布…年度报告。本报告由…」) is not */
const MAX_TITLE_BLOCK = 100;

function findTitle(blocks: Block[], metadataTitle: string | null): string | null {
  for (const block of blocks.slice(0, 8)) {
    if (block.kind === 'table' || block.text.length > MAX_TITLE_BLOCK) continue;
    const title = titleOf(block.text);
    if (TITLE_CORE.test(title) && /报告$/.test(title) && title.length <= 80) return title;
  }
  return metadataTitle && TITLE_CORE.test(metadataTitle) ? titleOf(metadataTitle) : null;
}

const PRINTED_DATE = /发布(?:时间|日期)[:：\s]*(\d{4})\s*[-年/.]\s*(\d{1,2})\s*[-月/.]\s*(\d{1,2})/;

/** The page's own publication date: a meta tag, else the 「发布时间」 line web pages print (and keep in their PDFs). */
function publishedDate(doc: DocumentIR): string | null {
  if (doc.published) return doc.published;
  for (const block of doc.blocks.slice(0, 12)) {
    const m = block.kind === 'table' ? null : PRINTED_DATE.exec(block.text);
    if (m) return isoDate(m[1]!, m[2]!, m[3]!);
  }
  return null;
}

function agencyFrom(title: string, diagnostics: Diagnostic[]): string | null {
  const m = /^(.*?)(?:关于)?\s*(?:20\d{2})\s*年/.exec(title) ?? /^(.*?)(?:政府信息公开|信息公开工作)/.exec(title);
  const name = m?.[1]?.replace(/\s+/g, '').replace(/关于$/, '');
  if (!name) return null;
  if (AGENCY_SUFFIX.test(name)) return name;
  diagnostics.push({ code: 'meta/agency-unrecognised', message: `标题中的机关名称不像机关名称：「${name}」` });
  return null;
}

function periodFrom(text: string, diagnostics: Diagnostic[]): { start: string; end: string } | null {
  const m = PERIOD.exec(text);
  if (m) {
    const [, y1, m1, d1, y2, m2, d2] = m as unknown as string[];
    return { start: isoDate(y1!, m1!, d1!), end: isoDate(y2 ?? y1!, m2!, d2!) };
  }
  const cut = CUTOFF.exec(text);
  if (cut && /统计|数据/.test(text.slice(Math.max(0, cut.index - 20), cut.index + 30))) {
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
  return period ?? title ?? published;
}

/** Title, agency, year and statistics period, each from the report's own words. */
export function readMeta(doc: DocumentIR, diagnostics: Diagnostic[]): ReportMeta {
  const title = findTitle(doc.blocks, doc.title);
  const titleYear = title ? Number(YEAR_IN_TITLE.exec(title)?.[1] ?? NaN) || null : null;
  const metaTitleYear = doc.title ? Number(YEAR_IN_TITLE.exec(doc.title)?.[1] ?? NaN) || null : null;
  const fullText = doc.blocks
    .flatMap((b) => (b.kind === 'table' ? [] : [b.text]))
    .slice(0, 40)
    .join('\n');
  const period = periodFrom(fullText, diagnostics);
  const periodYear = period ? Number(period.start.slice(0, 4)) : null;
  const agency = title ? agencyFrom(title, diagnostics) : null;
  if (!title) diagnostics.push({ code: 'meta/no-title', message: '未找到报告标题' });
  const published = publishedDate(doc);
  const publishedYear = published ? Number(published.slice(0, 4)) - 1 : null;
  const year = reportingYear(periodYear, titleYear ?? metaTitleYear, publishedYear, diagnostics);
  if (year !== null && year === publishedYear && periodYear === null && titleYear === null && metaTitleYear === null) {
    diagnostics.push({
      code: 'meta/year-from-publication',
      message: `报告未写明年度，按发布日期 ${published} 推定为 ${year} 年度`,
    });
  }
  return {
    title,
    published,
    agency,
    year,
    titleYear,
    fileYear: metaTitleYear,
    periodStart: period?.start ?? null,
    periodEnd: period?.end ?? null,
  };
}
