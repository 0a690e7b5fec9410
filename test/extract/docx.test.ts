import { readFileSync } from 'node:fs';
import { strToU8 } from 'fflate';
import mammoth from 'mammoth';
import { describe, expect, it } from 'vitest';
import { formatNumber } from '../../src/extract/docx-numbering.js';
import { docxToDocument } from '../../src/extract/docx.js';
import { DEFAULT_EXTRACT_OPTIONS } from '../../src/extract/options.js';
import { DocumentIR, type IRCell, type TableBlock } from '../../src/model/ir.js';
import {
  coreXml,
  docx,
  documentXml,
  NOTE,
  numberingXml,
  OUTCOME_ROWS,
  para,
  reportDocument,
  reportDocx,
  STYLES_XML,
  table,
  table3Values,
} from '../fixtures/docx/build.js';

const FIXTURE = new URL('../fixtures/docx/table3-vmerge.docx', import.meta.url);

const read = (bytes: Uint8Array) => docxToDocument(bytes, DEFAULT_EXTRACT_OPTIONS);
const tables = (doc: DocumentIR) => doc.blocks.filter((b): b is TableBlock => b.kind === 'table');
const at = (t: TableBlock, row: number, col: number) => t.cells.find((c) => c.row === row && c.col === col);
const shape = (c: IRCell | undefined) => c && [c.row, c.col, c.rowSpan, c.colSpan, c.text];

/** Every label cell of 表三 (2021) as Word shows it: [row, col, rowSpan, colSpan, text]. */
function expectedLabelCells(): (string | number)[][] {
  const items = OUTCOME_ROWS.map(([, item]) => item);
  const cells: (string | number)[][] = [
    [0, 0, 3, 3, NOTE],
    [0, 3, 1, 7, '申请人情况'],
    [1, 3, 2, 1, '自然人'],
    [1, 4, 1, 5, '法人或其他组织'],
    [1, 9, 2, 1, '总计'],
    [2, 4, 1, 1, '商业企业'],
    [2, 5, 1, 1, '科研机构'],
    [2, 6, 1, 1, '社会公益组织'],
    [2, 7, 1, 1, '法律服务机构'],
    [2, 8, 1, 1, '其他'],
    [3, 0, 1, 3, '一、本年新收政府信息公开申请数量'],
    [4, 0, 1, 3, '二、上年结转政府信息公开申请数量'],
    [5, 0, 22, 1, '三、本年度办理结果'],
    [5, 1, 1, 2, items[0]!],
    [6, 1, 1, 2, items[1]!],
    [7, 1, 8, 1, '（三）不予公开'],
    [15, 1, 3, 1, '（四）无法提供'],
    [18, 1, 5, 1, '（五）不予处理'],
    [23, 1, 3, 1, '（六）其他处理'],
    [26, 1, 1, 2, '（七）总计'],
    [27, 0, 1, 3, '四、结转下年度继续办理'],
  ];
  for (let row = 7; row <= 25; row++) cells.push([row, 2, 1, 1, items[row - 5]!]);
  return cells;
}

function expectTable3(t: TableBlock): void {
  expect([t.rows, t.cols, t.layout]).toEqual([28, 10, 'grid']);
  const labels = t.cells.filter((c) => c.row < 3 || c.col < 3).map(shape);
  expect(labels).toHaveLength(expectedLabelCells().length);
  expect(labels).toEqual(expect.arrayContaining(expectedLabelCells()));
  const values = table3Values();
  const data = t.cells.filter((c) => c.row >= 3 && c.col >= 3);
  expect(data).toHaveLength(25 * 7);
  for (const c of data) expect(shape(c)).toEqual([c.row, c.col, 1, 1, values[c.row - 3]![c.col - 3]!.text]);
}

describe('docxToDocument: 表三 with Word-style vertical merges', () => {
  it('keeps every rowSpan and colSpan of the committed fixture (a _Hlk bookmark between rows)', async () => {
    const doc = await read(readFileSync(FIXTURE));
    expect(DocumentIR.parse(doc)).toBeTruthy();
    expect(doc.format).toBe('docx');
    expect(tables(doc)).toHaveLength(1);
    expectTable3(tables(doc)[0]!);
  });

  it('gives the same grid with and without the bookmark', async () => {
    const plain = tables(await read(reportDocx()))[0]!;
    const marked = tables(await read(reportDocx({ bookmarkInTable: true })))[0]!;
    expectTable3(plain);
    expect(marked.cells).toEqual(plain.cells);
  });

  it('needs the normalisation: mammoth alone drops every merge when a bookmark sits between rows', async () => {
    const raw = await mammoth.convertToHtml({ buffer: Buffer.from(reportDocx({ bookmarkInTable: true })) });
    expect(raw.value).not.toContain('rowspan');
    const clean = await mammoth.convertToHtml({ buffer: Buffer.from(reportDocx()) });
    expect(clean.value).toContain('rowspan="22"');
  });

  it('reads the main part _rels/.rels names, not a fixed word/document.xml', async () => {
    const rels = `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="/word/document2.xml"/></Relationships>`;
    const bytes = docx({
      document: documentXml(para('旧版本')),
      extra: {
        '_rels/.rels': strToU8(rels),
        'word/document2.xml': strToU8(reportDocument({ bookmarkInTable: true })),
        'word/_rels/document2.xml.rels': strToU8(
          '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>',
        ),
      },
    });
    const doc = await read(bytes);
    expect(JSON.stringify(doc.blocks)).not.toContain('旧版本');
    expectTable3(tables(doc)[0]!);
  });

  it('keeps numbers as typed: full-width digits, and digits typed as separate runs', async () => {
    const t = tables(await read(reportDocx()))[0]!;
    expect([3, 4, 5, 6, 7, 8, 9].map((col) => at(t, 3, col)?.text)).toEqual([
      '１１８',
      '129',
      '114',
      '138',
      '123',
      '１３４',
      '756',
    ]);
    expect(at(t, 7, 9)?.text).toBe('２５');
  });
});

