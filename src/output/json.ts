import type { Finding } from '../model/finding.js';
import { writeAtomic } from './atomic.js';
import type { Sink } from './sink.js';
import type { RunSummary } from './summary.js';

export interface FindingsDocument {
  tool: 'nianbao';
  version: string;
  summary: RunSummary;
  files: string[];
  findings: Finding[];
}

export async function writeFindingsJson(path: string, doc: FindingsDocument): Promise<void> {
  await writeAtomic(path, `${JSON.stringify(doc, null, 2)}\n`);
}

const MARK = '\n  "findings": []';

/**
 * The document as `JSON.stringify(doc, null, 2)` writes it, its findings one
 * by one: the text around an empty findings array is split where the array
 * opens, and each finding is indented as an element at depth two (a JSON
 * string never holds a raw newline, so re-indenting lines is exact).
 */
export function jsonSink<T>(docOf: () => { readonly [key: string]: unknown; findings: readonly unknown[] }): Sink<T> {
  // the document is asked for when the head is written: after the run, when its summary is known
  let text = '';
  let open = 0;
  const around = () => {
    if (text) return;
    text = `${JSON.stringify({ ...docOf(), findings: [] }, null, 2)}\n`;
    const at = text.indexOf(MARK);
    if (at < 0) throw new Error('jsonSink: the document has no top-level findings');
    open = at + MARK.length - 1;
  };
  let first = true;
  return {
    head: () => {
      around();
      return text.slice(0, open);
    },
    row: (f) => {
      const element = `\n    ${JSON.stringify(f, null, 2).replaceAll('\n', '\n    ')}`;
      const piece = first ? element : `,${element}`;
      first = false;
      return piece;
    },
    tail: () => {
      around();
      return first ? text.slice(open) : `\n  ${text.slice(open)}`;
    },
  };
}
