import { parseString } from 'fast-csv';
import { describe, expect, it } from 'vitest';
import type { RunFinding } from '../../src/nightly/history.js';
import { HISTORY_COLUMNS } from '../../src/nightly/history.js';
import { CSV_COLUMNS, findingsCsv } from '../../src/output/csv.js';

/** What a spreadsheet would take for a formula, hidden behind what it skips or what a check once missed. */
const PAYLOADS = [
  '=cmd|" /C calc"!A0',
  '+1+1',
  '-2+3',
  '@SUM(A1)',
  '\t=1+1',
  '\r=1+1',
  '\0=HYPERLINK("http://x")',
  '\0\0\0+1',
  '\u200b=1+1',
  '\ufeff=1+1',
  '\x01\x02@x',
  ' =1+1',
  '\u00a0=1+1',
  '\x7f-1',
];

const COLUMNS = [...CSV_COLUMNS, ...HISTORY_COLUMNS];

function findingWith(value: string): RunFinding {
  const f: Record<string, unknown> = { page: null };
  for (const c of COLUMNS) f[c] = value;
  return f as unknown as RunFinding;
}

async function cells(buf: Buffer): Promise<string[][]> {
  const rows: string[][] = [];
  await new Promise<void>((resolve, reject) =>
    parseString(buf.toString('utf8').slice(1))
      .on('data', (r: string[]) => rows.push(r))
      .on('end', () => resolve())
      .on('error', reject),
  );
  return rows.slice(1);
}

describe('the CSV guard', () => {
  it('no cell of any column starts, at its first visible character, with a formula sign, and no control character is left', async () => {
    const rows = await cells(await findingsCsv(PAYLOADS.map(findingWith), HISTORY_COLUMNS));
    expect(rows).toHaveLength(PAYLOADS.length);
    for (const [i, row] of rows.entries()) {
      expect(row).toHaveLength(COLUMNS.length);
      for (const [j, cell] of row.entries()) {
        const where = `${COLUMNS[j]} of ${JSON.stringify(PAYLOADS[i])}`;
        expect(cell, where).not.toMatch(/^[\s\u00a0]*[=+\-@]/);
        expect(cell, where).not.toMatch(/[\0-\x08\v\f\x0e-\x1f\x7f\u200b\ufeff]/);
        expect(cell.startsWith("'"), where).toBe(true);
      }
    }
  });

  it('leaves ordinary text as it is', async () => {
    const [row] = await cells(await findingsCsv([findingWith('表三/一、本年新收')], HISTORY_COLUMNS));
    expect(new Set(row)).toEqual(new Set(['表三/一、本年新收']));
  });
});
