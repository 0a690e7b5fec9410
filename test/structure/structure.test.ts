import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readReport } from '../../src/pipeline.js';

const text = (s: string) => readReport(Buffer.from(s), 't.txt');
const seed = readFileSync(join(import.meta.dirname, '../fixtures/linwei-hrss-2023.txt'));

describe('the seed report', async () => {
  const report = await readReport(seed, 'seed.txt');

  it('reads title, agency, year and statistics period', () => {
    expect(report.meta).toMatchObject({
      agency: '渭南市临渭区人力资源和社会保障局',
      year: 2023,
      template: '2021',
      periodStart: '2023-01-01',
      periodEnd: '2023-12-31',
    });
  });

  it('finds five of the six parts; 四、结转下年度 inside the table is not a heading', () => {
    expect(report.sections.map((s) => s.key)).toEqual([
      'overview',
      'activeDisclosure',
      'reviewLitigation',
      'problems',
      'otherMatters',
    ]);
  });

  it('reads 表二 (一) only', () => {
    expect(Object.keys(report.tables.activeDisclosure!)).toEqual(['art20_1']);
    expect(report.tables.activeDisclosure!.art20_1!.normative_documents!.in_force).toEqual({
      value: 0,
      raw: '0',
      page: null,
      state: 'number',
    });
  });

  it('places 表四 by position: 行政复议 blank, litigation totals read', () => {
    const t = report.tables.reviewLitigation!;
    expect(t.review!.total!.raw).toBe('');
    expect([
      t.litigation_direct!.upheld!.value,
      t.litigation_direct!.total!.value,
      t.litigation_after_review!.other!.value,
      t.litigation_after_review!.total!.value,
    ]).toEqual([2, 2, 1, 1]);
  });

  it('keeps rows with seven values and marks rows with six as uncertain, never guessing', () => {
    expect(Object.keys(report.tables.applications!)).toEqual([
      'partially_granted',
      'other_no_fee',
      'other_other',
      'total_processed',
      'carried_forward',
    ]);
    expect(report.uncertain.map((u) => u.row)).toContain('denied_state_secret');
    expect(report.uncertain).toHaveLength(17);
  });
});

describe('labels as real reports write them', () => {
  it('matches split, half-width, Traditional and misspelt labels', async () => {
    const r = await text(
      [
        '| 一、本年新收政府信息公開申請數量 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |',
        '| 二、上年转结政府信息公开申请数量 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |',
        '| (三)不 予公开 5.属于三类内容事务信息 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |',
        '| (二)部分公开(区分处理的,只计这一情况,不计其他情形) | 0 | 0 | 0 | 0 | 0 | 0 | 0 |',
      ].join('\n'),
    );
    expect(Object.keys(r.tables.applications!)).toEqual([
      'new_received',
      'carried_over',
      'denied_internal_affairs',
      'partially_granted',
    ]);
  });

  it('tells （六）3.其他 from other rows by its group, and the 2019 （六）其他处理 row by its template', async () => {
    const r2021 = await text(
      '| （六）其他处理 | 1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |\n| | 3.其他 | 2 | 0 | 0 | 0 | 0 | 0 | 2 |',
    );
    expect(r2021.tables.applications!.other_other!.total!.value).toBe(2);
    const r2019 = await text('| （六）其他处理 | 2 | 0 | 0 | 0 | 0 | 0 | 2 |');
    expect(r2019.tableTemplates.applications).toBe('2019');
    expect(r2019.tables.applications!.other!.total!.value).toBe(2);
  });

  it('reads 第二十一条 captions and a 现行有效件 header', async () => {
    const r = await text(
      '| 第二十一条第(一)项 | | | |\n| 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件 |\n| 行政规范性文件 | 4 | 0 | 32 |',
    );
    expect(r.tables.activeDisclosure!.art20_1!.normative_documents!.in_force!.value).toBe(32);
    expect(r.tableTemplates.activeDisclosure).toBe('2021');
  });
});

describe('sections', () => {
  it('accepts variant wording and numbering punctuation, and never opens a part at （二）', async () => {
    const r = await text(
      '一. 总体情况\n（二）收到和处理政府信息公开申请情况\n二、行政机关主动公开政府信息情况\n四、因政府信息公开工作被申请行政复议提起行政诉讼情况\n五、政府信息公开工作存在的主要问题及改进情况\n六、其他需要报告的事项',
    );
    expect(r.sections.map((s) => [s.number, s.key])).toEqual([
      [1, 'overview'],
      [2, 'activeDisclosure'],
      [4, 'reviewLitigation'],
      [5, 'problems'],
      [6, 'otherMatters'],
    ]);
  });

  it('reads a statistics period written with a missing end year', async () => {
    const r = await text('某县民政局2022年政府信息公开工作年度报告\n统计期限从2022年1月1日到12月31日止。');
    expect([r.meta.periodStart, r.meta.periodEnd, r.meta.agency]).toEqual(['2022-01-01', '2022-12-31', '某县民政局']);
  });

  it('leaves an agency that does not look like one unknown', async () => {
    const r = await text('最新免费电影在线看2023年政府信息公开工作年度报告');
    expect(r.meta.agency).toBeNull();
    expect(r.diagnostics.map((d) => d.code)).toContain('meta/agency-unrecognised');
  });
});

