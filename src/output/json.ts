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
const STREAMED = '\n  "reports": []';

/** A value as an element of a top-level array, as `JSON.stringify(doc, null, 2)` indents it at depth two. */
const element = (value: unknown) => `\n    ${JSON.stringify(value, null, 2).replaceAll('\n', '\n    ')}`;

/** What jsonSink writes: a document whose findings come as rows, and whose `reports`, if any, are read as the tail is written. */
export type SinkDocument = {
  readonly [key: string]: unknown;
  findings: readonly unknown[];
  reports?: Iterable<unknown>;
};

/**
 * The document as `JSON.stringify(doc, null, 2)` writes it, its findings one
 * by one: the text around an empty findings array is split where the array
 * opens, and each finding is indented as an element at depth two (a JSON
 * string never holds a raw newline, so re-indenting lines is exact). A
 * shard's `reports` (the last key) are written the same way, one by one as
 * the tail is written: never all in memory, nor the whole tail as one string.
 */
export function jsonSink<T>(docOf: () => SinkDocument): Sink<T> {
  // the document is asked for when the head is written: after the run, when its summary is known
  let text = '';
  let open = 0;
  let reports: Iterable<unknown> | undefined;
  const around = () => {
    if (text) return;
    const doc = docOf();
    reports = doc.reports;
    text = `${JSON.stringify({ ...doc, findings: [], reports: reports ? [] : undefined }, null, 2)}\n`;
    const at = text.indexOf(MARK);
    if (at < 0) throw new Error('jsonSink: the document has no top-level findings');
    open = at + MARK.length - 1;
  };
  let first = true;
  function* tailParts(): Generator<string> {
    around();
    const rest = first ? text.slice(open) : `\n  ${text.slice(open)}`;
    const at = reports ? rest.indexOf(STREAMED) : -1;
    if (at < 0) {
      yield rest;
      return;
    }
    const close = at + STREAMED.length - 1;
    yield rest.slice(0, close);
    let none = true;
    for (const r of reports!) {
      yield none ? element(r) : `,${element(r)}`;
      none = false;
    }
    yield none ? rest.slice(close) : `\n  ${rest.slice(close)}`;
  }
  return {
    head: () => {
      around();
      return text.slice(0, open);
    },
    row: (f) => {
      const piece = first ? element(f) : `,${element(f)}`;
      first = false;
      return piece;
    },
    tail: () => [...tailParts()].join(''),
    tailParts,
  };
}
