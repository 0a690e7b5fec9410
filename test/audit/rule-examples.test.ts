import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULES } from '../../src/audit/rules/index.js';
import type { RuleContext } from '../../src/audit/rule.js';
import { CorpusIndex } from '../../src/nightly/agencies.js';
import type { AnnualReport } from '../../src/model/report.js';
import { auditBytes, readReport } from '../../src/pipeline.js';

const RULES_DIR = join(import.meta.dirname, '../../src/audit/rules');

interface Example {
  kind: 'ok' | 'not-ok' | 'previous';
  location: string | null;
  text: string;
}

/** The @ok / @not-ok examples of a rule file's header comment, as plain-text reports. */
function examplesOf(source: string): { id: string | null; examples: Example[] } {
  const header = /\/\*\*([\s\S]*?)\*\//.exec(source)?.[1] ?? '';
  const lines = header.split('\n').map((l) => l.replace(/^\s*\* ?/, ''));
  const id = /^\s*([a-z-]+\/[a-z-]+) —/.exec(lines.find((l) => l.trim()) ?? '')?.[1] ?? null;
  const examples: Example[] = [];
  let current: Example | null = null;
  for (const line of lines) {
    const marker = /^@(ok|not-ok|previous)\b\s*(.*)$/.exec(line.trim());
    if (marker) {
      current = { kind: marker[1] as Example['kind'], location: marker[2]?.trim() || null, text: '' };
      examples.push(current);
    } else if (current) current.text += `${line}\n`;
  }
  return { id, examples };
}

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
    const ids = ruleFiles.map((f) => examplesOf(readFileSync(join(RULES_DIR, f), 'utf8')).id);
    expect(ids.filter((id) => id === null)).toEqual([]);
    expect(new Set(ids)).toEqual(new Set(RULES.map((r) => r.id)));
  });

  for (const file of ruleFiles) {
    const { id, examples } = examplesOf(readFileSync(join(RULES_DIR, file), 'utf8'));
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
