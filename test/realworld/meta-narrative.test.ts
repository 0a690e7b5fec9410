/**
 * Meta and narrative on the real reports in ../shared/realworld (skipped, loudly,
 * when absent). The expectations are facts read on the documents by hand.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeNarrative } from '../../src/audit/narrative/analyze.js';
import { previousReport } from '../../src/audit/places.js';
import { runRules } from '../../src/audit/engine.js';
import { rule as carryOver } from '../../src/audit/rules/cross-year-carry-over.js';
import { withoutParentRegions } from '../../src/model/agencies.js';
import type { AnnualReport } from '../../src/model/report.js';
import { CorpusIndex } from '../../src/nightly/agencies.js';
import { readReport } from '../../src/pipeline.js';

const DIR = join(import.meta.dirname, '../../../shared/realworld');
const present = existsSync(DIR);
if (!present) console.warn(`test/realworld/meta-narrative: ${DIR} is absent — real-document checks SKIPPED`);

const read = async (file: string): Promise<AnnualReport> => readReport(await readFile(join(DIR, file)), file);

type Level = AnnualReport['meta']['agencyLevel'];
/** file → [agency, year, level, key]; null where the document does not say */
const COMPLETE: Record<string, [string, number, Level, string]> = {
  'hongze-gov-2023.pdf': ['洪泽区人民政府', 2023, 'government', '洪泽区人民政府'],
  'hongze-gov-2024.pdf': ['淮安市洪泽区人民政府', 2024, 'government', '淮安市洪泽区人民政府'],
  'pingtan-gov-2019.page.txt': ['平潭综合实验区', 2019, 'government', '平潭综合实验区人民政府'],
  'pingtan-gov-2020.page.txt': ['平潭综合实验区', 2020, 'government', '平潭综合实验区人民政府'],
  'pingtan-gov-2021.page.txt': ['平潭综合实验区', 2021, 'government', '平潭综合实验区人民政府'],
  'pingtan-gov-2021.page.html': ['平潭综合实验区', 2021, 'government', '平潭综合实验区人民政府'],
  'pingtan-gov-2025.page.txt': ['平潭综合实验区', 2025, 'government', '平潭综合实验区人民政府'],
};

/** excerpt → [agency, year, level] as the hand check found them; undefined = not stated in the excerpt */
const EXCERPTS: Record<string, [string | undefined, number | undefined, Level | undefined]> = {
  'baicheng-szf-2025': ['白城市人民政府', 2025, 'government'],
  'binjiang-gafj-mirror-2022': ['杭州市公安局滨江区分局', 2022, 'department'],
  'changchun-tyjr-2023': [undefined, 2023, 'department'],
  'daye-szbm-2025': [undefined, 2025, undefined],
  'dongbao-qu-2024': ['东宝区', 2024, 'government'],
  'guiyang-szf-2021': ['贵阳市人民政府(市人民政府办公厅)', 2021, 'government'],
  'huangshi-wjw-2019': ['黄石市卫健委', 2019, 'department'],
  'kaiping-shatangzhen-2021': ['沙塘鎮人民政府', 2021, 'township'],
  'liangxi-jgswj-2024': ['无锡市梁溪区机关事务管理局', 2024, 'department'],
  // 新桥镇人民政府 is printed only as a channel (「通过新桥镇人民政府共发布」): the level comes from 「我镇」
  'luqiao-xinqiaozhen-2021': [undefined, 2021, 'township'],
  'mianyang-wjw-2020': ['绵阳市卫生健康委', 2020, 'department'],
  'panyu-qzfb-2024': ['番禺区人民政府办公室', 2024, 'department'],
  'qdncg-longtianzhen-2021': ['龙田镇人民政府', 2021, 'township'],
  'qu-tjj-61-150-65-235-2023': ['区统计局', 2023, 'department'],
  'shanghai-city-2019': ['上海市', 2019, 'government'],
  'shanxi-wsb-2021': ['山西省人民政府外事办公室', 2021, 'department'],
  'songyang-dadongbazhen-2021': ['大东坝镇人民政府', 2021, 'township'],
  'unknown-mzj-saintpaulhem-2023': [undefined, 2023, 'department'],
  'xining-chengzhongqu-2024': ['城中区人民政府', 2024, 'government'],
  'xuwen-sfj-2023': [undefined, undefined, 'department'],
  'yuyang-tuofenglujd-2020': ['驼峰路街道办事处', 2020, 'township'],
  'zhanjiang-dfzb-2023': ['湛江市人民政府地方志办公室', 2023, 'department'],
};

