import { describe, expect, it } from 'vitest';
import { applicationValue, OUTCOME_ROWS } from '../../scripts/pdf-fixtures/report-html.js';
import { cellAt, extract, rowsOf, tableWith } from './pdf-helpers.js';

const NOTE = '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）';
const HEADER = [
  [`${NOTE}@3x3`, '申请人情况@1x7'],
  ['自然人@2x1', '法人或其他组织@1x5', '总计@2x1'],
  ['商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他'],
];

function values(r: number): string[] {
  return Array.from({ length: 7 }, (_, c) => String(applicationValue(r, c)));
}

/** 表三 exactly as the HTML source draws it, row by row. */
function expectedApplications(): string[][] {
  const rows = [
    ...HEADER,
    ['一、本年新收政府信息公开申请数量@1x3', ...values(0)],
    ['二、上年结转政府信息公开申请数量@1x3', ...values(1)],
  ];
  let last: string | undefined;
  OUTCOME_ROWS.forEach((o, i) => {
    const row: string[] = i === 0 ? [`三、本年度办理结果@${OUTCOME_ROWS.length}x1`] : [];
    if (!o.group) row.push(`${o.label}@1x2`);
    else {
      if (o.group !== last) row.push(`${o.group}@${OUTCOME_ROWS.filter((p) => p.group === o.group).length}x1`);
      row.push(o.label);
    }
    last = o.group;
    rows.push([...row, ...values(i + 2)]);
  });
  rows.push(['四、结转下年度继续办理@1x3', ...values(OUTCOME_ROWS.length + 2)]);
  return rows;
}

describe.each(['lo-break.pdf', 'chromium-break.pdf', 'lo-thead.pdf'])('表三 from %s', (name) => {
  it('is one grid table, cell for cell, spans included, across the page break', async () => {
    const doc = await extract(name);
    const t = tableWith(doc, '申请人情况');
    expect(t.layout).toBe('grid');
    expect(t.cols).toBe(10);
    expect(rowsOf(t)).toEqual(expectedApplications());
  });

  it('keeps every cell on the page it was drawn on, and the table does break', async () => {
    const doc = await extract(name);
    const t = tableWith(doc, '申请人情况');
    const pages = new Set(t.cells.map((c) => c.page));
    expect(pages.size).toBeGreaterThan(1);
    expect(cellAt(t, 0, 0)!.page).toBe(t.page);
    expect(cellAt(t, t.rows - 1, 0)!.page).toBe(Math.max(...t.cells.map((c) => c.page!)));
  });
});

describe('表二 and 表四', () => {
  it.each(['lo-break.pdf', 'chromium-break.pdf'])('reads 表四 from %s with its 15 columns', async (name) => {
    const t = tableWith(await extract(name), '复议后起诉');
    expect(rowsOf(t)).toEqual([
      ['行政复议@1x5', '行政诉讼@1x10'],
      [
        '结果维持@2x1',
        '结果纠正@2x1',
        '其他结果@2x1',
        '尚未审结@2x1',
        '总计@2x1',
        '未经复议直接起诉@1x5',
        '复议后起诉@1x5',
      ],
      ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计', '结果维持', '结果纠正', '其他结果', '尚未审结', '总计'],
      ['1', '0', '0', '1', '2', '0', '1', '0', '0', '1', '1', '0', '0', '0', '1'],
    ]);
  });

  it.each(['lo-break.pdf', 'chromium-break.pdf'])('reads 表二 from %s with colspans', async (name) => {
    const t = tableWith(await extract(name), '第二十条第（八）项');
    expect(rowsOf(t).slice(-3)).toEqual([
      ['第二十条第（八）项@1x4'],
      ['信息内容', '本年收费金额（单位：万元）@1x3'],
      ['行政事业性收费', '18.8710@1x3'],
    ]);
    expect(t.rows).toBe(14);
  });
});

describe('text flow', () => {
  it.each(['lo-break.pdf', 'chromium-break.pdf'])(
    'gives headings, whole paragraphs and reading order in %s',
    async (name) => {
      const doc = await extract(name);
      const headings = doc.blocks.filter((b) => b.kind === 'heading').map((b) => (b.kind === 'heading' ? b.text : ''));
      expect(headings[0]).toMatch(/^某某.*2023年政府信息公开工作年度报告$/);
      expect(headings.filter((h) => /^[一二三四五六]、/.test(h))).toEqual([
        '一、总体情况',
        '二、主动公开政府信息情况',
        '三、收到和处理政府信息公开申请情况',
        '四、政府信息公开行政复议、行政诉讼情况',
        '五、存在的主要问题及改进情况',
        '六、其他需要报告的事项',
      ]);
      const texts = doc.blocks.map((b) => (b.kind === 'table' ? '<table>' : b.text));
      expect(texts).toContain(
        '本报告根据《中华人民共和国政府信息公开条例》编制。本报告中所列数据的统计期限为2023年1月1日至2023年12月31日。',
      );
      expect(texts.indexOf('三、收到和处理政府信息公开申请情况')).toBeLessThan(
        texts.indexOf('四、政府信息公开行政复议、行政诉讼情况'),
      );
      expect(doc.pages).toBeGreaterThan(1);
      expect(doc.format).toBe('pdf');
    },
  );

  it('drops Chromium’s running header (date, title), footer (file URL) and page numbers', async () => {
    const doc = await extract('chromium-break.pdf');
    const texts = doc.blocks.flatMap((b) => (b.kind === 'table' ? b.cells.map((c) => c.text) : [b.text]));
    expect(texts.filter((t) => /file:|AM|PM|\d\/3/.test(t))).toEqual([]);
    expect(texts.filter((t) => t.includes('2023年政府信息公开工作年度报告'))).toHaveLength(1);
  });

  it('never splits a word with spaces ("年 度")', async () => {
    const doc = await extract('lo-break.pdf');
    const prose = doc.blocks.flatMap((b) => (b.kind === 'table' ? [] : [b.text])).join('\n');
    expect(prose).not.toMatch(/[\u4e00-\u9fff] [\u4e00-\u9fff]/);
    expect(prose).toContain('2023年，本机关共收到政府信息公开申请43件，上年结转52件。');
  });
});
