import { describe, expect, it } from 'vitest';
import type { AnnualReport } from '../../src/model/report.js';
import { readReport } from '../../src/pipeline.js';

const BODY = ['一、总体情况', '本年度工作有序开展。', '六、其他需要报告的事项', '无。'];
const meta = async (lines: string[]): Promise<AnnualReport['meta']> =>
  (await readReport(Buffer.from([...lines, ...BODY].join('\n\n')), 'x.txt')).meta;
const who = async (lines: string[]) => {
  const m = await meta(lines);
  return [m.agency, m.year, m.agencyLevel];
};

describe('the agency from the title, in any order', () => {
  it('agency first', async () => {
    expect(await who(['某某县水利局2023年政府信息公开工作年度报告'])).toEqual(['某某县水利局', 2023, 'department']);
  });
  it('year first', async () => {
    expect(await who(['2019年上海市人民政府办公厅政府信息公开工作年度报告'])).toEqual([
      '上海市人民政府办公厅',
      2019,
      'department',
    ]);
    expect(await who(['2019年上海市政府信息公开工作年度报告'])).toEqual(['上海市', 2019, 'government']);
  });
  it('关于…的报告', async () => {
    expect(await who(['某某县水利局关于2023年度政府信息公开工作情况的报告'])).toEqual([
      '某某县水利局',
      2023,
      'department',
    ]);
    expect(await who(['关于某某县水利局2023年政府信息公开工作的报告'])).toEqual(['某某县水利局', 2023, 'department']);
  });
  it('a county-level city’s own report names the city alone', async () => {
    expect(await who(['某某市2025年政府信息公开工作年度报告'])).toEqual(['某某市', 2025, 'government']);
  });
  it('a title broken over two lines', async () => {
    expect(await who(['山西省人民政府外事办公室', '2021年政府信息公开工作年度报告'])).toEqual([
      '山西省人民政府外事办公室',
      2021,
      'department',
    ]);
  });
  it('in Traditional script, printed as it is', async () => {
    expect(await who(['沙塘鎮人民政府2021年政府信息公開工作年度報告'])).toEqual(['沙塘鎮人民政府', 2021, 'township']);
  });
});

describe('the agency from the body when the title names none', () => {
  it('the report the opening paragraph names', async () => {
    const m = await meta([
      '根据《中华人民共和国政府信息公开条例》规定，现发布《东宝区2024年政府信息公开工作年度报告》。本报告由总体情况等六部分组成。',
    ]);
    expect([m.title, m.agency, m.year, m.agencyLevel]).toEqual([
      '东宝区2024年政府信息公开工作年度报告',
      '东宝区',
      2024,
      'government',
    ]);
  });
  it('本报告由…编制', async () => {
    expect(await who(['2023年政府信息公开工作年度报告', '本报告由某某县水利局编制。'])).toEqual([
      '某某县水利局',
      2023,
      'department',
    ]);
  });
  it('a crawler’s header, and its 发布机构', async () => {
    const m = await meta([
      '标题: 某某新区2025年度政府信息公开工作年度报告 发布时间: 2026-03-10 12:56 发布机构: 某某新区管委会办公室 栏目: 年报',
    ]);
    expect([m.agency, m.year, m.published, m.agencyLevel]).toEqual(['某某新区', 2025, '2026-03-10', 'government']);
    expect(await who(['2023年政府信息公开工作年度报告', '发布机构: 某某县水利局 栏目: 政府信息公开年报'])).toEqual([
      '某某县水利局',
      2023,
      'department',
    ]);
  });
  it('the title wins over the page’s 来源', async () => {
    expect(
      await who(['来源：某某县人民政府 时间：2022-02-08', '某某综合实验区2021年度政府信息公开工作年度报告']),
    ).toEqual(['某某综合实验区', 2021, 'government']);
  });
  it('the contact line and the overview’s subject', async () => {
    expect(
      await who(['本报告所列数据统计期限为2022年1月1日至2022年12月31日。如有疑问，请与杭州市公安局滨江区分局联系。']),
    ).toEqual(['杭州市公安局滨江区分局', 2022, 'department']);
    const m = await readReport(
      Buffer.from(
        ['一、总体情况', '2024年，城中区人民政府深入贯彻落实有关部署。', '二、主动公开政府信息情况'].join('\n\n'),
      ),
      'x.txt',
    );
    expect([m.meta.agency, m.meta.year, m.meta.agencyLevel]).toEqual(['城中区人民政府', 2024, 'government']);
  });
  it('a level from how the report calls itself, when no name is printed', async () => {
    expect((await meta(['本报告结合我局工作实际编制。'])).agencyLevel).toBe('department');
    expect((await meta(['2021年，我镇认真贯彻落实条例。'])).agencyLevel).toBe('township');
  });
});
