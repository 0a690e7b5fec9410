import { parseString } from 'fast-csv';
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/model/finding.js';
import { CSV_COLUMNS, findingsCsv, spreadsheetSafe } from '../../src/output/csv.js';

const finding: Finding = {
  file: 'a "quoted", file.html',
  agency: '某局',
  year: 2023,
  rule: 'table/invalid-number',
  severity: 'error',
  location: '表三/一、本年新收/自然人',
  expected: '非负整数',
  actual: '=HYPERLINK("x")',
  message: '多行\n消息',
  page: null,
};

describe('the discrepancy CSV', () => {
  it('starts with a BOM and the fixed columns, and round-trips quotes and newlines', async () => {
    const buf = await findingsCsv([finding]);
    expect([...buf.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows: string[][] = [];
    await new Promise<void>((resolve, reject) =>
      parseString(buf.toString('utf8').slice(1))
        .on('data', (r: string[]) => rows.push(r))
        .on('end', () => resolve())
        .on('error', reject),
    );
    expect(rows[0]).toEqual([...CSV_COLUMNS]);
    expect(rows[1]).toEqual([
      'a "quoted", file.html',
      '某局',
      '2023',
      'table/invalid-number',
      'error',
      '表三/一、本年新收/自然人',
      '非负整数',
      `'=HYPERLINK("x")`,
      '多行\n消息',
    ]);
  });

  it.each(['=1+1', '+1', '-4', '@SUM(A1)', '\tx', '\rx'])('neutralises a cell starting a formula: %j', (v) =>
    expect(spreadsheetSafe(v)).toBe(`'${v}`),
  );

  it('appends extra columns after the fixed ones', async () => {
    const text = (await findingsCsv([{ ...finding, status: 'new' }], ['status'])).toString('utf8');
    expect(text.split('\r\n')[0]).toBe(`\ufeff${[...CSV_COLUMNS, 'status'].join(',')}`);
  });
});
