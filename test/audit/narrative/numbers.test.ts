import { describe, expect, it } from 'vitest';
import { chineseNumber, findMentions, halfWidthDigits } from '../../../src/audit/narrative/numbers.js';

const read = (text: string) => findMentions(halfWidthDigits(text)).map((m) => [m.value, m.unit, m.approximate]);

describe('numbers as Chinese reports write them', () => {
  it('Chinese numerals', () => {
    expect(chineseNumber('十二')).toBe(12);
    expect(chineseNumber('一百零五')).toBe(105);
    expect(chineseNumber('两')).toBe(2);
    expect(chineseNumber('二十')).toBe(20);
    expect(chineseNumber('三千零八')).toBe(3008);
    expect(chineseNumber('二〇二三')).toBe(2023);
  });
  it('Arabic, full-width, separators, 万 and 亿', () => {
    expect(read('收到申请１２件，发布1,234条，公开3万条，共1.2万条，2亿条')).toEqual([
      [12, '件', false],
      [1234, '条', false],
      [30000, '条', false],
      [12000, '条', true],
      [2e8, '条', false],
    ]);
  });
  it('万元 is an amount, not a multiplier on 元', () =>
    expect(read('收费18.87万元')).toEqual([[18.87, '万元', false]]));
  it('percentages, full-width too', () =>
    expect(read('占33.9%，占４０％')).toEqual([
      [33.9, '%', false],
      [40, '%', false],
    ]));
  it('余 and 多 make a number approximate', () =>
    expect(read('100余条，十多件')).toEqual([
      [100, '条', true],
      [10, '件', true],
    ]));
  it('ordinals and words are not numbers', () => expect(read('第一条，一次性告知，进一步，每一件')).toEqual([]));
  it('units that do not count keep their unit', () =>
    expect(read('参训120人次，3个')).toEqual([
      [120, '人次', false],
      [3, '个', false],
    ]));
});
