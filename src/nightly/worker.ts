import { constants } from 'node:fs';
import { open } from 'node:fs/promises';
import { basename } from 'node:path';
import { setChildTracker, setTempRoot } from '../extract/sandbox.js';
import { DEFAULT_EXTRACT_OPTIONS } from '../extract/options.js';
import { UnreadableDocument } from '../model/ir.js';
import type { AnnualReport } from '../model/report.js';
import { describeFailure, readReport, sha256 } from '../pipeline.js';
import { auditReport, type AuditedText } from './audit-task.js';
import type { ManifestEntry } from './side-files.js';

export interface ParseTask {
  path: string;
  /** recognise scans (default on) */
  ocr?: boolean;
  /** the file as the model names it (source.path), when not `path` */
  name?: string;
  /** slots where this worker records the process groups of the children it starts, for the pool to kill */
  children: Int32Array;
  /** the task's temporary directory, removed by the pool however the task ends */
  tmpDir: string;
  /** when the pool gives up on this task (epoch ms): a converter must end before it */
  deadline: number;
  /** the resident memory cap (MB) of a scan's OCR child process */
  ocrMemoryMb?: number;
  /** the most time a scan's recognition can add to `deadline` */
  ocrAllowanceMs?: number;
  /** slot 0: the pages of a scan this worker is recognising, for the pool to allow time for */
  ocrPages?: Int32Array;
}

/** The per-report rules over a report the parse cache holds, under the same limits as a parse. */
export interface AuditTask {
  audit: { report: AnnualReport; file: string; manifest: ManifestEntry | null };
}

export type AuditOutcome = (AuditedText & { failure?: undefined }) | { failure: string; limit?: boolean };

export interface ParseOutcome {
  sha256: string | null;
  /** the AnnualReport as JSON text: stored as is, parsed once by whoever needs it */
  reportJson: string | null;
  failure: string | null;
  agency: string | null;
  year: number | null;
  /** the failure is a limit of this run (time, memory, a crash), not a property of the file: never cached */
  limit?: boolean;
  /** what the parse left of the file's time limit, for its rules (set by the pool) */
  leftMs?: number;
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

/** Test hook: NIANBAO_TEST_SCAN=name:pages:ms,… makes each named document a scan of `pages` pages whose recognition takes `ms`. */
async function slowScan(path: string, onOcrStart: (pages: number) => void): Promise<void> {
  const hook = (process.env.NIANBAO_TEST_SCAN ?? '').split(',').map((s) => s.split(':'));
  const [, pages, ms] = hook.find(([name]) => name === basename(path)) ?? [];
  if (!ms) return;
  onOcrStart(Number(pages));
  await new Promise((done) => setTimeout(done, Number(ms)));
}

/** Test hook of the rule phase: the rules over one named document never end. */
function misbehaveInRules(path: string): void {
  if (process.env.NIANBAO_TEST_RULES_HANG === basename(path)) for (;;);
}

function auditInWorker({ audit }: AuditTask): AuditOutcome {
  misbehaveInRules(audit.file);
  return auditReport(audit.report, audit.file, audit.manifest);
}

function track(slots: Int32Array): void {
  setChildTracker({
    add: (pgid) => {
      for (let i = 0; i < slots.length; i++) if (Atomics.compareExchange(slots, i, 0, pgid) === 0) return;
    },
    remove: (pgid) => {
      for (let i = 0; i < slots.length; i++) if (Atomics.compareExchange(slots, i, pgid, 0) === pgid) return;
    },
  });
}

/** Files beyond this are refused unread: a report is a few MB, and a worker must not hold a disk image. */
export const MAX_FILE_BYTES = 256 * 1024 * 1024;

/**
 * The file's bytes, opened without blocking (a FIFO or a device never blocks
 * the worker) and read only when it is a regular file within the size limit.
 */
export async function readRegularFile(path: string): Promise<Uint8Array> {
  const handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK).catch((error: NodeJS.ErrnoException) => {
    throw new UnreadableDocument(`无法打开文件（${error.code ?? error.message}）`, 'corrupt');
  });
  try {
    const info = await handle.stat();
    if (!info.isFile()) throw new UnreadableDocument(`不是普通文件（${specialKind(info)}），未读取`, 'unsupported');
    if (info.size > MAX_FILE_BYTES)
      throw new UnreadableDocument(
        `文件过大（${(info.size / 1048576).toFixed(0)} MB，超过 ${MAX_FILE_BYTES / 1048576} MB 上限），未读取`,
        'too-large',
      );
    return await handle.readFile();
  } finally {
    await handle.close();
  }
}

export function specialKind(info: {
  isFIFO(): boolean;
  isCharacterDevice(): boolean;
  isBlockDevice(): boolean;
  isSocket(): boolean;
  isDirectory(): boolean;
}): string {
  if (info.isFIFO()) return '命名管道 FIFO';
  if (info.isCharacterDevice()) return '字符设备';
  if (info.isBlockDevice()) return '块设备';
  if (info.isSocket()) return '套接字';
  if (info.isDirectory()) return '目录';
  return '特殊文件';
}

/** A pool worker's task: parse one file, or run the rules over one parsed report. */
export default async function runTask(task: ParseTask | AuditTask): Promise<ParseOutcome | AuditOutcome> {
  return 'audit' in task ? auditInWorker(task) : parseInWorker(task);
}

/** Reads, hashes and parses one file in a pool worker; a bad file is an outcome, never a throw. */
async function parseInWorker(task: ParseTask): Promise<ParseOutcome> {
  track(task.children);
  setTempRoot(task.tmpDir);
  let bytes: Uint8Array;
  try {
    bytes = await readRegularFile(task.path);
  } catch (error) {
    return { sha256: null, reportJson: null, agency: null, year: null, failure: describeFailure(error) };
  }
  const hash = sha256(bytes);
  misbehave(task.path);
  // the converter gets what is left of the file's time, less a tenth (at least a second) to read its output
  const left = task.deadline - Date.now();
  const options = {
    ...DEFAULT_EXTRACT_OPTIONS,
    sofficeTimeoutMs: Math.max(500, left - Math.max(1000, left / 10)),
    ocr: task.ocr ?? true,
    ocrMemoryMb: task.ocrMemoryMb ?? DEFAULT_EXTRACT_OPTIONS.ocrMemoryMb,
    ocrTimeoutMs: Math.max(1000, left + (task.ocrAllowanceMs ?? 0)),
    onOcrStart: (pages: number) => {
      if (task.ocrPages) Atomics.store(task.ocrPages, 0, pages);
    },
  };
  try {
    await slowScan(task.path, options.onOcrStart);
    const report = await readReport(bytes, task.name ?? task.path, options);
    return {
      sha256: hash,
      reportJson: JSON.stringify(report),
      failure: null,
      agency: report.meta.agency,
      year: report.meta.year,
    };
  } catch (error) {
    const limit = error instanceof UnreadableDocument && ['timeout', 'memory', 'crash'].includes(error.reason);
    return { sha256: hash, reportJson: null, failure: describeFailure(error), agency: null, year: null, limit };
  } finally {
    setChildTracker(null);
    setTempRoot(null);
  }
}
