import * as cheerio from 'cheerio';
import type { AnyNode, Element } from 'domhandler';
import { UnreadableDocument, type Block, type Diagnostic, type DocumentIR, type Format } from '../model/ir.js';
import { isoDate } from '../model/dates.js';
import { buildTable, type DrawnCell } from './grid.js';
import { cleanText } from './text-normalize.js';

type $ = cheerio.CheerioAPI;

const NOISE_TAGS =
  'script, style, noscript, iframe, form, select, button, nav, header, footer, aside, template, svg, object';
const NOISE_NAME =
  /(^|[-_ ])(nav|navbar|menu|header|top|footer|foot|breadcrumb|crumb|position|location|related|relate|xgxx|xglj|share|fenxiang|copyright|sidebar|side|toolbar|search|login|banner|links?|friend|bottom)([-_ ]|\d|$)/i;
const BLOCK_TAGS = new Set([
  'p',
  'div',
  'section',
  'article',
  'main',
  'li',
  'ul',
  'ol',
  'dl',
  'dt',
  'dd',
  'blockquote',
  'pre',
  'center',
  'body',
  'tr',
  'td',
  'th',
  'tbody',
  'thead',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'hr',
  'address',
  'figure',
  'figcaption',
]);
const HEADING_TAG = /^h([1-6])$/;

/**
 * Limits of an HTML page read as a report. A report page is some tens of KB
 * (the largest real one in the set is 370 KB) and nests some 25 elements
 * deep; a one-line page of 19 MB of markup peaked at 830 MB (the whole
 * process, DOM and text), so 10 MB keeps a page well within a worker's
 * default 1 GB. Chromium stops nesting at 512 levels. Past either, the page is not read: the
 * HTML parser's cost grows with depth times elements, and every walk here is
 * recursive.
 */
export const HTML_MAX_CHARS = 10 * 1024 * 1024;
export const HTML_MAX_DEPTH = 512;
const VOID_TAGS = new Set(
  'area base br col embed hr img input link meta param source track wbr basefont bgsound frame keygen'.split(' '),
);
/** Elements a start tag of the same name closes when it is open just above: they do not nest by omission. */
const SELF_CLOSING_SIBLINGS = new Set(['p', 'li', 'dt', 'dd', 'tr', 'td', 'th', 'option', 'thead', 'tbody', 'tfoot']);
const TAG = /<(\/?)([a-zA-Z][a-zA-Z0-9-]*)[^>]*?(\/?)>|<!--[\s\S]*?-->/g;

/**
 * How deep the markup nests, estimated from its tags in one pass (before the
 * parser, whose cost on deep nesting is quadratic): a start tag opens, an end
 * tag closes up to its element, void and omissible-sibling elements do not
 * stack. It errs high on unclosed inline tags, so it is only held to a
 * multiple of the limit; the parsed tree is held to the limit itself.
 */
export function markupDepth(html: string): number {
  const stack: string[] = [];
  const open = new Map<string, number>();
  let max = 0;
  const pop = () => {
    const tag = stack.pop()!;
    open.set(tag, open.get(tag)! - 1);
  };
  for (const m of html.matchAll(TAG)) {
    if (m[2] === undefined) continue;
    const tag = m[2].toLowerCase();
    if (m[1]) {
      if (!open.get(tag)) continue;
      while (stack[stack.length - 1] !== tag) pop();
      pop();
      continue;
    }
    if (m[3] || VOID_TAGS.has(tag)) continue;
    // <li>…<li>: the second closes the first when it is near the top (not an item of an outer list)
    if (SELF_CLOSING_SIBLINGS.has(tag)) {
      let at = stack.length - 1;
      while (at >= stack.length - 3 && at >= 0 && stack[at] !== tag) at--;
      if (at >= 0 && stack[at] === tag) while (stack.length > at) pop();
    }
    stack.push(tag);
    open.set(tag, (open.get(tag) ?? 0) + 1);
    if (stack.length > max) max = stack.length;
  }
  return max;
}

/** The parsed tree's depth, walked without recursion. */
function treeDepth(root: AnyNode): number {
  let max = 0;
  const stack: [AnyNode, number][] = [[root, 0]];
  while (stack.length) {
    const [node, depth] = stack.pop()!;
    if (depth > max) max = depth;
    for (const child of (node as Element).children ?? []) stack.push([child, depth + 1]);
  }
  return max;
}

