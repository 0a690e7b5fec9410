/**
 * What real reports do to the template, applied to the corpus's clean reports: each
 * perturbation must leave nianbao standing (nothing throws) and yield exactly the
 * findings the perturbation implies — a renumbered heading its heading finding and
 * nothing else, a typo in a row label an info finding and the row still read.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as fc from 'fast-check';
import * as OpenCC from 'opencc-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runRules } from '../../src/audit/engine.js';
import { extractDocument } from '../../src/extract/index.js';
import type { Block, DocumentIR, IRCell, TableBlock } from '../../src/model/ir.js';
import { place } from '../../src/model/places.js';
import { APPLICATION_ROWS, SECTIONS, TABLE_NAMES } from '../../src/model/templates.js';
import { structureDocument } from '../../src/structure/index.js';
import { normalizeLabel } from '../../src/structure/labels.js';

const CORPUS = join(import.meta.dirname, '../../corpus');
const expected: Record<string, unknown[]> = JSON.parse(readFileSync(join(CORPUS, 'expected.json'), 'utf8'));
/** clean web pages: any finding after a perturbation is the perturbation's */
const CLEAN = Object.keys(expected).filter(
  (f) => f.startsWith('reports/') && f.endsWith('.html') && !expected[f]!.length,
);

interface Expect {
  rule: string;
  /** null: any location (the finding's place is the rule's to choose) */
  location: string | null;
}

interface Perturbed {
  doc: DocumentIR;
  expect: Expect[];
}

type Perturbation = (doc: DocumentIR, pick: number) => Perturbed | null;

const clone = (doc: DocumentIR): DocumentIR => structuredClone(doc);
const choose = <T>(items: T[], pick: number): T | undefined => items[pick % Math.max(1, items.length)];
const CHINESE_DIGITS = '一二三四五六七八九十';

/** Indexes of the blocks that are the six part headings, by template part. */
function partHeadings(doc: DocumentIR): Map<number, number> {
  const out = new Map<number, number>();
  doc.blocks.forEach((b, i) => {
    if (b.kind === 'table') return;
    const def = SECTIONS.find((s) => normalizeLabel(s.heading) === normalizeLabel(b.text));
    if (def) out.set(def.number, i);
  });
  return out;
}

function applicationsTable(doc: DocumentIR): TableBlock | undefined {
  return doc.blocks.find(
    (b): b is TableBlock => b.kind === 'table' && b.cells.some((c) => normalizeLabel(c.text).includes('本年新收')),
  );
}

const TEMPLATE_ROWS = APPLICATION_ROWS['2021'];
const rowKeyOf = (text: string) =>
  TEMPLATE_ROWS.find((r) => normalizeLabel(r.label) === normalizeLabel(text) && normalizeLabel(text).length > 2)?.key;

/** 表三's data rows: the cell that carries the row's own label, its key, its value cells. */
function applicationRows(table: TableBlock) {
  const rows: { r: number; label: IRCell; key: string; values: IRCell[] }[] = [];
  for (let r = 0; r < table.rows; r++) {
    const own = table.cells.filter((c) => c.row === r).sort((a, b) => a.col - b.col);
    const label = own.find((c) => rowKeyOf(c.text));
    const values = own.filter((c) => c.col >= table.cols - 7);
    if (label && values.length === 7) rows.push({ r, label, key: rowKeyOf(label.text)!, values });
  }
  return rows;
}

const location = (key: string) => `${TABLE_NAMES.applications}/${place.applicationRow(key)}`;

/** （一）… sub-headings under 一、总体情况 that use the parts' own words: never parts. */
const subheadingsWithPartWording: Perturbation = (doc) => {
  const first = partHeadings(doc).get(1);
  if (first === undefined) return null;
  const out = clone(doc);
  const words = [
    '（一）主动公开情况',
    '（二）依申请公开情况',
    '（三）政府信息管理情况',
    '（四）政府信息公开平台建设情况',
    '（五）监督保障情况',
  ];
  const blocks: Block[] = words.flatMap((text) => [
    { kind: 'heading', text, level: 2, page: null },
    { kind: 'paragraph', text: '持续做好相关工作。', level: null, page: null },
  ]);
  out.blocks.splice(first + 1, 0, ...blocks);
  return { doc: out, expect: [] };
};

/** A part printed with a number that is not its own (七、 for 六、, 三、 printed 八、). */
const renumberedHeading: Perturbation = (doc, pick) => {
  const parts = [...partHeadings(doc)];
  const target = choose(parts, pick);
  if (!target) return null;
  const [number, index] = target;
  const out = clone(doc);
  const block = out.blocks[index] as Extract<Block, { kind: 'heading' | 'paragraph' }>;
  block.text = block.text.replace(CHINESE_DIGITS[number - 1]!, CHINESE_DIGITS[6 + (pick % 3)]!);
  return { doc: out, expect: [{ rule: 'structure/heading-mislabeled', location: SECTIONS[number - 1]!.heading }] };
};