describe('docxToDocument: odd Word tables', () => {
  it('places rows that start off the grid (gridBefore) and folds legacy hMerge into colSpan', async () => {
    const rows = [
      [{ text: 'A', span: 2 }, { text: 'B' }, { text: 'C' }],
      [{ text: 'D' }, { text: 'E', span: 2 }],
      [
        { text: 'F', hMerge: 'restart' as const },
        { text: '', hMerge: 'continue' as const },
        { text: 'H' },
        { text: 'I' },
      ],
    ];
    const t = tables(await read(docx({ document: documentXml(table(rows, 4, { gridBefore: [0, 1, 0] })) })))[0]!;
    expect(t.cells.map(shape)).toEqual([
      [0, 0, 1, 2, 'A'],
      [0, 2, 1, 1, 'B'],
      [0, 3, 1, 1, 'C'],
      [1, 0, 1, 1, ''],
      [1, 1, 1, 1, 'D'],
      [1, 2, 1, 2, 'E'],
      [2, 0, 1, 2, 'F'],
      [2, 2, 1, 1, 'H'],
      [2, 3, 1, 1, 'I'],
    ]);
  });

  it('keeps vMerges when rows sit in a content control and a bookmark sits between cells', async () => {
    const rows = [
      [{ text: '三、本年度办理结果', vMerge: 'restart' as const }, { text: '（一）予以公开' }, { text: '3' }],
      [{ text: '', vMerge: 'continue' as const }, { text: '（二）部分公开' }, { text: '4' }],
      [{ text: '', vMerge: 'continue' as const }, { text: '（七）总计' }, { text: '7' }],
    ];
    const xml = table(rows, 3)
      .replace(
        /(<w:tr>(?:(?!<w:tr>).)*?<\/w:tr>)(?=<w:tr>(?:(?!<w:tr>).)*?（七）)/,
        '<w:sdt><w:sdtPr/><w:sdtContent>$1</w:sdtContent></w:sdt>',
      )
      .replace(
        '<w:tc><w:tcPr><w:tcW w:w="900" w:type="dxa"/></w:tcPr><w:p><w:r><w:t xml:space="preserve">7',
        '<w:bookmarkStart w:id="1" w:name="_Hlk1"/><w:tc><w:tcPr><w:tcW w:w="900" w:type="dxa"/></w:tcPr><w:p><w:r><w:t xml:space="preserve">7',
      );
    expect(xml).toContain('<w:sdtContent><w:tr>');
    expect(xml).toContain('_Hlk1');
    const t = tables(await read(docx({ document: documentXml(xml) })))[0]!;
    expect(t.cells.map(shape)).toEqual([
      [0, 0, 3, 1, '三、本年度办理结果'],
      [0, 1, 1, 1, '（一）予以公开'],
      [0, 2, 1, 1, '3'],
      [1, 1, 1, 1, '（二）部分公开'],
      [1, 2, 1, 1, '4'],
      [2, 1, 1, 1, '（七）总计'],
      [2, 2, 1, 1, '7'],
    ]);
  });
});

describe('docxToDocument: headings', () => {
  it('reads headings from style names (heading 1, 标题 2, Title), style outline levels, paragraph outline levels, and text', async () => {
    const doc = await read(reportDocx());
    const text = doc.blocks.flatMap((b) => (b.kind === 'table' ? [] : [[b.kind, b.level, b.text]]));
    expect(text).toEqual([
      ['heading', 1, '某市人民政府办公室2021年政府信息公开工作年度报告'],
      ['paragraph', null, '本报告依据《中华人民共和国政府信息公开条例》编制。'],
      ['heading', 1, '一、总体情况'],
      ['heading', 2, '（一）主动公开'],
      ['paragraph', null, '全年主动公开政府信息１２３条。'],
      ['heading', 1, '二、主动公开政府信息情况'],
      ['heading', 1, '三、收到和处理政府信息公开申请情况'],
      ['heading', 2, '（一）依申请公开情况'],
      ['heading', null, '四、政府信息公开行政复议、行政诉讼情况'],
      ['heading', null, '五、存在的主要问题及改进情况'],
      ['paragraph', null, '本年度工作存在不足，下一步将加强培训。'],
    ]);
  });

  it('does not take a numbered sentence for a heading, and honours outline level 9 (body text)', async () => {
    const body = [
      para('一、本年度共收到申请12件，均已按期答复。'),
      para('二、政府信息公开行政复议情况', { style: 'Part', outline: 9 }),
    ].join('');
    const doc = await read(docx({ document: documentXml(body) }));
    expect(doc.blocks.map((b) => (b.kind === 'table' ? null : [b.kind, b.level]))).toEqual([
      ['paragraph', null],
      ['heading', null],
    ]);
  });
});

