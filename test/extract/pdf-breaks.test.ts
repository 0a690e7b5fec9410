/**
 * 表三 of one corpus report printed with the page break at different rows
 * (scripts/make-pdf-fixtures.ts): a row cut in two, a group label cut in two,
 * a break right before a spanning cell, a break between groups; Chromium and
 * LibreOffice each draw the break their own way. Every row must come out
 * once, whole, exactly as the HTML source has it.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applicationTexts, tableCells } from '../../scripts/pdf-fixtures/break-shift.js';
import { auditFile } from '../../src/pipeline.js';
import { FIXTURES, extract, tableWith } from './pdf-helpers.js';

const SOURCE = join(import.meta.dirname, '..', '..', 'corpus', 'reports', '2022-heping-street.html');
const fixtures = readdirSync(FIXTURES)
  .filter((f) => f.startsWith('break-'))
  .sort();

async function applicationCells(path: string): Promise<Record<string, string>> {
  const report = (await auditFile(path)).report as { tables?: { applications?: unknown } } | null;
  return tableCells(report?.tables?.applications ?? null);
}

describe('表三 across a page break, wherever it falls', () => {
  it('has renderings from both producers', () => {
    expect(fixtures.filter((f) => f.startsWith('break-chromium-')).length).toBeGreaterThanOrEqual(3);
    expect(fixtures.filter((f) => f.startsWith('break-lo-')).length).toBeGreaterThanOrEqual(2);
  });

  it.each(fixtures)('%s: the table does break across two pages', async (name) => {
    const t = tableWith(await extract(name), '予以公开');
    expect(new Set(t.cells.map((c) => c.page))).toEqual(new Set([1, 2]));
  });

  it.each(fixtures)('%s: every 表三 value as the HTML source has it', async (name) => {
    const want = await applicationCells(SOURCE);
    expect(Object.keys(want)).toHaveLength(25 * 7);
    expect(await applicationCells(join(FIXTURES, name))).toEqual(want);
  });

  it.each(fixtures)('%s: every 表三 cell text once, none lost, none duplicated, none left cut', async (name) => {
    expect(await applicationTexts(join(FIXTURES, name))).toEqual(await applicationTexts(SOURCE));
  });
});
