import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';
import type { ParseOutcome, ParseTask } from './worker.js';

export interface PoolOptions {
  jobs: number;
  timeoutMs: number;
  maxMemoryMb: number;
}

/** Workers always run compiled JS: from dist beside this module, or dist/ when this module runs from src/ (tests). */
export function workerScript(): string {
  const beside = fileURLToPath(new URL('./worker.js', import.meta.url));
  if (existsSync(beside)) return beside;
  const built = fileURLToPath(new URL('../../dist/nightly/worker.js', import.meta.url));
  if (!existsSync(built)) throw new Error(`worker script not found: run \`npm run build\` (looked for ${built})`);
  return built;
}

// Each worker's young generation counts in full towards the process RSS: 64 MB per worker cost ~80 MB at
// --jobs 2 (bench:corpus) for no measurable CPU; 16 MB keeps parsing as fast.
const YOUNG_GENERATION_MB = 16;

function timeoutReason(ms: number): string {
  return `解析超时（超过 ${ms / 1000} 秒），已中止`;
}

function crashReason(error: Error, maxMemoryMb: number): string {
  if ((error as NodeJS.ErrnoException).code === 'ERR_WORKER_OUT_OF_MEMORY')
    return `解析时内存超限（超过 ${maxMemoryMb} MB），已中止`;
  return `解析进程异常退出（${error.message}）`;
}

/**
 * A pool of parse workers. A document that runs past the time limit, runs out
 * of its worker's memory, or kills its worker comes back as a failure; piscina
 * replaces the worker and the pool goes on. Callers keep at most `jobs` tasks
 * in flight, so the time limit starts when parsing starts, not in a queue.
 */
export class ParsePool {
  private readonly pool: Piscina<ParseTask, ParseOutcome>;

  constructor(private readonly options: PoolOptions) {
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
  }

  async parse(path: string, ocr = true): Promise<ParseOutcome> {
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, this.options.timeoutMs);
    try {
      return await this.pool.run({ path, ocr }, { signal: controller.signal });
    } catch (error) {
      const failure = timedOut
        ? timeoutReason(this.options.timeoutMs)
        : crashReason(error as Error, this.options.maxMemoryMb);
      return { sha256: null, reportJson: null, failure, agency: null, year: null };
    } finally {
      clearTimeout(timer);
    }
  }

  async close(): Promise<void> {
    await this.pool.destroy();
  }
}
