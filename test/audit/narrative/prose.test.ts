import { describe, expect, it } from 'vitest';
import { analyzeNarrative } from '../../../src/audit/narrative/analyze.js';
import { audit, type Tables } from './report-text.js';

const only =
  (rule: string) =>
  async (prose: string | string[], tables: Tables = {}) =>
    (await audit(prose, tables)).narrative.filter((f) => f.startsWith(rule));
const sums = only('narrative/sum-mismatch');
const shares = only('narrative/share-mismatch');
const stale = only('narrative/stale-year');
const AT = ['narrative/sum-mismatch @ 一、总体情况'];

describe('narrative/sum-mismatch: totals and the parts the prose lists', () => {
  it('parts that add up', async () =>
    expect(await sums('全年发布信息43条，其中政务公开类40条，机构职责类3条。')).toEqual([]));
  it('parts that exceed the total', async () =>
    expect(await sums('全年发布信息43条，其中政务公开类40条，机构职责类5条。')).toEqual(AT));
  it('parts short of the total may be a selection', async () =>
    expect(await sums('全年发布信息43条，其中政务公开类30条，机构职责类3条。')).toEqual([]));
  it('分别为 says the parts are all of it', async () =>
    expect(await sums('全年发布信息43条，分别为政务公开类30条、机构职责类3条。')).toEqual(AT));
  it('自然人 and 法人或其他组织 are all applicants', async () => {
    expect(await sums('全年共收到政府信息公开申请12件，其中自然人申请10件，法人或其他组织申请1件。')).toEqual(AT);
    expect(await sums('全年共收到政府信息公开申请12件，其中自然人申请10件，法人或其他组织申请2件。')).toEqual([]);
  });
  it('a list ends at a semicolon', async () =>
    expect(
      await sums(
        '发布信息43条，其中政务公开类信息40条，机构职责类信息3条；财政信息公开发布8条；通过微信订阅号发布信息428条。',
      ),
    ).toEqual([]));
  it('a part of another kind ends the list', async () =>
    expect(await sums('全年共收到政府信息公开申请12件，其中自然人申请12件，上年结转1件。')).toEqual([]));
  it('a 万 too many is a unit error', async () => {
    const { findings } = await audit('全市主动公开政府信息173769万条，其中市级75656条，县级98113条。');
    const f = findings.filter((x) => x.rule === 'narrative/sum-mismatch');
    expect(f).toHaveLength(1);
    expect(f[0]!.message).toContain('单位错误');
  });
  it('a balance told in words that holds', async () =>
    expect(await sums('共收到信息公开申请7件，上年度结转1件；予以公开3件，无法提供4件，结转下年继续办理1件。')).toEqual(
      [],
    ));
  it('a balance told in words that does not', async () =>
    expect(await sums('共收到信息公开申请7件，上年度结转1件；予以公开3件，无法提供3件，结转下年继续办理1件。')).toEqual(
      AT,
    ));
  it('no balance without the carried-over counts', async () =>
    expect(await sums('共收到信息公开申请7件，予以公开3件，无法提供3件。')).toEqual([]));
  it('outcomes listed under 办结 that exceed it', async () =>
    expect(await sums('全年办结政府信息公开申请7件，其中予以公开3件，不予公开2件，无法提供3件。')).toEqual(AT));
});

describe('narrative/share-mismatch: a percentage against the numbers it is a share of', () => {
  it('a share that fits (one decimal)', async () =>
    expect(await shares('全年办结申请12件，其中予以公开5件，占办结总数的41.7%。')).toEqual([]));
  it('a whole percent rounded', async () =>
    expect(await shares('全年办结申请12件，其中予以公开5件，占42%。')).toEqual([]));
  it('a share that does not fit', async () =>
    expect(await shares('全年办结申请12件，其中予以公开5件，占办结总数的33.9%。')).toEqual([
      'narrative/share-mismatch @ 一、总体情况',
    ]));
  it('within 0.1 point', async () => expect(await shares('全年办结申请3件，其中予以公开1件，占33.4%。')).toEqual([]));
  it('a share of a number the prose does not state stays unchecked', async () =>
    expect(await shares('予以公开5件，占比33.9%。')).toEqual([]));
});

describe("narrative/stale-year: last year's paragraph left in", () => {
  it('a paragraph dated the year before, stating table subjects', async () =>
    expect(await stale('2022年，我局共制定规范性文件0件，废止规范性文件0件。', { normative: [4, 0, 32] })).toEqual([
      'narrative/stale-year @ 一、总体情况',
    ]));
  it("its numbers are not compared with this year's tables", async () =>
    expect((await audit('2022年，我局共制定规范性文件0件。', { normative: [4, 0, 32] })).narrative).toEqual([
      'narrative/stale-year @ 一、总体情况',
    ]));
  it("this year's paragraph", async () =>
    expect(await stale('2023年，我局共制定规范性文件4件。', { normative: [4, 0, 32] })).toEqual([]));
  it("a comparison with last year inside this year's paragraph", async () =>
    expect(await stale('2022年以来，我局收到申请较上年增加3件。')).toEqual([]));
  it('a paragraph about last year without table subjects', async () =>
    expect(await stale('2022年，我局开展了政务公开培训。')).toEqual([]));
});

describe('analyzeNarrative', () => {
  it('counts what it compared and what it left alone', async () => {
    const { report } = await audit(
      [
        '全年共收到政府信息公开申请12件，予以公开5件。',
        '因本机关不掌握相关信息无法提供3件。',
        '2022年全年共收到申请20件。',
      ],
      { applications: { new_received: 12, granted: 5, unavailable_not_held: 3 } },
    );
    const a = analyzeNarrative(report);
    expect(a.compared.map((c) => c.claim.subject)).toEqual(['received', 'granted']);
    expect(a.ambiguous.map((c) => c.candidates)).toEqual([['unavailable', 'unavailable_not_held']]);
    expect(a.uncompared.map((c) => c.year)).toEqual([2022]);
    expect(analyzeNarrative(report)).toBe(a);
  });
});
