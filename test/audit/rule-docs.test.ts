import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DOCS_DIR, ruleDocs, withRuleTable } from '../../scripts/rule-docs.js';

const ROOT = join(import.meta.dirname, '../..');

describe('the rule docs are what the rule headers say (npm run docs:rules rewrites them)', () => {
  const docs = ruleDocs();

  it('docs/rules/ holds exactly one page per rule', () => {
    const dir = join(ROOT, DOCS_DIR);
    expect(existsSync(dir) ? readdirSync(dir).sort() : []).toEqual([...docs.keys()].sort());
  });

  for (const [name, text] of docs) {
    it(`${name} is up to date`, () => {
      expect(readFileSync(join(ROOT, DOCS_DIR, name), 'utf8')).toBe(text);
    });
  }

  it("the README's rule table is up to date", () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    expect(readme).toBe(withRuleTable(readme));
  });
});
