import { describe, expect, it } from 'vitest';
import { CorpusIndex, normalizeAgency } from '../../src/nightly/agencies.js';
import { inShard, parseShard } from '../../src/nightly/shard.js';
import { deadlineFor } from '../../src/audit/rules/meta-published-late.js';
import { agencyLevel } from '../../src/model/agencies.js';

describe('agency names as matching keys', () => {
  it('fold width, spaces and bracketed remarks', () => {
    expect(normalizeAgency('某市 人力资源和社会保障局（本级）')).toBe(normalizeAgency('某市人力资源和社会保障局'));
    expect(normalizeAgency('某市第１区教育局')).toBe('某市第1区教育局');
    expect(normalizeAgency('某市教育局')).not.toBe(normalizeAgency('某市财政局'));
  });
});

describe('the corpus index joins one agency’s reports across years', () => {
  const index = (entries: [string, number][]) => {
    const i = new CorpusIndex(() => null);
    for (const [agency, year] of entries) i.add(agency, year, `${agency}/${year}`);
    return i;
  };

  it('when one year names the parent region and the other does not', () => {
    const i = index([['洪泽区人民政府', 2023]]);
    expect(i.fileFor('淮安市洪泽区人民政府', 2023)).toBe('洪泽区人民政府/2023');
    expect(index([['淮安市洪泽区人民政府', 2023]]).fileFor('洪泽区人民政府', 2023)).toBe('淮安市洪泽区人民政府/2023');
    expect(i.fileFor('洪泽区政府', 2023)).toBe('洪泽区人民政府/2023');
  });

  it('never across different parents, nor when two reports would fit', () => {
    expect(index([['宿迁市洪泽区人民政府', 2023]]).fileFor('淮安市洪泽区人民政府', 2023)).toBeUndefined();
    const two = index([
      ['淮安市洪泽区人民政府', 2023],
      ['宿迁市洪泽区人民政府', 2023],
    ]);
    expect(two.fileFor('洪泽区人民政府', 2023)).toBeUndefined();
    expect(two.fileFor('淮安市洪泽区人民政府', 2023)).toBe('淮安市洪泽区人民政府/2023');
    // a department named without its city is any city's
    expect(index([['某某市民政局', 2023]]).fileFor('民政局', 2023)).toBeUndefined();
  });
});

describe('shards', () => {
  it('parse K/N and put every path in exactly one shard', () => {
    expect(parseShard('2/3')).toEqual({ index: 2, count: 3 });
    expect(parseShard('0/3')).toBeNull();
    expect(parseShard('4/3')).toBeNull();
    const paths = Array.from({ length: 200 }, (_, i) => `c/r-${i}.txt`);
    const shards = [1, 2, 3].map((index) => paths.filter((p) => inShard(p, { index, count: 3 })));
    expect(shards.flat().sort()).toEqual([...paths].sort());
    expect(Math.min(...shards.map((s) => s.length))).toBeGreaterThan(40);
  });
});

describe('the 条例 第四十九条 deadline', () => {
  it('is 31 January for departments, 31 March for a government’s own report and before the 2019 revision', () => {
    expect(deadlineFor(agencyLevel('某县水利局'), 2023)).toBe('2024-01-31');
    expect(deadlineFor(agencyLevel('某县人民政府'), 2023)).toBe('2024-03-31');
    expect(deadlineFor(agencyLevel('某镇人民政府'), 2023)).toBe('2024-01-31');
    expect(deadlineFor(agencyLevel('某县水利局'), 2018)).toBe('2019-03-31');
    expect(deadlineFor(agencyLevel('某市2025年'.slice(0, 2)), 2025)).toBe('2026-03-31');
    expect(deadlineFor(agencyLevel('平潭综合实验区'), 2021)).toBe('2022-03-31');
    expect(deadlineFor(agencyLevel('山西省人民政府外事办公室'), 2021)).toBe('2022-01-31');
    // a name that shows no level: only the later deadline is certain
    expect(deadlineFor(null, 2023)).toBe('2024-03-31');
  });
});