describe('the reporting year when the report does not state it', () => {
  it('falls back to the publication date minus one, and says so', async () => {
    const { htmlToDocument } = await import('../../src/extract/html.js');
    const { structureDocument } = await import('../../src/structure/index.js');
    const doc = htmlToDocument(
      '<html><head><meta name="PubDate" content="2024-01-20 09:00"></head><body><p>关于政府信息公开情况的报告</p><p>一、总体情况</p></body></html>',
    );
    const report = structureDocument(doc, { path: 'x.html', sha256: '' });
    expect(report.meta.year).toBe(2023);
    expect(report.diagnostics.map((d) => d.code)).toContain('meta/year-from-publication');
  });
});

describe('a statistics period copied from last year', () => {
  it("takes the title's year", async () => {
    const { htmlToDocument } = await import('../../src/extract/html.js');
    const { structureDocument } = await import('../../src/structure/index.js');
    const doc = htmlToDocument(
      '<html><head><meta name="PubDate" content="2024-01-20"></head><body><p>某区审计局2023年政府信息公开工作年度报告</p><p>本报告所列数据的统计期限为2022年1月1日至2022年12月31日。</p></body></html>',
    );
    const report = structureDocument(doc, { path: 'x.html', sha256: '' });
    expect([report.meta.year, report.meta.periodStart]).toEqual([2023, '2022-01-01']);
  });
});

describe('a heading that shares its paragraph with the first prose', () => {
  it('opens the part and keeps the prose as its text', async () => {
    const r = await text(
      '一、总体情况。2023年，我局全年共收到政府信息公开申请12件，均已按期答复，办理质量持续提升，群众满意度进一步提高。\n二、主动公开政府信息情况',
    );
    expect(r.sections.map((s) => [s.key, s.heading, s.text])).toEqual([
      [
        'overview',
        '一、总体情况',
        '2023年，我局全年共收到政府信息公开申请12件，均已按期答复，办理质量持续提升，群众满意度进一步提高。',
      ],
      ['activeDisclosure', '二、主动公开政府信息情况', ''],
    ]);
  });
});

describe('a web page printed to PDF', () => {
  it('keeps the title apart from the article line after it and reads the printed publication date', async () => {
    const { structureDocument } = await import('../../src/structure/index.js');
    const doc = {
      format: 'pdf' as const,
      pages: 1,
      title: null,
      published: null,
      diagnostics: [],
      blocks: [
        {
          kind: 'heading' as const,
          text: '清水镇人民政府2023年政府信息公开工作年度报告发布时间：2024-01-25来源：清水镇人民政府',
          level: 1,
          page: 1,
        },
      ],
    };
    const report = structureDocument(doc, { path: 'x.pdf', sha256: '' });
    expect([report.meta.title, report.meta.published]).toEqual([
      '清水镇人民政府2023年政府信息公开工作年度报告',
      '2024-01-25',
    ]);
  });
});

describe('表三 sub-rows whose labels a flattened copy lost', () => {
  const head = '| 一、本年新收政府信息公开申请数量 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |';
  const bare = (n: number) => Array.from({ length: n }, (_, i) => `| | ${i} | 0 | 0 | 0 | 0 | 0 | ${i} |`).join('\n');

  it("are placed by position when their count is the group's sub-item count", async () => {
    const r = await text(`${head}\n| （四）无法提供 | | | | | | | |\n${bare(3)}`);
    expect(
      ['unavailable_not_held', 'unavailable_needs_creation', 'unavailable_unclear'].map(
        (k) => r.tables.applications![k]!.total!.value,
      ),
    ).toEqual([0, 1, 2]);
    expect(r.diagnostics.map((d) => d.code)).toContain('structure/rows-by-position');
  });

  it('leave the sub-items uncertain when the count does not fit', async () => {
    const r = await text(`${head}\n| （四）无法提供 | | | | | | | |\n${bare(2)}`);
    expect(r.tables.applications!.unavailable_not_held).toBeUndefined();
    expect(r.uncertain.map((u) => u.row)).toEqual([
      'unavailable_not_held',
      'unavailable_needs_creation',
      'unavailable_unclear',
    ]);
  });

  it('ignore values on a group row (a subtotal) when every sub-item has its own label', async () => {
    const r = await text(
      `${head}\n| （四）无法提供 | 3 | 0 | 0 | 0 | 0 | 0 | 3 |\n| | 1.本机关不掌握相关政府信息 | 3 | 0 | 0 | 0 | 0 | 0 | 3 |\n| | 2.没有现成信息需要另行制作 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |\n| | 3.补正后申请内容仍不明确 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |`,
    );
    expect(r.tables.applications!.unavailable_not_held!.total!.value).toBe(3);
    expect(r.uncertain).toEqual([]);
    expect(r.diagnostics.map((d) => d.code)).toContain('structure/group-values');
  });
});