function tooDeep(depth: number): UnreadableDocument {
  return new UnreadableDocument(`HTML 嵌套过深（约 ${depth} 层，超过 ${HTML_MAX_DEPTH} 层上限），未解析`, 'too-large');
}

/** The page's markup within the limits, parsed; a page past them is unreadable, with the limit it passed. */
function loadWithinLimits(html: string): $ {
  if (html.length > HTML_MAX_CHARS)
    throw new UnreadableDocument(
      `HTML 页面过大（${(html.length / 1048576).toFixed(0)} M 字符，超过 ${HTML_MAX_CHARS / 1048576} M 上限），未解析`,
      'too-large',
    );
  const estimate = markupDepth(html);
  if (estimate > HTML_MAX_DEPTH * 4) throw tooDeep(estimate);
  const $ = cheerio.load(html);
  const depth = treeDepth($.root().get(0)!);
  if (depth > HTML_MAX_DEPTH) throw tooDeep(depth);
  return $;
}

function cjkLength(text: string): number {
  return (text.match(/[\u3400-\u9fff]/g) ?? []).length;
}

function removeNoise($: $): void {
  $(NOISE_TAGS).remove();
  $('[style*="display:none"], [style*="display: none"], [hidden]').remove();
  $('[class], [id]').each((_, el) => {
    const name = `${$(el).attr('class') ?? ''} ${$(el).attr('id') ?? ''}`;
    if (NOISE_NAME.test(name) && $(el).find('table').length === 0) $(el).remove();
  });
  // link lists (相关链接, 上一篇/下一篇): text that is mostly anchors is navigation, not report
  $('ul, ol, div, td, p').each((_, el) => {
    const node = $(el);
    if (node.find('table').length) return;
    const total = cjkLength(node.text());
    const linked = cjkLength(node.find('a').text());
    if (total > 0 && linked / total > 0.6) node.remove();
  });
}

const REPORT_TITLE = /政府信息公开|政务公开/;

/**
 * The deepest element that still holds nearly all of the page's text, every data
 * table and the report's own title heading (CMS pages put the <h1> beside the body).
 */
function findReportRoot($: $): cheerio.Cheerio<Element> {
  const body = $('body').length ? $('body') : $.root().children().first();
  const isTitle = (el: Element) =>
    /^h[1-3]$/i.test(el.tagName) && REPORT_TITLE.test($(el).text()) && /报告/.test($(el).text());
  const held = heldBelow(body.get(0)!, isTitle);
  const all = held.get(body.get(0)!)!;
  // the titles below the body (the body itself is never its own title)
  const titles = all.titles - (isTitle(body.get(0)!) ? 1 : 0);
  const holdsAll = (child: Element) => {
    const c = held.get(child);
    return (
      !!c &&
      c.cjk >= all.cjk * 0.85 &&
      c.tables + (child.tagName === 'table' ? 1 : 0) >= all.tables &&
      c.titles >= titles
    );
  };
  let root = body as cheerio.Cheerio<Element>;
  for (;;) {
    const next = root
      .children()
      .toArray()
      .find((child) => holdsAll(child as Element));
    if (!next || (next as Element).tagName === 'table') return root;
    root = $(next as Element);
  }
}

interface Held {
  /** CJK characters of its text */
  cjk: number;
  /** tables below it */
  tables: number;
  /** the titles among it and the elements below it */
  titles: number;
}

/** What each element holds, from one walk of the tree (asking each child's text and tables anew was quadratic). */
function heldBelow(root: AnyNode, isTitle: (el: Element) => boolean): Map<AnyNode, Held> {
  const held = new Map<AnyNode, Held>();
  const stack: [AnyNode, boolean][] = [[root, false]];
  while (stack.length) {
    const [node, done] = stack.pop()!;
    if (node.type === 'text') {
      held.set(node, { cjk: cjkLength((node as unknown as { data: string }).data), tables: 0, titles: 0 });
      continue;
    }
    const children = node.type === 'comment' ? [] : ((node as Element).children ?? []);
    if (!done) {
      stack.push([node, true]);
      for (const child of children) stack.push([child, false]);
      continue;
    }
    const sum: Held = { cjk: 0, tables: 0, titles: node.type === 'tag' && isTitle(node as Element) ? 1 : 0 };
    for (const child of children) {
      const c = held.get(child);
      if (!c) continue;
      sum.cjk += c.cjk;
      sum.tables += c.tables + ((child as Element).tagName === 'table' ? 1 : 0);
      sum.titles += c.titles;
    }
    held.set(node, sum);
  }
  return held;
}

