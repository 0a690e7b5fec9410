import { describe, expect, it } from 'vitest';
import { extractClaims } from '../../../src/audit/narrative/extract.js';
import { readReport } from '../../../src/pipeline.js';

const SIMPLIFIED =
  '一、总体情况\n2021年，本机关共收到政府信息公开申请12件，主动公开政府信息684条，其中政策文件12条。\n二、主动公开政府信息情况';
const TRADITIONAL =
  '一、總體情況\n2021年，本機關共收到政府信息公開申請12件，主動公開政府信息684條，其中政策文件12條。\n二、主動公開政府信息情況';

describe('prose in Traditional script', () => {
  it('yields the same claims as the same prose in Simplified', async () => {
    const claims = async (text: string) =>
      extractClaims(await readReport(Buffer.from(text), 't.txt')).map((c) => [c.kind, c.subject, c.value]);
    const simplified = await claims(SIMPLIFIED);
    expect(simplified.length).toBeGreaterThan(0);
    expect(await claims(TRADITIONAL)).toEqual(simplified);
  });
});
