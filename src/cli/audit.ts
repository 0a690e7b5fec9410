import { parseArgs } from 'node:util';
import { HISTORY_COLUMNS, type RunFinding } from '../nightly/history.js';
import { progressBar } from '../nightly/progress.js';
import { auditPaths, DEFAULTS, type AuditRun } from '../nightly/run.js';
import type { ShardDocument } from '../nightly/shard-output.js';
import { parseShard, type Shard } from '../nightly/shard.js';
import { severityRank, type Severity } from '../model/finding.js';
import { writeFindingsCsv } from '../output/csv.js';
import { writeFindingsHtml } from '../output/html.js';
import { writeFindingsJson } from '../output/json.js';
import { summarize, summaryLine, type RunSummary } from '../output/summary.js';
import { UsageError } from './usage.js';
import { VERSION } from '../model/version.js';

const DEFAULT_OUT = 'nianbao-out/discrepancies.csv';
const DEFAULT_DB = 'nianbao-out/nianbao.db';

export interface AuditOptions {
  paths: string[];
  out: string;
  json?: string;
  html?: string;
  failOn?: Severity;
  quiet: boolean;
  jobs?: number;
  timeoutMs: number;
  maxMemoryMb: number;
  db: string;
  shard?: Shard;
  onlyNew: boolean;
  progress: boolean;
  ocr: boolean;
}

function positiveNumber(text: string | undefined, option: string): number | undefined {
  if (text === undefined) return undefined;
  const n = Number(text);
  if (!(n > 0) || !Number.isFinite(n)) throw new UsageError(`${option} takes a positive number`);
  return n;
}

function shardOption(text: string | undefined): Shard | undefined {
  if (text === undefined) return undefined;
  const shard = parseShard(text);
  if (!shard) throw new UsageError('--shard takes K/N with 1 ≤ K ≤ N, e.g. --shard 2/8');
  return shard;
}

export function parseAuditArgs(argv: string[]): AuditOptions {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      out: { type: 'string' },
      json: { type: 'string' },
      html: { type: 'string' },
      jobs: { type: 'string' },
      timeout: { type: 'string' },
      'max-memory': { type: 'string' },
      db: { type: 'string' },
      shard: { type: 'string' },
      'only-new': { type: 'boolean' },
      'no-progress': { type: 'boolean' },
      'no-ocr': { type: 'boolean' },
      'fail-on': { type: 'string' },
      quiet: { type: 'boolean', short: 'q' },
    },
  });
  if (!positionals.length) throw new UsageError('audit needs at least one PATH');
  const failOn = values['fail-on'];
  if (failOn !== undefined && failOn !== 'error' && failOn !== 'warning')
    throw new UsageError('--fail-on takes error or warning');
  const jobs = positiveNumber(values.jobs, '--jobs');
  const shard = shardOption(values.shard);
  return {
    paths: positionals,
    out: values.out ?? DEFAULT_OUT,
    json: values.json ?? (shard ? `nianbao-out/shard-${shard.index}-of-${shard.count}.json` : undefined),
    html: values.html,
    failOn,
    quiet: values.quiet ?? false,
    jobs: jobs === undefined ? undefined : Math.floor(jobs),
    timeoutMs: (positiveNumber(values.timeout, '--timeout') ?? DEFAULTS.timeoutMs / 1000) * 1000,
    maxMemoryMb: positiveNumber(values['max-memory'], '--max-memory') ?? DEFAULTS.maxMemoryMb,
    db: values.db ?? DEFAULT_DB,
    shard,
    onlyNew: values['only-new'] ?? false,
    ocr: !(values['no-ocr'] ?? false),
    progress: !(values['no-progress'] ?? false) && !(values.quiet ?? false),
  };
}

export function runSummary(run: Pick<AuditRun, 'files' | 'ignored' | 'findings' | 'history'>): RunSummary {
  const h = run.history;
  return {
    ...summarize(run.files, run.findings, run.ignored.length),
    history: {
      new: h.newCount,
      persisting: h.persisting,
      resolved: h.resolved.length,
      triaged: h.triaged,
      previousRun: h.previousRun,
    },
  };
}

/** Findings a reviewer still has to look at: triaged ones are settled. */
export function openFindings(findings: RunFinding[]): RunFinding[] {
  return findings.filter((f) => !f.triage);
}

export function exitCodeFor(findings: RunFinding[], failOn: Severity | undefined): number {
  const threshold = failOn ? severityRank[failOn] : Infinity;
  return openFindings(findings).some((f) => severityRank[f.severity] >= threshold) ? 1 : 0;
}

export async function writeOutputs(
  options: Pick<AuditOptions, 'out' | 'json' | 'html' | 'onlyNew'>,
  doc: ShardDocument,
): Promise<void> {
  const rows = options.onlyNew ? openFindings(doc.findings).filter((f) => f.status === 'new') : doc.findings;
  await writeFindingsCsv(options.out, rows, HISTORY_COLUMNS);
  if (options.json) await writeFindingsJson(options.json, { ...doc, findings: rows });
  if (options.html) await writeFindingsHtml(options.html, rows, doc.summary);
}

export async function auditCommand(argv: string[]): Promise<number> {
  const options = parseAuditArgs(argv);
  const started = new Date().toISOString();
  const progress = progressBar(options.progress);
  const run = await auditPaths(options.paths, {
    jobs: options.jobs,
    timeoutMs: options.timeoutMs,
    maxMemoryMb: options.maxMemoryMb,
    db: options.db,
    shard: options.shard,
    ocr: options.ocr,
    onProgress: progress.update,
  });
  progress.stop();
  try {
    const summary = runSummary(run);
    const doc: ShardDocument = {
      tool: 'nianbao',
      version: VERSION,
      summary,
      files: run.files,
      findings: run.findings,
      shard: options.shard ?? null,
      reports: options.shard ? run.slim() : undefined,
    };
    // Outputs first, history second: a run killed in between is re-run with the same history and writes the same outputs.
    await writeOutputs(options, doc);
    run.commit(argv.join(' '), started);
    if (!options.quiet)
      process.stderr.write(
        `${summaryLine(summary)}; ${run.parsed} parsed, ${run.cached} from cache\nwrote ${options.out}\n`,
      );
    return exitCodeFor(run.findings, options.failOn);
  } finally {
    await run.close();
  }
}
