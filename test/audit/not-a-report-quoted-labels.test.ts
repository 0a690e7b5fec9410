import { describe, expect, it } from 'vitest';
import { runRules } from '../../src/audit/engine.js';
import { readReport } from '../../src/pipeline.js';

const rulesOf = async (text: string) => {
  const report = await readReport(new TextEncoder().encode(text), 'notes.md');
  return runRules(report, 'notes.md').map((f) => f.rule);
};

describe('structure/not-a-report and row labels quoted in prose', () => {
  it('a note that quotes 表三 row labels without values is not a report, not a report missing its parts', async () => {
    const note = [
      '# 样本说明',
      '',
      '| 文件 | 说明 |',
      '| --- | --- |',
      '| `a.pdf` | 表四 行政复议 prints 维持 10, 纠正 1。 Row （四）2 「没有现成信息需要另行制作」 sits just before the page break. |',
      '| `b.pdf` | 四、结转下年度继续办理 is printed on its own line. |',
    ].join('\n');
    expect(await rulesOf(note)).toEqual(['structure/not-a-report']);
  });

  it('a row printed with values the columns cannot take still makes the file a report (uncertain table)', async () => {
    const row = '| 一、本年新收政府信息公开申请数量 | 0 | 0 | 0 | 0 | 0 | 0 |';
    expect(await rulesOf(row)).toContain('extract/uncertain-table');
  });
});
