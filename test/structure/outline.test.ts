import { describe, expect, it } from 'vitest';
import type { Block, TableBlock } from '../../src/model/ir.js';
import { outlineOf, readNumbering } from '../../src/structure/outline.js';
import { findSections } from '../../src/structure/sections.js';
import { EXCERPTS } from './excerpt-parts.js';

const p = (text: string, page: number | null = null): Block => ({ kind: 'paragraph', text, level: null, page });
const h = (text: string, page: number | null = null): Block => ({ kind: 'heading', text, level: 2, page });
const table = (page: number, ...texts: string[]): TableBlock => ({
  kind: 'table',
  layout: 'grid',
  rows: texts.length,
  cols: 1,
  cells: texts.map((text, row) => ({ row, col: 0, rowSpan: 1, colSpan: 1, text, page })),
  page,
});
const parts = (blocks: Block[]) => findSections(blocks).map((s) => [s.printed, s.heading, s.number]);
const PROSE = '本年度共主动公开政府信息120条，均按规定时限发布。';

describe('numbering styles and levels', () => {
  it.each([
    ['一、总体情况', 'chinese', 1, '一、', 1],
    ['第三部分 收到和处理政府信息公开申请情况', 'part', 3, '第三部分', 1],
    ['一. 总体情况', 'chinese', 1, '一.', 1],
    ['十一、附件', 'chinese', 11, '十一、', 1],
    ['（一）主动公开情况', 'bracketChinese', 1, '（一）', 2],
    ['(二)依申请公开情况。', 'bracketChinese', 2, '(二)', 2],
    ['〔四〕监督保障', 'bracketChinese', 4, '〔四〕', 2],
    ['1.加强组织领导。', 'arabic', 1, '1.', 3],
    ['2、主动及时公开', 'arabic', 2, '2、', 3],
    ['3．完善平台建设', 'arabic', 3, '3．', 3],
    ['（1）规章', 'bracketArabic', 1, '（1）', 4],
    ['(2)规范性文件', 'bracketArabic', 2, '(2)', 4],
  ])('%s → %s %i, printed %s, level %i', (text, style, ordinal, printed, level) => {
    expect(readNumbering(text)).toMatchObject({ style, ordinal, printed });
    expect(outlineOf([p(text)])[0]!.level).toBe(level);
  });

  it('一是/二是 number points inside prose: no level, never a heading', () => {
    expect(readNumbering('一是加强信息公开平台建设。')?.style).toBe('inline');
    expect(outlineOf([p('二是社会评议情况。')])[0]!.level).toBeNull();
  });

  it('prose that merely starts with a numeral or a year is not numbered', () => {
    for (const text of ['2023年，我局共公开信息', '十分重视政务公开', '1.5万条信息', '一些问题仍然存在'])
      expect(readNumbering(text), text).toBeNull();
  });

  it('a report whose parts are 第一部分 puts 一、 one level down', () => {
    const lines = outlineOf([
      p('第一部分 总体情况'),
      p('一、主动公开'),
      p('（一）规章'),
      p('第二部分 主动公开政府信息情况'),
    ]);
    expect(lines.map((l) => l.level)).toEqual([1, 2, 3, 1]);
    expect(
      parts([p('第一部分 总体情况'), p('一、主动公开'), p('二、依申请公开'), p('第二部分 主动公开政府信息情况')]),
    ).toEqual([
      ['第一部分', '第一部分 总体情况', 1],
      ['第二部分', '第二部分 主动公开政府信息情况', 2],
    ]);
  });
});

describe('the parts of every real excerpt, and nothing else', () => {
  for (const [name, expected, notParts] of EXCERPTS) {
    const want = expected.map(([printed, text, part]) => [printed, `${printed}${text}`, part]);
    const headings = expected.map(([printed, text]) => p(`${printed}${text}`));

    it(`${name}: each non-part, wherever it stands and with or without prose, opens nothing`, () => {
      for (let gap = 1; gap <= headings.length; gap++)
        for (const line of notParts)
          for (const variant of [line, `${line}${PROSE}`]) {
            const blocks = [p(PROSE), ...headings.slice(0, gap), p(variant), p(PROSE), ...headings.slice(gap)];
            expect(parts(blocks), `${variant} after part ${gap}`).toEqual(want);
          }
    });

    it(`${name}: flattened onto one line, the parts worded as the template are still found`, () => {
      const flat = [
        '根据《中华人民共和国政府信息公开条例》要求，现公布本年度报告。',
        ...expected.flatMap(([printed, text], i) => [`${printed}${text}`, i === 0 ? notParts.join(PROSE) : '', PROSE]),
      ].join('');
      // inside a line only the template's own words mark a part: 概述, 主动公开情况, 下一步计划 do not
      const worded = expected.findIndex(([, text]) => /概述|^主动公开情况$|下一步/.test(text));
      expect(parts([p(flat)])).toEqual(want.slice(0, worded < 0 ? want.length : worded));
    });
  }
});

