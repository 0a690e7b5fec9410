import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractDocument } from '../../src/extract/index.js';
import type { DocumentIR, TableBlock } from '../../src/model/ir.js';

/**
 * The text shapes of real pages in ../shared/realworld (read when present). The
 * expected cells were read from the documents by hand (the pingtan digit runs
 * as printed, before any split; the excerpts' cells as their lines show them).
 */
const ROOT = join(import.meta.dirname, '../../../shared/realworld');
const present = existsSync(ROOT);
if (!present) console.warn(`test/realworld/text-shapes: ${ROOT} not found — real-document tests SKIPPED`);

async function load(file: string): Promise<DocumentIR> {
  return extractDocument(new Uint8Array(readFileSync(join(ROOT, file))));
}
const tablesOf = (doc: DocumentIR) => doc.blocks.filter((b): b is TableBlock => b.kind === 'table');
const rowsOf = (t: TableBlock) =>
  Array.from({ length: t.rows }, (_, r) => t.cells.filter((c) => c.row === r).map((c) => c.text));

/** The values after the row's label cell (the label as printed, matched from its start); padding past `n` must be blank. */
function valuesOf(t: TableBlock, label: string, n: number): string[] {
  const row = rowsOf(t).find((r) => r.some((c) => c.startsWith(label)));
  if (!row) throw new Error(`no row 「${label}」`);
  const after = row.slice(row.findIndex((c) => c.startsWith(label)) + 1);
  expect(
    after.slice(n).every((c) => c === ''),
    `padding after 「${label}」`,
  ).toBe(true);
  return after.slice(0, n);
}
/** the digit run of a crawler row: the last cell of the row whose label cells include `label` */
function runOf(t: TableBlock, label: string): string {
  const row = rowsOf(t).find((r) => r.slice(0, -1).includes(label));
  if (!row) throw new Error(`no row 「${label}」`);
  return row[row.length - 1]!;
}
const dataRows = (t: TableBlock) =>
  rowsOf(t).filter((r) => /^[\d\s./元-]+$/.test(r[r.length - 1] ?? '') && r.length > 1);

interface CrawlerCase {
  year: string;
  title: string;
  published: string;
  active: Record<string, string>;
  applicationRows: number;
  applications: Record<string, string>;
  review: string;
  resultsGroups: number;
}

const BLANK6 = ['', '', '', '', '', ''];
const PINGTAN: CrawlerCase[] = [
  {
    year: '2019',
    title: '平潭综合实验区2019年度政府信息公开工作年度报告',
    published: '2020-01-20',
    active: {
      规章: '000',
      规范性文件: '898989',
      行政许可: '3960181',
      其他对外管理服务事项: '100153',
      行政处罚: '26480430',
      行政强制: '126025',
      行政事业性收费: '350',
      政府集中采购: '13575394432.52元',
    },
    applicationRows: 23,
    applications: {
      '一、本年新收政府信息公开申请数量': '230 000023',
      '（一）予以公开': '7000007',
      '1.本机关不掌握相关政府信息': '7000007',
      '3.补正后申请内容仍不明确': '5000005',
      '2.重复申请': '3000003',
      '（六）其他处理': '0 0 0 0 0 00',
      '（七）总计': '23 0 00 0 023',
      '四、结转下年度继续办理': '0 0 00 00 0',
    },
    review: '000000000000000',
    resultsGroups: 2,
  },
  {
    year: '2020',
    title: '平潭综合实验区2020年度政府信息公开工作年度报告',
    published: '2021-03-05',
    active: {
      规章: '007',
      规范性文件: '7777166',
      行政许可: '396442278',
      其他对外管理服务事项: '107105',
      行政处罚: '2648-18538',
      行政强制: '1262629',
      行政事业性收费: '35-15',
      政府集中采购: '39573802895.90元',
    },
    applicationRows: 23,
    applications: {
      '一、本年新收政府信息公开申请数量': '200 000121',
      '（一）予以公开': '6000017',
      '（二）部分公开（区分处理的，只计这一情形，不计其他情形）': '6000006',
      '1.本机关不掌握相关政府信息': '4000004',
      '（六）其他处理': '4 0 0 0 0 0 4',
      '（七）总计': '20 0 00 0 121',
    },
    review: '000000000000000',
    resultsGroups: 2,
  },
  {
    year: '2021',
    title: '平潭综合实验区2021年度政府信息公开工作年度报告',
    published: '2022-02-08',
    active: {
      规章: '000',
      行政规范性文件: '693665',
      行政许可: '2293',
      行政处罚: '1282',
      行政强制: '42',
      行政事业性收费: '24252.311082',
    },
    applicationRows: 25,
    applications: {
      '一、本年新收政府信息公开申请数量': '640020470',
      '（一）予以公开': '270020130',
      '（二）部分公开（区分处理的，只计这一情形，不计其他情形）': '500000 5',
      '7.属于行政执法案卷': '6000006',
      '1.本机关不掌握相关政府信息': '220000325',
      '3.其他': '1000001',
      '（七）总计': '630020469',
      '四、结转下年度继续办理': '1000001',
    },
    review: '10203120001200000',
    resultsGroups: 1,
  },
  {
    year: '2025',
    title: '平潭综合实验区2025年度政府信息公开工作年度报告',
    published: '2026-03-10',
    active: {
      规章: '000',
      行政规范性文件: '5845546',
      行政许可: '2418',
      行政处罚: '644',
      行政强制: '64',
      行政事业性收费: '4166.241619',
    },
    applicationRows: 25,
    applications: {
      '一、本年新收政府信息公开申请数量': '15130000154',
      '（一）予以公开': '330000033',
      '1.本机关不掌握相关政府信息': '491000050',
      '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请': '8000008',
      '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请': '2000002',
      '（七）总计': '14710000148',
      '四、结转下年度继续办理': '4200006',
    },
    review: '25380363300630003',
    resultsGroups: 1,
  },
];

