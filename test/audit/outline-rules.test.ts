import { describe, expect, it } from 'vitest';
import { auditBytes } from '../../src/pipeline.js';

const findings = async (text: string, rule: string) =>
  (await auditBytes(Buffer.from(text), 't.txt')).findings
    .filter((f) => f.rule === rule)
    .map((f) => [f.severity, f.location]);

describe('structure/section-order', () => {
  it('reports a number printed three times once, at its first repetition', async () => {
    const text =
      '一、总体情况\n二、主动公开政府信息情况\n二、收到和处理政府信息公开申请情况\n二、政府信息公开行政复议、行政诉讼情况';
    expect(await findings(text, 'structure/section-order')).toEqual([
      ['warning', '二、收到和处理政府信息公开申请情况'],
    ]);
  });

  it('orders by the template part, not by the printed number', async () => {
    const text = '一、总体情况\n二、存在的主要问题及改进情况\n三、主动公开政府信息情况';
    expect(await findings(text, 'structure/section-order')).toEqual([['warning', '三、主动公开政府信息情况']]);
  });
});

describe('structure/heading-mislabeled', () => {
  it('script, width, brackets, spaces and a trailing 。 or ： are not wording', async () => {
    const text =
      '一、總體情況。\n二． 主动公开政府信息情况：\n三、收到和處理政府信息公開申請情況\n四、政府信息公开行政复议，行政诉讼情况\n五、存在的主要问题及改进情况\n六、其他需要报告的事项';
    expect(await findings(text, 'structure/heading-mislabeled')).toEqual([]);
  });

  it('a wrong number is a warning, other words are info', async () => {
    const text =
      '一、总体情况\n二、主动公开政府信息情况\n三、收到和处理政府信息公开申请情况\n四、政府信息公开行政复议、行政诉讼情况\n五、存在的主要问题及下一步计划\n七、其他需要报告的事项';
    expect(await findings(text, 'structure/heading-mislabeled')).toEqual([
      ['info', '五、存在的主要问题及改进情况'],
      ['warning', '六、其他需要报告的事项'],
    ]);
  });
});
