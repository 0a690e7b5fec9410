import { resolve } from 'node:path';
import { DEFAULTS } from '../nightly/run.js';
import { ParsePool } from '../nightly/pool.js';
import { writeAtomic } from '../output/atomic.js';

export interface ExtractOptions {
  out?: string;
  /** seconds */
  timeout?: number;
  maxMemory?: number;
  ocrMemory?: number;
  /** false with --no-ocr */
  ocr?: boolean;
}

/**
 * Parses one file in a worker, under the same limits as `audit`: the file is
 * opened without blocking and read only when it is a regular file within the
 * size limit, and a parse past --timeout or --max-memory ends with a message.
 */
export async function extractCommand(file: string, options: ExtractOptions): Promise<number> {
  const pool = new ParsePool({
    jobs: 1,
    timeoutMs: (options.timeout ?? DEFAULTS.timeoutMs / 1000) * 1000,
    maxMemoryMb: options.maxMemory ?? DEFAULTS.maxMemoryMb,
    ocrMemoryMb: options.ocrMemory,
  });
  let out: Awaited<ReturnType<ParsePool['parse']>>;
  try {
    out = await pool.parse(resolve(file), options.ocr ?? true, file);
  } finally {
    await pool.close();
  }
  if (out.reportJson === null) {
    process.stderr.write(`nianbao: ${file}: ${out.failure ?? '未能解析'}\n`);
    return 2;
  }
  const json = `${JSON.stringify(JSON.parse(out.reportJson), null, 2)}\n`;
  if (options.out) await writeAtomic(options.out, json);
  else process.stdout.write(json);
  return 0;
}
