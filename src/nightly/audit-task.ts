import { runRules } from '../audit/engine.js';
import { RULES } from '../audit/rules/index.js';
import { agencyKey, agencyLevel } from '../model/agencies.js';
import type { Finding } from '../model/finding.js';
import type { AnnualReport } from '../model/report.js';
import { corpusDigest } from './digest.js';
import { isCorpusRule } from './shard-output.js';

/** The rules over one report; the cross-year ones run in the main thread, over every report's digest. */
export const LOCAL_RULES = RULES.filter((r) => !isCorpusRule(r.id));

/** What a manifest row says of a report (side-files.ts ManifestEntry, which the rules' cache key need not cover). */
interface ManifestEntry {
  agency: string | null;
  year: number | null;
  published: string | null;
}

/** The manifest knows better than the report's title who published it, for which year, and when. */
export function withManifest(report: AnnualReport, entry: ManifestEntry | undefined | null): AnnualReport {
  if (!entry) return report;
  const meta = {
    ...report.meta,
    agency: entry.agency ?? report.meta.agency,
    ...(entry.agency ? { agencyLevel: agencyLevel(entry.agency), agencyKey: agencyKey(entry.agency) } : {}),
    year: entry.year ?? report.meta.year,
    published: entry.published ?? report.meta.published,
  };
  return { ...report, meta };
}

/** One file's rule outcome: its findings (fingerprinted by the main thread, with the run's paths) and its digest as JSON. */
export interface AuditedText {
  findings: Finding[];
  digest: string;
}

/** The per-report rules over a parsed report (in a pool worker, under the file's time and memory limit). */
export function auditReport(report: AnnualReport, file: string, entry: ManifestEntry | null): AuditedText {
  const seen = withManifest(report, entry);
  return {
    findings: runRules(seen, file, {}, LOCAL_RULES),
    digest: JSON.stringify(corpusDigest(seen)),
  };
}
