import { describe, expect, it } from 'vitest';
import { csvRecords } from '../../src/nightly/csv-read.js';

describe('side files (manifest.csv, nianbao-triage.csv)', () => {
  it('reads quoted fields, a BOM, CRLF, blank lines and short rows, keyed by the lower-cased header', async () => {
    const text =
      '\ufeffFingerprint , Decision,note\r\nabc,accepted,"合并后重新统计, 见""说明"""\r\n\r\ndef,wontfix\r\n';
    expect(await csvRecords(text)).toEqual([
      { fingerprint: 'abc', decision: 'accepted', note: '合并后重新统计, 见"说明"' },
      { fingerprint: 'def', decision: 'wontfix', note: '' },
    ]);
  });
});
