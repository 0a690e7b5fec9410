/**
 * The two real WPS/Jisupdf PDFs in ../shared/realworld: every 表二, 表三 and
 * 表四 cell as it was read by hand on the rendered pages (pdftoppm, checked
 * against pdftotext -layout; /work/verified/hongze-gov-*.json). Both break
 * 表三 across pp. 3–4, one row apart; the row above the break is drawn
 * without its bottom border, which the next page closes.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_EXTRACT_OPTIONS } from '../../src/extract/options.js';
import { pdfToDocument } from '../../src/extract/pdf/index.js';
import type { TableBlock } from '../../src/model/ir.js';
import { auditFile } from '../../src/pipeline.js';

const DIR = join(import.meta.dirname, '..', '..', '..', 'shared', 'realworld');
const APPLICANTS = [
  'natural_person',
  'commercial',
  'research',
  'social_welfare',
  'legal_services',
  'other_org',
  'total',
];
const OUTCOMES = ['upheld', 'corrected', 'other', 'pending', 'total'];

/** Hand-read cells, as printed; a 表三/表四 row is its values left to right. */
const PRINTED = {
  2023: {
    activeDisclosure: {
      art20_1: {
        regulations: { issued: '0', repealed: '0', in_force: '0' },
        normative_documents: { issued: '0', repealed: '5', in_force: '5' },
      },
      art20_5: { licensing: { decisions: '550' } },
      art20_6: { penalty: { decisions: '4119' }, coercion: { decisions: '195' } },
      art20_8: { fees: { amount: '7730.28' } },
    },
    applications: {
      new_received: '21 0 0 0 0 0 21',
      carried_over: '0 0 0 0 0 0 0',
      granted: '0 0 0 0 0 0 0',
      partially_granted: '4 0 0 0 0 0 4',
      denied_state_secret: '1 0 0 0 0 0 1',
      denied_law_prohibited: '0 0 0 0 0 0 0',
      denied_security_stability: '0 0 0 0 0 0 0',
      denied_third_party: '0 0 0 0 0 0 0',
      denied_internal_affairs: '0 0 0 0 0 0 0',
      denied_process_info: '1 0 0 0 0 0 1',
      denied_enforcement_file: '1 0 0 0 0 0 1',
      denied_inquiry: '0 0 0 0 0 0 0',
      unavailable_not_held: '10 0 0 0 0 0 10',
      unavailable_needs_creation: '3 0 0 0 0 0 3',
      unavailable_unclear: '0 0 0 0 0 0 0',
      rejected_petition: '1 0 0 0 0 0 1',
      rejected_duplicate: '0 0 0 0 0 0 0',
      rejected_publication: '0 0 0 0 0 0 0',
      rejected_excessive: '0 0 0 0 0 0 0',
      rejected_confirmation: '0 0 0 0 0 0 0',
      other: '0 0 0 0 0 0 0',
      total_processed: '21 0 0 0 0 0 21',
      carried_forward: '0 0 0 0 0 0 0',
    },
    reviewLitigation: {
      review: '10 1 0 0 0',
      litigation_direct: '0 0 0 0 0',
      litigation_after_review: '5 0 0 0 0',
    },
    /** the last 表三 row on p. 3 and the first on p. 4 */
    breakRows: ['unavailable_needs_creation', 'unavailable_unclear'],
  },
  2024: {
    activeDisclosure: {
      art20_1: {
        regulations: { issued: '0', repealed: '0', in_force: '0' },
        normative_documents: { issued: '3', repealed: '0', in_force: '8' },
      },
      art20_5: { licensing: { decisions: '9487' } },
      art20_6: { penalty: { decisions: '2776' }, coercion: { decisions: '84' } },
      art20_8: { fees: { amount: '7545' } },
    },
    applications: {
      new_received: '95 0 0 0 0 0 95',
      carried_over: '0 0 0 0 0 0 0',
      granted: '50 0 0 0 0 0 50',
      partially_granted: '9 0 0 0 0 0 9',
      denied_state_secret: '0 0 0 0 0 0 0',
      denied_law_prohibited: '0 0 0 0 0 0 0',
      denied_security_stability: '1 0 0 0 0 0 1',
      denied_third_party: '0 0 0 0 0 0 0',
      denied_internal_affairs: '0 0 0 0 0 0 0',
      denied_process_info: '1 0 0 0 0 0 1',
      denied_enforcement_file: '1 0 0 0 0 0 1',
      denied_inquiry: '0 0 0 0 0 0 0',
      unavailable_not_held: '31 0 0 0 0 0 31',
      unavailable_needs_creation: '1 0 0 0 0 0 1',
      unavailable_unclear: '0 0 0 0 0 0 0',
      rejected_petition: '1 0 0 0 0 0 1',
      rejected_duplicate: '0 0 0 0 0 0 0',
      rejected_publication: '0 0 0 0 0 0 0',
      rejected_excessive: '0 0 0 0 0 0 0',
      rejected_confirmation: '0 0 0 0 0 0 0',
      other: '0 0 0 0 0 0 0',
      total_processed: '95 0 0 0 0 0 95',
      carried_forward: '0 0 0 0 0 0 0',
    },
    reviewLitigation: {
      review: '1 1 0 0 2',
      litigation_direct: '1 0 0 0 1',
      litigation_after_review: '2 0 1 0 3',
    },
    breakRows: ['unavailable_not_held', 'unavailable_needs_creation'],
  },
};