describe.skipIf(!present)('meta of the complete real documents', () => {
  for (const [file, [agency, year, level, key]] of Object.entries(COMPLETE)) {
    it(file, async () => {
      const { meta } = await read(file);
      expect([meta.agency, meta.year, meta.agencyLevel, meta.agencyKey]).toEqual([agency, year, level, key]);
    });
  }

  it('pingtan 2021, the zone’s own report published 2022-02-08, is on time (3月31日)', async () => {
    const report = await read('pingtan-gov-2021.page.html');
    expect(report.meta.published).toBe('2022-02-08');
    expect(runRules(report, 'x').filter((f) => f.rule === 'meta/published-late')).toEqual([]);
  });
});

describe.skipIf(!present)('meta of the real excerpts', () => {
  for (const [name, [agency, year, level]] of Object.entries(EXCERPTS)) {
    it(name, async () => {
      const { meta } = await read(`excerpts/${name}.excerpt.txt`);
      if (agency !== undefined) expect(meta.agency).toBe(agency);
      if (year !== undefined) expect(meta.year).toBe(year);
      if (level !== undefined) expect(meta.agencyLevel).toBe(level);
    });
  }
});

describe.skipIf(!present)('hongze 2023 and 2024 are one agency across years', () => {
  it('the carry-over rule pairs them: 0 carried forward = 0 carried over, and a planted difference is found', async () => {
    const [before, now] = await Promise.all([read('hongze-gov-2023.pdf'), read('hongze-gov-2024.pdf')]);
    expect(withoutParentRegions(now.meta.agencyKey!)).toBe(before.meta.agencyKey);
    const index = new CorpusIndex((f) => (f === 'hongze-gov-2023.pdf' ? before : null));
    index.add(before.meta.agency, before.meta.year, 'hongze-gov-2023.pdf');
    const context = { reportFor: (agency: string, year: number) => index.reportFor(agency, year) };
    expect(previousReport(now, context)).toBe(before);
    expect(carryOver.check(now, context)).toEqual([]);

    const planted = structuredClone(now);
    const cell = planted.tables.applications!.carried_over!.total!;
    planted.tables.applications!.carried_over!.total = { ...cell, value: 1, raw: '1' };
    expect(carryOver.check(planted, context).map((f) => f.location)).toEqual(['表三/二、上年结转/总计']);
  });
});

describe.skipIf(!present)('narrative on the real documents', () => {
  const narrative = (report: AnnualReport) =>
    runRules(report, 'x')
      .filter((f) => f.rule.startsWith('narrative/'))
      .map((f) => `${f.rule} @ ${f.location}`);

  it('hongze 2024: 「区政府办代表区政府受理…17件」 is one office’s count, not 表三’s 95', async () => {
    expect(narrative(await read('hongze-gov-2024.pdf'))).toEqual([]);
  });

  it('hongze 2023: 「全区受理…21件」 agrees with 表三', async () => {
    expect(narrative(await read('hongze-gov-2023.pdf'))).toEqual([]);
  });

  it('changchun: 「共受理…2件」 fits neither 新收 3 nor 新收＋结转 3 (a probable true warning)', async () => {
    expect(narrative(await read('excerpts/changchun-tyjr-2023.excerpt.txt'))).toEqual([
      'narrative/table-mismatch @ 一、总体情况 ↔ 表三/一、本年新收/总计',
    ]);
  });

  it('the other excerpts: 其中-selections, shares of 47 and 59, no narrative finding', async () => {
    for (const name of Object.keys(EXCERPTS).filter((n) => !n.startsWith('changchun'))) {
      expect([name, narrative(await read(`excerpts/${name}.excerpt.txt`))]).toEqual([name, []]);
    }
  });

  it('kaiping’s Traditional prose is read: 「無行政復議、行政訴訟的情況發生」 is a zero claim on both', async () => {
    const report = await read('excerpts/kaiping-shatangzhen-2021.excerpt.txt');
    expect(report.sections[0]?.text).toContain('行政復議');
    const zeros = analyzeNarrative(report).claims.filter((c) => c.kind === 'zero');
    expect(zeros.map((c) => c.subject).sort()).toEqual(['litigation', 'review']);
  });
});
