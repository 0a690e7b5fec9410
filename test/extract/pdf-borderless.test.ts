import { describe, expect, it } from 'vitest';
import { wordsToLines } from '../../src/extract/pdf/lines.js';
import { findTextTables } from '../../src/extract/pdf/stream.js';
import type { Word } from '../../src/extract/pdf/words.js';
import type { DocumentIR, TableBlock } from '../../src/model/ir.js';
import { APPLICATION_COLUMNS, APPLICATION_ROWS } from '../../src/model/templates.js';
import { readReport } from '../../src/pipeline.js';
import { structureDocument } from '../../src/structure/index.js';
import { applicationValue } from '../../scripts/pdf-fixtures/report-html.js';
import { extract, fixture, rowsOf, tables } from './pdf-helpers.js';

const VALUE_ROWS = APPLICATION_ROWS['2021'];

describe('表三 drawn without ruling lines (chromium-borderless.pdf)', () => {
  it('gives every row its 7 values, in the right columns, and nothing uncertain', async () => {
    const report = await readReport(fixture('chromium-borderless.pdf'), 'chromium-borderless.pdf');
    const got = VALUE_ROWS.map((def) =>
      APPLICATION_COLUMNS.map((col) => report.tables.applications?.[def.key]?.[col.key]?.value ?? null),
    );
    const want = VALUE_ROWS.map((_, r) => APPLICATION_COLUMNS.map((_, c) => applicationValue(r, c)));
    expect(got).toEqual(want);
    expect(report.uncertain).toEqual([]);
  });

  it('keeps wrapped labels and group labels set beside their rows with those rows', async () => {
    const text = tables(await extract('chromium-borderless.pdf')).filter((t) => t.layout === 'text');
    const labels = text.flatMap((t) => rowsOf(t).map((row) => row.filter((c) => !/^\d+$/.test(c)).join('|')));
    expect(labels).toContain('（四）无法提供2.没有现成信息需要另行制作');
    expect(labels).toContain('1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请');
    expect(labels).toContain('（六）其他处理|2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请');
    const values = text
      .flatMap((t) => rowsOf(t).map((row) => row.filter((c) => /^\d+$/.test(c)).length))
      .filter((n) => n > 0);
    expect(values).toEqual(VALUE_ROWS.map(() => 7));
  });

  it('leaves no table text behind as paragraphs', async () => {
    const prose = (await extract('chromium-borderless.pdf')).blocks.flatMap((b) =>
      b.kind === 'table' ? [] : [b.text],
    );
    expect(prose.filter((t) => /\d+\s\d+/.test(t) || /^(（[四五六]）|提供|处理)/.test(t))).toEqual([]);
  });
});

/** A word of `text` at x (9 pt, CJK-wide or digit-narrow), on the line whose baseline is y. */
function word(text: string, x: number, y: number, size = 9): Word {
  const width = [...text].reduce((w, ch) => w + (/[\d.]/.test(ch) ? 0.55 : 1), 0) * size;
  return { text, x0: x, x1: x + width, top: y - 0.88 * size, bottom: y + 0.12 * size, baseline: y, size, bold: false };
}

const COLUMN_X = [383, 413, 444, 481, 524, 554, 570];

function valueRow(label: string, y: number, values: (number | null)[]): Word[] {
  return [word(label, 200, y), ...values.flatMap((v, i) => (v === null ? [] : [word(String(v), COLUMN_X[i]!, y)]))];
}

function report(table: TableBlock) {
  const doc: DocumentIR = {
    format: 'pdf',
    pages: 1,
    title: '某某局2023年政府信息公开工作年度报告',
    published: null,
    created: null,
    diagnostics: [],
    blocks: [{ kind: 'heading', text: '三、收到和处理政府信息公开申请情况', level: 2, page: 1 }, table],
  };
  return structureDocument(doc, { path: 't.pdf', sha256: 'x' });
}

describe('a borderless row the layout cannot place', () => {
  const words = [
    ...valueRow('一、本年新收政府信息公开申请数量', 100, [20, 3, 6, 9, 1, 4, 43]),
    ...valueRow('二、上年结转政府信息公开申请数量', 116, [27, null, 2, 5, 8, 0, 42]),
    ...valueRow('（一）予以公开', 132, [23, 6, 9, 1, 4, 7, 50]),
  ];

  it('comes out with the values it has, not shifted into the blank column', () => {
    const [found] = findTextTables(wordsToLines(words), 1);
    const rows = rowsOf(found!.table.block);
    expect(rows[1]).toEqual(['二、上年结转政府信息公开申请数量', '27', '2', '5', '8', '0', '42']);
    expect(found!.table.block.cells.filter((c) => c.row === 1).map((c) => c.col)).toEqual([0, 1, 3, 4, 5, 6, 7]);
  });

  it('is marked uncertain by the structurer, while its neighbours are read', () => {
    const [found] = findTextTables(wordsToLines(words), 1);
    const structured = report(found!.table.block);
    expect(structured.uncertain.map((u) => u.row)).toEqual(['carried_over']);
    expect(structured.tables.applications?.carried_over).toBeUndefined();
    expect(structured.tables.applications?.new_received?.total?.value).toBe(43);
    expect(structured.tables.applications?.granted?.natural_person?.value).toBe(23);
  });

  it('splits numbers in narrow columns (closer than a column gap) at the space between them', () => {
    const close = [
      ...valueRow('一、本年新收政府信息公开申请数量', 100, [20, 3, 6, 9, 1, 4, 43]),
      ...valueRow('（一）予以公开', 116, [23, 6, 9, 1, 4, 7, 50]),
    ];
    const [found] = findTextTables(wordsToLines(close), 1);
    expect(rowsOf(found!.table.block)[0]!.slice(-2)).toEqual(['4', '43']);
  });
});
