import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Piscina } from 'piscina';
import { compiledScript } from '../extract/compiled.js';
import { killGroup } from '../extract/sandbox.js';
import type { AuditOutcome, AuditTask, ParseOutcome, ParseTask } from './worker.js';

export interface PoolOptions {
  jobs: number;
  timeoutMs: number;
  maxMemoryMb: number;
  /** time added to a file's limit for each page of a scan it recognises (OCR); default OCR_PAGE_MS */
  ocrPageMs?: number;
  /** the resident memory cap of a scan's OCR child process; default DEFAULT_EXTRACT_OPTIONS.ocrMemoryMb */
  ocrMemoryMb?: number;
}

/**
 * A scan's page takes 10–16 s of CPU to recognise, three to five times that in wall
 * time on a loaded machine: each page of a scan adds this to the file's limit.
 */
export const OCR_PAGE_MS = 60_000;
/** A scan longer than a report can be gets no more time than this many pages. */
const OCR_ALLOWANCE_PAGES = 30;

/** Workers always run compiled JS (see compiledScript). */
export function workerScript(): string {
  return compiledScript(import.meta.url, './worker.js', '../../dist/nightly/worker.js');
}

// Each worker's young generation counts in full towards the process RSS: 64 MB per worker cost ~80 MB at
// --jobs 2 (bench:corpus) for no measurable CPU; 8 MB keeps parsing as fast (worker CPU over the bench:pdf
// files, medians of 4 paired runs: 11.2 s at 16 MB, 11.3 s at 8 MB) and one worker's peak ~10 MB lower.
const YOUNG_GENERATION_MB = 8;
/** Child process groups a task can have alive at once (one conversion, with room to spare). */
const CHILD_SLOTS = 8;

function timeoutReason(ms: number, ocrPages: number): string {
  const ocr = ocrPages > 0 ? `，含扫描件 ${ocrPages} 页文字识别的时间` : '';
  return `解析超时（超过 ${Math.round(ms / 1000)} 秒${ocr}），已中止`;
}

function crashReason(error: Error, maxMemoryMb: number): string {
  if ((error as NodeJS.ErrnoException).code === 'ERR_WORKER_OUT_OF_MEMORY')
    return `解析时内存超限（超过 ${maxMemoryMb} MB），已中止`;
  return `解析进程异常退出（${error.message}）`;
}

function auditTimeoutReason(ms: number, shared: boolean): string {
  const limit = Math.round(ms / 1000);
  return shared
    ? `核查规则超时（解析与核查共用 ${limit} 秒时限，解析后余下的时间已用完），已中止`
    : `核查规则超时（超过 ${limit} 秒），已中止`;
}

function auditCrashReason(error: Error, maxMemoryMb: number): string {
  if ((error as NodeJS.ErrnoException).code === 'ERR_WORKER_OUT_OF_MEMORY')
    return `核查规则时内存超限（超过 ${maxMemoryMb} MB），已中止`;
  return `核查规则时进程异常退出（${error.message}）`;
}

/** A task in flight: where its worker records its children's process groups, and its temporary directory. */
interface InFlight {
  children: Int32Array;
  tmpDir: string;
}

function endTask(task: InFlight): void {
  for (let i = 0; i < task.children.length; i++) {
    const pgid = Atomics.exchange(task.children, i, 0);
    if (pgid > 0) killGroup(pgid);
  }
  rmSync(task.tmpDir, { recursive: true, force: true });
}

const RUN_DIR = /^nianbao-run-(\d+)-/;

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Removes what runs killed with SIGKILL left in the temporary folder (their pid is in the name, and gone). */
function sweepDeadRuns(): void {
  for (const name of readdirSync(tmpdir())) {
    const pid = Number(RUN_DIR.exec(name)?.[1]);
    if (pid && pid !== process.pid && !alive(pid)) rmSync(join(tmpdir(), name), { recursive: true, force: true });
  }
}

/** Every pool not closed yet: a signal or the exit of the process ends their tasks' children. */
const openPools = new Set<ParsePool>();

/** Kills every child of every task in flight and removes the pools' temporary files; synchronous, for signals and exit. */
export function abortAllPools(): void {
  for (const pool of openPools) pool.abortChildren();
}

process.once('exit', abortAllPools);

/**
 * A pool of parse workers. A document that runs past the time limit, runs out
 * of its worker's memory, or kills its worker comes back as a failure; piscina
 * replaces the worker and the pool goes on. Callers keep at most `jobs` tasks
 * in flight, so the time limit starts when parsing starts, not in a queue.
 * Whatever a task started (a converter and its children) ends with the task,
 * however the task ends, and so do its temporary files.
 */
