/**
 * What the narrative rules see across a corpus: claims extracted from the
 * prose, how many were compared (with a table or a stated denominator), how
 * many were left alone because their words were ambiguous, and why the rest
 * stayed uncompared. Run: npm run narrative:stats [-- PATH...] (default: corpus)
 */
import { readFile } from 'node:fs/promises';
import { analyzeNarrative, type NarrativeAnalysis } from '../src/audit/narrative/analyze.js';
import { walkInputs } from '../src/nightly/walk.js';
import { readReport } from '../src/pipeline.js';

interface Totals {
  files: number;
  unreadable: number;
  claims: number;
  compared: number;
  contradicted: number;
  ambiguous: number;
  uncompared: number;
  otherSubject: number;
  unmapped: number;
  reasons: Map<string, number>;
}

function add(t: Totals, a: NarrativeAnalysis): void {
  t.claims += a.claims.length;
  t.compared += a.compared.length;
  t.contradicted += a.compared.filter((c) => !c.consistent).length;
  t.ambiguous += a.ambiguous.length;
  t.uncompared += a.uncompared.length;
  t.otherSubject += a.uncompared.filter((c) => c.status === 'other-subject').length;
  t.unmapped += a.claims.filter((c) => c.status === 'unmapped' && c.kind !== 'percent').length;
  for (const c of a.ambiguous) {
    const reason =
      c.kind === 'percent'
        ? 'share of an unstated number'
        : ((c.reason?.startsWith('多种含义') ? 'several subjects' : c.reason) ?? 'other');
    t.reasons.set(reason, (t.reasons.get(reason) ?? 0) + 1);
  }
}

async function main(paths: string[]): Promise<void> {
  const { files } = await walkInputs(paths);
  const t: Totals = {
    files: 0,
    unreadable: 0,
    claims: 0,
    compared: 0,
    contradicted: 0,
    ambiguous: 0,
    uncompared: 0,
    otherSubject: 0,
    unmapped: 0,
    reasons: new Map(),
  };
  for (const file of files) {
    t.files++;
    try {
      add(t, analyzeNarrative(await readReport(await readFile(file), file)));
    } catch {
      t.unreadable++;
    }
  }
  console.log(`files read                  ${t.files - t.unreadable} of ${t.files}`);
  console.log(`claims extracted            ${t.claims}`);
  console.log(`compared                    ${t.compared} (${t.contradicted} contradicted)`);
  console.log(
    `ambiguous (left alone)      ${t.ambiguous}${[...t.reasons].map(([r, n]) => `\n  ${r.padEnd(26)}${n}`).join('')}`,
  );
  console.log(`one subject, not compared   ${t.uncompared} (another year, or the table cell unknown)`);
  console.log(`  another subject           ${t.otherSubject} (one office of several, documents by 公开属性)`);
  console.log(`no table subject            ${t.unmapped} (e.g. 发布信息43条: checked only for sums)`);
}

await main(process.argv.slice(2).length ? process.argv.slice(2) : ['corpus']);
