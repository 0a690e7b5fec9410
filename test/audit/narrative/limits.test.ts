import { describe, expect, it } from 'vitest';
import { NARRATIVE_MAX_CHARS } from '../../../src/audit/narrative/extract.js';
import { audit } from './report-text.js';

const SENTENCE = '全年共收到政府信息公开申请12件，其中自然人申请10件，法人或其他组织申请3件；予以公开5件，占41.7%。';

/** Wall time of the narrative rules over `n` paragraphs of prose with numbers. */
async function timed(n: number): Promise<{ ms: number; findings: string[] }> {
  const started = performance.now();
  const { narrative } = await audit(Array.from({ length: n }, () => SENTENCE).join('\n'));
  return { ms: performance.now() - started, findings: narrative };
}

describe('the narrative pass grows with the text, not with its square', () => {
  it('four times the prose costs about four times the time, not sixteen', async () => {
    await timed(200);
    const small = await timed(1500);
    const large = await timed(6000);
    expect(large.findings.length).toBeGreaterThan(small.findings.length * 3);
    expect(large.ms / small.ms).toBeLessThan(8);
  }, 60_000);

  it('one sentence with thousands of numbers is read in linear time', async () => {
    const line = (n: number) => `本年收到申请${Array.from({ length: n }, (_, i) => `第${i}类${i % 7}件`).join('，')}。`;
    const t0 = performance.now();
    await audit(line(1000));
    const small = performance.now() - t0;
    const t1 = performance.now();
    await audit(line(8000));
    expect((performance.now() - t1) / small).toBeLessThan(20);
  }, 60_000);

  it('prose past the cap is read up to it, and an info finding says so', async () => {
    const n = Math.ceil(NARRATIVE_MAX_CHARS / SENTENCE.length) + 100;
    const { findings, narrative } = await audit(Array.from({ length: n }, () => SENTENCE).join('\n'));
    const cut = findings.filter((f) => f.location === '正文');
    expect(cut).toHaveLength(1);
    expect(cut[0]).toMatchObject({ rule: 'narrative/table-mismatch', severity: 'info' });
    expect(cut[0]!.message).toMatch(/只核对了前 500000 字/);
    expect(narrative.length).toBeGreaterThan(1);
  }, 60_000);
});
