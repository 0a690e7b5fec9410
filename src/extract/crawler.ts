/**
 * A web crawler's text rendering of a report page: a header of `key: value`
 * lines (标题, 发布时间, 发布机构, 原文链接 …) closed by a 「==== 正文 ====」 rule,
 * then the page text, often with the site's chrome (当前位置：首页… 微信 微博 …)
 * run into the report's first line.
 */

export interface CrawlerPage {
  title: string | null;
  /** ISO yyyy-mm-dd */
  published: string | null;
  /** the page text after the header, chrome removed */
  body: string[];
}

const FIELD = /^\s*([\u4e00-\u9fff]{2,6}|[A-Za-z ]{2,20})\s*[:：]\s*(.*)$/;
const BODY_RULE = /^\s*[=＝-]{3,}\s*正文\s*[=＝-]{3,}\s*$/;
const MAX_HEADER_LINES = 20;
const DATE = /(\d{4})\s*[-年/.]\s*(\d{1,2})\s*[-月/.]\s*(\d{1,2})/;

/** The crawler's header, when the text starts with one; null otherwise. */
export function readCrawlerPage(lines: string[]): CrawlerPage | null {
  const rule = lines.slice(0, MAX_HEADER_LINES).findIndex((l) => BODY_RULE.test(l));
  if (rule < 0) return null;
  const fields = new Map<string, string>();
  for (const line of lines.slice(0, rule)) {
    const m = FIELD.exec(line);
    if (m) fields.set(m[1]!.trim(), m[2]!.trim());
  }
  if (!fields.size) return null;
  const date = DATE.exec(fields.get('发布时间') ?? fields.get('发布日期') ?? fields.get('时间') ?? '');
  return {
    title: fields.get('标题') || null,
    published: date ? `${date[1]}-${date[2]!.padStart(2, '0')}-${date[3]!.padStart(2, '0')}` : null,
    body: stripChrome(lines.slice(rule + 1)),
  };
}

/** The page chrome is a run of short words: a breadcrumb, share buttons, 来源/时间 lines. */
const BREADCRUMB = /^\s*(?:当前位置|您的位置|你的位置|当前的位置)\s*[:：]/;
const CHROME_WORDS = /^(?:-->|附件下载|打印本页|打印|关闭窗口|关闭|收藏|分享到|【打印】|【关闭】)$/;
/** a space-separated piece this long, or with a full stop, is the report's own text */
const PROSE_PIECE = 40;

/** the report's title, run into its first sentence with only a space between (「…年度报告 根据《条例》…」) */
const TITLE_RUN_IN = /^\s*(\S{6,60}报告)\s+(\S.*)$/;

function stripChrome(body: string[]): string[] {
  const out = [...body];
  const first = out.findIndex((l) => l.trim());
  if (first >= 0 && BREADCRUMB.test(out[first]!)) {
    const pieces = out[first]!.split(/(?<=\s)(?=\S)/);
    const start = pieces.findIndex((p) => p.trim().length >= PROSE_PIECE || /[。；]/.test(p));
    out[first] = start < 0 ? '' : pieces.slice(start).join('');
  }
  const titled = first >= 0 ? TITLE_RUN_IN.exec(out[first]!) : null;
  if (titled) out.splice(first, 1, titled[1]!, titled[2]!);
  let last = out.length - 1;
  while (last >= 0 && !out[last]!.trim()) last--;
  if (last >= 0) {
    let text = out[last]!.trimEnd();
    for (let m = /\s+(\S+)$/.exec(text); m && CHROME_WORDS.test(m[1]!); m = /\s+(\S+)$/.exec(text))
      text = text.slice(0, m.index);
    out[last] = text;
  }
  return out;
}