describe('docxToDocument: automatic numbering', () => {
  const numbering = numberingXml(
    [
      [
        ['chineseCounting', '%1、'],
        ['chineseCounting', '（%2）'],
      ],
      [['decimal', '%1.']],
      [['bullet', '']],
    ],
    [{ abstractId: 0 }, { abstractId: 1 }, { abstractId: 1, restart: true }, { abstractId: 2 }],
  );
  const styles = STYLES_XML.replace(
    '</w:styles>',
    '<w:style w:type="paragraph" w:styleId="NumPart"><w:name w:val="编号部分"/><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style></w:styles>',
  );

  it('writes the number Word draws into the text: 一、 （一） continue, sub-levels restart, styles carry lists, cells too', async () => {
    const tc = (p: string) => `<w:tc>${p}</w:tc>`;
    const tableXml = `<w:tbl><w:tr>${tc(para('属于国家秘密', { num: [2, 0] }))}${tc(para('1'))}</w:tr><w:tr>${tc(para('本机关不掌握相关政府信息', { num: [3, 0] }))}${tc(para('3'))}</w:tr></w:tbl>`;
    const body = [
      para('总体情况', { num: [1, 0], style: '1' }),
      para('主动公开', { num: [1, 1] }),
      para('依申请公开', { num: [1, 1] }),
      para('主动公开政府信息情况', { num: [1, 0] }),
      para('收到和处理政府信息公开申请情况', { style: 'NumPart' }),
      para('不予公开', { num: [1, 1] }),
      tableXml,
      para('要点一', { num: [4, 0] }),
    ].join('');
    const doc = await read(docx({ document: documentXml(body), numbering, styles }));
    const texts = doc.blocks.flatMap((b) => (b.kind === 'table' ? b.cells.map((c) => c.text) : [b.text]));
    expect(texts).toEqual([
      '一、总体情况',
      '（一）主动公开',
      '（二）依申请公开',
      '二、主动公开政府信息情况',
      '三、收到和处理政府信息公开申请情况',
      '（一）不予公开',
      '1.属于国家秘密',
      '1',
      '1.本机关不掌握相关政府信息',
      '3',
      '要点一',
    ]);
    expect(doc.blocks[0]).toMatchObject({ kind: 'heading', level: 1 });
  });
});

describe('formatNumber', () => {
  it('spells counters in Word’s number formats', () => {
    const cases: [number, string, string][] = [
      [1, 'chineseCounting', '一'],
      [10, 'chineseCounting', '十'],
      [11, 'chineseCountingThousand', '十一'],
      [20, 'chineseCounting', '二十'],
      [23, 'chineseCounting', '二十三'],
      [12, 'chineseLegalSimplified', '拾贰'],
      [105, 'ideographDigital', '一〇五'],
      [3, 'decimalEnclosedCircleChinese', '③'],
      [2, 'decimalEnclosedParen', '⑵'],
      [12, 'decimalFullWidth', '１２'],
      [2, 'ideographTraditional', '乙'],
      [14, 'upperRoman', 'XIV'],
      [28, 'lowerLetter', 'bb'],
      [7, 'none', ''],
      [7, 'somethingNew', '7'],
    ];
    expect(cases.map(([n, f]) => formatNumber(n, f))).toEqual(cases.map(([, , out]) => out));
  });
});

describe('docxToDocument: metadata', () => {
  it('takes the title from dc:title and the creation date (Beijing time) as created, never as published', async () => {
    const doc = await read(reportDocx());
    expect(doc.title).toBe('某市人民政府办公室2021年政府信息公开工作年度报告');
    expect([doc.created, doc.published]).toEqual(['2019-03-01', null]);
    expect(doc.pages).toBeNull();
    const late = await read(
      docx({
        document: reportDocument(),
        core: coreXml('报告 & 附表', '2023-01-10T17:00:00Z', '2024-05-01T00:00:00Z'),
      }),
    );
    expect([late.title, late.created, late.published]).toEqual(['报告 & 附表', '2023-01-11', null]);
  });

  it('gives null for a missing core.xml and for Word’s zero date', async () => {
    const body = reportDocument();
    const bare = await read(docx({ document: body }));
    expect([bare.title, bare.created]).toEqual([null, null]);
    expect((await read(docx({ document: body, core: coreXml('', '1601-01-01T00:00:00Z') }))).created).toBeNull();
  });
});