describe.skipIf(!present)('crawler text of the pingtan report pages', () => {
  for (const c of PINGTAN) {
    describe(`pingtan-gov-${c.year}.page.txt`, () => {
      const doc = () => load(`pingtan-gov-${c.year}.page.txt`);

      it('takes title and publication date from the crawler header and drops the header and chrome', async () => {
        const d = await doc();
        expect([d.title, d.published]).toEqual([c.title, c.published]);
        const text = d.blocks.map((b) => (b.kind === 'table' ? '' : b.text)).join('\n');
        for (const gone of ['原文链接', '本地目录', '==== 正文', '当前位置', '微信微博', '全真版', '附件下载'])
          expect(text).not.toContain(gone);
        expect(text).toContain('六、其他需要报告的事项');
      });

      it('cuts out 表二, 表三 and 表四, one row per label with the digit run as printed', async () => {
        const tables = tablesOf(await doc());
        expect(tables).toHaveLength(3);
        const [active, applications, review] = tables as [TableBlock, TableBlock, TableBlock];
        expect(dataRows(active).map((r) => r[0])).toEqual(Object.keys(c.active));
        for (const [label, run] of Object.entries(c.active)) expect(runOf(active, label), label).toBe(run);
        expect(dataRows(applications)).toHaveLength(c.applicationRows);
        for (const [label, run] of Object.entries(c.applications)) expect(runOf(applications, label), label).toBe(run);
        expect(rowsOf(review).filter((r) => r.length === 1 && /^\d+$/.test(r[0]!))).toEqual([[c.review]]);
        expect(rowsOf(review)[0]).toEqual(expect.arrayContaining(['行政复议', '行政诉讼', '结果维持', '尚未审结']));
      });

      it('keeps 「三、本年度办理结果」 as a group cell of its rows, never as prose', async () => {
        const d = await doc();
        const [, applications] = tablesOf(d) as [TableBlock, TableBlock];
        const heads = rowsOf(applications).filter((r) => r[0]?.replace(/\s/g, '') === '三、本年度办理结果');
        expect(heads).toHaveLength(c.resultsGroups);
        expect(heads.every((r) => r.length >= 3)).toBe(true);
        const prose = d.blocks.filter((b) => b.kind !== 'table' && b.text.includes('本年度办理结果'));
        expect(prose).toHaveLength(0);
      });
    });
  }
});