/**
 * 「2.其他法律行政止公开」 is printed with 法规禁 missing: the extractor reads the
 * row (checked on the IR below), but placing it under its template row is
 * the row alignment's job (issue 10, class 3), which has not landed here.
 */
const MISPRINTED_ROW = 'applications/denied_law_prohibited';

type Printed = (typeof PRINTED)[2023];

/** `path → "value | raw"` of every printed cell. */
function expectedCells(p: Printed): Record<string, string> {
  const out: Record<string, string> = {};
  const put = (path: string, names: string[], raws: string[]) => {
    for (const [i, raw] of raws.entries()) out[`${path}/${names[i]}`] = `${Number(raw)} | ${raw}`;
  };
  for (const [item, rows] of Object.entries(p.activeDisclosure))
    for (const [row, cells] of Object.entries(rows))
      put(`activeDisclosure/${item}/${row}`, Object.keys(cells), Object.values(cells));
  for (const [row, values] of Object.entries(p.applications)) put(`applications/${row}`, APPLICANTS, values.split(' '));
  for (const [row, values] of Object.entries(p.reviewLitigation))
    put(`reviewLitigation/${row}`, OUTCOMES, values.split(' '));
  return out;
}

interface ReadCell {
  value: unknown;
  raw: string;
  page?: number;
}

function readCells(node: unknown, path: string, out: Record<string, ReadCell>): Record<string, ReadCell> {
  if (node && typeof node === 'object' && 'raw' in node && 'value' in node) out[path] = node as ReadCell;
  else if (node && typeof node === 'object')
    for (const [k, v] of Object.entries(node)) readCells(v, path ? `${path}/${k}` : k, out);
  return out;
}

function split(cells: Record<string, string>, pending: boolean): Record<string, string> {
  return Object.fromEntries(Object.entries(cells).filter(([k]) => k.startsWith(`${MISPRINTED_ROW}/`) === pending));
}

const present = existsSync(join(DIR, 'hongze-gov-2023.pdf')) && existsSync(join(DIR, 'hongze-gov-2024.pdf'));
if (!present) console.warn(`SKIPPED: the real hongze PDFs are not in ${DIR}`);

describe.skipIf(!present).each([2023, 2024] as const)('hongze-gov-%s.pdf', (year) => {
  const file = join(DIR, `hongze-gov-${year}.pdf`);
  const printed = PRINTED[year];
  const read = async () => {
    const cells = readCells((await auditFile(file)).report?.tables ?? null, '', {});
    const shown = Object.fromEntries(Object.entries(cells).map(([k, c]) => [k, `${String(c.value)} | ${c.raw}`]));
    return { cells, shown };
  };

  it('reads every 表二, 表三 and 表四 cell as printed (value and raw)', async () => {
    const { shown } = await read();
    expect(split(shown, false)).toEqual(split(expectedCells(printed), false));
  });

  it('keeps the rows on either side of the page break, each on its own page', async () => {
    const { cells } = await read();
    const [above, below] = printed.breakRows;
    expect(cells[`applications/${above}/total`]?.page).toBe(3);
    expect(cells[`applications/${below}/total`]?.page).toBe(4);
  });

  it('extracts the misprinted row 「2.其他法律行政止公开」 with its seven values', async () => {
    const doc = await pdfToDocument(new Uint8Array(readFileSync(file)), DEFAULT_EXTRACT_OPTIONS);
    const table = doc.blocks.find(
      (b): b is TableBlock => b.kind === 'table' && b.cells.some((c) => c.text === '2.其他法律行政止公开'),
    );
    const label = table?.cells.find((c) => c.text === '2.其他法律行政止公开');
    const values = table?.cells
      .filter((c) => c.row === label?.row && c.col > label.col)
      .sort((p, q) => p.col - q.col)
      .map((c) => c.text);
    expect(values?.join(' ')).toBe(printed.applications.denied_law_prohibited);
  });

  it('places the misprinted row under its template row', async () => {
    const { shown } = await read();
    expect(split(shown, true)).toEqual(split(expectedCells(printed), true));
  });
});
