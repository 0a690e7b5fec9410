import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { auditBytes } from '../../src/pipeline.js';

/** A clean corpus report (no recorded findings): every finding below comes from the perturbation. */
const BASE = readFileSync(join(import.meta.dirname, '../../corpus/reports/2023-lingang-city-office.html'), 'utf8');
const audit = async (html: string) => (await auditBytes(Buffer.from(html), 'r.html')).findings;
const rulesOf = (findings: { rule: string }[]) => findings.map((f) => f.rule);
const NEW_RECEIVED_TOTAL = '<td>14</td><td>6</td><td>94</td></tr>';

describe('nothing a report prints makes it unreadable', () => {
  it('a part printed 七、 is recorded as printed and reported as a numbering deviation', async () => {
    const findings = await audit(BASE.replace('六、其他需要报告的事项', '七、其他需要报告的事项'));
    expect(findings.map((f) => [f.rule, f.severity, f.location])).toEqual([
      ['structure/heading-mislabeled', 'warning', '六、其他需要报告的事项'],
    ]);
    const { report } = await auditBytes(Buffer.from(BASE.replace('六、其他', '七、其他')), 'r.html');
    expect(report!.sections.at(-1)).toMatchObject({ number: 6, printed: '七、', key: 'otherMatters' });
  });

  it('a cell of 400 digits is an invalid number, not a broken model', async () => {
    const findings = await audit(
      BASE.replace(NEW_RECEIVED_TOTAL, `<td>14</td><td>6</td><td>${'9'.repeat(400)}</td></tr>`),
    );
    expect(rulesOf(findings)).toContain('table/invalid-number');
    expect(rulesOf(findings)).not.toContain('extract/unreadable');
  });

  const numbering = fc.constantFrom(
    '零、',
    '七、',
    '十一、',
    '九十九、',
    '第十二部分',
    '第零部分',
    '（九十）',
    '〔七〕',
    '(99)',
    '99.',
    '一百是',
    '⑳',
    '',
  );
  const words = fc.constantFrom(
    '总体情况',
    '總體情況',
    '其他需要报告的事项',
    '主动公开政府信息情况',
    '本年新收政府信息公开申请数量',
    '结转下年度继续办理',
    '附件',
    '',
  );
  const junk = fc.string({ maxLength: 12 }).map((s) => s.replace(/[<>&]/g, ''));
  const heading = fc.tuple(numbering, words, junk).map(([n, w, j]) => `${n}${w}${j}`);
  const cell = fc.constantFrom('9'.repeat(400), '-3', 'NaN', '1e309', '１２', '9007199254740993', '0.5', '增5', '');

  it('absurd headings anywhere and absurd cells: findings, never extract/unreadable', async () => {
    let cases = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(heading, { minLength: 1, maxLength: 6 }), cell, fc.nat(5), async (hs, value, at) => {
        cases++;
        const headingAt = [...BASE.matchAll(/<p><strong>/g)].map((m) => m.index);
        const cut = headingAt[at % headingAt.length]!;
        const inserted = hs.map((h) => `<p><strong>${h}</strong></p>\n<p>${h}</p>\n`).join('');
        const html = `${BASE.slice(0, cut)}${inserted}${BASE.slice(cut)}`.replace(
          NEW_RECEIVED_TOTAL,
          `<td>14</td><td>6</td><td>${value}</td></tr>`,
        );
        const rules = rulesOf(await audit(html));
        expect(rules).not.toContain('extract/unreadable');
        expect(rules.length).toBeGreaterThan(0);
      }),
      { numRuns: 150, seed: 20240610 },
    );
    console.info(`recordable: ${cases} generated reports with absurd headings and cells, 0 unreadable`);
  });
});