/** A part heading lost: its prose runs on under the part before it. */
const droppedHeading: Perturbation = (doc, pick) => {
  const parts = [...partHeadings(doc)].filter(([n]) => n > 1);
  const target = choose(parts, pick);
  if (!target) return null;
  const out = clone(doc);
  out.blocks.splice(target[1], 1);
  return { doc: out, expect: [{ rule: 'structure/missing-section', location: SECTIONS[target[0] - 1]!.heading }] };
};

/** A heading and its first paragraph in one paragraph (「五、存在的主要问题及改进情况（一）…」). */
const headingMergedIntoProse: Perturbation = (doc, pick) => {
  const parts = [...partHeadings(doc)].filter(([, i]) => doc.blocks[i + 1]?.kind === 'paragraph');
  const target = choose(parts, pick);
  if (!target) return null;
  const out = clone(doc);
  const [heading, next] = [out.blocks[target[1]]!, out.blocks[target[1] + 1]!] as { text: string }[];
  out.blocks.splice(target[1], 2, {
    kind: 'paragraph',
    text: `${heading!.text}${next!.text}`,
    level: null,
    page: null,
  });
  return { doc: out, expect: [] };
};

/** A 表三 row label with one character dropped or two swapped: the row is read, the label reported. */
const rowLabelTypo: Perturbation = (doc, pick) => {
  const out = clone(doc);
  const table = applicationsTable(out);
  const row = table && choose(applicationRows(table), pick);
  if (!row) return null;
  const han = [...row.label.text].map((ch, i) => [ch, i] as const).filter(([ch]) => /\p{Script=Han}/u.test(ch));
  if (han.length < 4) return null;
  const chars = [...row.label.text];
  const at = han[1 + (pick % (han.length - 2))]![1];
  if (pick % 2 === 0) chars.splice(at, 1);
  else [chars[at], chars[at + 1]] = [chars[at + 1]!, chars[at]!];
  if (normalizeLabel(chars.join('')) === normalizeLabel(row.label.text)) return null;
  row.label.text = chars.join('');
  return { doc: out, expect: [{ rule: 'structure/row-mislabeled', location: location(row.key) }] };
};

/** Removes grid row r, shrinking the merged cells that span it. */
function dropGridRow(table: TableBlock, r: number): void {
  table.cells = table.cells.filter((c) => !(c.row === r && c.rowSpan === 1));
  for (const c of table.cells) {
    if (c.row > r) c.row--;
    else if (c.row + c.rowSpan > r) c.rowSpan--;
  }
  table.rows--;
}

/** A 表三 outcome row left out (its values are all 0, so no sum changes): only that row is missing. */
const droppedRow: Perturbation = (doc, pick) => {
  const out = clone(doc);
  const table = applicationsTable(out);
  const outcome = new Set(TEMPLATE_ROWS.filter((r) => r.group).map((r) => r.key));
  const rows = table
    ? applicationRows(table).filter((x) => outcome.has(x.key) && x.values.every((v) => v.text.trim() === '0'))
    : [];
  const row = choose(rows, pick);
  if (!table || !row) return null;
  dropGridRow(table, row.r);
  return { doc: out, expect: [{ rule: 'structure/missing-row', location: location(row.key) }] };
};

/** A value cell left blank: a blank-cell finding for its row, and no sum it would feed. */
const blankedCell: Perturbation = (doc, pick) => {
  const out = clone(doc);
  const table = applicationsTable(out);
  const row = table && choose(applicationRows(table), pick);
  if (!row) return null;
  row.values[Math.floor(pick / 7) % 7]!.text = '';
  return { doc: out, expect: [{ rule: 'table/blank-cell', location: location(row.key) }] };
};

/** 表三 cut by a page break after row k, its header repeated on the next page. */
const pageBreakInTable: Perturbation = (doc, pick) => {
  const out = clone(doc);
  const table = applicationsTable(out);
  if (!table) return null;
  const rows = applicationRows(table);
  const header = rows[0]?.r ?? 0;
  const at = choose(
    rows.map((x) => x.r).filter((r) => r > header && !table.cells.some((c) => c.row < r && c.row + c.rowSpan > r)),
    pick,
  );
  if (at === undefined) return null;
  const top: TableBlock = { ...table, rows: at, cells: table.cells.filter((c) => c.row < at) };
  const repeat = pick % 2 === 0 ? table.cells.filter((c) => c.row < header) : [];
  const bottom: TableBlock = {
    ...table,
    page: (table.page ?? 1) + 1,
    rows: table.rows - at + (repeat.length ? header : 0),
    cells: [
      ...repeat.map((c) => ({ ...c })),
      ...table.cells.filter((c) => c.row >= at).map((c) => ({ ...c, row: c.row - at + (repeat.length ? header : 0) })),
    ],
  };
  out.blocks.splice(out.blocks.indexOf(table), 1, top, bottom);
  return { doc: out, expect: [] };
};

