import type { TextBlock } from '../../model/ir.js';
import { joinLines, type Line } from './lines.js';

const SECTION_HEADING = /^[一二三四五六七八九十]{1,3}[、.．]/;
const SUB_HEADING = /^[（(][一二三四五六七八九十]{1,3}[）)]/;
const MAX_HEADING_LENGTH = 32;
/** A line this many characters short of the right margin ends its paragraph (line-breaking rules leave up to ~3). */
const SHORT_LINE = 4;

export interface FlowContext {
  page: number;
  /** median text size of the document: what body text looks like */
  bodySize: number;
  left: number;
  right: number;
  /** the lines open page 1: a large line here is the title */
  opening: boolean;
}

function headingLevel(line: Line, ctx: FlowContext, beforeBody: boolean): number | null | undefined {
  const text = line.text;
  if (text.length > MAX_HEADING_LENGTH || /[。；;]$/.test(text)) return undefined;
  if (ctx.opening && beforeBody && line.size >= ctx.bodySize * 1.25) return 1;
  if (SECTION_HEADING.test(text)) return 2;
  if (SUB_HEADING.test(text)) return 3;
  if (line.bold) return null;
  return undefined;
}

function median(values: number[]): number {
  const s = [...values].sort((p, q) => p - q);
  return s.length ? s[Math.floor(s.length / 2)]! : 0;
}

/** Whether `line` opens a new paragraph after `prev`: indent, a short last line, or extra space above. */
function startsParagraph(prev: Line, line: Line, ctx: FlowContext, usualGap: number): boolean {
  if (line.x0 - ctx.left > 1.2 * line.size) return true;
  if (prev.x1 < ctx.right - SHORT_LINE * prev.size) return true;
  return line.top - prev.bottom > usualGap * 1.5 + 2;
}

export interface FlowBlock {
  block: TextBlock;
  top: number;
  /** the paragraph's last line runs to the right margin: it may continue on the next page */
  open: boolean;
}

/** Consecutive lines (no table between them) → paragraph and heading blocks. */
export function linesToBlocks(lines: Line[], ctx: FlowContext): FlowBlock[] {
  const gaps = lines
    .slice(1)
    .map((l, i) => l.top - lines[i]!.bottom)
    .filter((g) => g > 0);
  const usualGap = median(gaps);
  const out: FlowBlock[] = [];
  let current: Line[] = [];
  const flush = () => {
    if (!current.length) return;
    const last = current[current.length - 1]!;
    const open = last.x1 >= ctx.right - SHORT_LINE * last.size;
    out.push({
      block: { kind: 'paragraph', text: joinLines(current), level: null, page: ctx.page },
      top: current[0]!.top,
      open,
    });
    current = [];
  };
  for (const line of lines) {
    const level = headingLevel(line, ctx, out.every((b) => b.block.level === 1) && !current.length);
    const prevHeading = out[out.length - 1]?.block.kind === 'heading' && !current.length;
    if (level !== undefined) {
      const title = out[out.length - 1];
      if (level === 1 && prevHeading && title?.block.level === 1)
        title.block.text = joinLines([{ ...line, text: title.block.text }, line]);
      else {
        flush();
        out.push({ block: { kind: 'heading', text: line.text, level, page: ctx.page }, top: line.top, open: false });
      }
      continue;
    }
    const prev = current[current.length - 1];
    if (prev && startsParagraph(prev, line, ctx, usualGap)) flush();
    current.push(line);
  }
  flush();
  return out;
}
