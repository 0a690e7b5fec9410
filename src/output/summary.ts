import type { Finding, Severity } from '../model/finding.js';
import { SEVERITIES } from '../model/finding.js';

export interface RunSummary {
  filesRead: number;
  unreadable: number;
  clean: number;
  ignored: number;
  findings: number;
  bySeverity: Record<Severity, number>;
  /** against the run store's earlier runs; absent for a run without history */
  history?: HistorySummary;
  /** files a config's ignore globs left out, and why */
  skipped?: { file: string; reason: string }[];
  /** side-file rows and columns that were not used (manifest.csv, nianbao-triage.csv), and why */
  warnings?: { file: string; row: number | null; message: string }[];
  /** the config file that applied, if any */
  config?: string | null;
}

export interface HistorySummary {
  new: number;
  persisting: number;
  resolved: number;
  triaged: number;
  previousRun: number | null;
}

/** The summary's counts, gathered finding by finding: a run never holds its findings to count them. */
export class SummaryTally {
  private readonly withFindings = new Set<string>();
  private readonly unreadable = new Set<string>();
  private readonly bySeverity = new Map<Severity, number>();
  private count = 0;

  add(f: Finding): void {
    this.count++;
    this.withFindings.add(f.file);
    if (f.rule === 'extract/unreadable') this.unreadable.add(f.file);
    this.bySeverity.set(f.severity, (this.bySeverity.get(f.severity) ?? 0) + 1);
  }

  summary(files: string[], ignored = 0): RunSummary {
    return {
      filesRead: files.length,
      unreadable: this.unreadable.size,
      clean: files.filter((f) => !this.withFindings.has(f)).length,
      ignored,
      findings: this.count,
      bySeverity: Object.fromEntries(SEVERITIES.map((s) => [s, this.bySeverity.get(s) ?? 0])) as Record<
        Severity,
        number
      >,
    };
  }
}

export function summarize(files: string[], findings: Iterable<Finding>, ignored = 0): RunSummary {
  const tally = new SummaryTally();
  for (const f of findings) tally.add(f);
  return tally.summary(files, ignored);
}

function lineEn(s: RunSummary): string {
  const severities = `${s.bySeverity.error} error, ${s.bySeverity.warning} warning, ${s.bySeverity.info} info`;
  const ignored = s.ignored ? `; ${s.ignored} non-report files ignored` : '';
  const skipped = s.skipped?.length ? `; ${s.skipped.length} skipped by config` : '';
  const h = s.history;
  const history = h
    ? `; ${h.new} new, ${h.persisting} persisting, ${h.resolved} resolved since ${h.previousRun === null ? 'no earlier run' : `run ${h.previousRun}`}, ${h.triaged} triaged`
    : '';
  return `nianbao: ${s.filesRead} files read, ${s.unreadable} unreadable, ${s.clean} clean; ${s.findings} findings (${severities})${history}${ignored}${skipped}`;
}

function lineZh(s: RunSummary): string {
  const severities = `错误 ${s.bySeverity.error}，警告 ${s.bySeverity.warning}，提示 ${s.bySeverity.info}`;
  const ignored = s.ignored ? `；忽略非报告文件 ${s.ignored} 个` : '';
  const skipped = s.skipped?.length ? `；按配置跳过 ${s.skipped.length} 个` : '';
  const h = s.history;
  const history = h
    ? `；${h.previousRun === null ? '首次运行' : `与第 ${h.previousRun} 次运行相比`}：新增 ${h.new}，持续 ${h.persisting}，已解决 ${h.resolved}，已分诊 ${h.triaged}`
    : '';
  return `nianbao：读取 ${s.filesRead} 个文件，无法读取 ${s.unreadable} 个，无问题 ${s.clean} 个；发现问题 ${s.findings} 条（${severities}）${history}${ignored}${skipped}`;
}

/** The one summary line; then one line per skipped file and per side-file warning, so nothing is dropped silently. */
export function summaryLine(s: RunSummary, lang: 'zh' | 'en' = 'en'): string {
  const lines = [lang === 'zh' ? lineZh(s) : lineEn(s)];
  for (const k of s.skipped ?? [])
    lines.push(lang === 'zh' ? `  跳过 ${k.file}：${k.reason}` : `  skipped ${k.file}: ${k.reason}`);
  for (const w of s.warnings ?? []) {
    const at = w.row === null ? w.file : lang === 'zh' ? `${w.file} 第 ${w.row} 行` : `${w.file} row ${w.row}`;
    lines.push(lang === 'zh' ? `  警告 ${at}：${w.message}` : `  warning ${at}: ${w.message}`);
  }
  return lines.join('\n');
}
