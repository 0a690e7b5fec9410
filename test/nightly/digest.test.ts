import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeCorpus, tinyReport } from '../../bench/make-corpus.js';
import { runRules } from '../../src/audit/engine.js';
import { RULES } from '../../src/audit/rules/index.js';
import { CorpusIndex } from '../../src/nightly/agencies.js';
import { corpusDigest } from '../../src/nightly/digest.js';
import { isCorpusRule } from '../../src/nightly/shard-output.js';
import type { AnnualReport } from '../../src/model/report.js';
import { readReport } from '../../src/pipeline.js';
import { tempDir } from './helpers.js';

const CORPUS_RULES = RULES.filter((r) => isCorpusRule(r.id));

function crossYear(reports: Map<string, AnnualReport>): string[] {
  const index = new CorpusIndex((file) => reports.get(file) ?? null);
  for (const [file, r] of reports) index.add(r.meta.agency, r.meta.year, file);
  const context = { reportFor: (agency: string, year: number) => index.reportFor(agency, year) };
  return [...reports].flatMap(([file, r]) => runRules(r, file, context, CORPUS_RULES).map((f) => JSON.stringify(f)));
}

describe('the corpus digest', () => {
  it('gives the cross-year rules exactly the findings the whole reports give', async () => {
    const dir = join(tempDir(), 'c');
    makeCorpus(dir, 60);
    const base = { agency: '某县水利局', newReceived: 3, issued: 1, repealed: 0 };
    writeFileSync(
      join(dir, 'w-2022.txt'),
      tinyReport({ ...base, year: 2022, carriedOver: 0, carriedForward: 1, inForce: 9 }),
    );
    writeFileSync(
      join(dir, 'w-2023.txt'),
      tinyReport({ ...base, year: 2023, carriedOver: 2, carriedForward: 0, inForce: 12 }),
    );
    const full = new Map<string, AnnualReport>();
    for (const name of readdirSync(dir, { recursive: true }).map(String).sort()) {
      if (!/\.(txt|html)$/.test(name)) continue;
      full.set(name, await readReport(readFileSync(join(dir, name)), join(dir, name)));
    }
    const digests = new Map(
      [...full].map(([file, r]) => [file, JSON.parse(JSON.stringify(corpusDigest(r))) as AnnualReport]),
    );
    const want = crossYear(full);
    expect(want.some((f) => f.includes('cross-year/carry-over'))).toBe(true);
    expect(want.some((f) => f.includes('cross-year/in-force-stock'))).toBe(true);
    expect(crossYear(digests)).toEqual(want);
  });
});
