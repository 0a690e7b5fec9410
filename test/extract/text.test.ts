import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { textToDocument } from '../../src/extract/text.js';
import type { TableBlock } from '../../src/model/ir.js';

describe('plain text and Markdown', () => {
  it('splits tab rows into table cells, keeping empty positions', () => {
    const doc = textToDocument('行政复议\t\t结果\n\t\t2\t0\n');
    const table = doc.blocks[0] as TableBlock;
    expect(table.layout).toBe('text');
    expect(table.cells.filter((c) => c.row === 1).map((c) => c.text)).toEqual(['', '', '2', '0']);
  });

  it('reads pipe tables and skips the Markdown rule line', () => {
    const doc = textToDocument('| 信息内容 | 本年制发件数 |\n| --- | --- |\n| 规章 | 0 |\n');
    expect((doc.blocks[0] as TableBlock).rows).toBe(2);
  });

  it('removes the spaces a PDF extractor put between CJK characters and digits', () => {
    const doc = textToDocument('统计期限为 2023 年 1 月 1 日至 2023 年 12 月 31 日。');
    expect(doc.blocks[0]).toMatchObject({ text: '统计期限为2023年1月1日至2023年12月31日。' });
  });

  it('keeps a short numbered line as a block of its own and joins wrapped lines', () => {
    const doc = textToDocument(
      '一、总体情况\n全年工作\n继续推进。\n（一）主动公开。本年度发布信息43条，\n其中政策文件3条。\n',
    );
    expect(doc.blocks.map((b) => (b.kind === 'table' ? '' : b.text))).toEqual([
      '一、总体情况',
      '全年工作继续推进。',
      '（一）主动公开。本年度发布信息43条，其中政策文件3条。',
    ]);
  });

  it('reads the seed report into headings, paragraphs and three table fragments', () => {
    const doc = textToDocument(readFileSync(join(import.meta.dirname, '../fixtures/linwei-hrss-2023.txt'), 'utf8'));
    expect(doc.blocks.filter((b) => b.kind === 'table')).toHaveLength(4);
  });
});
