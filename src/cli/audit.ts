import { existsSync } from 'node:fs';
import { extname } from 'node:path';
import { HISTORY_COLUMNS, LOOKUP_COLUMNS, reportId, type RunFinding } from '../nightly/history.js';
import { normalizeAgency } from '../nightly/agencies.js';
import { progressBar } from '../nightly/progress.js';
import { auditPaths, type AuditRun, type FileFacts } from '../nightly/run.js';
import type { ShardDocument } from '../nightly/shard-output.js';
import { parseShard, type Shard } from '../nightly/shard.js';
import { severityRank, type Severity } from '../model/finding.js';
import { probeWritable } from '../output/atomic.js';
import { findingsCsv, writeFindingsCsv } from '../output/csv.js';
import { findingsHtml, writeFindingsHtml } from '../output/html.js';
import { writeFindingsJson } from '../output/json.js';
import { stylish } from '../output/stylish.js';
import { summarize, summaryLine, type RunSummary } from '../output/summary.js';
import { VERSION } from '../model/version.js';
import { configurer, loadConfig, skipper } from './config.js';
import { lang, say } from './lang.js';
import { CliError } from './usage.js';

export type Format = 'csv' | 'json' | 'html' | 'stylish';

/** What commander hands over: every option of audit and merge that decides outputs and the exit code. */
export interface OutputOptions {
  out: string;
  format?: Format;
  json?: string;
  html?: string;
  failOn?: Severity;
  maxWarnings?: number;
  quiet?: boolean;
  silent?: boolean;
  onlyNew?: boolean;
}

export interface AuditOptions extends OutputOptions {
  jobs?: number;
  db: string;
  config?: string | false;
  timeout: number;
  maxMemory: number;
  shard?: string;
  progress: boolean;
  ocr: boolean;
}

/** A finding as the CSV, HTML and JSON outputs write it: the fixed columns, history, and where to look. */
export type OutputRow = RunFinding & {
  source_url: string;
  report: string;
  previous_file: string;
};

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

/** 1 when --fail-on or --max-warnings is matched by an open finding, else 0. */
export function exitCodeFor(findings: RunFinding[], failOn: Severity | undefined, maxWarnings?: number): number {
  const open = openFindings(findings);
  const threshold = failOn ? severityRank[failOn] : Infinity;
  if (open.some((f) => severityRank[f.severity] >= threshold)) return 1;
  if (maxWarnings !== undefined && open.filter((f) => f.severity === 'warning').length > maxWarnings) return 1;
  return 0;
}

/** The report id, the manifest URL and, for a cross-year finding, the previous year's file. */
export function outputRows(findings: RunFinding[], facts: Map<string, FileFacts>): OutputRow[] {
  const byReport = new Map<string, string>();
  for (const [file, f] of facts)
    if (f.agency && f.year !== null)
      byReport.set(
        `${normalizeAgency(f.agency)}|${f.year}`,
        byReport.get(`${normalizeAgency(f.agency)}|${f.year}`) ?? file,
      );
  return findings.map((f) => {
    const fact = facts.get(f.file);
    const previous =
      f.agency && f.year !== null && (f.rule.startsWith('cross-year/') || f.rule === 'corpus/copies-disagree')
        ? (byReport.get(`${normalizeAgency(f.agency)}|${f.rule.startsWith('cross-year/') ? f.year - 1 : f.year}`) ?? '')
        : '';
    return {
      ...f,
      source_url: fact?.url ?? '',
      report: reportId(f, fact?.path ?? f.file),
      previous_file: previous,
    };
  });
}

/** Fingerprints written as `fp:…`, so Excel keeps them as text (a bare 687501e972939580 becomes a number). */
const asText = (rows: OutputRow[]) => rows.map((r) => ({ ...r, fingerprint: `fp:${r.fingerprint}` }));

const CSV_EXTRA = [...HISTORY_COLUMNS, ...LOOKUP_COLUMNS] as const;

function formatOf(out: string, format: Format | undefined): Format {
  if (format) return format;
  if (out === '-') return process.stdout.isTTY ? 'stylish' : 'csv';
  const ext = extname(out).toLowerCase();
  return ext === '.json' ? 'json' : ext === '.html' || ext === '.htm' ? 'html' : 'csv';
}

/** Every output file can be written, checked before the run: a failed night must not look like a good one. */
export function checkWritable(options: Pick<OutputOptions, 'out' | 'json' | 'html'>): void {
  for (const path of [options.out, options.json, options.html]) {
    if (!path || path === '-') continue;
    try {
      probeWritable(path);
    } catch (error) {
      throw new CliError(
        say(
          `无法写入 ${path}（${(error as NodeJS.ErrnoException).code ?? (error as Error).message}）`,
          `cannot write ${path} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`,
        ),
      );
    }
  }
}

