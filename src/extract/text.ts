import type { Block, DocumentIR } from '../model/ir.js';
import { buildTable, type DrawnCell } from './grid.js';
import { cleanText } from './text-normalize.js';

const MD_HEADING = /^(#{1,6})\s+(.*)$/;
const MD_RULE = /^\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?$/;
/** a line that starts a new block even without a blank line before it */
const NUMBERED_START =
  /^\s*(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十]+[)）]|第[一二三四五六七八九十]+部分)/;

/** a numbered line short enough, and without a full stop, to be a heading of its own */
function isShortHeading(line: string): boolean {
  const text = line.trim();
  return text.length <= 30 && !/[。；;]/.test(text.slice(0, -1));
}

function tableCells(line: string): DrawnCell[] | null {
  if (line.includes('\t'))
    return line
      .replace(/\r$/, '')
      .split('\t')
      .map((t) => ({ text: cleanText(t) }));
  const trimmed = line.trim();
  if (trimmed.startsWith('|') && trimmed.endsWith('|') && trimmed.length > 1) {
    return trimmed
      .slice(1, -1)
      .split('|')
      .map((t) => ({ text: cleanText(t) }));
  }
  return null;
}

/**
 * Plain text or Markdown → DocumentIR. Tables are runs of lines whose cells are
 * separated by tabs (as text extractors write them) or Markdown pipes. Their
 * columns are positional guesses, so the table is marked `layout: 'text'`.
 */
export function textToDocument(text: string): DocumentIR {
  const blocks: Block[] = [];
  let paragraph: string[] = [];
  let rows: DrawnCell[][] = [];
  const flushParagraph = () => {
    const joined = cleanText(paragraph.join(''));
    if (joined) blocks.push({ kind: 'paragraph', text: joined, level: null, page: null });
    paragraph = [];
  };
  const flushTable = () => {
    if (rows.length) blocks.push(buildTable(rows, 'text'));
    rows = [];
  };
  for (const raw of text.replace(/^\ufeff/, '').split(/\n/)) {
    const line = raw.replace(/\r$/, '');
    if (MD_RULE.test(line.trim()) && rows.length) continue;
    const cells = tableCells(line);
    if (cells) {
      flushParagraph();
      rows.push(cells);
      continue;
    }
    flushTable();
    const heading = MD_HEADING.exec(line.trim());
    if (heading) {
      flushParagraph();
      blocks.push({ kind: 'heading', text: cleanText(heading[2]!), level: heading[1]!.length, page: null });
    } else if (!line.trim()) flushParagraph();
    else if (NUMBERED_START.test(line) && isShortHeading(line)) {
      flushParagraph();
      paragraph.push(line.trim());
      flushParagraph();
    } else {
      if (NUMBERED_START.test(line)) flushParagraph();
      paragraph.push(line.trim());
    }
  }
  flushParagraph();
  flushTable();
  return { format: 'txt', pages: null, title: null, published: null, blocks, diagnostics: [] };
}
