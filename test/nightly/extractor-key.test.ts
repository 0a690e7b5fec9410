import { relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parsingModules, rulesModules } from '../../src/nightly/extractor-key.js';

const names = (files: string[]) => files.map((f) => relative(`${import.meta.dirname}/../../src`, f)).sort();

describe('cache keys cover the modules the code imports, not folders', () => {
  it('the parse key covers the extractors, the PDF lattice, the structurer and the templates', () => {
    const parsing = names(parsingModules());
    for (const m of ['extract/index.ts', 'extract/pdf/lattice.ts', 'structure/index.ts', 'model/templates.ts'])
      expect(parsing).toContain(m);
    expect(parsing.some((m) => m.startsWith('audit/') || m.startsWith('nightly/') || m.startsWith('cli/'))).toBe(false);
  });

  it('the rules key covers every rule and the narrative, and nothing of the extractors', () => {
    const rules = names(rulesModules());
    for (const m of ['audit/rules/index.ts', 'audit/rules/applications-row-total.ts', 'audit/narrative/analyze.ts'])
      expect(rules).toContain(m);
    expect(rules.some((m) => m.startsWith('extract/'))).toBe(false);
  });
});
