import { describe, expect, it } from 'vitest';
import { agencyKey, agencyLevel, withoutParentRegions } from '../../src/model/agencies.js';

describe('an agency’s level, from its name', () => {
  const cases: [string, ReturnType<typeof agencyLevel>][] = [
    ['龙田镇人民政府', 'township'],
    ['沙塘鎮人民政府', 'township'],
    ['驼峰路街道办事处', 'township'],
    ['洪泽区人民政府', 'government'],
    ['贵阳市人民政府(市人民政府办公厅)', 'government'],
    ['上海市', 'government'],
    ['东宝区', 'government'],
    ['平潭综合实验区', 'government'],
    ['某某经济技术开发区管委会', 'government'],
    ['山西省人民政府外事办公室', 'department'],
    ['湛江市人民政府地方志办公室', 'department'],
    ['番禺区人民政府办公室', 'department'],
    ['杭州市公安局滨江区分局', 'department'],
    ['某市城市管理委员会', 'department'],
    ['区统计局', 'department'],
    ['某某', null],
  ];
  for (const [name, level] of cases) it(`${name} → ${level}`, () => expect(agencyLevel(name)).toBe(level));
});

describe('an agency key', () => {
  it('is one government however it is written', () => {
    expect(agencyKey('洪泽区政府')).toBe('洪泽区人民政府');
    expect(agencyKey('洪泽区')).toBe('洪泽区人民政府');
    expect(agencyKey('洪泽区 人民政府')).toBe('洪泽区人民政府');
    expect(agencyKey('沙塘鎮人民政府')).toBe('沙塘镇人民政府');
    expect(agencyKey('贵阳市人民政府（市人民政府办公厅）')).toBe('贵阳市人民政府');
  });

  it('drops the parent regions named before the agency’s own', () => {
    expect(withoutParentRegions(agencyKey('淮安市洪泽区人民政府'))).toBe('洪泽区人民政府');
    expect(withoutParentRegions(agencyKey('江苏省淮安市洪泽区人民政府'))).toBe('洪泽区人民政府');
    expect(withoutParentRegions('无锡市梁溪区机关事务管理局')).toBe('梁溪区机关事务管理局');
    // never a department word taken for a region, never the agency's own region dropped
    expect(withoutParentRegions('杭州市公安局滨江区分局')).toBe('杭州市公安局滨江区分局');
    expect(withoutParentRegions('某某市市场监督管理局')).toBe('某某市市场监督管理局');
    expect(withoutParentRegions('洪泽区人民政府')).toBe('洪泽区人民政府');
  });
});