describe('hongze-gov-2023 and 2024: sub-headings of 一 with part words are not parts', () => {
  const PARTS = [
    ['一、', '一、总体情况', 1, 1],
    ['二、', '二、主动公开政府信息情况', 2, 2],
    ['三、', '三、收到和处理政府信息公开申请情况', 3, 3],
    ['四、', '四、政府信息公开行政复议、行政诉讼情况', 4, 4],
    ['五、', '五、存在的主要问题及改进情况', 5, 4],
    ['六、', '六、其他需要报告的事项', 6, 5],
  ] as const;
  const SUBHEADINGS = [
    '（一）主动公开情况。',
    '（二）依申请公开情况。',
    '（三）政府信息管理情况。',
    '（四）政府信息公开平台建设情况。',
    '（五）政府信息公开监督保障情况。',
  ];
  /** the blocks as the PDF gives them: bold run-in sub-headings, 表三 split by a page break with one row between */
  function hongze(subheadingPages: number[], aloneAt: number | null): Block[] {
    const [one, two, three, four, five, six] = PARTS.map(([, heading, , page]) => h(heading, page));
    return [
      h('洪泽区人民政府2023年政府信息公开工作年度报告', 1),
      p('本报告由淮安市洪泽区人民政府办公室根据《条例》要求编制此报告。', 1),
      one!,
      p(PROSE, 1),
      ...SUBHEADINGS.flatMap((s, i) =>
        i === aloneAt
          ? [p(s, subheadingPages[i]), p(PROSE, subheadingPages[i])]
          : [h(`${s}主要通过政府门户网站主动公开政府`, subheadingPages[i]), p(`文件。${PROSE}`, subheadingPages[i])],
      ),
      two!,
      table(2, '第二十条第（一）项', '信息内容', '本年制发件数'),
      three!,
      table(
        3,
        '申请人情况',
        '一、本年新收政府信息公开申请数量',
        '二、上年结转政府信息公开申请数量',
        '三、本年度办理结果',
      ),
      p('2.没有现成信息需要另行制作3 0 0 0 0 0 3', 3),
      table(4, '3.补正后申请内容仍不明确', '（七）总计', '四、结转下年度继续办理'),
      four!,
      table(4, '行政复议', '行政诉讼', '结果维持'),
      five!,
      p(`${PROSE}下一步，将切实抓好以下工作：一是扎实推进依申请公开。`, 4),
      six!,
      p('全年收取政府信息公开信息处理费0元。', 5),
    ];
  }
  const want = PARTS.map(([printed, heading, number, page]) => ({ printed, heading, number, page }));

  it('2023: （三） stands alone on its line; the rest run into their prose', () => {
    const sections = findSections(hongze([1, 1, 1, 2, 2], 2));
    expect(sections.map(({ printed, heading, number, page }) => ({ printed, heading, number, page }))).toEqual(want);
    expect(sections[0]!.text).toContain('（五）政府信息公开监督保障情况。');
  });

  it('2024: all five run into their prose', () => {
    const sections = findSections(hongze([1, 1, 2, 2, 2], null));
    expect(sections.map(({ printed, heading, number, page }) => ({ printed, heading, number, page }))).toEqual(want);
  });
});

describe('what never opens a part', () => {
  it('an intro that names the six parts in prose or as a numbered list', () => {
    const intro = [
      '本报告包括总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开行政复议、行政诉讼情况、存在的主要问题及改进情况、其他需要报告的事项等六个部分。',
      '本报告由一、总体情况；二、主动公开政府信息情况；三、收到和处理政府信息公开申请情况；四、政府信息公开行政复议、行政诉讼情况；五、存在的主要问题及改进情况；六、其他需要报告的事项六个部分组成。',
    ];
    for (const text of intro)
      expect(parts([p(text), p('一、总体情况'), p(PROSE)]), text).toEqual([['一、', '一、总体情况', 1]]);
  });

  it('表三 row labels in flattened table text after part 三', () => {
    const flat = `${PROSE}三、收到和处理政府信息公开申请情况（本列数据的勾稽关系为：第一项加第二项之和）一、本年新收政府信息公开申请数量640020470二、上年结转政府信息公开申请数量000000三、本年度办理结果（一）予以公开1000001（七）总计630020469四、结转下年度继续办理1000001 四、政府信息公开行政复议、行政诉讼情况行政复议`;
    expect(parts([p('二、主动公开政府信息情况'), p(flat)])).toEqual([
      ['二、', '二、主动公开政府信息情况', 2],
      ['三、', '三、收到和处理政府信息公开申请情况', 3],
      ['四、', '四、政府信息公开行政复议、行政诉讼情况', 4],
    ]);
  });

  it('a list 一、二、 restarted inside part 五 that happens to use part words', () => {
    const blocks = [
      p('四、政府信息公开行政复议、行政诉讼情况'),
      p('五、存在的主要问题及改进情况'),
      p('一、依申请公开办理还不够规范'),
      p('二、主动公开内容还不够全面'),
      p('六、其他需要报告的事项'),
    ];
    expect(parts(blocks).map((s) => s[2])).toEqual([4, 5, 6]);
  });

  it('an unnumbered line with part words under 一 when part 二 is numbered later', () => {
    const blocks = [p('一、总体情况'), p('主动公开政府信息情况'), p(PROSE), p('二、主动公开政府信息情况')];
    expect(parts(blocks)).toEqual([
      ['一、', '一、总体情况', 1],
      ['二、', '二、主动公开政府信息情况', 2],
    ]);
  });
});