interface ExcerptCase {
  file: string;
  tables: number;
  /** [table index, label as printed, values] */
  rows: [number, string, string[]][];
}

const EXCERPTS: ExcerptCase[] = [
  {
    file: 'qu-tjj-61-150-65-235-2023',
    tables: 2,
    rows: [
      [0, '规章', ['/', '/', '/']],
      [0, '行政规范性文件', ['0', '0', '0']],
      [0, '行政许可', ['0']],
      [0, '行政强制', ['0']],
      [0, '行政事业性收费', ['0']],
      [1, '一、本年新收', [...BLANK6, '0']],
      [1, '二、上年结转', [...BLANK6, '0']],
      [1, '(一)予以公开', [...BLANK6, '']],
    ],
  },
  {
    file: 'yuyang-tuofenglujd-2020',
    tables: 2,
    rows: [
      [0, '规章', ['0', '0', '0']],
      [0, '其他对外管理服务事项', ['0', '0', '0']],
      [0, '行政强制', ['0', '0', '0']],
      [0, '行政事业性收费', ['0', '0']],
      [0, '政府集中采购', ['0', '0']],
      [1, '一、本年新收', [...BLANK6, '0']],
      [1, '二、上年结转', [...BLANK6, '0']],
    ],
  },
  {
    file: 'zhanjiang-dfzb-2023',
    tables: 2,
    rows: [
      [0, '行政规范性文件', ['0', '0', '0']],
      [0, '行政事业性收费', ['0']],
      [1, '一、本年新收', ['0', '0', '0', '0', '0', '0', '0']],
      [1, '(一)予以公开', ['0', '0', '0', '0', '0', '0', '0']],
    ],
  },
  {
    file: 'xuwen-sfj-2023',
    tables: 2,
    rows: [
      [0, '行政规范性文件', ['3', '0', '101']],
      [0, '行政处罚', ['0']],
      [1, '一、本年新收', ['0', '', '', '', '', '', '0']],
      [1, '二、上年结转', [...BLANK6, '0']],
      [1, '(二)部分公开', [...BLANK6, '0']],
      [1, '1.属于国家秘密', [...BLANK6, '0']],
      [1, '5.属于三类内部事务信息', [...BLANK6, '0']],
    ],
  },
  {
    file: 'qdncg-longtianzhen-2021',
    tables: 1,
    rows: [
      [0, '规章', ['0', '0', '0']],
      [0, '规范性文件', ['0', '0', '0']],
      [0, '行政许可', ['0', '0', '0']],
    ],
  },
  {
    file: 'changchun-tyjr-2023',
    tables: 2,
    rows: [
      [0, '行政规范性文件', ['0', '0', '0']],
      [0, '行政事业性收费', ['0']],
      [1, '一、本年新收', ['3', '0', '0', '0', '0', '0', '3']],
      [1, '二、上年结转', ['0', '0', '0', '0', '0', '0', '0']],
    ],
  },
];

describe.skipIf(!present)('real excerpts in text shapes (one cell per line, pipe rows)', () => {
  for (const c of EXCERPTS) {
    it(`${c.file}: tables and their cells as the lines show them`, async () => {
      const tables = tablesOf(await load(`excerpts/${c.file}.excerpt.txt`));
      expect(tables).toHaveLength(c.tables);
      for (const [t, label, values] of c.rows)
        expect(valuesOf(tables[t]!, label, values.length), label).toEqual(values);
    });
  }

  it('joins header text broken over lines: 「本年新」「公开数量」 (qdncg), 「商业 |」「企业 |」 (xuwen)', async () => {
    const qdncg = tablesOf(await load('excerpts/qdncg-longtianzhen-2021.excerpt.txt'))[0]!;
    expect(rowsOf(qdncg)[1]).toEqual(['信息内容', '本年新制作数量', '本年新公开数量', '对外公开总数量']);
    const xuwen = tablesOf(await load('excerpts/xuwen-sfj-2023.excerpt.txt'))[1]!;
    expect(rowsOf(xuwen)[2]!.filter(Boolean)).toEqual(['商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他']);
  });
});
