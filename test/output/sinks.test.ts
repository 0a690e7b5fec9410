import { describe, expect, it } from 'vitest';
import { findingsCsv } from '../../src/output/csv.js';
import { jsonSink } from '../../src/output/json.js';
import { sinkText } from '../../src/output/sink.js';
import { stylish } from '../../src/output/stylish.js';
import type { Finding } from '../../src/model/finding.js';

const finding = (file: string, i: number): Finding => ({
  file,
  agency: i % 3 ? '某县"水利"局\n' : null,
  year: i % 2 ? 2023 : null,
  rule: 'table/row-sum',
  severity: i % 2 ? 'error' : 'warning',
  location: `表三/第${i}行 {"x": [1]}`,
  expected: String(i),
  actual: '',
  message: '合计不等于各项之和\t<script>',
  page: i % 4 ? i : null,
});

describe('outputs written finding by finding are the outputs written at once', () => {
  for (const n of [0, 1, 7]) {
    it(`JSON with ${n} findings is JSON.stringify(doc, null, 2)`, () => {
      const findings = Array.from({ length: n }, (_, i) => finding(`a/${i % 3}.pdf`, i));
      const doc = {
        tool: 'nianbao',
        version: '1',
        summary: { n, nested: { a: [] } },
        files: ['a'],
        findings,
        shard: null,
      };
      const text = sinkText(
        jsonSink<Finding>(() => ({ ...doc, findings: [] })),
        findings,
      );
      expect(text).toBe(`${JSON.stringify(doc, null, 2)}\n`);
      expect(JSON.parse(text)).toEqual(doc);
    });
  }

  for (const [n, r] of [
    [0, 0],
    [3, 0],
    [0, 2],
    [7, 5],
  ] as const) {
    it(`a shard's JSON with ${n} findings and ${r} reports, the reports read as the tail is written, is JSON.stringify(doc, null, 2)`, () => {
      const findings = Array.from({ length: n }, (_, i) => finding(`a/${i}.pdf`, i));
      const reports = Array.from({ length: r }, (_, i) => ({
        file: `a/${i}.pdf`,
        report: { meta: { y: [i] }, s: '"\n' },
      }));
      const doc = {
        tool: 'nianbao',
        version: '1',
        summary: { n },
        files: ['a'],
        findings,
        shard: { index: 1, count: 2 },
        reports,
      };
      let read = 0;
      const lazy = {
        *[Symbol.iterator]() {
          for (const x of reports) {
            read++;
            yield x;
          }
        },
      };
      const sink = jsonSink<Finding>(() => ({ ...doc, findings: [], reports: lazy }));
      let text = sink.head();
      for (const f of findings) text += sink.row(f);
      const parts = [...sink.tailParts!()];
      text += parts.join('');
      expect(text).toBe(`${JSON.stringify(doc, null, 2)}\n`);
      expect(read).toBe(r);
      // one piece per report besides the text around them: never the whole array as one string
      expect(parts.length).toBe(r + 2);
    });
  }

  it('the CSV of an iterable equals the CSV of the array', async () => {
    const findings = Array.from({ length: 2100 }, (_, i) => finding(`f${i % 7}.txt`, i));
    const gen = function* () {
      yield* findings;
    };
    expect(await findingsCsv(gen())).toEqual(await findingsCsv(findings));
  });

  it('stylish streamed file by file keeps one block per file and the totals', () => {
    const findings = [finding('a.pdf', 1), finding('a.pdf', 2), finding('b.pdf', 3)];
    const text = stylish(findings, { color: false, lang: 'en' });
    expect(text.split('\n')).toEqual([
      '',
      'a.pdf',
      expect.stringContaining('p1 表三/第1行'),
      expect.stringContaining('表三/第2行'),
      '',
      'b.pdf',
      expect.stringContaining('p3 表三/第3行'),
      '',
      '✖ 3 problems (2 errors, 1 warnings, 0 info)',
      '',
    ]);
    expect(stylish([], { color: false, lang: 'en' })).toBe('\n');
  });
});
