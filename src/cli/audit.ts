import { existsSync } from 'node:fs';
import { extname } from 'node:path';
import { HISTORY_COLUMNS, LOOKUP_COLUMNS, reportId, type RunFinding } from '../nightly/history.js';
import { normalizeAgency } from '../nightly/agencies.js';
import { progressBar } from '../nightly/progress.js';
import { auditPaths, type FileFacts, type RunHistory } from '../nightly/run.js';
import type { ShardDocument, SlimReport } from '../nightly/shard-output.js';
import { parseShard, type Shard } from '../nightly/shard.js';
import { SEVERITIES, severityRank, type Severity } from '../model/finding.js';
import { probeWritable } from '../output/atomic.js';
import { csvSink, headersOf } from '../output/csv.js';
import { htmlSink, pageHref } from '../output/html.js';
import { jsonSink } from '../output/json.js';
import { Body, fileTarget, stdoutTarget, type Sink, type Target } from '../output/sink.js';
import { onStop } from '../nightly/stop.js';
import { stylishSink } from '../output/stylish.js';
import { summaryLine, type RunSummary, type SummaryTally } from '../output/summary.js';
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
  ocrMemory: number;
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

export function runSummary(files: string[], tally: SummaryTally, ignored: number, h: RunHistory): RunSummary {
  return {
    ...tally.summary(files, ignored),
    history: {
      new: h.newCount,
      persisting: h.persisting,
      resolved: h.resolved,
      triaged: h.triaged,
      previousRun: h.previousRun,
    },
  };
}

/** Findings a reviewer still has to look at: triaged ones are settled. */
export function openFindings(findings: RunFinding[]): RunFinding[] {
  return findings.filter((f) => !f.triage);
}

/** Open findings by severity: all the exit code needs to know of a run. */
export function openCounts(findings: Iterable<RunFinding>): Record<Severity, number> {
  const open = { error: 0, warning: 0, info: 0 };
  for (const f of findings) if (!f.triage) open[f.severity]++;
  return open;
}

/** 1 when --fail-on or --max-warnings is matched by an open finding, else 0. */
export function exitCodeForCounts(
  open: Record<Severity, number>,
  failOn: Severity | undefined,
  maxWarnings?: number,
): number {
  const threshold = failOn ? severityRank[failOn] : Infinity;
  if (SEVERITIES.some((s) => open[s] > 0 && severityRank[s] >= threshold)) return 1;
  if (maxWarnings !== undefined && open.warning > maxWarnings) return 1;
  return 0;
}

export function exitCodeFor(findings: RunFinding[], failOn: Severity | undefined, maxWarnings?: number): number {
  return exitCodeForCounts(openCounts(findings), failOn, maxWarnings);
}

/** The report id, the manifest URL and, for a cross-year finding, the previous year's file. */
export function outputRow(facts: Map<string, FileFacts>): (f: RunFinding) => OutputRow {
  const byReport = new Map<string, string>();
  for (const [file, f] of facts)
    if (f.agency && f.year !== null)
      byReport.set(
        `${normalizeAgency(f.agency)}|${f.year}`,
        byReport.get(`${normalizeAgency(f.agency)}|${f.year}`) ?? file,
      );
  return (f) => {
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
  };
}

export function outputRows(findings: RunFinding[], facts: Map<string, FileFacts>): OutputRow[] {
  return findings.map(outputRow(facts));
}

/** Fingerprints written as `fp:…`, so Excel keeps them as text (a bare 687501e972939580 becomes a number). */
const asText = (r: OutputRow): OutputRow => ({ ...r, fingerprint: `fp:${r.fingerprint}` });

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

/** A run's document for its outputs: its findings come apart, streamed; a shard's reports are read as they are written (and once per JSON output). */
export type OutputDocument = Omit<ShardDocument, 'findings' | 'reports'> & { reports?: Iterable<SlimReport> };

/** One output being written: how, its findings' part so far, and whether it takes every finding as found (a shard's JSON). */
interface Output {
  path: string;
  sink: Sink<RunFinding>;
  body: Body;
  raw: boolean;
  /** written with `fp:` fingerprints (CSV, HTML) */
  text: boolean;
}

/**
 * Every output of a run, written as the findings arrive: each one's findings
 * go to a temporary file, and `finish` writes head, findings and tail to a
 * temporary file beside each output and renames them all once all are
 * complete. An output is whole or not written, and the findings are never
 * all in memory.
 */