describe('what the report prints is recorded as printed', () => {
  it('a 六 printed 七、, a repeated 二、, and a part out of order', () => {
    const blocks = [
      p('一、总体情况'),
      p('二、主动公开政府信息情况'),
      p('二、收到和处理政府信息公开申请情况'),
      p('四、政府信息公开行政复议、行政诉讼情况'),
      p('六、其他需要报告的事项'),
      p('五、存在的主要问题及改进情况'),
      p('七、其他需要报告的事项'),
    ];
    expect(parts(blocks)).toEqual([
      ['一、', '一、总体情况', 1],
      ['二、', '二、主动公开政府信息情况', 2],
      ['二、', '二、收到和处理政府信息公开申请情况', 3],
      ['四、', '四、政府信息公开行政复议、行政诉讼情况', 4],
      ['六、', '六、其他需要报告的事项', 6],
      ['五、', '五、存在的主要问题及改进情况', 5],
      ['七、', '七、其他需要报告的事项', 6],
    ]);
  });

  it('a level-1 heading after 六 that names no part is kept, matched to none', () => {
    const sections = findSections([p('六、其他需要报告的事项'), p(PROSE), p('七、附件'), p('附表一份。')]);
    expect(sections.map((s) => [s.printed, s.key, s.number, s.text])).toEqual([
      ['六、', 'otherMatters', 6, PROSE],
      ['七、', null, null, '附表一份。'],
    ]);
  });

  it('an unnumbered part opens only where it belongs and says the template words', () => {
    const blocks = [
      p('一、总体情况'),
      p(PROSE),
      p('主动公开政府信息情况'),
      p(PROSE),
      p('三、收到和处理政府信息公开申请情况'),
    ];
    expect(parts(blocks)).toEqual([
      ['一、', '一、总体情况', 1],
      [null, '主动公开政府信息情况', 2],
      ['三、', '三、收到和处理政府信息公开申请情况', 3],
    ]);
    const outOfPlace = [p('一、总体情况'), p('三、收到和处理政府信息公开申请情况'), p('主动公开政府信息情况')];
    expect(parts(outOfPlace).map((s) => s[2])).toEqual([1, 3]);
  });

  it('Traditional headings and a run-in heading keep their prose apart', () => {
    const sections = findSections([p(`一、總體情況。${PROSE}`), p('二、主動公開政府信息情況')]);
    expect(sections.map((s) => [s.number, s.heading, s.text])).toEqual([
      [1, '一、總體情況', PROSE],
      [2, '二、主動公開政府信息情況', ''],
    ]);
  });
});

describe('headings read by OCR', () => {
  const ocr = (text: string): Block => ({ kind: 'paragraph', text, level: null, page: 1, ocr: true });
  const scan = (first: string) => [
    ocr(first),
    ocr(PROSE),
    ocr('二、主动公开政府信息情况'),
    ocr('三、收到和处理政府信息公开申请情况'),
  ];

  it('a numbering the engine could not read opens its part, the ordinal unknown, the heading uncertain', () => {
    const sections = findSections(scan('人人总体情况'));
    expect(sections.map((s) => [s.number, s.printed, s.ordinal, s.heading, s.uncertain, s.text])).toEqual([
      [1, null, null, '人人总体情况', true, PROSE],
      [2, '二、', 2, '二、主动公开政府信息情况', true, ''],
      [3, '三、', 3, '三、收到和处理政府信息公开申请情况', true, ''],
    ]);
  });

  it('only in a line read by OCR, and only where a numbering could stand', () => {
    const typed = scan('人人总体情况').map((b) => ({ ...b, ocr: undefined }));
    expect(parts(typed).map((s) => s[2])).toEqual([2, 3]);
    expect(parts(scan('本镇全年总体情况')).map((s) => s[2])).toEqual([2, 3]);
    expect(parts(scan('人人总体情况良好')).map((s) => s[2])).toEqual([2, 3]);
  });

  it('structure/heading-mislabeled does not take the engine’s misreading for the report’s', async () => {
    const { rule } = await import('../../src/audit/rules/structure-heading-mislabeled.js');
    const sections = findSections([...scan('人人总体情况'), ocr('四、政府信息公开行政复议、行政拆讼情况')]);
    const check = (s: typeof sections) => rule.check({ sections: s } as Parameters<typeof rule.check>[0], {});
    expect(check(sections)).toEqual([]);
    const typed = findSections([p('总体情况'), p('四、政府信息公开行政复议、行政拆讼情况')]);
    expect(check(typed).map((f) => f.severity ?? rule.severity)).toEqual(['warning', 'info']);
  });
});
