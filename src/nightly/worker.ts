import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { DEFAULT_EXTRACT_OPTIONS } from '../extract/options.js';
import { describeFailure, readReport, sha256 } from '../pipeline.js';

export interface ParseTask {
  path: string;
  /** recognise scans (default on) */
  ocr?: boolean;
}

export interface ParseOutcome {
  sha256: string | null;
  /** the AnnualReport as JSON text: stored as is, parsed once by whoever needs it */
  reportJson: string | null;
  failure: string | null;
  agency: string | null;
  year: number | null;
}

/** Test hooks, honoured only here in the worker: make one named document hang, crash or exhaust memory. */
function misbehave(path: string): void {
  const name = basename(path);
  if (process.env.NIANBAO_TEST_HANG === name) for (;;);
  if (process.env.NIANBAO_TEST_CRASH === name) process.exit(70);
  if (process.env.NIANBAO_TEST_OOM === name) {
    const hog: number[][] = [];
    for (;;) hog.push(new Array<number>(1_000_000).fill(hog.length));
  }
}

/** Reads, hashes and parses one file in a pool worker; a bad file is an outcome, never a throw. */
export default async function parseInWorker(task: ParseTask): Promise<ParseOutcome> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(task.path);
  } catch (error) {
    return {
      sha256: null,
      reportJson: null,
      agency: null,
      year: null,
      failure: `无法打开文件（${(error as NodeJS.ErrnoException).code ?? (error as Error).message}）`,
    };
  }
  const hash = sha256(bytes);
  misbehave(task.path);
  try {
    const report = await readReport(bytes, task.path, { ...DEFAULT_EXTRACT_OPTIONS, ocr: task.ocr ?? true });
    return {
      sha256: hash,
      reportJson: JSON.stringify(report),
      failure: null,
      agency: report.meta.agency,
      year: report.meta.year,
    };
  } catch (error) {
    return { sha256: hash, reportJson: null, failure: describeFailure(error), agency: null, year: null };
  }
}