function isLayoutTable($: $, table: Element): boolean {
  return $(table).find('table').length > 0;
}

function tableRows($: $, table: Element): DrawnCell[][] {
  const rows: DrawnCell[][] = [];
  $(table)
    .find('tr')
    .filter((_, tr) => $(tr).closest('table').get(0) === table)
    .each((_, tr) => {
      const cells = $(tr)
        .children('td, th')
        .toArray()
        .map((td) => ({
          text: cleanText(inlineText($, td).join(' ')),
          rowSpan: Number($(td).attr('rowspan') ?? 1),
          colSpan: Number($(td).attr('colspan') ?? 1),
        }));
      rows.push(cells);
    });
  return rows;
}

/** Text of an element with <br> and block boundaries as line breaks. */
function inlineText(_$: $, el: AnyNode): string[] {
  const lines: string[] = [''];
  const walk = (node: AnyNode) => {
    if (node.type === 'text') lines[lines.length - 1] += (node as unknown as { data: string }).data;
    else if (node.type === 'tag') {
      const tag = (node as Element).tagName.toLowerCase();
      if (tag === 'br') lines.push('');
      const block = BLOCK_TAGS.has(tag);
      if (block) lines.push('');
      for (const child of (node as Element).children) walk(child);
      if (block) lines.push('');
    }
  };
  for (const child of (el as Element).children ?? []) walk(child);
  return lines.map((l) => l.replace(/\s+/g, ' ').trim()).filter(Boolean);
}

function isBoldOnly($: $, el: Element): boolean {
  const text = cleanText($(el).text());
  const bold = cleanText($(el).find('strong, b').text());
  return text.length > 0 && text.length <= 40 && bold === text;
}

function collectBlocks($: $, root: Element, blocks: Block[]): void {
  let line = '';
  const flush = (kind: 'paragraph' | 'heading' = 'paragraph', level: number | null = null) => {
    const text = cleanText(line);
    if (text) blocks.push({ kind, text, level, page: null });
    line = '';
  };
  const walk = (node: AnyNode) => {
    if (node.type === 'text') {
      line += (node as unknown as { data: string }).data;
      return;
    }
    if (node.type !== 'tag') return;
    const el = node as Element;
    const tag = el.tagName.toLowerCase();
    if (tag === 'table' && !isLayoutTable($, el)) {
      flush();
      const rows = tableRows($, el);
      if (rows.some((r) => r.length)) blocks.push(buildTable(rows));
      return;
    }
    if (tag === 'br') return flush();
    const heading = HEADING_TAG.exec(tag);
    if (heading || (tag === 'p' && isBoldOnly($, el))) {
      flush();
      line = $(el).text();
      return flush('heading', heading ? Number(heading[1]) : null);
    }
    const block = BLOCK_TAGS.has(tag);
    if (block) flush();
    for (const child of el.children) walk(child);
    if (block) flush();
  };
  walk(root);
  flush();
}

function metaDate(text: string | undefined): string | null {
  const m = text && /(\d{4})[-/年.](\d{1,2})[-/月.](\d{1,2})/.exec(text);
  return m ? isoDate(m[1]!, m[2]!, m[3]!) : null;
}

/** HTML (already decoded) → DocumentIR. Also the path mammoth's DOCX output takes. */
export function htmlToDocument(html: string, format: Format = 'html', diagnostics: Diagnostic[] = []): DocumentIR {
  const $ = loadWithinLimits(html);
  const title = cleanText($('meta[name="ArticleTitle"]').attr('content') ?? $('title').first().text()) || null;
  const published = metaDate(
    $(
      'meta[name="PubDate"], meta[name="pubdate"], meta[name="publishdate"], meta[property="article:published_time"]',
    ).attr('content'),
  );
  removeNoise($);
  const root = findReportRoot($);
  const blocks: Block[] = [];
  collectBlocks($, root.get(0)!, blocks);
  return { format, pages: null, title, published, blocks, diagnostics };
}
