import type { Block } from '../model/ir.js';
import type { Section } from '../model/report.js';
import { SECTIONS, type SectionDef } from '../model/templates.js';
import { normalizeLabel } from './labels.js';

const CHINESE_DIGITS = '一二三四五六七八九十';
/** only a top-level 「一、」 at line start opens a part; （二）… never does */
const PART_HEADING =
  /^\s*(?:第([一二三四五六七八九十])部分[、.．:：\s]?|([一二三四五六七八九十])\s*[、.．，,:：]\s*)(.{2,40}?)[、。：:]?$/;
const MAX_HEADING_LENGTH = 40;
const FILLER = /政府信息公开工作|行政机关|因|被申请|的|情况/g;

export interface PartHeading {
  number: number | null;
  def: SectionDef;
  heading: string;
  /** prose that shares the heading's paragraph (「一、总体情况2023年，我局…」) */
  rest: string;
}

const NUMBERED_TITLE = /^\s*([一二三四五六])\s*[、.．]\s*/;

/** A long paragraph that opens with a part's own canonical title: the heading and its first prose. */
function headingWithProse(text: string): PartHeading | null {
  const m = NUMBERED_TITLE.exec(text);
  if (!m) return null;
  const after = text.slice(m[0].length);
  const def = SECTIONS.find((s) => after.startsWith(s.heading.slice(2)));
  if (!def) return null;
  const title = def.heading.slice(2);
  const rest = after.slice(title.length).replace(/^[。：:、\s]+/, '');
  return { number: CHINESE_DIGITS.indexOf(m[1]!) + 1, def, heading: `${m[0].trim()}${title}`, rest };
}

function defFor(title: string): SectionDef | null {
  const bare = normalizeLabel(title).replace(FILLER, '');
  return SECTIONS.find((s) => s.pattern.test(bare)) ?? null;
}

/** A block that opens one of the six parts, or null. */
export function partHeading(block: Block, expectedNext: number): PartHeading | null {
  if (block.kind === 'table') return null;
  if (block.text.length > MAX_HEADING_LENGTH + 4) return headingWithProse(block.text);
  const m = PART_HEADING.exec(block.text);
  if (!m) {
    if (block.kind !== 'heading') return null;
    const def = defFor(block.text);
    return def && block.text.length <= MAX_HEADING_LENGTH ? { number: null, def, heading: block.text, rest: '' } : null;
  }
  const number = CHINESE_DIGITS.indexOf((m[1] ?? m[2])!) + 1;
  const def = defFor(m[3]!) ?? (number === expectedNext ? (SECTIONS[number - 1] ?? null) : null);
  return def ? { number, def, heading: block.text.trim(), rest: '' } : null;
}

/** The six parts in document order, each with the prose under it. */
export function findSections(blocks: Block[]): Section[] {
  const sections: Section[] = [];
  let current: Section | null = null;
  let lines: string[] = [];
  const close = () => {
    if (current) sections.push({ ...current, text: lines.join('\n') });
    lines = [];
  };
  for (const block of blocks) {
    const heading = partHeading(block, (current?.number ?? sections.length) + 1);
    if (heading) {
      close();
      current = { number: heading.number, key: heading.def.key, heading: heading.heading, text: '', page: block.page };
      if (heading.rest) lines.push(heading.rest);
    } else if (current && block.kind !== 'table') lines.push(block.text);
  }
  close();
  return sections;
}
