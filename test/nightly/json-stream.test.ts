import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TopLevelReader } from '../../src/nightly/json-stream.js';

const STREAMED = new Set(['findings', 'reports']);

/** The object as the reader gives it back: streamed arrays rebuilt from their elements. */
function readBack(text: string, cuts: number[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const reader = new TopLevelReader(STREAMED, {
    value: (key, value) => {
      out[key] = value;
    },
    element: (key, element) => (out[key] as unknown[]).push(element),
  });
  let at = 0;
  for (const cut of [...cuts].sort((a, b) => a - b)) {
    reader.write(text.slice(at, cut));
    at = cut;
  }
  reader.write(text.slice(at));
  reader.end();
  return out;
}

const tricky = fc.oneof(
  fc.string(),
  fc.constantFrom('a"b', 'back\\slash\\', '\\"', '{"x": [1]}', '],}', '水利局\u2028', '\\u0041', ''),
);
const value = fc.letrec((tie) => ({
  any: fc.oneof(
    { depthSize: 'small' },
    tricky,
    fc.integer(),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('any'), { maxLength: 4 }),
    fc.dictionary(tricky, tie('any'), { maxKeys: 4 }),
  ),
})).any;
const doc = fc.record({
  tool: fc.constant('nianbao'),
  n: fc.oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true })),
  flag: fc.boolean(),
  summary: fc.dictionary(tricky, value, { maxKeys: 3 }),
  findings: fc.array(value, { maxLength: 6 }),
  shard: fc.oneof(fc.constant(null), fc.record({ index: fc.nat(), count: fc.nat() })),
  reports: fc.array(value, { maxLength: 6 }),
});

describe('the top-level JSON reader', () => {
  it('gives back what JSON.parse gives, pretty or minified, however the text is cut', () => {
    fc.assert(
      fc.property(doc, fc.boolean(), fc.array(fc.nat(), { maxLength: 12 }), (d, pretty, cuts) => {
        const text = pretty ? JSON.stringify(d, null, 2) : JSON.stringify(d);
        const expected = JSON.parse(text) as unknown;
        expect(
          readBack(
            text,
            cuts.map((c) => c % (text.length + 1)),
          ),
        ).toEqual(expected);
      }),
      { numRuns: 400 },
    );
  });

  it('reads a text cut at every position the same', () => {
    const text = JSON.stringify(
      { tool: 'nianbao', n: -12.5e3, ok: true, findings: [{ a: 'x\\"}]' }, 3, 'y'], z: null, reports: [] },
      null,
      2,
    );
    for (let cut = 0; cut <= text.length; cut++) expect(readBack(text, [cut])).toEqual(JSON.parse(text));
  });

  it('throws on what is not one JSON object', () => {
    for (const bad of ['[1, 2]', '{"a": 1', '{"a": [1, 2}', '{"findings": [1, }', '{"a": 1} x', 'file,rule\n'])
      expect(() => readBack(bad, [])).toThrow(SyntaxError);
  });
});
