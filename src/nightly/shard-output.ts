import type { AnnualReport } from '../model/report.js';
import type { FindingsDocument } from '../output/json.js';
import type { RunFinding } from '../model/finding.js';
import type { Shard } from './shard.js';

/** One report as a shard hands it to `merge`: the model without its text, enough for cross-year rules. */
export interface SlimReport {
  file: string;
  report: AnnualReport;
}

export interface ShardDocument extends FindingsDocument {
  findings: RunFinding[];
  shard: Shard | null;
  /** present in shard outputs: every readable report of the shard */
  reports?: SlimReport[];
}

/** Rules that need other reports of the corpus: a shard sees only part of it, so `merge` runs them again. */
export const isCorpusRule = (id: string) => id.startsWith('cross-year/') || id.startsWith('corpus/');

export function slimReport(report: AnnualReport): AnnualReport {
  return { ...report, sections: [], diagnostics: [] };
}