const toTraditional = OpenCC.Converter({ from: 'cn', to: 'tw' });

function mapText(doc: DocumentIR, f: (text: string) => string): DocumentIR {
  const out = clone(doc);
  for (const b of out.blocks) {
    if (b.kind === 'table') for (const c of b.cells) c.text = f(c.text);
    else b.text = f(b.text);
  }
  return out;
}

/** The whole report in Traditional script (mirror sites): nothing to report. */
const traditionalScript: Perturbation = (doc) => ({ doc: mapText(doc, toTraditional), expect: [] });

/** Full-width brackets and commas printed half-width, or the other way round. */
const bracketWidth: Perturbation = (doc, pick) => {
  const swap: [RegExp, string][] =
    pick % 2 === 0
      ? [
          [/（/g, '('],
          [/）/g, ')'],
          [/、/g, '.'],
        ]
      : [
          [/\(/g, '（'],
          [/\)/g, '）'],
        ];
  return { doc: mapText(doc, (t) => swap.reduce((s, [re, to]) => s.replace(re, to), t)), expect: [] };
};

/** The prose between tables flattened into one line each (crawler text): parts are found mid-line. */
const flattenedProse: Perturbation = (doc) => {
  const out = clone(doc);
  const blocks: Block[] = [];
  let run: string[] = [];
  const flush = () => {
    if (run.length) blocks.push({ kind: 'paragraph', text: run.join(' '), level: null, page: null });
    run = [];
  };
  for (const b of out.blocks) {
    if (b.kind === 'table') {
      flush();
      blocks.push(b);
    } else run.push(b.text);
  }
  flush();
  out.blocks = blocks;
  return { doc: out, expect: [] };
};

const PERTURBATIONS: Record<string, Perturbation> = {
  subheadingsWithPartWording,
  renumberedHeading,
  droppedHeading,
  headingMergedIntoProse,
  rowLabelTypo,
  droppedRow,
  blankedCell,
  pageBreakInTable,
  traditionalScript,
  bracketWidth,
  flattenedProse,
};

const audit = (doc: DocumentIR, file: string) =>
  runRules(structureDocument(doc, { path: file, sha256: '0'.repeat(64) }), file).map((f) => ({
    rule: f.rule,
    location: f.location,
  }));

describe('perturbations real reports show', () => {
  const docs = new Map<string, DocumentIR>();
  const ran = new Map<string, number>();
  const failed = { throws: 0, unexpected: 0 };
  beforeAll(async () => {
    for (const file of CLEAN) docs.set(file, await extractDocument(new Uint8Array(readFileSync(join(CORPUS, file)))));
  });
  afterAll(() => {
    const total = [...ran.values()].reduce((a, b) => a + b, 0);
    console.info(
      `perturbations: ${total} generated cases over ${docs.size} clean reports (${[...ran].map(([k, n]) => `${k} ${n}`).join(', ')}), ${failed.throws} throws, ${failed.unexpected} cases with unexpected or missed findings`,
    );
  });

  it('the clean reports are clean before they are perturbed', () => {
    for (const [file, doc] of docs) expect(audit(doc, file)).toEqual([]);
  });

  for (const [name, perturb] of Object.entries(PERTURBATIONS)) {
    it(`${name}: exactly the findings it implies, nothing throws`, () => {
      fc.assert(
        fc.property(fc.constantFrom(...CLEAN), fc.nat(10_000), (file, pick) => {
          const perturbed = perturb(docs.get(file)!, pick);
          if (!perturbed) return;
          ran.set(name, (ran.get(name) ?? 0) + 1);
          let got: ReturnType<typeof audit>;
          try {
            got = audit(perturbed.doc, file);
          } catch (error) {
            failed.throws++;
            throw error;
          }
          const unexplained = got.filter(
            (g) =>
              !perturbed.expect.some((e) => e.rule === g.rule && (e.location === null || e.location === g.location)),
          );
          const missed = perturbed.expect.filter(
            (e) => !got.some((g) => e.rule === g.rule && (e.location === null || e.location === g.location)),
          );
          if (unexplained.length || missed.length) failed.unexpected++;
          expect({ unexplained, missed }).toEqual({ unexplained: [], missed: [] });
        }),
        { numRuns: 60, seed: 20261201 },
      );
    });
  }
});