export class Outputs {
  private readonly outputs: Output[] = [];
  private doc: OutputDocument | null = null;
  private toRow: ((f: RunFinding) => OutputRow) | null = null;
  private readonly unregister = onStop(() => this.abort());

  constructor(
    private readonly options: OutputOptions,
    shard: boolean,
  ) {
    try {
      this.add(options.out, formatOf(options.out, options.format));
      // a shard's JSON keeps every finding: merge must see what an unfiltered run sees
      if (options.json) this.add(options.json, 'json', shard);
      if (options.html) this.add(options.html, 'html');
    } catch (error) {
      this.abort();
      throw error;
    }
  }

  private add(path: string, format: Format, raw = false): void {
    const toStdout = path === '-';
    const doc = () => this.doc!;
    const output = (sink: Sink<RunFinding>, text: boolean) =>
      this.outputs.push({ path, sink, body: new Body(), raw, text });
    if (format === 'stylish') {
      const color = toStdout && !!process.stdout.isTTY && !process.env.NO_COLOR;
      output(stylishSink({ color, lang: lang() }), false);
    } else if (format === 'json') {
      output(
        jsonSink(() => {
          const { tool, version, summary, files, shard, reports } = doc();
          return { tool, version, summary, files, findings: [], shard, reports };
        }),
        false,
      );
    } else if (format === 'html')
      output(
        htmlSink(() => doc().summary, toStdout ? undefined : pageHref(path)),
        true,
      );
    else output(csvSink(headersOf(CSV_EXTRA)), true);
  }

  /** The files' facts, known before the first finding: where each file's report is, for the lookup columns. */
  start(facts: Map<string, FileFacts>): (f: RunFinding) => void {
    this.toRow = outputRow(facts);
    return (f) => this.finding(f);
  }

  private finding(f: RunFinding): void {
    const { onlyNew, quiet } = this.options;
    for (const o of this.outputs) if (o.raw) o.body.push(o.sink.row(f));
    if ((onlyNew && (f.triage || f.status !== 'new')) || (quiet && f.severity !== 'error')) return;
    const row = this.toRow!(f);
    const text = asText(row);
    for (const o of this.outputs) if (!o.raw) o.body.push(o.sink.row(o.text ? text : row));
  }

  finish(doc: OutputDocument): void {
    this.doc = doc;
    const targets: Target[] = [];
    try {
      for (const o of this.outputs) {
        const target = o.path === '-' ? stdoutTarget() : fileTarget(o.path);
        targets.push(target);
        target.push(o.sink.head());
        o.body.copyTo(target);
        for (const piece of o.sink.tailParts?.() ?? [o.sink.tail()]) target.push(piece);
      }
      for (const t of targets) t.commit();
    } catch (error) {
      for (const t of targets) t.abort();
      if (error instanceof CliError) throw error;
      throw new CliError(
        say(`输出写入失败：${(error as Error).message}`, `writing the output failed: ${(error as Error).message}`),
      );
    } finally {
      this.abort();
    }
  }

  /** Removes the findings' temporary files; the outputs stay as they were. */
  abort(): void {
    this.unregister();
    for (const o of this.outputs) o.body.remove();
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
  const written = new Outputs(outputs, !!shard);
  const run = await auditPaths(paths, {
    onFindings: (facts) => written.start(facts),
    jobs: options.jobs === undefined ? undefined : Math.floor(options.jobs),
    timeoutMs: options.timeout * 1000,
    maxMemoryMb: options.maxMemory,
    ocrMemoryMb: options.ocrMemory,
    db: options.db,
    shard,
    ocr: options.ocr,
    onProgress: progress.update,
    skip: skipper(config),
    extraExtensions: config.extensions,
    configure: configurer(config),
  }).catch((error) => {
    written.abort();
    throw error;
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
      ...runSummary(run.files, run.tally, run.ignored.length, run.history),
      skipped: run.skipped,
      warnings: run.warnings,
      config: config.file,
    };
    const doc: OutputDocument = {
      tool: 'nianbao',
      version: VERSION,
      summary,
      files: run.files,
      shard: shard ?? null,
      // read from the store report by report as the shard's JSON is written
      reports: shard ? { [Symbol.iterator]: () => run.slim()[Symbol.iterator]() } : undefined,
    };
    // Outputs first, history second: a run killed in between is re-run with the same history and writes the same outputs.
    written.finish(doc);
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
    const judged = options.quiet ? { ...run.open, warning: 0, info: 0 } : run.open;
    return exitCodeForCounts(judged, options.failOn, options.maxWarnings);
  } finally {
    written.abort();
    await run.close();
  }
}
