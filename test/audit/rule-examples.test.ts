import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULES } from '../../src/audit/rules/index.js';
import type { RuleContext } from '../../src/audit/rule.js';
import { CorpusIndex } from '../../src/nightly/agencies.js';
import type { AnnualReport } from '../../src/model/report.js';
import { auditBytes, readReport } from '../../src/pipeline.js';
import { type Example, parseRuleHeader } from '../../scripts/rule-headers.js';

const RULES_DIR = join(import.meta.dirname, '../../src/audit/rules');

/** `@previous` blocks are earlier reports of the same agency, for rules that compare years. */
async function contextFrom(examples: Example[]): Promise<RuleContext> {
  const previous: AnnualReport[] = [];
  for (const e of examples.filter((x) => x.kind === 'previous'))
    previous.push(await readReport(Buffer.from(e.text), 'previous.txt'));
  const index = new CorpusIndex((i) => previous[Number(i)] ?? null);
  for (const [i, r] of previous.entries()) index.add(r.meta.agency, r.meta.year, String(i));
  return { reportFor: (agency, year) => index.reportFor(agency, year) };
}

const ruleFiles = readdirSync(RULES_DIR).filter((f) => f.endsWith('.ts') && f !== 'index.ts');

describe('every rule documents itself with an ok and a not-ok example', () => {
  it('each rule file is registered and each registered rule has a file', () => {
    const ids = ruleFiles.map((f) => parseRuleHeader(readFileSync(join(RULES_DIR, f), 'utf8')).id);
    expect(ids.filter((id) => id === null)).toEqual([]);
    expect(new Set(ids)).toEqual(new Set(RULES.map((r) => r.id)));
  });

  for (const file of ruleFiles) {
    const { id, examples } = parseRuleHeader(readFileSync(join(RULES_DIR, file), 'utf8'));
    describe(`${id} (${file})`, () => {
      it('has at least one @ok and one @not-ok example', () => {
        expect(examples.some((e) => e.kind === 'ok')).toBe(true);
        expect(examples.some((e) => e.kind === 'not-ok')).toBe(true);
      });
      for (const example of examples.filter((e) => e.kind !== 'previous')) {
        it(`${example.kind}${example.location ? ` → ${example.location}` : ''}`, async () => {
          const context = await contextFrom(examples);
          const result = await auditBytes(
            Buffer.from(example.text.trim() ? example.text : ''),
            `${example.kind}.txt`,
            context,
          );
          const own = result.findings.filter((f) => f.rule === id);
          if (example.kind === 'ok') expect(own).toEqual([]);
          else expect(own.map((f) => f.location)).toContain(example.location);
        });
      }
    });
  }
});
