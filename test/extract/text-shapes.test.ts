import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractDocument } from '../../src/extract/index.js';
import { textToDocument } from '../../src/extract/text.js';
import type { DocumentIR, TableBlock } from '../../src/model/ir.js';

const fixture = (name: string) => readFileSync(join(import.meta.dirname, '../fixtures/text', name), 'utf8');
const tables = (doc: DocumentIR) => doc.blocks.filter((b): b is TableBlock => b.kind === 'table');
const rows = (table: TableBlock) =>
  Array.from({ length: table.rows }, (_, r) => table.cells.filter((c) => c.row === r).map((c) => c.text));
/** the row whose first filled cell is `label`, trailing padding cut */
function row(table: TableBlock, label: string): string[] {
  const found = rows(table).find((r) => r.find((c) => c) === label);
  if (!found) throw new Error(`no row ${label}`);
  let end = found.length;
  while (end > 0 && !found[end - 1]) end--;
  return found.slice(found.indexOf(label), end);
}
const paragraphs = (doc: DocumentIR) => doc.blocks.flatMap((b) => (b.kind === 'table' ? [] : [b.text]));

describe('one table cell per line (a DOCX saved as text)', () => {
  const doc = textToDocument(fixture('one-cell-per-line.txt'));
  const [active, applications] = tables(doc);

  it('finds 表二, 表三 and 表四 by their labels and leaves the prose around them', () => {
    expect(tables(doc)).toHaveLength(3);
    expect(paragraphs(doc)).toContain('二、主动公开政府信息情况');
    expect(paragraphs(doc)).toContain('三、收到和处理政府信息公开申请情况');
    expect(paragraphs(doc)).toContain('部分栏目更新不及时。');
  });

  it('rebuilds 表二 rows from a label line and the value lines after it, keeping 「/」', () => {
    expect(
      rows(active!)
        .slice(0, 4)
        .map((r) => r.filter(Boolean)),
    ).toEqual([
      ['第二十条第（一）项'],
      ['信息内容', '本年制发件数', '本年废止件数', '现行有效件数'],
      ['规章', '/', '/', '/'],
      ['行政规范性文件', '2', '0', '14'],
    ]);
    expect(row(active!, '行政许可')).toEqual(['行政许可', '35']);
  });

  it('keeps empty lines as blank cells and joins header text broken over lines', () => {
    expect(row(applications!, '一、本年新收政府信息公开申请数量')).toEqual([
      '一、本年新收政府信息公开申请数量',
      '4',
      '',
      '',
      '',
      '',
      '',
      '4',
    ]);
    expect(rows(applications!).map((r) => r.filter(Boolean))).toContainEqual([
      '商业企业',
      '科研机构',
      '社会公益组织',
      '法律服务机构',
      '其他',
    ]);
  });

  it('gives 表四 header rows (「其他」「结果」 joined) and its 15 values a row without a label', () => {
    const review = tables(doc)[2]!;
    expect(rows(review)[0]!.filter(Boolean)).toContain('其他结果');
    expect(rows(review).some((r) => r.includes('结果'))).toBe(false);
    expect(rows(review)[review.rows - 1]).toEqual('1 0 0 0 1 0 0 0 0 0 2 1 0 0 3'.split(' '));
  });

  it('puts a group label and the row label it stands beside in one row', () => {
    expect(row(applications!, '三、本年度办理结果')).toEqual([
      '三、本年度办理结果',
      '（一）予以公开',
      '3',
      '0',
      '0',
      '0',
      '0',
      '0',
      '3',
    ]);
  });
});

describe('double-spaced cell lines (a page copied as text)', () => {
  const doc = textToDocument(fixture('double-spaced.txt'));
  const [active, applications] = tables(doc);

  it('reads the empty line after a cell as a separator and each further one as a blank cell', () => {
    expect(row(applications!, '一、本年新收政府信息公开申请数量')).toEqual([
      '一、本年新收政府信息公开申请数量',
      '',
      '',
      '',
      '',
      '',
      '',
      '2',
    ]);
    expect(row(applications!, '二、上年结转政府信息公开申请数量')).toEqual([
      '二、上年结转政府信息公开申请数量',
      '1',
      '',
      '',
      '',
      '',
      '',
      '1',
    ]);
  });

  it('joins 「本年新」「公开数量」 into the column label they were split from', () => {
    expect(rows(active!)[1]).toEqual(['信息内容', '本年新制作数量', '本年新公开数量', '对外公开总数量']);
    expect(row(active!, '规范性文件')).toEqual(['规范性文件', '1', '1', '6']);
  });
});