export class ParsePool {
  private readonly pool: Piscina<ParseTask | AuditTask, ParseOutcome | AuditOutcome>;
  private readonly tmpRoot: string;
  private readonly inFlight = new Set<InFlight>();

  constructor(private readonly options: PoolOptions) {
    sweepDeadRuns();
    this.tmpRoot = mkdtempSync(join(tmpdir(), `nianbao-run-${process.pid}-`));
    this.pool = new Piscina({
      filename: workerScript(),
      minThreads: 1,
      maxThreads: options.jobs,
      idleTimeout: 30_000,
      resourceLimits: {
        maxOldGenerationSizeMb: options.maxMemoryMb,
        maxYoungGenerationSizeMb: Math.min(YOUNG_GENERATION_MB, options.maxMemoryMb / 4),
      },
    });
    openPools.add(this);
  }

  async parse(path: string, ocr = true, name?: string): Promise<ParseOutcome> {
    const children = new Int32Array(new SharedArrayBuffer(CHILD_SLOTS * 4));
    const ocrPages = new Int32Array(new SharedArrayBuffer(4));
    const task: InFlight = { children, tmpDir: mkdtempSync(join(this.tmpRoot, 't-')) };
    this.inFlight.add(task);
    try {
      const deadline = Date.now() + this.options.timeoutMs;
      const started = Date.now();
      const ocrAllowanceMs = OCR_ALLOWANCE_PAGES * (this.options.ocrPageMs ?? OCR_PAGE_MS);
      const ocrMemoryMb = this.options.ocrMemoryMb;
      const out = await this.limited(
        { path, name, ocr, children, tmpDir: task.tmpDir, deadline, ocrPages, ocrMemoryMb, ocrAllowanceMs },
        ocrPages,
      );
      if (out.ok) return { ...(out.value as ParseOutcome), leftMs: out.limitMs - (Date.now() - started) };
      const failure = out.timedOut
        ? timeoutReason(out.limitMs, Atomics.load(ocrPages, 0))
        : crashReason(out.error, this.options.maxMemoryMb);
      return { sha256: null, reportJson: null, failure, agency: null, year: null, limit: true };
    } finally {
      this.inFlight.delete(task);
      endTask(task);
    }
  }

  /**
   * The per-report rules over one parsed report, under the same time and
   * memory limit as a parse: rules that run past it come back as a failure of
   * this run (a limit, never cached), and the pool goes on. A file parsed in
   * this run has only what its parse left of the limit (`budgetMs`).
   */
  async audit(task: AuditTask['audit'], budgetMs = this.options.timeoutMs): Promise<AuditOutcome> {
    const budget = Math.max(1, Math.min(budgetMs, this.options.timeoutMs));
    const out = await this.limited({ audit: task }, undefined, budget);
    if (out.ok) return out.value as AuditOutcome;
    const failure = out.timedOut
      ? auditTimeoutReason(this.options.timeoutMs, budget < this.options.timeoutMs)
      : auditCrashReason(out.error, this.options.maxMemoryMb);
    return { failure, limit: true };
  }

  /**
   * Runs one task under the time limit; a task past it, or whose worker died, is reported as such. When the
   * limit comes, a scan's recognition started meanwhile (its pages in `ocrPages`) has earned its pages' time.
   */
  private async limited(
    task: ParseTask | AuditTask,
    ocrPages?: Int32Array,
    budgetMs = this.options.timeoutMs,
  ): Promise<
    | { ok: true; value: ParseOutcome | AuditOutcome; limitMs: number }
    | { ok: false; timedOut: boolean; error: Error; limitMs: number }
  > {
    const controller = new AbortController();
    let timedOut = false;
    const allowance = () =>
      ocrPages ? Math.min(Atomics.load(ocrPages, 0), OCR_ALLOWANCE_PAGES) * (this.options.ocrPageMs ?? OCR_PAGE_MS) : 0;
    let limit = budgetMs;
    const expire = () => {
      const due = budgetMs + allowance();
      if (due > limit) {
        timer = setTimeout(expire, due - limit);
        limit = due;
        return;
      }
      timedOut = true;
      controller.abort();
    };
    let timer = setTimeout(expire, limit);
    try {
      const value = await this.pool.run(task, { signal: controller.signal });
      return { ok: true, value, limitMs: budgetMs + allowance() };
    } catch (error) {
      return { ok: false, timedOut, error: error as Error, limitMs: limit };
    } finally {
      clearTimeout(timer);
    }
  }

  abortChildren(): void {
    for (const task of this.inFlight) endTask(task);
    this.inFlight.clear();
    rmSync(this.tmpRoot, { recursive: true, force: true });
  }

  async close(): Promise<void> {
    openPools.delete(this);
    this.abortChildren();
    await this.pool.destroy();
  }
}
