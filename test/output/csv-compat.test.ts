import { writeToBuffer } from 'fast-csv';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/model/finding.js';
import { CSV_COLUMNS, findingsCsv, spreadsheetSafe, writeFindingsCsv } from '../../src/output/csv.js';

type Row = Finding & { status: string; triage: string; fingerprint: string };
const EXTRA = ['status', 'triage', 'fingerprint'] as const;
const NASTY = [
  '',
  'a,b',
  'x|y',
  '"q"',
  'line\nbreak',
  'cr\rlf\r\n',
  'nul\0byte',
  '=SUM(A1)',
  '-3',
  '@x',
  '\ttab',
  '表三/（七）总计/自然人',
  ' lead',
  'trail ',
];

function rows(n: number): Row[] {
  return Array.from({ length: n }, (_, i): Row => {
    const pick = (k: number) => NASTY[(i * 7 + k) % NASTY.length]!;
    return {
      file: `c/${pick(0)}.txt`,
      agency: i % 5 ? pick(1) : null,
      year: i % 3 ? 2023 : null,
      rule: 'table/blank-cell',
      severity: 'warning',
      location: pick(2),
      expected: pick(3),
      actual: pick(4),
      message: pick(5),
      page: i % 4 ? i : null,
      status: 'new',
      triage: pick(6),
      fingerprint: i.toString(16).padStart(16, '0'),
    };
  });
}

/** What writeFindingsCsv wrote when it went through fast-csv. */
async function viaFastCsv(findings: Row[]): Promise<Buffer> {
  const headers = [...CSV_COLUMNS, ...EXTRA];
  const cells = findings.map((f) =>
    headers.map((h) => {
      const v = (f as unknown as Record<string, unknown>)[h];
      return spreadsheetSafe(v === null || v === undefined ? '' : String(v));
    }),
  );
  const body = await writeToBuffer(cells, {
    headers: [...headers],
    quoteColumns: false,
    includeEndRowDelimiter: true,
    rowDelimiter: '\r\n',
  });
  return Buffer.concat([Buffer.from('\ufeff', 'utf8'), body]);
}

describe('the CSV writer', () => {
  it('writes the header row when there is no finding (fast-csv wrote none)', async () => {
    expect((await findingsCsv([], [...EXTRA])).toString('utf8')).toBe(
      `\ufeff${[...CSV_COLUMNS, ...EXTRA].join(',')}\r\n`,
    );
  });

  it.each([1, 1200])('writes byte for byte what fast-csv wrote, for %i awkward rows', async (n) => {
    const findings = rows(n);
    const want = await viaFastCsv(findings);
    expect(await findingsCsv(findings, [...EXTRA])).toEqual(want);
    const path = join(mkdtempSync(join(tmpdir(), 'nianbao-csv-')), 'out', 'f.csv');
    await writeFindingsCsv(path, findings, [...EXTRA]);
    expect(readFileSync(path)).toEqual(want);
  });
});