describe('pipe shapes', () => {
  it('reads cell-terminated pipes one cell per line: a bare pipe is one blank cell', () => {
    const [active, applications] = tables(textToDocument(fixture('pipe-cells.txt')));
    expect(row(active!, '规章')).toEqual(['规章', '/', '/', '/']);
    expect(row(active!, '行政规范性文件')).toEqual(['行政规范性文件', '1', '0', '9']);
    expect(row(applications!, '一、本年新收政府信息公开申请数量')).toEqual([
      '一、本年新收政府信息公开申请数量',
      '',
      '',
      '',
      '',
      '',
      '',
      '0',
    ]);
    expect(row(applications!, '二、上年结转政府信息公开申请数量').slice(1)).toEqual([
      '2',
      '0',
      '0',
      '0',
      '0',
      '0',
      '2',
    ]);
  });

  it('reads cell-terminated pipe rows: blanks between pipes, a leading pipe as the empty group cell', () => {
    const [active, applications] = tables(textToDocument(fixture('pipe-rows.txt')));
    expect(row(active!, '行政许可')).toEqual(['行政许可', '12']);
    expect(row(applications!, '二、上年结转政府信息公开申请数量')).toEqual([
      '二、上年结转政府信息公开申请数量',
      '',
      '',
      '',
      '',
      '',
      '',
      '0',
    ]);
    expect(rows(applications!)[6]).toEqual(['', '(三)不予公开', '1.属于国家秘密', '', '', '', '', '', '', '0']);
  });

  it('joins a header row that only continues the cells above it (「企业 | 机构 |」)', () => {
    const [, applications] = tables(textToDocument(fixture('pipe-rows.txt')));
    expect(rows(applications!)[2]).toEqual(['商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他']);
    expect(rows(applications!).some((r) => r.includes('企业'))).toBe(false);
  });

  it('keeps Markdown pipe tables with padding pipes as before', () => {
    const doc = textToDocument('| 规章 | 0 | 0 | 0 | |||\n| 行政规范性文件 | 1 | 0 | 3 | |||\n');
    expect(rows(tables(doc)[0]!)[1]!.slice(0, 4)).toEqual(['行政规范性文件', '1', '0', '3']);
  });
});

describe("a crawler's text of a report page", () => {
  const doc = textToDocument(fixture('crawler-page.txt'));
  const [active, applications, review] = tables(doc);

  it('keeps 标题 and 发布时间 from the header and drops the rest with the site chrome', () => {
    expect(doc.title).toBe('某综合实验区2022年度政府信息公开工作年度报告');
    expect(doc.published).toBe('2023-01-18');
    const text = paragraphs(doc).join('\n');
    for (const chrome of ['原文链接', '本地目录', '当前位置', '微信微博', '全真版', '附件下载', '===='])
      expect(text).not.toContain(chrome);
    expect(paragraphs(doc)[0]).toMatch(/^本报告根据/);
  });

  it('cuts the three tables out of the line and leaves the prose, numbers in it included, as paragraphs', () => {
    expect(tables(doc)).toHaveLength(3);
    const text = paragraphs(doc).join('\n');
    expect(text).toContain('主动公开政府信息1200条');
    expect(text).toContain('行政复议3起');
    expect(text).toContain('五、存在的主要问题及改进情况政策解读形式不够丰富。');
    expect(text).not.toContain('行政规范性文件1232');
  });

  it('gives each label one cell holding its digit run as printed, unsplit', () => {
    expect(row(active!, '规章')).toEqual(['规章', '000']);
    expect(row(active!, '行政规范性文件')).toEqual(['行政规范性文件', '1232']);
    expect(row(active!, '行政事业性收费')).toEqual(['行政事业性收费', '12.5']);
    expect(row(applications!, '一、本年新收政府信息公开申请数量')).toEqual([
      '一、本年新收政府信息公开申请数量',
      '1020000012',
    ]);
    expect(row(applications!, '（七）总计')).toEqual(['（七）总计', '9010010']);
  });

  it('gives a label its own numbering back from the digits before it (「00000002.其他法律…」)', () => {
    expect(row(applications!, '2.其他法律行政法规禁止公开')).toEqual(['2.其他法律行政法规禁止公开', '0000000']);
    expect(row(applications!, '（三）不予公开')).toEqual(['（三）不予公开', '1.属于国家秘密', '0000000']);
  });

  it('keeps a repeated group label (a split group cell) inside the row it heads', () => {
    expect(rows(applications!).filter((r) => r[0] === '三、本年度办理结果')).toEqual([
      ['三、本年度办理结果', '（一）予以公开', '6000006'],
      ['三、本年度办理结果', '（四）无法提供', '1.本机关不掌握相关政府信息', '3010004'],
    ]);
    expect(paragraphs(doc)).not.toContain('三、本年度办理结果');
  });

  it('makes column labels header rows, spaces inside labels removed, and 表四 digits a row of their own', () => {
    expect(rows(applications!)[0]).toContain('社会公益组织');
    expect(rows(review!)[0]!.slice(0, 3)).toEqual(['行政复议', '行政诉讼', '结果维持']);
    expect(rows(review!)[review!.rows - 1]).toEqual(['210030000000000']);
  });

  it('is a report, not structure/not-a-report, through the whole extractor', async () => {
    const extracted = await extractDocument(new TextEncoder().encode(fixture('crawler-page.txt')));
    expect(tables(extracted)).toHaveLength(3);
  });
});

describe('numbers in prose are not tables', () => {
  it('leaves 「行政复议36起，行政诉讼9起」 and dated sentences alone', () => {
    const line = `${'全年工作平稳推进，'.repeat(6)}全年办理因政府信息公开申请引发的行政复议36起，行政诉讼9起。2025年1月1日起施行。`;
    expect(tables(textToDocument(line))).toHaveLength(0);
  });

  it('does not take a few short lines with one template word for a table', () => {
    const doc = textToDocument('一、总体情况\n（一）主动公开\n行政许可\n12\n全年公开信息30条。\n');
    expect(tables(doc)).toHaveLength(0);
  });
});
