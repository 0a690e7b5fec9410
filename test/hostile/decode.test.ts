import { describe, expect, it } from 'vitest';
import { decodeText } from '../../src/extract/decode.js';
import { extractDocument } from '../../src/extract/index.js';

const page = (charset: string) =>
  `<!doctype html><html><head><meta http-equiv="Content-Type" content="text/html; charset=${charset}"><title>某局2023年政府信息公开工作年度报告</title></head><body><h1>某局2023年政府信息公开工作年度报告</h1><p>一、总体情况</p></body></html>`;

describe('valid UTF-8 over a declared charset', () => {
  for (const charset of ['gbk', 'gb2312', 'big5', 'iso-8859-1', 'windows-1252'])
    it(`a UTF-8 page labelled ${charset} is read as UTF-8, not as mojibake`, async () => {
      const bytes = Buffer.from(page(charset), 'utf8');
      const decoded = decodeText(bytes);
      expect(decoded.encoding).toBe('utf-8');
      expect(decoded.text).toContain('某局2023年政府信息公开工作年度报告');
      const doc = await extractDocument(bytes);
      expect(doc.title).toBe('某局2023年政府信息公开工作年度报告');
    });

  it('an ASCII-only page keeps its declared charset (nothing to tell them apart)', () => {
    expect(decodeText(Buffer.from('<html><head><meta charset="gbk"></head><body>x</body></html>')).encoding).toBe(
      'gb18030',
    );
  });
});
