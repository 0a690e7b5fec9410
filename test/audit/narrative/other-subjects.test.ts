import { describe, expect, it } from 'vitest';
import { audit, type Tables } from './report-text.js';

const P = '一、总体情况 ↔ ';
const table: Tables = {
  applications: { new_received: 95, granted: 40, total_processed: 95 },
  review: { review: [2, 0, 0, 0], litigation_direct: [1, 0, 0, 0] },
};
const GOVERNMENT = '某某市某某区人民政府';
const narrative = async (prose: string, agency?: string) =>
  (await audit(prose, table, 2023, agency)).narrative.filter((f) => !f.startsWith('narrative/stale-year'));

describe('a count whose subject is not the table’s is left alone', () => {
  const silent: [string, string, string?][] = [
    ['one office acting for the government (代表)', '2023年，区政府办代表区政府受理政府信息公开申请17件。', GOVERNMENT],
    ['代表 in a department’s report too', '2023年，局办公室代表本局受理政府信息公开申请17件。'],
    ['one office of several (其中…局)', '全区共受理政府信息公开申请95件，其中区财政局受理12件。', GOVERNMENT],
    ['the government office in a government’s report', '区政府办公室全年受理政府信息公开申请17件。', GOVERNMENT],
    ['本级 in a government’s report', '区政府本级受理政府信息公开申请30件。', GOVERNMENT],
    ['the parts of a government (各部门)', '各部门共受理政府信息公开申请60件。', GOVERNMENT],
    ['documents classed by 公开属性', '对120件公文进行公开属性审查，其中予以公开100件，不予公开20件。'],
    ['documents reviewed before release', '审核拟公开文件56件，予以公开50件。'],
  ];
  for (const [why, prose, agency] of silent) {
    it(why, async () => {
      expect(await narrative(prose, agency)).toEqual([]);
    });
  }

  it('the same words about the agency itself are still compared', async () => {
    expect(await narrative('全区共受理政府信息公开申请17件。', GOVERNMENT)).toEqual([
      `narrative/table-mismatch @ ${P}表三/一、本年新收/总计`,
    ]);
    // a department's 本单位 is the department
    expect(await narrative('本单位全年受理政府信息公开申请17件。')).toEqual([
      `narrative/table-mismatch @ ${P}表三/一、本年新收/总计`,
    ]);
    expect(await narrative('全年予以公开38件。')).toEqual([`narrative/table-mismatch @ ${P}表三/（一）予以公开/总计`]);
  });
});

describe('受理 is read both ways', () => {
  const carried: Tables = { applications: { new_received: 3, carried_over: 1 } };
  it('fits 新收 alone or 新收＋结转, and is reported only when it fits neither', async () => {
    expect((await audit('本年度共受理政府信息公开申请3件。', carried)).narrative).toEqual([]);
    expect((await audit('本年度共受理政府信息公开申请4件。', carried)).narrative).toEqual([]);
    expect((await audit('本年度共受理政府信息公开申请2件。', carried)).narrative).toEqual([
      `narrative/table-mismatch @ ${P}表三/一、本年新收/总计`,
    ]);
  });
});

describe('Traditional script and other units', () => {
  it('folds Traditional prose before matching', async () => {
    const tables: Tables = { applications: { new_received: 12 } };
    expect((await audit('全年共收到政府信息公開申請12件。', tables)).narrative).toEqual([]);
    expect((await audit('全年共收到政府信息公開申請15件。', tables)).narrative).toEqual([
      `narrative/table-mismatch @ ${P}表三/一、本年新收/总计`,
    ]);
  });

  it('counts cases in 起 (「行政复议36起，行政诉讼9起」)', async () => {
    const tables: Tables = {
      review: { review: [30, 6, 0, 0], litigation_direct: [6, 0, 0, 0], litigation_after_review: [3, 0, 0, 0] },
    };
    expect((await audit('全年办理因政府信息公开申请引发的行政复议36起，行政诉讼9起。', tables)).narrative).toEqual([]);
    expect((await audit('全年办理因政府信息公开申请引发的行政复议35起，行政诉讼9起。', tables)).narrative).toEqual([
      `narrative/table-mismatch @ ${P}表四/行政复议/总计`,
    ]);
  });
});
