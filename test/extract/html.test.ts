import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { cellMatrix } from '../../src/model/grid.js';
import { decodeText } from '../../src/extract/decode.js';
import { extractDocument } from '../../src/extract/index.js';
import { htmlToDocument } from '../../src/extract/html.js';
import type { TableBlock } from '../../src/model/ir.js';

const page = (body: string, head = '<meta charset="utf-8">') =>
  `<!doctype html><html><head>${head}<title>某局2023年政府信息公开工作年度报告</title></head><body>${body}</body></html>`;

describe('decoding', () => {
  it('reads a GB2312-labelled page with GBK-only characters', () => {
    const html = page(
      '<p>一、总体情况</p><p>镕</p>',
      '<meta http-equiv="Content-Type" content="text/html; charset=gb2312">',
    );
    const decoded = decodeText(iconv.encode(html, 'gbk'));
    expect(decoded.encoding).toBe('gb18030');
    expect(decoded.text).toContain('镕');
  });

  it('detects GBK when the page declares nothing', () => {
    const decoded = decodeText(
      iconv.encode(page('<p>本年新收政府信息公开申请数量</p><p>收到和处理政府信息公开申请情况</p>', ''), 'gbk'),
    );
    expect(decoded.by).toBe('detected');
    expect(decoded.text).toContain('本年新收政府信息公开申请数量');
  });

  it('trusts a byte-order mark over a wrong declaration', () => {
    const decoded = decodeText(
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(page('<p>总体情况</p>', '<meta charset="gbk">'))]),
    );
    expect(decoded.by).toBe('bom');
    expect(decoded.text).toContain('总体情况');
  });

  it('falls back when a page declares UTF-8 but is GBK', () => {
    const decoded = decodeText(iconv.encode(page('<p>主动公开政府信息情况，行政复议、行政诉讼情况</p>'), 'gbk'));
    expect(decoded.text).toContain('主动公开政府信息情况');
  });
});

describe('the report body inside a government page', () => {
  const doc = htmlToDocument(
    page(`
    <div class="header"><ul class="nav"><li><a href="/">首页</a></li><li><a href="/a">政务公开</a></li></ul></div>
    <div class="breadcrumb">当前位置：<a href="/">首页</a> &gt; <a href="/b">年报</a></div>
    <div class="article"><h1>某局2023年政府信息公开工作年度报告</h1>
      <div class="content"><p><strong>一、总体情况</strong></p><p>全年&nbsp;共收到申请<br>12件。</p></div></div>
    <div class="related"><h3>相关链接</h3><ul><li><a href="/1">2022年年报</a></li><li><a href="/2">公开指南</a></li></ul></div>
    <div class="footer">版权所有 主办单位：某局</div>`),
  );
  const texts = doc.blocks.map((b) => (b.kind === 'table' ? '<table>' : b.text));

  it('keeps the article and drops navigation, breadcrumb, related links and footer', () => {
    expect(texts).toEqual(['某局2023年政府信息公开工作年度报告', '一、总体情况', '全年共收到申请', '12件。']);
  });

  it('marks h1 and bold-only paragraphs as headings', () => {
    expect(doc.blocks.filter((b) => b.kind === 'heading').map((b) => (b.kind === 'heading' ? b.text : ''))).toEqual([
      '某局2023年政府信息公开工作年度报告',
      '一、总体情况',
    ]);
  });

  it('takes the title from <title>', () => {
    expect(doc.title).toBe('某局2023年政府信息公开工作年度报告');
  });
});

