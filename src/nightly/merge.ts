import { readFile } from 'node:fs/promises';
import { runRules } from '../audit/engine.js';
import { RULES } from '../audit/rules/index.js';
import type { OpenFinding, RunFinding } from '../model/finding.js';
import type { AnnualReport } from '../model/report.js';
import { CorpusIndex } from './agencies.js';
import { applyHistory, withFingerprints, type HistoryResult } from './history.js';
import { isCorpusRule, type ShardDocument } from './shard-output.js';
import type { TriageEntry } from './side-files.js';

/** The walker's order (each directory's entries sorted), for files that came from several shards. */
export function walkOrder(a: string, b: string): number {
  const [pa, pb] = [a.split(/[\\/]/), b.split(/[\\/]/)];
  for (let i = 0; i < Math.min(pa.length, pb.length); i++) if (pa[i] !== pb[i]) return pa[i]! < pb[i]! ? -1 : 1;
  return pa.length - pb.length;
}

/** A shard's finding with its fingerprint (made from the shard's audited root) and a status and triage still to be set. */
const reset = (f: RunFinding): RunFinding => ({ ...f, status: 'new', triage: '' });

export interface MergedRun {
  files: string[];
  findings: RunFinding[];
  history: Omit<HistoryResult, 'findings'>;
}

export async function readShard(path: string): Promise<ShardDocument> {
  const doc = JSON.parse(await readFile(path, 'utf8')) as ShardDocument;
  if (doc.tool !== 'nianbao' || !Array.isArray(doc.findings) || !Array.isArray(doc.files))
    throw new Error(`${path} is not a nianbao JSON output`);
  if (!doc.reports) throw new Error(`${path} has no reports: write shard outputs with audit --shard K/N`);
  return doc;
}

/**
 * Shards' findings as one run over the whole corpus: each shard saw only its
 * own files, so the cross-year rules are run again here over every shard's
 * reports, replacing what the shards found with a partial index.
 */
export function mergeShards(
  docs: ShardDocument[],
  previous: OpenFinding[],
  triage: Map<string, TriageEntry>,
): MergedRun {
  const files = [...new Set(docs.flatMap((d) => d.files))].sort(walkOrder);
  const reports = new Map<string, AnnualReport>(docs.flatMap((d) => d.reports ?? []).map((r) => [r.file, r.report]));
  const index = new CorpusIndex((file) => reports.get(file) ?? null);
  for (const file of files) {
    const r = reports.get(file);
    if (r) index.add(r.meta.agency, r.meta.year, file);
  }
  const corpusRules = RULES.filter((r) => isCorpusRule(r.id));
  const byFile = new Map<string, RunFinding[]>();
  for (const f of docs.flatMap((d) => d.findings))
    if (!isCorpusRule(f.rule)) byFile.set(f.file, [...(byFile.get(f.file) ?? []), reset(f)]);
  const context = { reportFor: (agency: string, year: number) => index.reportFor(agency, year) };
  const findings = files.flatMap((file) => {
    const report = reports.get(file);
    return [
      ...(byFile.get(file) ?? []),
      ...(report ? withFingerprints(runRules(report, file, context, corpusRules)) : []),
    ];
  });
  const { findings: out, ...history } = applyHistory(findings, files, previous, triage);
  return { files, findings: out, history };
}