async function writeOne(path: string, format: Format, rows: OutputRow[], doc: ShardDocument): Promise<void> {
  const toStdout = path === '-';
  if (format === 'stylish') {
    const text = stylish(rows, { color: toStdout && !!process.stdout.isTTY && !process.env.NO_COLOR, lang: lang() });
    if (toStdout) process.stdout.write(text);
    else (await import('../output/atomic.js')).writeAtomicChunks(path, [text]);
  } else if (format === 'json') {
    if (toStdout) process.stdout.write(`${JSON.stringify({ ...doc, findings: rows }, null, 2)}\n`);
    else await writeFindingsJson(path, { ...doc, findings: rows });
  } else if (format === 'html') {
    if (toStdout) process.stdout.write(findingsHtml(asText(rows), doc.summary));
    else await writeFindingsHtml(path, asText(rows), doc.summary);
  } else if (toStdout) process.stdout.write(await findingsCsv(asText(rows), CSV_EXTRA));
  else await writeFindingsCsv(path, asText(rows), CSV_EXTRA);
}

export async function writeOutputs(
  options: OutputOptions,
  doc: ShardDocument,
  facts: Map<string, FileFacts>,
): Promise<void> {
  let shown = options.onlyNew ? openFindings(doc.findings).filter((f) => f.status === 'new') : doc.findings;
  if (options.quiet) shown = shown.filter((f) => f.severity === 'error');
  const rows = outputRows(shown, facts);
  try {
    await writeOne(options.out, formatOf(options.out, options.format), rows, doc);
    // a shard's JSON keeps every finding: merge must see what an unfiltered run sees
    if (options.json) await writeFindingsJson(options.json, doc.shard ? doc : { ...doc, findings: rows });
    if (options.html) await writeFindingsHtml(options.html, asText(rows), doc.summary);
  } catch (error) {
    if (error instanceof CliError) throw error;
    throw new CliError(
      say(`输出写入失败：${(error as Error).message}`, `writing the output failed: ${(error as Error).message}`),
    );
  }
}

export function shardOption(text: string | undefined): Shard | undefined {
  if (text === undefined) return undefined;
  const shard = parseShard(text);
  if (!shard)
    throw new CliError(
      say(
        '--shard 的取值应为 K/N（1 ≤ K ≤ N），例如 --shard 2/8',
        '--shard takes K/N with 1 ≤ K ≤ N, e.g. --shard 2/8',
      ),
    );
  return shard;
}

export async function auditCommand(paths: string[], options: AuditOptions): Promise<number> {
  const missing = paths.filter((p) => !existsSync(p));
  if (missing.length)
    throw new CliError(say(`路径不存在：${missing.join('、')}`, `no such path: ${missing.join(', ')}`));
  const shard = shardOption(options.shard);
  const json = options.json ?? (shard ? `nianbao-out/shard-${shard.index}-of-${shard.count}.json` : undefined);
  const outputs = { ...options, json };
  checkWritable(outputs);
  const config = loadConfig(options.config, paths);
  const started = new Date().toISOString();
  const progress = progressBar(options.progress && !options.silent);
  const run = await auditPaths(paths, {
    jobs: options.jobs === undefined ? undefined : Math.floor(options.jobs),
    timeoutMs: options.timeout * 1000,
    maxMemoryMb: options.maxMemory,
    db: options.db,
    shard,
    ocr: options.ocr,
    onProgress: progress.update,
    skip: skipper(config),
    extraExtensions: config.extensions,
    configure: configurer(config),
  });
  progress.stop();
  try {
    if (!run.files.length && !shard) {
      const why = run.skipped.length
        ? say(`（${run.skipped.length} 个被配置跳过）`, ` (${run.skipped.length} skipped by config)`)
        : '';
      throw new CliError(
        say(`路径下没有报告文件：${paths.join('、')}${why}`, `no report file under ${paths.join(', ')}${why}`),
      );
    }
    const summary: RunSummary = {
      ...runSummary(run),
      skipped: run.skipped,
      warnings: run.warnings,
      config: config.file,
    };
    const doc: ShardDocument = {
      tool: 'nianbao',
      version: VERSION,
      summary,
      files: run.files,
      findings: run.findings,
      shard: shard ?? null,
      reports: shard ? run.slim() : undefined,
    };
    // Outputs first, history second: a run killed in between is re-run with the same history and writes the same outputs.
    await writeOutputs(outputs, doc, run.facts);
    run.commit(process.argv.slice(2).join(' '), started);
    if (!options.silent) {
      const counts = say(
        `；解析 ${run.parsed} 个，取自缓存 ${run.cached} 个`,
        `; ${run.parsed} parsed, ${run.cached} from cache`,
      );
      const wrote = options.out === '-' ? '' : `\n${say('已写入', 'wrote')} ${options.out}`;
      const [first, ...rest] = summaryLine(summary, lang()).split('\n');
      process.stderr.write(`${[`${first}${counts}`, ...rest].join('\n')}${wrote}\n`);
    }
    const judged = options.quiet ? run.findings.filter((f) => f.severity === 'error') : run.findings;
    return exitCodeFor(judged, options.failOn, options.maxWarnings);
  } finally {
    await run.close();
  }
}