describe('tables', () => {
  const table = (html: string) => htmlToDocument(page(html)).blocks.find((b): b is TableBlock => b.kind === 'table')!;

  it('expands rowspan and colspan into the grid a browser draws', () => {
    const t = table(`<table>
      <tr><td rowspan="3" colspan="3">说明</td><td colspan="7">申请人情况</td></tr>
      <tr><td rowspan="2">自然人</td><td colspan="5">法人或其他组织</td><td rowspan="2">总计</td></tr>
      <tr><td>商业企业</td><td>科研机构</td><td>社会公益组织</td><td>法律服务机构</td><td>其他</td></tr>
      <tr><td colspan="3">一、本年新收</td><td>1</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>1</td></tr></table>`);
    expect([t.rows, t.cols]).toEqual([4, 10]);
    const m = cellMatrix(t);
    expect(m.map((row) => row.map((c) => c?.text ?? '·'))).toEqual([
      [
        '说明',
        '说明',
        '说明',
        '申请人情况',
        '申请人情况',
        '申请人情况',
        '申请人情况',
        '申请人情况',
        '申请人情况',
        '申请人情况',
      ],
      [
        '说明',
        '说明',
        '说明',
        '自然人',
        '法人或其他组织',
        '法人或其他组织',
        '法人或其他组织',
        '法人或其他组织',
        '法人或其他组织',
        '总计',
      ],
      ['说明', '说明', '说明', '自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '总计'],
      ['一、本年新收', '一、本年新收', '一、本年新收', '1', '0', '0', '0', '0', '0', '1'],
    ]);
  });

  it('joins <br> and spaces inside a header cell into one label', () => {
    expect(
      table('<table><tr><td>商业<br/>企业</td><td>本年新&nbsp;制作数量</td></tr></table>').cells.map((c) => c.text),
    ).toEqual(['商业企业', '本年新制作数量']);
  });

  it('keeps a blank cell blank', () => {
    expect(table('<table><tr><td>规章</td><td>&nbsp;</td><td>0</td></tr></table>').cells.map((c) => c.text)).toEqual([
      '规章',
      '',
      '0',
    ]);
  });

  it('reads data tables nested inside layout tables', () => {
    const doc = htmlToDocument(
      page('<table><tr><td><p>一、总体情况</p><table><tr><td>规章</td><td>0</td></tr></table></td></tr></table>'),
    );
    expect(doc.blocks.map((b) => b.kind)).toEqual(['paragraph', 'table']);
  });
});

describe('format by content', () => {
  it('reads a .doc that is really a web page as HTML', async () => {
    const doc = await extractDocument(Buffer.from(page('<p>一、总体情况</p>')));
    expect(doc.format).toBe('html');
  });

  it('refuses an empty file as unreadable', async () => {
    await expect(extractDocument(Buffer.alloc(0))).rejects.toThrow('文件为空');
  });

  it('refuses binary noise as unreadable', async () => {
    const noise = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 37) % 256));
    await expect(extractDocument(noise)).rejects.toThrow(/无法识别|乱码/);
  });
});

describe('a CMS page with the title beside the article body', () => {
  it('keeps the <h1> title in the report body', () => {
    const doc = htmlToDocument(
      page(`<div class="main"><h1>某局2023年政府信息公开工作年度报告</h1><div class="info">发布时间：2024-01-20</div>
      <div id="zoom"><p>根据《中华人民共和国政府信息公开条例》要求，现公布某局2023年度政府信息公开工作年度报告。本报告由总体情况等六个部分组成，统计期限为2023年1月1日至2023年12月31日。</p>
      <p>一、总体情况</p><p>${'全年工作稳步推进。'.repeat(30)}</p><table><tr><td>规章</td><td>0</td></tr></table></div></div>`),
    );
    expect(doc.blocks[0]).toMatchObject({ kind: 'heading', text: '某局2023年政府信息公开工作年度报告' });
  });
});

describe('limits of an HTML page', () => {
  it('a page nested past the limit is unreadable at once, not a quadratic parse', () => {
    const depth = 100_000;
    const started = performance.now();
    expect(() => htmlToDocument(page(`${'<div>'.repeat(depth)}一、总体情况${'</div>'.repeat(depth)}`))).toThrow(
      /嵌套过深/,
    );
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  it('nesting within the limit is read', () => {
    const doc = htmlToDocument(page(`${'<div>'.repeat(300)}<p>一、总体情况</p>${'</div>'.repeat(300)}`));
    expect(doc.blocks.map((b) => (b.kind === 'table' ? '' : b.text))).toContain('一、总体情况');
  });

  it('unclosed list items and cells do not count as nesting', () => {
    const items = Array.from({ length: 5000 }, (_, i) => `<li>第${i}项`).join('');
    expect(() => htmlToDocument(page(`<ul>${items}</ul>`))).not.toThrow();
  });

  it('a page over the size limit is unreadable (too-large), not a DOM', async () => {
    const big = page(`<p>${'本年收到申请12件。'.repeat(2_500_000)}</p>`);
    await expect(extractDocument(Buffer.from(big))).rejects.toMatchObject({ reason: 'too-large' });
  });
});

describe('limits of a text file', () => {
  it('a text file over the size limit is unreadable (too-large)', async () => {
    const big = Buffer.alloc(21 * 1024 * 1024, '本年收到申请12件。\n');
    await expect(extractDocument(big)).rejects.toMatchObject({ reason: 'too-large', message: /文本文件过大/ });
  });
});
